/**
 * The plain-text path on real material: every State corpus version, wrapped in the state.gov page
 * skeleton, rendered in Chromium and copied as a browser copies it (select all; the selection's
 * text is what lands on the clipboard), then read by the pasted-text extractor and compared with
 * the HTML path on the same page. Measured twice: with the page's date line in the copy, and
 * without it, the date given as `podium extract --date` gives it.
 *
 * The floors are the figures measured when this suite was written (trafilatura-style: a score
 * that may rise, never fall). What still differs is a transcript-stage matter: in six versions a
 * label recognized only when set in bold (SECURITY MINISTER, ENVIRONMENT MINISTER, the typo
 * SECRETAR, ANNOUNCEMENT*) folds into the previous turn; in one, the byline the page's selector
 * reads is only a preamble line in text, and the roles that follow from it differ. In five more
 * (since engine 2026.12.6), the footnotes state.gov sets after an `<hr>` leave the HTML path's last
 * turn for its closing; a copy does not show the rule, so in text they stay in the last turn.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { state } from '../../pipeline/agencies/state.ts';
import { extract } from '../../pipeline/extract/index.ts';
import { recordFromPage } from '../../pipeline/record/from-page.ts';
import type { Transcript } from '../../pipeline/schema/types.ts';
import { launchChromium } from '../support/chromium.ts';
import { corpusAvailable, corpusPage, loadCorpus, pageDate } from '../support/corpus.ts';
import { CHROME_MARKERS } from '../support/state-page.ts';

/** Versions whose turns come out the same from the copied text as from the page (of 263). */
const SAME_TURNS_FLOOR = 251;
/** The same, from a copy without the page's date line and the date given separately. */
const SAME_TURNS_UNDATED_FLOOR = 251;

/**
 * The real site's stylesheet hides closed sub-menus, so a copy never holds them; the skeleton
 * has no stylesheet, so the one rule that matters is added for the render.
 */
const SITE_CSS = '<style>.is-hidden { display: none }</style>';

const available = corpusAvailable();
const SOURCE = { via: 'page' as const, fetchedAt: '2022-01-01T00:00:00.000Z', etag: null, lastModified: null };

function turns(record: Transcript) {
  return record.turns.map((t) => ({ speaker: t.speaker, role: t.role, askedBy: t.askedBy ?? null, paragraphs: t.paragraphs }));
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

let browser: Browser;
let page: Page;

describe.runIf(available)('State corpus copied from a browser', () => {
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ javaScriptEnabled: false });
    // The skeleton links a script on state.gov: nothing may leave the machine.
    await page.route('**/*', (route) => route.abort());
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reads the same turns as the HTML path, with no chrome in any record', { timeout: 300_000 }, async () => {
    const counts = { versions: 0, sameTurns: 0, sameTurnsUndated: 0, undatedTexts: 0, sameHeader: 0 };
    const leaks: string[] = [];
    const differing: string[] = [];
    for (const item of loadCorpus().filter((i) => i.transcript)) {
      for (const [n, version] of item.versions.entries()) {
        counts.versions++;
        const html = corpusPage(item, version);
        const fromHtml = recordFromPage(extract(html, state, item.url, item.url), state, item.url, item.url, SOURCE);
        await page.setContent(html.replace('</head>', `${SITE_CSS}</head>`));
        const copied = await page.evaluate(() => {
          const selection = window.getSelection()!;
          selection.selectAllChildren(document.body);
          return selection.toString();
        });
        const fromText = recordFromPage(extract(copied, state, item.url, item.url, 'text/plain'), state, item.url, item.url, SOURCE);
        if (isDeepStrictEqual(turns(fromText), turns(fromHtml))) counts.sameTurns++;
        else differing.push(`${item.url} v${n + 1}`);
        const header = (r: Transcript) => [r.title, r.docType, r.date, r.kind, r.location, r.groundRules, r.participants];
        if (isDeepStrictEqual(header(fromText), header(fromHtml))) counts.sameHeader++;
        const text = strings(fromText).join('\n');
        for (const marker of CHROME_MARKERS) if (text.includes(marker)) leaks.push(`${item.url} v${n + 1}: ${marker}`);

        // The copy without its date line: the page has no date, and --date supplies it.
        const undated = extract(copied.replace(`\n${pageDate(item.pubDate)}\n`, '\n'), state, item.url, item.url, 'text/plain');
        // A body that repeats the date in its own preamble still dates the page, and rightly.
        if (undated.date === null) counts.undatedTexts++;
        else expect(undated.date, item.url).toBe(fromHtml.date);
        undated.date ??= fromHtml.date;
        const fromUndated = recordFromPage(undated, state, item.url, item.url, SOURCE);
        if (isDeepStrictEqual(turns(fromUndated), turns(fromHtml))) counts.sameTurnsUndated++;
      }
    }
    console.log(
      `pasted copies: ${counts.sameTurns} of ${counts.versions} versions with the same turns as the HTML path ` +
        `(${counts.sameTurnsUndated} without the date line, ${counts.undatedTexts} of them left with no date and given it as --date would), ${counts.sameHeader} with the same header facts; ` +
        `${leaks.length} chrome leaks\n  differing: ${differing.join('\n             ')}`,
    );
    expect(counts.versions).toBe(263);
    expect(leaks).toEqual([]);
    expect(counts.sameTurns).toBeGreaterThanOrEqual(SAME_TURNS_FLOOR);
    expect(counts.sameTurnsUndated).toBeGreaterThanOrEqual(SAME_TURNS_UNDATED_FLOOR);
  });
});
