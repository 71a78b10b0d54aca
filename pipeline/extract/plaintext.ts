/**
 * Reads plain text copied from a briefing page in a browser: banner, navigation and footer lines
 * included. The agency's text rules name the chrome; the page header is found by its doc-type
 * and date lines, which sit between the title and the body on every supported site.
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

  const window = lines.slice(0, HEADER_WINDOW);
  const docTypeAt = window.findIndex((line) => rules.docTypes.some((re) => re.test(line)));
  const dateAt = window.findIndex((line, i) => i >= docTypeAt && isDateLine(line));
  if (dateAt < 0) throw new ExtractError(page, 'no-date', 'no date line found in the page header');
  const titleAt = docTypeAt >= 0 ? docTypeAt - 1 : dateAt - 1;
  const title = titleAt >= 0 ? lines[titleAt]! : null;
  if (!title) throw new ExtractError(page, 'no-title', 'no title line found before the page header');

  // Lines between the doc type and the date are the header's byline, audience and location:
  // they open the body as preamble, where the header reader classifies them.
  const meta = docTypeAt >= 0 ? lines.slice(docTypeAt + 1, dateAt) : [];
  const body = lines.slice(dateAt + 1);
  const blocks: Block[] = [...meta, ...body].map((line) => ({ text: line, boldPrefix: 0, tag: 'line', corrections: [] }));
  return {
    url,
    title,
    docType: docTypeAt >= 0 ? lines[docTypeAt]! : null,
    date: parseDate(lines[dateAt]!),
    byline: [],
    location: null,
    blocks,
  };
}

/** A header date line: the date alone ("January 18, 2022"), not a sentence mentioning one. */
function isDateLine(line: string): boolean {
  return line.length <= 24 && parseDate(line) !== null;
}
