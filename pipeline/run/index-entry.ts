/**
 * A record's line in `index.json`. Its own module so that dataset operations without a fetcher
 * (reprocess, merge) can build index entries without loading the run's HTTP stack.
 */
import type { IndexEntry, Transcript } from '../schema/types.ts';
import { recordPath } from '../store/paths.ts';

/** The index entry of a record: the fields the catalog repeats, and where the record file is. */
export function indexEntry(r: Transcript): IndexEntry {
  return {
    id: r.id, agency: r.agency, url: own(r.url), title: own(r.title), date: r.date, kind: r.kind, status: r.status,
    revision: r.revision, path: recordPath(r.id), contentSha256: r.source.contentSha256,
  };
}

/**
 * A copy of `s` that shares no memory with the string it was cut from. A title read from a page is
 * a V8 sliced string that keeps the whole page (30–160 KB) alive; a run holds every index entry
 * until the end, so without this a 10 000-page run held 10 000 pages.
 */
function own(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}
