/**
 * Folds shard datasets into one dataset: how a backfill spread over many machines (one GitHub
 * Actions job per host) becomes one commit. A shard is the `--out` of one `podium run`
 * that started from the target's crawl state only (so ids and lastmod skips carry over, and the
 * artifact holds just what the shard fetched).
 *
 * Every shard record goes through the same code a run uses: `observe` against the target's record
 * (unchanged, added, revised with its class, revert, restored), then `storeObservation` (history of
 * the replaced revision, the record, the raw page, the index entry). When several shards hold the same id (one article served on two
 * hosts, or shards bounded by overlapping dates), they are observed oldest fetch first. The index is rebuilt once and one changelog entry
 * is written for the whole merge.
 *
 * Crawl state: a shard's page entry replaces the target's only when the shard learned something
 * about that page, i.e. the entry differs from what the target held before the merge (every shard
 * started from that same state). Shards that did not touch a page never undo another shard's update.
 *
 * Withdrawals are left to scheduled runs: a shard starts without records, so a page gone from the
 * site is a failure there, not a tombstone.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { observe } from '../revisions/observe.ts';
import type { Changelog, CrawledPage, CrawlState, IndexEntry, Transcript } from '../schema/types.ts';
import { validateCrawlState, validateTranscript } from '../schema/validate.ts';
import { SCHEMA_VERSION } from '../schema/version.ts';
import { Dataset } from '../store/dataset.ts';
import { recordPath } from '../store/paths.ts';
import { closeRun } from './close.ts';
import { storeObservation } from './store-observation.ts';
import type { PageFailure, RunReport } from './index.ts';
import { acquireLock } from './lock.ts';

export interface MergeOptions {
  /** The target dataset (`output`). */
  out: string;
  /** Shard dataset directories, merged in this order when fetch times tie. */
  shards: string[];
  now?: () => Date;
  /** The changelog's run id; the start time when absent. */
  runId?: string;
}

/** A merge, reported in the shape of a run so `podium publish` treats both alike. */
export interface MergeReport extends RunReport {
  /** Shard records read. */
  records: number;
}

/** A merge that cannot start (a missing shard, a shard that is the target). */
export class MergeError extends Error {
  override readonly name = 'MergeError';
}

interface ShardRecord {
  shard: number;
  file: string;
  id: string;
  fetchedAt: string;
}

/**
 * Merges shard datasets into `options.out`.
 *
 * @throws MergeError when a shard directory is missing or is the target itself.
 * @example
 * const report = await mergeShards({ out: 'output', shards: ['shards/state-2021', 'shards/state-2022'] });
 */
export async function mergeShards(options: MergeOptions): Promise<MergeReport> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const target = new Dataset(options.out);
  for (const shard of options.shards) {
    if (resolve(shard) === resolve(options.out)) throw new MergeError(`${shard} is the target dataset itself`);
    if (!(await isDirectory(shard))) throw new MergeError(`shard ${shard} is not a directory`);
  }
  const shards = options.shards.map((dir) => new Dataset(dir));
  const lock = await acquireLock(options.out);
  try {
    const report: MergeReport = {
      runId: options.runId ?? `merge ${startedAt.toISOString()}`,
      agencies: [], added: [], revised: [], reprocessed: [], withdrawn: [], restored: [], failures: [],
      changed: false, datasetVersion: null, exitCode: 0, backlog: 0, records: 0,
    };
    const index = await target.readIndex();
    const entries = new Map<string, IndexEntry>((index?.transcripts ?? []).map((e) => [e.id, e]));
    // Read before anything is written: the state every shard started from.
    const baseline = new Map<string, CrawlState | null>();

    const found: ShardRecord[] = [];
    for (const [i, shard] of shards.entries()) {
      for (const file of await shard.listRecordFiles()) {
        const record = await readShardRecord(shard, file, report);
        if (record) found.push({ shard: i, file, id: record.id, fetchedAt: record.source.fetchedAt });
      }
    }
    report.records = found.length;
    found.sort((a, b) => compare(a.id, b.id) || compare(a.fetchedAt, b.fetchedAt) || a.shard - b.shard);

    for (const item of found) {
      const shard = shards[item.shard]!;
      const fresh = (await readShardRecord(shard, item.file, report))!;
      report.changed = (await mergeRecord(fresh, shard, target, entries, report)) || report.changed;
    }

    const states = new Map<string, Map<string, CrawledPage>>();
    for (const shard of shards) {
      for (const state of await readShardStates(shard, report)) {
        if (!baseline.has(state.agency)) baseline.set(state.agency, await target.readCrawlState(state.agency));
        const before = new Map((baseline.get(state.agency)?.pages ?? []).map((p) => [p.url, p]));
        const merged = states.get(state.agency) ?? new Map(before);
        for (const page of state.pages) {
          const known = before.get(page.url);
          if (!known || JSON.stringify(known) !== JSON.stringify(page)) merged.set(page.url, page);
        }
        states.set(state.agency, merged);
      }
      for (const failure of await shardFailures(shard)) report.failures.push(failure);
    }

    await closeRun({
      dataset: target, previousVersion: index?.datasetVersion, entries, changes: report, runId: report.runId, now,
      states: [...states].map(([agency, pages]) => ({ schemaVersion: SCHEMA_VERSION, agency, pages: [...pages.values()] })),
    });
    report.exitCode = report.failures.length ? 2 : 0;
    return report;
  } finally {
    await lock.release();
  }
}

