/**
 * The real White House corpus (../shared/corpus/whitehouse-2021-2025.ndjson, or $PODIUM_CORPUS):
 * 297 transcripts and 30 other releases as plain-text paragraphs (see WHITEHOUSE.md there). The
 * Markdown lost the page chrome, so each item becomes the page the extractor would have read: its
 * title, category and publication day as header facts, one block per line. Never committed.
 */
import { existsSync } from 'node:fs';
import type { ExtractedPage } from '../../pipeline/extract/page.ts';
import { CORPUS_DIR, readNdjson } from './corpus.ts';

export const WHITEHOUSE_CORPUS_FILE = `${CORPUS_DIR}/whitehouse-2021-2025.ndjson`;

export interface WhiteHouseItem {
  url: string;
  title: string;
  /** `2021-04-27 19:56:22-04:00`: local time of publication. */
  published: string;
  category: string;
  transcript: boolean;
  paragraphs: string[];
}

export function whiteHouseCorpusAvailable(): boolean {
  return existsSync(WHITEHOUSE_CORPUS_FILE);
}

export function loadWhiteHouseCorpus(): WhiteHouseItem[] {
  return readNdjson<WhiteHouseItem>(WHITEHOUSE_CORPUS_FILE);
}

/** The page the extractor would have made of the item: hard breaks (`\n`) are block breaks. */
export function whiteHousePage(item: WhiteHouseItem): ExtractedPage {
  const blocks = item.paragraphs
    .flatMap((p) => p.split('\n'))
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((text) => ({ text, boldPrefix: 0, tag: 'p', corrections: [] }));
  return { url: item.url, title: item.title, docType: item.category, date: item.published.slice(0, 10), byline: [], location: null, blocks };
}
