/**
 * What is printed among the turns but is not speech, on both real corpora: the closing time line
 * most White House transcripts end with, the lines between two parts of one event, and state.gov's
 * footnotes after an `<hr>` or with a back-link arrow (↑). None may stay in a turn; nothing is lost.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { state } from '../../pipeline/agencies/state.ts';
import { whitehouse } from '../../pipeline/agencies/whitehouse.ts';
import { extract } from '../../pipeline/extract/index.ts';
import { foldSpaces } from '../../pipeline/extract/text.ts';
import { recordFromPage } from '../../pipeline/record/from-page.ts';
import { load } from 'cheerio/slim';
import { corpusAvailable, corpusPage, loadCorpus } from '../support/corpus.ts';
import { loadWhiteHouseCorpus, whiteHouseCorpusAvailable, whiteHousePage } from '../support/whitehouse-corpus.ts';

const source = { via: 'page' as const, fetchedAt: '2026-01-01T00:00:00Z', etag: null, lastModified: null };
const TIME_LINE = /^\d{1,2}:\d{2} *[AaPp]\.? ?[Mm]\.?(?: +[A-Z]{2,5})?$/;
const figures: string[] = [];
afterAll(() => console.log(figures.join('\n')));

describe.runIf(whiteHouseCorpusAvailable())('non-speech lines on the real White House corpus', () => {
  const records = loadWhiteHouseCorpus().filter((i) => i.transcript)
    .map((item) => recordFromPage(whiteHousePage(item), whitehouse, item.url, item.url, source));

  it('closes with the closing time line, never leaving it in the last turn (232 did before engine 2026.12.6)', () => {
    const inLastTurn = records.filter((r) => r.turns.at(-1)!.paragraphs.some((p) => TIME_LINE.test(p)));
    const closedByTime = records.filter((r) => r.closing?.some((l) => TIME_LINE.test(l)));
    const withEnd = records.filter((r) => r.time?.end);
    figures.push(`whitehouse closing: ${closedByTime.length} records close with a bare time line, ${inLastTurn.length} leave one in the last turn; ` +
      `time.end set in ${withEnd.length} of ${records.length} (42 before)`);
    expect(inLastTurn).toEqual([]);
    expect(closedByTime.length).toBeGreaterThanOrEqual(232);
    expect(withEnd.length).toBeGreaterThanOrEqual(274);
    for (const r of closedByTime) expect(r.time?.end, r.id).toMatch(/^\d{1,2}:\d{2}/);
  });

  it('keeps the lines between two parts of one event out of the turns, where they stood', () => {
    const notes = records.flatMap((r) => (r.notes ?? []).map((n) => ({ r, n })));
    figures.push(`whitehouse notes: ${notes.length} lines in ${new Set(notes.map((x) => x.r.id)).size} records`);
    expect(notes.length).toBeGreaterThanOrEqual(8);
    for (const { r, n } of notes) {
      expect(n.paragraph, r.id).toBeLessThanOrEqual(r.turns[n.turn]!.paragraphs.length);
      expect(r.turns.flatMap((t) => t.paragraphs)).not.toContain(n.text);
    }
  });
});

describe.runIf(corpusAvailable())('footnotes on the real State corpus', () => {
  it('never appends a footnote (after an <hr>, or with its ↑ back-link) to the last turn', () => {
    let pages = 0;
    let lines = 0;
    for (const item of loadCorpus().filter((i) => i.transcript)) {
      for (const version of item.versions) {
        const at = version.bodyHtml.search(/<hr\b[^>]*>/i);
        const arrows = version.bodyHtml.includes('↑');
        if (at < 0 && !arrows) continue;
        pages++;
        const record = recordFromPage(extract(corpusPage(item, version), state, item.url, item.url), state, item.url, item.url, source);
        const turnText = record.turns.flatMap((t) => t.paragraphs);
        // Read independently of the extractor: the text after the rule, line by line.
        const after = at < 0 ? [] : load(`<div>${version.bodyHtml.slice(at).replace(/<\/(?:p|li|div)>/gi, '\n')}</div>`)('div').first().text()
          .split('\n').map(foldSpaces).filter((l) => l.length > 0);
        for (const line of after) {
          lines++;
          expect(turnText, `${item.url}: ${line.slice(0, 50)}`).not.toContain(line);
          expect([...(record.closing ?? []), ...(record.notes ?? []).map((n) => n.text)].join('\n')).toContain(line);
        }
        for (const p of turnText) expect(p, item.url).not.toMatch(/↑$/);
      }
    }
    figures.push(`state footnotes: ${pages} page versions with an <hr> or ↑, ${lines} lines after an <hr> kept out of the turns`);
    expect(pages).toBeGreaterThanOrEqual(8);
    expect(lines).toBeGreaterThanOrEqual(8);
  });
});
