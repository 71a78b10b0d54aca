import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeBody, decodeWindows1252, supportedEncoding } from '../../pipeline/fetch/decode.ts';

/** “Department” – Press Briefing, café — in Windows-1252 bytes. */
const CP1252 = Uint8Array.from([
  0x93, ...Buffer.from('Department'), 0x94, 0x20, 0x96, 0x20, ...Buffer.from('Press Briefing, caf'), 0xe9,
]);
const CP1252_TEXT = '“Department” – Press Briefing, café';

const html = (head: string, body: Uint8Array) =>
  Uint8Array.from([...Buffer.from(`<!doctype html><html><head>${head}</head><body><p>`), ...body, ...Buffer.from('</p></body></html>')]);

describe('decodeBody', () => {
  it('uses the charset from Content-Type', () => {
    const decoded = decodeBody(CP1252, 'text/html; charset=windows-1252');
    expect(decoded).toEqual({ text: CP1252_TEXT, encoding: 'windows-1252', source: 'header' });
  });

  it('treats iso-8859-1 as windows-1252, as browsers do (curly quotes live in 0x80-0x9F)', () => {
    expect(decodeBody(CP1252, 'text/html; charset="ISO-8859-1"').text).toBe(CP1252_TEXT);
  });

  it('finds <meta charset> when the header says nothing', () => {
    const decoded = decodeBody(html('<meta charset="windows-1252">', CP1252), 'text/html');
    expect(decoded.source).toBe('meta');
    expect(decoded.text).toContain(CP1252_TEXT);
  });

  it('finds the http-equiv form', () => {
    const head = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">';
    expect(decodeBody(html(head, CP1252), null).text).toContain(CP1252_TEXT);
  });

  it('ignores a meta beyond the first 1024 bytes, and sniffs bytes that are not UTF-8', () => {
    const padding = `<!-- ${'x'.repeat(1100)} -->`;
    const decoded = decodeBody(html(`${padding}<meta charset="utf-8">`, CP1252), 'text/html');
    expect(decoded.source).toBe('sniffed');
    expect(decoded.text).toContain(CP1252_TEXT);
    const utf8 = decodeBody(html(`${padding}<meta charset="windows-1252">`, Buffer.from(CP1252_TEXT)), 'text/html');
    expect(utf8).toMatchObject({ encoding: 'utf-8', source: 'default' });
    expect(utf8.text).toContain(CP1252_TEXT);
  });

  it('reads the XML declaration of a feed', () => {
    const xml = Uint8Array.from([...Buffer.from('<?xml version="1.0" encoding="windows-1252"?><rss><title>'), ...CP1252, ...Buffer.from('</title></rss>')]);
    expect(decodeBody(xml, 'application/rss+xml')).toMatchObject({ encoding: 'windows-1252', source: 'xml' });
  });

  it('defaults to UTF-8 and strips a UTF-8 BOM', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from('MR PRICE:\u00a0 Good afternoon.')]);
    const decoded = decodeBody(bytes, 'text/html');
    expect(decoded).toEqual({ text: 'MR PRICE:\u00a0 Good afternoon.', encoding: 'utf-8', source: 'bom' });
    expect(decodeBody(Buffer.from('café'), null)).toEqual({ text: 'café', encoding: 'utf-8', source: 'default' });
  });

  it('lets a BOM override a contradicting header', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from('café')]);
    expect(decodeBody(bytes, 'text/html; charset=windows-1252').text).toBe('café');
  });

  it('decodes UTF-16 with a BOM, both byte orders', () => {
    const le = Uint8Array.from([0xff, 0xfe, ...Buffer.from('Q: ok', 'utf16le')]);
    const be = Uint8Array.from([0xfe, 0xff, ...Buffer.from('Q: ok', 'utf16le').swap16()]);
    expect(decodeBody(le, null).text).toBe('Q: ok');
    expect(decodeBody(be, null).text).toBe('Q: ok');
  });

  it('skips an unknown header charset and falls back to the document', () => {
    const decoded = decodeBody(html('<meta charset="windows-1252">', CP1252), 'text/html; charset=klingon');
    expect(decoded.source).toBe('meta');
  });

  it('reads a meta claiming UTF-16 as UTF-8 (the page was readable as ASCII)', () => {
    expect(decodeBody(html('<meta charset="utf-16">', Buffer.from('café')), null)).toMatchObject({ encoding: 'utf-8' });
  });
});

describe('charset helpers', () => {
  it('parses quoted and unquoted parameters', () => {
    expect(charsetFromContentType('text/html;charset=UTF-8')).toBe('utf-8');
    expect(charsetFromContentType('text/html; foo=bar; charset="Windows-1252"')).toBe('windows-1252');
    expect(charsetFromContentType('text/html')).toBeNull();
    expect(charsetFromContentType(null)).toBeNull();
  });

  it('maps labels to WHATWG names', () => {
    expect(supportedEncoding('latin1')).toBe('windows-1252');
    expect(supportedEncoding('utf8')).toBe('utf-8');
    expect(supportedEncoding('nope')).toBeNull();
  });
});

describe('decodeWindows1252', () => {
  it('maps the 0x80-0x9F block to the characters Word pastes into briefings', () => {
    const bytes = Uint8Array.from([0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99, 0x9f, 0x81]);
    expect(decodeWindows1252(bytes)).toBe('€…‘’“”–—™Ÿ\u0081');
  });

  it('passes the rest of the byte range through as Latin-1', () => {
    expect(decodeWindows1252(Uint8Array.from([0x41, 0xa0, 0xe9, 0xff]))).toBe('A\u00a0éÿ');
  });
});
