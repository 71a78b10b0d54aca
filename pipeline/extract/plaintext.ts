/**
 * Reads plain text copied from a briefing page in a browser: banner, navigation and footer lines
 * included. The agency's text rules name the chrome; the page header is found next to the body,
 * because the same words also appear higher up in the chrome (a breadcrumb repeats the doc type).
 *
 * A copy does not always hold the page's date line (a selection started below it, a reader view):
 * then the page has no date and the caller supplies one (`podium extract --date`).
 */
import type { Agency } from '../agencies/types.ts';
import type { Block } from './blocks.ts';
import { ExtractError } from './errors.ts';
import type { ExtractedPage } from './page.ts';
import { MAX_BLOCKS } from './page.ts';
import { foldSpaces, parseDate } from './text.ts';

/** How far into the text the header may start (banner and navigation come first). */
const HEADER_WINDOW = 80;

export function extractText(text: string, agency: Agency, page: string, url: string | null = null): ExtractedPage {
  const rules = agency.text;
  let lines = text
    .split(/\r\n|\r|\n/)
    .map(foldSpaces)
    .filter((line) => line && !rules.boilerplate.some((re) => re.test(line)));
  const end = lines.findIndex((line) => rules.end.some((re) => re.test(line)));
  if (end >= 0) lines = lines.slice(0, end);
  if (lines.length > MAX_BLOCKS) {
    throw new ExtractError(page, 'too-large', `text has ${lines.length} lines (limit ${MAX_BLOCKS})`);
  }

  // The header is the title, the doc type and the date line closest above the first speaker
  // label: anything further up is chrome (navigation, a breadcrumb naming the doc type).
  const window = lines.slice(0, HEADER_WINDOW);
  const isDocType = (line: string | undefined) => line !== undefined && rules.docTypes.some((re) => re.test(line));
  // A label-shaped line followed by the doc type is the title ("ON-THE-RECORD BRIEFING: …").
  const firstLabel = window.findIndex((line, i) => agency.speakers.label.test(line) && !isDocType(window[i + 1]));
  const head = firstLabel >= 0 ? firstLabel : window.length;
  const docTypeAt = lastIndex(window, head, isDocType);
  // The first date after the doc type: the body's own preamble may repeat the date further down.
  const dateAt = window.findIndex((line, i) => i > docTypeAt && i < head && isDateLine(line));
  // Without a doc type or a date line, the first line left after the chrome is the title.
  const titleAt = docTypeAt >= 0 ? docTypeAt - 1 : dateAt >= 0 ? dateAt - 1 : head > 0 ? 0 : -1;
  const title = titleAt >= 0 ? lines[titleAt]! : null;
  if (!title) throw new ExtractError(page, 'no-title', 'no title line found before the page header or the first speaker label');

  // Lines after the header's title and doc type (byline, audience, location, time) open the body
  // as preamble, where the header reader classifies them; only the date line itself is consumed.
  const start = Math.max(titleAt, docTypeAt) + 1;
  const blocks: Block[] = lines
    .slice(start)
    .filter((_, i) => start + i !== dateAt)
    .map((line) => ({ text: line, boldPrefix: 0, tag: 'line', corrections: [] }));
  return {
    url,
    title,
    docType: docTypeAt >= 0 ? lines[docTypeAt]! : null,
    date: dateAt >= 0 ? parseDate(lines[dateAt]!) : null,
    byline: [],
    location: null,
    blocks,
  };
}

/** A header date line: the date alone ("January 18, 2022"), not a sentence mentioning one. */
function isDateLine(line: string): boolean {
  return line.length <= 24 && parseDate(line) !== null;
}

/** The last index before `before` whose line passes `test`, or -1. */
function lastIndex(lines: readonly string[], before: number, test: (line: string) => boolean): number {
  for (let i = before - 1; i >= 0; i--) if (test(lines[i]!)) return i;
  return -1;
}
