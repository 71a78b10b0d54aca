/**
 * Hostile input: URLs that try to escape output/, payloads in the text, pages built to exhaust
 * time or memory, and a property test of the turn parser.
 */
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { state } from '../../pipeline/agencies/state.ts';
import type { Agency } from '../../pipeline/agencies/types.ts';
import { validateDataset } from '../../pipeline/store/integrity.ts';
import { extract, ExtractError } from '../../pipeline/extract/index.ts';
import { MAX_BLOCKS } from '../../pipeline/extract/page.ts';
import { runPipeline } from '../../pipeline/run/index.ts';
import { propertyPattern } from '../../pipeline/schema/schemas.ts';
import { Dataset } from '../../pipeline/store/dataset.ts';
import { parseTranscript } from '../../pipeline/transcript/index.ts';
import { segment } from '../../pipeline/transcript/turns.ts';
import { fixture, stateFixture, stateFixturePage } from '../support/fixtures.ts';
import { startMirror, type Mirror } from '../support/mirror.ts';
import { statePage } from '../support/state-page.ts';
import { useTempDirs } from '../support/tmp.ts';

const tempDir = useTempDirs();
const DPB = stateFixture('department-press-briefing-january-18-2022');

describe('ids from hostile URLs', () => {
  let mirror: Mirror;
  beforeEach(async () => {
    mirror = await startMirror();
  });
  afterEach(async () => {
    await mirror.close();
  });

  // An adapter that takes any URL on the site as a candidate, so every hostile path reaches the store.
  const permissive: Agency = { ...state, id: 'hostile', origins: [{ name: 'www', url: 'https://www.state.gov' }], discovery: [{ type: 'sitemap', path: '/sitemap.xml' }], candidates: { include: [/^https:\/\/www\.state\.gov\/./] }, fallbacks: [] };
  const HOSTILE_PATHS = [
    '/%2e%2e/%2e%2e/etc/passwd/',
    '/..%2f..%2foutside/',
    '/briefing%00null/',
    `/${'a-very-long-slug'.repeat(20)}/`,
    '/%D0%B0%D0%B1%D0%B2/', // Cyrillic only: nothing path-safe is left
    '/ｆｕｌｌｗｉｄｔｈ-ｂｒｉｅｆｉｎｇ/', // fullwidth look-alikes fold to ASCII
    '/C%3A%5Cwindows%5Csystem32/',
    '/normal-briefing/',
  ];

  it('never writes outside the dataset, and every id it writes is valid', async () => {
    const root = await tempDir();
    const out = join(root, 'output');
    mirror.set('/robots.txt', { body: 'User-agent: *\nDisallow:\n', contentType: 'text/plain' });
    mirror.set('/sitemap.xml', {
      contentType: 'application/xml',
      body: `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${HOSTILE_PATHS.map((p) => `<url><loc>https://www.state.gov${p}</loc></url>`).join('')}</urlset>`,
    });
    for (const p of HOSTILE_PATHS) mirror.set(new URL(p, 'http://x').pathname, { body: stateFixturePage(DPB) });
    const report = await runPipeline({ agencies: [permissive], out, origins: [mirror.origin], fetcher: { minDelayMs: 0, retries: 0 }, now: () => new Date('2026-11-28T00:00:00Z') });

    // Everything written is under output/.
    const everything = (await readdir(root, { recursive: true })).map((p) => relative(root, join(root, p)));
    expect(everything.every((p) => p === 'output' || p.startsWith('output/'))).toBe(true);
    expect((await validateDataset(out)).failures).toEqual([]);
    const pattern = propertyPattern('transcript.schema.json', 'id');
    const ids = (await new Dataset(out).readIndex())!.transcripts.map((e) => e.id);
    for (const id of ids) expect(id).toMatch(pattern);
    expect(ids).toContain('hostile/2022-01-18/normal-briefing');
    expect(ids).toContain('hostile/2022-01-18/fullwidth-briefing');
    expect(ids.find((id) => id.includes('a-very-long-slug'))!.split('/')[2]!.length).toBeLessThanOrEqual(160);
    // Pages with no usable slug fail with a clear reason instead of being stored somewhere odd.
    for (const f of report.failures) expect(f.message).toMatch(/unsafe record id|not a URL|no slug|nothing/i);
    expect(report.failures.map((f) => f.url)).toEqual(['https://www.state.gov/%D0%B0%D0%B1%D0%B2/']);
    // URL parsing resolves %2e%2e segments inside the site; the rest fold to plain slugs.
    expect(ids).toEqual(expect.arrayContaining(['hostile/2022-01-18/passwd', 'hostile/2022-01-18/outside', 'hostile/2022-01-18/briefing-null', 'hostile/2022-01-18/c-windows-system32']));
  });
});