/** Observes one shard record against the target and stores the outcome; returns whether a file changed. */
async function mergeRecord(fresh: Transcript, shard: Dataset, target: Dataset, entries: Map<string, IndexEntry>, report: MergeReport): Promise<boolean> {
  const obs = observe(await target.readRecord(fresh.id), fresh);
  if (obs.kind === 'added') {
    // Revisions the shard itself saw before this one (a shard re-run): keep them all.
    for (let n = 1; n < fresh.revision; n++) {
      const old = await shard.readHistory(fresh.id, n);
      if (old) await target.writeHistory(old);
    }
  }
  // Only a record that changes takes the shard's raw page; an unchanged one keeps the stored raw.
  const raw = obs.kind === 'unchanged' ? null : await shard.readRaw(fresh.id);
  return storeObservation(obs, raw, target, entries, report);
}

/** A shard's record file, checked against the schema and its path; a bad one becomes a failure. */
async function readShardRecord(shard: Dataset, file: string, report: MergeReport): Promise<Transcript | null> {
  const where = `${shard.root}/${file}`;
  let value: unknown;
  try {
    value = JSON.parse(await readFile(shard.path(file), 'utf8'));
  } catch (error) {
    report.failures.push(mergeFailure(where, `unreadable record: ${(error as Error).message}`));
    return null;
  }
  const result = validateTranscript(value);
  if (!result.ok) {
    const first = result.errors.slice(0, 3).map((e) => `${e.pointer || '/'} ${e.message}`).join('; ');
    report.failures.push(mergeFailure(where, `record fails the schema: ${first}`));
    return null;
  }
  // The id decides where the record is written: one filed elsewhere in the shard is not trusted.
  let expected: string;
  try {
    expected = recordPath(result.value.id);
  } catch (error) {
    report.failures.push(mergeFailure(where, (error as Error).message));
    return null;
  }
  if (expected !== file) {
    report.failures.push(mergeFailure(where, `id ${result.value.id} belongs at ${expected}`));
    return null;
  }
  return result.value;
}

async function readShardStates(shard: Dataset, report: MergeReport): Promise<CrawlState[]> {
  const states: CrawlState[] = [];
  for (const file of await listStateFiles(shard)) {
    const where = `${shard.root}/${file}`;
    try {
      const result = validateCrawlState(JSON.parse(await readFile(shard.path(file), 'utf8')));
      if (result.ok && file === `state/${result.value.agency}.json`) states.push(result.value);
      else report.failures.push(mergeFailure(where, result.ok ? `crawl state of ${result.value.agency} filed as ${file}` : `crawl state fails the schema: ${result.errors[0]?.message ?? ''}`));
    } catch (error) {
      report.failures.push(mergeFailure(where, `unreadable crawl state: ${(error as Error).message}`));
    }
  }
  return states;
}

async function listStateFiles(shard: Dataset): Promise<string[]> {
  try {
    return (await readdir(shard.path('state'))).filter((f) => f.endsWith('.json') && !f.startsWith('.')).sort().map((f) => `state/${f}`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * Pages that failed in a shard's own run, from its changelog, so the merged changelog and the
 * publish step still show them. The agency is the shard's when it crawled exactly one.
 */
async function shardFailures(shard: Dataset): Promise<PageFailure[]> {
  let changelog: Changelog | null;
  try {
    changelog = await shard.readChangelog();
  } catch {
    return [];
  }
  const agencies = (await listStateFiles(shard)).map((f) => f.slice('state/'.length, -'.json'.length));
  const agency = agencies.length === 1 ? agencies[0]! : '';
  return (changelog?.entries ?? []).flatMap((entry) =>
    entry.failures.map((f) => ({ agency, url: f.url, stage: f.stage, message: f.message, templateChange: false })),
  );
}

function mergeFailure(where: string, message: string): PageFailure {
  return { agency: '', url: where, stage: 'extract', message: `${where}: ${message}`, templateChange: false };
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
