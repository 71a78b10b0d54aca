/**
 * The close of anything that changes the dataset (`run`, `merge`, `reprocess`): one sequence, in
 * one order, whatever happened before it.
 *
 *   1. the dataset version and the index (and the people files derived from it), when a file changed;
 *   2. the changelog entry (appendChangelog decides whether the run is news);
 *   3. the crawl states.
 *
 * Records, history and raw pages are written before the close, each atomically. A crash inside the
 * close leaves records the index does not list, which the next run reconciles (reconcileIndex), or
 * an old crawl state, which only means those pages are fetched again and found unchanged.
 */
import { writePeople } from '../people/index.ts';
import type { CrawlState, IndexEntry } from '../schema/types.ts';
import { SCHEMA_VERSION } from '../schema/version.ts';
import type { Dataset } from '../store/dataset.ts';
import { parseId, recordPath } from '../store/paths.ts';
import { appendChangelog, type Changes } from './changelog.ts';
import { nextDatasetVersion } from './dataset-version.ts';
import { indexEntry } from './index-entry.ts';

export interface CloseInput {
  dataset: Dataset;
  /** The dataset version the index had when the work started (null for a new dataset). */
  previousVersion: string | null | undefined;
  /** The index entries as the work left them. */
  entries: Map<string, IndexEntry>;
  /** What changed; `datasetVersion` is set here. */
  changes: Changes;
  runId: string;
  now: () => Date;
  /** Crawl states to write, last (none for a reprocess). */
  states?: Iterable<CrawlState>;
}

/** Writes the index, the changelog and the crawl states, in that order. */
export async function closeRun(input: CloseInput): Promise<void> {
  const { dataset, changes, now } = input;
  if (changes.changed) {
    changes.datasetVersion = nextDatasetVersion(input.previousVersion ?? undefined, now());
    await dataset.writeIndex({ schemaVersion: SCHEMA_VERSION, datasetVersion: changes.datasetVersion, transcripts: [...input.entries.values()] });
    await writePeople(dataset, input.entries.keys());
  } else {
    changes.datasetVersion = input.previousVersion ?? null;
  }
  await appendChangelog(dataset, changes, input.runId, now());
  for (const state of input.states ?? []) await dataset.writeCrawlState(state);
}

/**
 * Records on disk the index does not list (a run that crashed between its records and its index):
 * added to `entries`. Returns their ids; only those files are read.
 */
export async function reconcileIndex(dataset: Dataset, entries: Map<string, IndexEntry>): Promise<string[]> {
  const listed = new Set([...entries.keys()].map((id) => recordPath(id)));
  const found: string[] = [];
  for (const file of await dataset.listRecordFiles()) {
    if (listed.has(file)) continue;
    const id = idOfRecordFile(file);
    const record = id ? await dataset.readRecord(id).catch(() => null) : null;
    // A file that is not where its id says is not a record of this dataset; validate reports it.
    if (!record || recordPath(record.id) !== file) continue;
    entries.set(record.id, indexEntry(record));
    found.push(record.id);
  }
  return found;
}

/** `transcripts/<agency>/<yyyy>/<yyyy-mm-dd>-<slug>.json` -> `<agency>/<yyyy-mm-dd>/<slug>`, or null. */
function idOfRecordFile(file: string): string | null {
  const m = /^transcripts\/([^/]+)\/\d{4}\/(\d{4}-\d{2}-\d{2})-(.+)\.json$/.exec(file);
  if (!m) return null;
  const id = `${m[1]}/${m[2]}/${m[3]}`;
  try {
    parseId(id);
    return id;
  } catch {
    return null;
  }
}