describe('payloads in the text', () => {
  it('drops script elements and keeps escaped markup as inert text', () => {
    const body = fixture(DPB.body).replace(
      'Happy Tuesday.',
      'Happy Tuesday. <script>window.pwned = 1</script>&lt;script&gt;alert(1)&lt;/script&gt; "&gt;&lt;img src=x onerror=alert(2)&gt; <a href="javascript:alert(3)">link</a>',
    );
    const t = parseTranscript(extract(stateFixturePage(DPB, body), state, DPB.path, null), state, DPB.path);
    const text = t.turns[0]!.paragraphs[0]!;
    expect(text).not.toContain('window.pwned');
    expect(text).toContain('<script>alert(1)</script> "><img src=x onerror=alert(2)> link');
    // Plain text in JSON: a string, never markup, whatever it spells.
    expect(JSON.parse(JSON.stringify(t)).turns[0].paragraphs[0]).toBe(text);
    expect(JSON.stringify(t)).not.toContain('javascript:');
  });
});

describe('pages built to exhaust time or memory', () => {
  it(`refuses ${(100_000).toLocaleString('en-US')} paragraphs with a clear error`, () => {
    const body = `<p><strong>MR PRICE:</strong> Hello.</p>${'<p>More.</p>'.repeat(100_000)}`;
    expect(() => extract(stateFixturePage(DPB, body), state, 'huge.html', null)).toThrow(
      new RegExp(`huge\\.html: article body has 100001 paragraphs \\(limit ${MAX_BLOCKS}\\)`),
    );
  });

  it('refuses markup nested 100 000 levels deep without overflowing the stack', () => {
    const body = `<p><strong>MR PRICE:</strong> Hello.</p>${'<div>'.repeat(100_000)}deep${'</div>'.repeat(100_000)}`;
    expect(() => extract(stateFixturePage(DPB, body), state, 'deep.html', null)).toThrow(/deep\.html: markup nested about 100\d{3} levels deep \(limit 400\)/);
    // Between the pre-scan and the exact check: parsed, then refused.
    const middle = `<p><strong>MR PRICE:</strong> Hello.</p>${'<div>'.repeat(1000)}deep${'</div>'.repeat(1000)}`;
    expect(() => extract(stateFixturePage(DPB, middle), state, 'deep.html', null)).toThrow(/deep\.html: markup nested \d+ levels deep \(limit 400\)/);
  });

  it('refuses a page of labels with no words', () => {
    const body = '<p><strong>MR PRICE:</strong></p><p><strong>QUESTION:</strong></p>'.repeat(50);
    const page = extract(stateFixturePage(DPB, body), state, 'labels.html', null);
    expect(() => parseTranscript(page, state, 'labels.html')).toThrow(ExtractError);
    expect(() => parseTranscript(page, state, 'labels.html')).toThrow(/labels\.html: 100 speaker labels but not one word after them/);
  });
});

describe('the turn parser, property-based', () => {
  const LABELS = ['MR PRICE', 'QUESTION', 'MODERATOR', 'SENIOR STATE DEPARTMENT OFFICIAL ONE', 'FOREIGN MINISTER LE DRIAN', 'MS PORTER'];
  const word = fc.constantFrom('the', 'Secretary', 'will', 'travel', 'to', 'Berlin', 'on', 'Thursday', 'and', 'we', '(Laughter.)', 'U.S.', 'policy', '2:30', '–', 'Kyiv?');
  const sentence = fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));
  const paragraph = fc.record({ label: fc.option(fc.constantFrom(...LABELS), { nil: undefined }), text: sentence, style: fc.constantFrom('strong', 'b', 'split', 'nbsp') });

  it('any sequence of labelled and unlabelled paragraphs round-trips to the same turns', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 40 }), (paras) => {
        const html = paras
          .map(({ label, text, style }) => {
            if (!label) return `<p>${text}</p>`;
            if (style === 'split') return `<p><strong>${label}</strong><strong>:&nbsp; </strong>${text}</p>`;
            if (style === 'nbsp') return `<p><strong>${label}:&nbsp;&nbsp;</strong>${text}</p>`;
            return `<p><${style}>${label}:</${style}> ${text}</p>`;
          })
          .join('\n');
        const page = extract(statePage({ title: 'T', docType: 'Remarks', date: 'January 1, 2022', bodyHtml: html }), state, 'p.html', null);
        const seg = segment(page.blocks, state.speakers);

        const expected: { speaker: string; paragraphs: string[] }[] = [];
        const preamble: string[] = [];
        for (const p of paras) {
          if (p.label) expected.push({ speaker: p.label, paragraphs: [p.text] });
          else if (expected.length) expected.at(-1)!.paragraphs.push(p.text);
          else preamble.push(p.text);
        }
        expect(seg.preamble).toEqual(preamble);
        expect(seg.turns.map((t) => ({ speaker: t.speaker, paragraphs: t.paragraphs }))).toEqual(expected);
      }),
      { numRuns: 300, seed: 20261128 },
    );
  });
});
