/**
 * The dataset's integrity check: every file against the schemas, and the dataset against itself
 * (index entries point at existing records, records sit at the path their id gives, nothing is
 * orphaned, crawl states are sorted). `podium validate` prints it; it is the gate before publishing.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { PeopleBuilder, peopleJson } from '../people/index.ts';
import type { Changelog, CrawlState, DatasetIndex, IndexEntry, People, Transcript } from '../schema/types.ts';
import { validateChangelog, validateCrawlState, validateIndex, validatePeople, validateTranscript, type ValidationResult } from '../schema/validate.ts';
import { Dataset } from './dataset.ts';
import { historyDir, recordPath, resolveInside } from './paths.ts';

/** One problem in a dataset: the file (relative to the dataset root), a JSON pointer into it, what is wrong. */
export interface DatasetFailure {
  file: string;
  pointer: string;
  message: string;
}

export interface DatasetReport {
  /** JSON files read. */
  files: number;
  failures: DatasetFailure[];
}

/** Fields an index entry repeats from its record; they must agree. */
const MIRRORED: (keyof IndexEntry & keyof Transcript)[] = [
  'agency',
  'url',
  'title',
  'date',
  'kind',
  'status',
  'revision',
];

/**
 * Validates every file of a dataset: `index.json`, `transcripts/**.json`, `state/*.json`,
 * `changelog.json` and `history/**.json`.
 *
 * @param dir The dataset directory (`output`).
 * @returns The number of JSON files read and every failure, in a stable order (index, records by
 *   path, crawl states by path).
 * @example
 * const { failures } = await validateDataset('output');
 */
export async function validateDataset(dir: string): Promise<DatasetReport> {
  const failures: DatasetFailure[] = [];
  const fail = (file: string, pointer: string, message: string) => failures.push({ file, pointer, message });
  const isDir = await stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDir) {
    fail('.', '', `dataset directory ${dir} does not exist`);
    return { files: 0, failures };
  }
  let files = 0;
  const read = async <T>(file: string, validate: (value: unknown) => ValidationResult<T>): Promise<T | null> => {
    const value = await readJson(dir, file, fail);
    if (value === undefined) return null;
    files += 1;
    const result = validate(value);
    if (!result.ok) for (const error of result.errors) fail(file, error.pointer, error.message);
    return result.ok ? result.value : null;
  };

  // The index is read first and cross-checked against the records once they are read.
  const hasIndex = await exists(join(dir, 'index.json'));
  if (!hasIndex) fail('index.json', '', 'is missing');
  const index = hasIndex ? await read<DatasetIndex>('index.json', validateIndex) : null;

  // Only what the index mirrors is kept per record, so memory does not grow with record size.
  const records = new Map<string, RecordSummary>();
  const people = new PeopleBuilder();
  const recordFiles = await new Dataset(dir).listRecordFiles();
  for (const file of recordFiles) {
    const record = await read<Transcript>(file, validateTranscript);
    if (record === null) continue;
    records.set(file, summary(record));
    people.add(record);
    const expected = safe(() => recordPath(record.id));
    if (expected instanceof Error) fail(file, '/id', expected.message);
    else if (expected !== file) fail(file, '/id', `id ${record.id} belongs at ${expected}`);
  }

  if (index !== null) checkIndex(index, records, new Set(recordFiles), fail);

  for (const file of await listJson(dir, 'state')) {
    const state = await read<CrawlState>(file, validateCrawlState);
    if (state !== null) checkCrawlState(file, state, fail);
  }

  if (await exists(join(dir, 'changelog.json'))) await read<Changelog>('changelog.json', validateChangelog);

  // people.json is derived from the records: it must be exactly what they give (absent in
  // datasets written before schema 1.1.0, until the next run closes them).
  if (await exists(join(dir, 'people.json'))) {
    const stored = await read<People>('people.json', validatePeople);
    if (stored !== null && peopleJson(stored) !== peopleJson(people.build())) {
      fail('people.json', '', 'is not what the records give (rebuilt from them it differs): run podium reprocess or podium run to rewrite it');
    }
  }

  // Earlier revisions: each a full record of its own id, at the revision its file name says.
  for (const file of await listJsonDeep(dir, 'history')) {
    const old = await read<Transcript>(file, validateTranscript);
    if (old === null) continue;
    const expected = safe(() => `${historyDir(old.id)}${old.revision}.json`);
    if (expected instanceof Error) fail(file, '/id', expected.message);
    else if (expected !== file) fail(file, '/revision', `revision ${old.revision} of ${old.id} belongs at ${expected}`);
  }
  return { files, failures: sortFailures(failures, recordFiles) };
}

type Fail = (file: string, pointer: string, message: string) => void;

