/**
 * A record's line in `index.json`. Its own module so that dataset operations without a fetcher
 * (reprocess, merge) can build index entries without loading the run's HTTP stack.
 */
import type { IndexEntry, Transcript } from '../schema/types.ts';
import { recordPath } from '../store/paths.ts';

/** The index entry of a record: the fields the catalog repeats, and where the record file is. */
export function indexEntry(r: Transcript): IndexEntry {
  return {
    id: r.id, agency: r.agency, url: r.url, title: r.title, date: r.date, kind: r.kind, status: r.status,
    revision: r.revision, path: recordPath(r.id), contentSha256: r.source.contentSha256,
  };
}
