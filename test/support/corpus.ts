/**
 * The real State Department corpus (../shared/corpus, or $PODIUM_CORPUS): 219 transcripts and 40
 * other releases with every observed version. Read from there at test time; never committed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { statePage } from './state-page.ts';

export const CORPUS_DIR = process.env['PODIUM_CORPUS'] ?? fileURLToPath(new URL('../../../shared/corpus', import.meta.url));
export const CORPUS_FILE = `${CORPUS_DIR}/state-rss-2021-2022.ndjson`;

export interface CorpusVersion {
  observedAt: string;
  title: string;
  bodyHtml: string;
}

export interface CorpusItem {
  url: string;
  transcript: boolean;
  pubDate: string;
  creator: string;
  versions: CorpusVersion[];
}

export function corpusAvailable(): boolean {
  return existsSync(CORPUS_FILE);
}

/** One JSON value per line; the corpora are NDJSON. */
export function readNdjson<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);
}

export function loadCorpus(): CorpusItem[] {
  return readNdjson<CorpusItem>(CORPUS_FILE);
}

/** The page date as state.gov prints it: the publication day in Washington. */
export function pageDate(pubDate: string): string {
  return new Date(pubDate).toLocaleDateString('en-US', { timeZone: 'America/New_York', month: 'long', day: 'numeric', year: 'numeric' });
}

/**
 * The content-type label a state.gov page would print, read off the title the way an editor
 * files it. Non-transcript releases get none, so the extractor has to tell them apart by content.
 */
export function pageDocType(item: CorpusItem, title: string): string {
  if (!item.transcript) return '';
  if (/^Department Press Briefing/i.test(title)) return 'Department Press Briefing';
  if (/Briefing|Senior (?:State Department|Administration) Officials?/i.test(title)) return 'Special Briefing';
  if (/ With | On (?:ABC|CBS|NBC|CNN|MSNBC|Fox|PBS|NPR)/i.test(title)) return 'Interview';
  return 'Remarks';
}

/** One corpus version as a full state.gov page. */
export function corpusPage(item: CorpusItem, version: CorpusVersion): string {
  return statePage({
    title: version.title,
    docType: pageDocType(item, version.title),
    date: pageDate(item.pubDate),
    byline: [item.creator],
    bodyHtml: version.bodyHtml,
    url: item.url,
  });
}