/** The fields of a record the index repeats. */
type RecordSummary = Pick<Transcript, (typeof MIRRORED)[number] | 'id'> & { source: { contentSha256: string } };

function summary(record: Transcript): RecordSummary {
  const out = { id: record.id, source: { contentSha256: record.source.contentSha256 } } as RecordSummary;
  for (const field of MIRRORED) (out as Record<string, unknown>)[field] = record[field];
  return out;
}

function checkIndex(index: DatasetIndex, records: Map<string, RecordSummary>, recordFiles: Set<string>, fail: Fail): void {
  const listed = new Set<string>();
  index.transcripts.forEach((entry, i) => {
    const at = `/transcripts/${i}`;
    const previous = index.transcripts[i - 1];
    if (previous !== undefined && previous.id >= entry.id) {
      fail(
        'index.json',
        `${at}/id`,
        previous.id === entry.id ? `duplicate id ${entry.id}` : `not sorted by id (comes after ${previous.id})`,
      );
    }
    const expected = safe(() => recordPath(entry.id));
    if (expected instanceof Error) {
      fail('index.json', `${at}/id`, expected.message);
    } else if (expected !== entry.path) {
      fail('index.json', `${at}/path`, `id ${entry.id} belongs at ${expected}, not ${entry.path}`);
    }
    const inside = safe(() => resolveInside('.', entry.path));
    if (inside instanceof Error) {
      fail('index.json', `${at}/path`, inside.message);
      return;
    }
    listed.add(entry.path);
    if (!recordFiles.has(entry.path)) {
      fail('index.json', `${at}/path`, `${entry.path} does not exist`);
      return;
    }
    const record = records.get(entry.path);
    // An invalid record has already been reported; comparing with it would only add noise.
    if (record === undefined) return;
    if (record.id !== entry.id) fail('index.json', `${at}/id`, `${entry.path} holds id ${record.id}, not ${entry.id}`);
    for (const field of MIRRORED) {
      if (record[field] !== entry[field]) {
        fail(
          'index.json',
          `${at}/${field}`,
          `${JSON.stringify(entry[field])} differs from the record's ${JSON.stringify(record[field])}`,
        );
      }
    }
    if (record.source.contentSha256 !== entry.contentSha256) {
      fail(
        'index.json',
        `${at}/contentSha256`,
        `differs from the record's source.contentSha256 ${record.source.contentSha256}`,
      );
    }
  });
  for (const file of recordFiles) if (!listed.has(file)) fail(file, '', 'is not listed in index.json');
}

function checkCrawlState(file: string, state: CrawlState, fail: Fail): void {
  const expected = `state/${state.agency}.json`;
  if (expected !== file) fail(file, '/agency', `agency ${state.agency} belongs in ${expected}`);
  state.pages.forEach((page, i) => {
    const previous = state.pages[i - 1];
    if (previous !== undefined && previous.url >= page.url) {
      fail(
        file,
        `/pages/${i}/url`,
        previous.url === page.url ? `duplicate url ${page.url}` : `not sorted by url (comes after ${previous.url})`,
      );
    }
  });
}

/** Failures grouped by file in walk order (index, records, states), each file's in discovery order. */
function sortFailures(failures: DatasetFailure[], recordFiles: string[]): DatasetFailure[] {
  const isRecord = new Set(recordFiles);
  const rank = (file: string) => (file === '.' || file === 'index.json' ? 0 : isRecord.has(file) ? 1 : 2);
  return failures
    .map((failure, order) => ({ failure, order }))
    .sort(
      (a, b) => rank(a.failure.file) - rank(b.failure.file) || cmp(a.failure.file, b.failure.file) || a.order - b.order,
    )
    .map(({ failure }) => failure);
}

async function readJson(dir: string, file: string, fail: Fail): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(resolveInside(dir, file), 'utf8');
  } catch (error) {
    fail(file, '', `cannot be read: ${(error as Error).message}`);
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    fail(file, '', `invalid JSON: ${(error as Error).message}`);
    return undefined;
  }
}

async function listJson(dir: string, sub: string): Promise<string[]> {
  const entries = await readdir(join(dir, sub), { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json') && !entry.name.startsWith('.'))
    .map((entry) => posix.join(sub, entry.name))
    .sort(cmp);
}

/** JSON files at any depth under `sub`, relative, sorted. */
async function listJsonDeep(dir: string, sub: string): Promise<string[]> {
  const entries = await readdir(join(dir, sub), { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const entry of entries) {
    const rel = posix.join(sub, entry.name);
    if (entry.isDirectory()) out.push(...(await listJsonDeep(dir, rel)));
    else if (entry.isFile() && entry.name.endsWith('.json') && !entry.name.startsWith('.')) out.push(rel);
  }
  return out.sort(cmp);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function safe<T>(fn: () => T): T | Error {
  try {
    return fn();
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
