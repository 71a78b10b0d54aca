/**
 * The run report as a file: what `podium run --report <file>` (and `podium merge --report`) write
 * for the steps that come after the run in CI — `podium publish` (commit message, step summary,
 * exit status) and `podium alert` (template-change detection against the previous run's file).
 * Not a published dataset file: it lives beside the checkout, never in `output/`.
 */
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../store/atomic.ts';
import type { RunReport } from './index.ts';

/** What a run was asked to cover; two runs are only comparable when their scopes are equal. */
export interface RunScope {
  /** Agency ids, in the order they ran. */
  agencies: string[];
  /** Raw `--origin` values (mirror runs); empty on a live run. */
  origins: string[];
  since: string | null;
  until: string | null;
  limit: number | null;
}

/** The report file: the RunReport, what produced it and, for a run, its scope. */
export type ReportFile = RunReport & {
  /** `run` for `podium run`, `merge` for `podium merge` (backfill shards folded into the dataset). */
  kind: 'run' | 'merge';
  /** Null for a merge, which has no discovery of its own. */
  scope: RunScope | null;
};

/** A report file that cannot be read or is not a report. */
export class ReportFileError extends Error {
  override readonly name = 'ReportFileError';
}

/** Writes a report file atomically (a half-written report must never reach `podium publish`). */
export async function writeReportFile(path: string, report: ReportFile): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(report, null, 2)}\n`);
}

/**
 * Reads a report file and checks its shape, so a truncated or foreign file fails here with its
 * name rather than later as an `undefined` deep inside the commit message.
 *
 * @throws ReportFileError naming the file and the first field that is wrong.
 */
export async function readReportFile(path: string): Promise<ReportFile> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ReportFileError(`${path}: cannot read the run report: ${(error as Error).message}`, { cause: error });
  }
  const problem = shapeProblem(value);
  if (problem) throw new ReportFileError(`${path}: not a podium run report: ${problem}`);
  return value as ReportFile;
}

const ID_LISTS = ['added', 'reprocessed', 'withdrawn', 'restored'] as const;

function shapeProblem(value: unknown): string | null {
  if (!isObject(value)) return 'not a JSON object';
  if (value['kind'] !== 'run' && value['kind'] !== 'merge') return '"kind" must be "run" or "merge"';
  if (typeof value['runId'] !== 'string') return '"runId" must be a string';
  if (value['exitCode'] !== 0 && value['exitCode'] !== 2) return '"exitCode" must be 0 or 2';
  if (typeof value['changed'] !== 'boolean') return '"changed" must be a boolean';
  if (value['datasetVersion'] !== null && typeof value['datasetVersion'] !== 'string') return '"datasetVersion" must be a string or null';
  for (const key of ID_LISTS) {
    const list = value[key];
    if (!Array.isArray(list) || !list.every((id) => typeof id === 'string')) return `"${key}" must be a list of ids`;
  }
  const revised = value['revised'];
  if (!Array.isArray(revised) || !revised.every((r) => isObject(r) && typeof r['id'] === 'string' && typeof r['revision'] === 'number' && typeof r['change'] === 'string')) {
    return '"revised" must be a list of {id, revision, change}';
  }
  const failures = value['failures'];
  if (!Array.isArray(failures) || !failures.every((f) => isObject(f) && typeof f['url'] === 'string' && typeof f['message'] === 'string' && typeof f['agency'] === 'string')) {
    return '"failures" must be a list of {agency, url, stage, message}';
  }
  const agencies = value['agencies'];
  if (!Array.isArray(agencies) || !agencies.every((a) => isObject(a) && typeof a['agency'] === 'string' && typeof a['candidates'] === 'number')) {
    return '"agencies" must be a list of agency reports';
  }
  if (value['scope'] !== null && !isObject(value['scope'])) return '"scope" must be an object or null';
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
