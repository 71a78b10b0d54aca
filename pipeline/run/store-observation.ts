/**
 * Stores what observing a fresh record found — the one place a run (a fetched page) and a merge
 * (a backfill shard's record) write a record, its replaced revision, its raw page and its index
 * entry, and say so in the report. Both therefore store a page the same way.
 */
import { observe, type Observation } from '../revisions/observe.ts';
import type { IndexEntry } from '../schema/types.ts';
import type { Dataset } from '../store/dataset.ts';
import { indexEntry } from './index-entry.ts';

/** The report lists a stored observation lands in. */
export interface StoredChanges {
  added: string[];
  revised: { id: string; revision: number; change: string; revertOf?: number }[];
  reprocessed: string[];
  restored: string[];
}

/**
 * Writes an observation to the dataset and records it in `changes`.
 *
 * @param raw The page the record was read from, kept for `podium reprocess`; null when there is none.
 * @returns true when a dataset file (or the index, through `entries`) changed.
 */
export function storeObservation(
  obs: Observation,
  raw: string | null,
  dataset: Dataset,
  entries: Map<string, IndexEntry>,
  changes: StoredChanges,
): Promise<boolean> {
  // One at a time per dataset: two addresses of one briefing, fetched side by side, both
  // observed "added"; in turn, the second finds the first stored and joins it.
  const previous = queues.get(dataset) ?? Promise.resolve(false);
  const next = previous.catch(() => false).then(() => store(obs, raw, dataset, entries, changes));
  queues.set(dataset, next);
  return next;
}

const queues = new WeakMap<Dataset, Promise<boolean>>();

async function store(
  obs: Observation,
  raw: string | null,
  dataset: Dataset,
  entries: Map<string, IndexEntry>,
  changes: StoredChanges,
): Promise<boolean> {
  if (obs.kind === 'added') {
    const stored = await dataset.readRecord(obs.record.id);
    if (stored) obs = observe(stored, obs.record);
  }
  if (obs.kind === 'unchanged') {
    // A new address of a known briefing, or an index that missed or lags this record (a crash
    // between the record and the index): no revision, but the files catch up. So does a raw page
    // lost the same way; a raw page already kept stays as it is.
    const wrote = await dataset.writeRecord(obs.record);
    const healedRaw = raw !== null && !(await dataset.hasRaw(obs.record.id)) && (await dataset.writeRaw(obs.record.id, raw));
    const entry = indexEntry(obs.record);
    if (JSON.stringify(entries.get(entry.id)) === JSON.stringify(entry)) return wrote || healedRaw;
    entries.set(entry.id, entry);
    return true;
  }
  if (obs.kind === 'revised') await dataset.writeHistory(obs.previous);
  const changed = await dataset.writeRecord(obs.record);
  if (raw !== null) await dataset.writeRaw(obs.record.id, raw);
  entries.set(obs.record.id, indexEntry(obs.record));
  if (obs.kind === 'added') changes.added.push(obs.record.id);
  else if (obs.kind === 'restored') changes.restored.push(obs.record.id);
  else if (obs.change === 'reprocessed') changes.reprocessed.push(obs.record.id);
  else {
    const last = obs.record.revisions.at(-1)!;
    changes.revised.push({ id: obs.record.id, revision: last.revision, change: last.change, ...(last.revertOf ? { revertOf: last.revertOf } : {}) });
    if (obs.previous.status === 'withdrawn') changes.restored.push(obs.record.id);
  }
  return changed;
}
