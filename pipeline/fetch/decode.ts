/**
 * Bytes to text. Government pages are mostly UTF-8, but older pages and mirrors (globalsecurity.org
 * copies of briefings) are Windows-1252, often without saying so in the header.
 */

export type CharsetSource = 'bom' | 'header' | 'meta' | 'xml' | 'default' | 'sniffed';

export interface DecodedBody {
  text: string;
  /** WHATWG encoding name actually used, e.g. `utf-8`, `windows-1252`. */
  encoding: string;
  /** Where the encoding came from. */
  source: CharsetSource;
}

/** How many bytes browsers pre-scan for `<meta charset>` (HTML standard, "prescan a byte stream"). */
const PRESCAN_BYTES = 1024;

/**
 * Decode a response body. The encoding comes from, in order: a byte-order mark, the Content-Type
 * `charset`, then the document itself (`<?xml encoding>`, `<meta charset>` or
 * `<meta http-equiv="Content-Type">` in the first 1024 bytes); UTF-8 otherwise.
 *
 * A BOM is checked before the header on purpose: it is byte-level evidence and the WHATWG
 * Encoding standard's `decode` lets it override any label. Unknown labels are skipped, not fatal.
 *
 * @example
 * decodeBody(Uint8Array.from([0x93, 0x48, 0x69, 0x94]), 'text/html; charset=windows-1252').text // '“Hi”'
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null): DecodedBody {
  const bom = sniffBom(bytes);
  if (bom) return { text: decodeWith(bom, bytes), encoding: bom, source: 'bom' };

  const utf8 = strictUtf8(bytes);
  const fromHeader = supportedEncoding(charsetFromContentType(contentType));
  if (fromHeader) return checked(fromHeader, 'header', bytes, utf8);

  const declared = charsetFromDocument(bytes);
  if (declared) {
    // A document readable as ASCII cannot be UTF-16; the HTML standard maps such a meta to UTF-8.
    const encoding = declared.encoding.startsWith('utf-16') ? 'utf-8' : declared.encoding;
    return checked(encoding, declared.source, bytes, utf8);
  }
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', source: 'default' };
  // Undeclared and not UTF-8: the bytes of a Windows editor (curly quotes 0x91-0x94, dashes).
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252', source: 'sniffed' };
}

/**
 * A declaration is trusted unless it contradicts the bytes: a page labelled Latin-1 or
 * Windows-1252 whose bytes are valid UTF-8 with multi-byte sequences is UTF-8 (a misconfigured
 * server; real Windows-1252 text almost never forms valid UTF-8), and a page labelled UTF-8 that
 * is not valid UTF-8 is read as Windows-1252 rather than filled with U+FFFD.
 */
function checked(encoding: string, source: CharsetSource, bytes: Uint8Array, utf8: string | null): DecodedBody {
  if (SINGLE_BYTE.has(encoding) && utf8 !== null && hasHighBytes(bytes)) return { text: utf8, encoding: 'utf-8', source: 'sniffed' };
  if (encoding === 'utf-8' && utf8 === null) return { text: decodeWindows1252(bytes), encoding: 'windows-1252', source: 'sniffed' };
  return { text: encoding === 'utf-8' && utf8 !== null ? utf8 : decodeWith(encoding, bytes), encoding, source };
}

const SINGLE_BYTE = new Set(['windows-1252', 'iso-8859-1', 'latin1', 'us-ascii', 'ascii']);

/** The bytes as UTF-8, or null when they are not valid UTF-8. */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}

/** The encoding a byte-order mark announces, or null. */
export function sniffBom(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * The `charset` parameter of a Content-Type value, unquoted and lower-cased, or null.
 *
 * @example
 * charsetFromContentType('text/html; charset="ISO-8859-1"') // 'iso-8859-1'
 */
export function charsetFromContentType(contentType: string | null): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType);
  return match?.[2]?.toLowerCase() ?? null;
}

/** The encoding declared inside the first 1024 bytes (`<?xml encoding>` or a `<meta>`), if supported. */
export function charsetFromDocument(bytes: Uint8Array): { encoding: string; source: 'xml' | 'meta' } | null {
  // latin1 maps every byte to one char, so the ASCII markup reads the same whatever the real encoding.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PRESCAN_BYTES)).toString('latin1');

  // Feeds and sitemaps pass through here too; their declaration is the XML prolog.
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  const fromXml = supportedEncoding(xml?.[1] ?? null);
  if (fromXml) return { encoding: fromXml, source: 'xml' };

  for (const meta of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = meta[0];
    const direct = /\bcharset\s*=\s*["']?\s*([^"'\s/>;]+)/i.exec(tag);
    const encoding = supportedEncoding(direct?.[1] ?? null);
    if (encoding) return { encoding, source: 'meta' };
  }
  return null;
}

/** The WHATWG name for a label Node's TextDecoder accepts (`latin1` -> `windows-1252`), or null. */
export function supportedEncoding(label: string | null): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

function decodeWith(encoding: string, bytes: Uint8Array): string {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  // TextDecoder drops a BOM that matches the encoding, so a UTF-8 BOM never reaches the parser.
  return new TextDecoder(encoding).decode(bytes);
}

/**
 * WHATWG index-windows-1252 for bytes 0x80-0x9F; every other byte is its own code point.
 * Five undefined slots (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of the same value.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d,
  0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x009d, 0x017e, 0x0178,
];

/**
 * Windows-1252 without TextDecoder: Node 20.18.3+ (and 22.13-22.x) route the label through a
 * Latin-1 fast path, so 0x93/0x94/0x96 come out as C1 controls instead of “ ” – (nodejs/node#60888,
 * #56542). The table is fixed by the Encoding standard, so decoding it here is exact on every Node.
 * Labels `iso-8859-1`, `latin1` and `us-ascii` land here too: the standard maps them to windows-1252.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (char) => String.fromCharCode(WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80] ?? 0xfffd));
}
