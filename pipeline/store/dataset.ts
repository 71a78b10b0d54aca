/**
 * The dataset directory (`output/` by default): the index, one file per transcript, crawl state
 * and gzipped raw pages. Every write is atomic and skipped when the bytes would not change, and
 * each write method says whether it changed a file, so a run can tell "nothing new" from "new data".
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import { join, posix } from 'node:path';
import type { Changelog, CrawlState, DatasetIndex, Transcript } from '../schema/types.ts';
import { loadSchema } from '../schema/schemas.ts';
import { writeFileAtomic, writeIfChanged } from './atomic.ts';
import { stableJson } from './json.ts';
import { AGENCY_PATTERN, historyDir, rawPath, recordPath, resolveInside } from './paths.ts';

/** Index of the OS byte in a gzip header (RFC 1952 §2.3). */
const GZIP_OS_OFFSET = 9;
/** "Unix": fixed so the same page gives the same bytes whichever OS wrote it. */
const GZIP_OS_UNIX = 3;

/** A dataset on disk. Paths handed to and returned by it are relative to `root`, posix style. */
export class Dataset {
  /** The dataset directory, as given. */
  readonly root: string;

  constructor(root = 'output') {
    this.root = root;
  }

  /** Absolute path of a dataset-relative path; refuses anything outside the dataset. */
  path(rel: string): string {
    return resolveInside(this.root, rel);
  }

  /** `index.json`, or null when the dataset has none yet. */
  async readIndex(): Promise<DatasetIndex | null> {
    return this.#readJson<DatasetIndex>('index.json');
  }

  /**
   * Writes `index.json`, entries sorted by id.
   *
   * @returns true when the file changed.
   */
  async writeIndex(index: DatasetIndex): Promise<boolean> {
    const sorted: DatasetIndex = { ...index, transcripts: [...index.transcripts].sort((a, b) => compare(a.id, b.id)) };
    return writeIfChanged(this.path('index.json'), stableJson(sorted, loadSchema('index.schema.json')));
  }

  /** The record with this id, or null when there is none. */
  async readRecord(id: string): Promise<Transcript | null> {
    return this.#readJson<Transcript>(recordPath(id));
  }

  /**
   * Writes a record at the path its id gives.
   *
   * @returns true when the file changed.
   */
  async writeRecord(record: Transcript): Promise<boolean> {
    return writeIfChanged(this.path(recordPath(record.id)), stableJson(record, loadSchema('transcript.schema.json')));
  }

  /** Every record file (`transcripts/<agency>/<yyyy>/*.json`), relative, sorted. */
  async listRecordFiles(): Promise<string[]> {
    const files = await listFiles(this.path('transcripts'), 'transcripts');
    return files.filter((file) => file.endsWith('.json')).sort(compare);
  }

  /**
   * Keeps a full earlier version of a record at `history/<agency>/<date>-<slug>/<revision>.json`,
   * so consumers of the published files can rebuild any version without git.
   *
   * @returns true when the file changed.
   */
  async writeHistory(record: Transcript): Promise<boolean> {
    const rel = `${historyDir(record.id)}${record.revision}.json`;
    return writeIfChanged(this.path(rel), stableJson(record, loadSchema('transcript.schema.json')));
  }

  /** An earlier full version of a record, or null. The current revision lives in transcripts/. */
  async readHistory(id: string, revision: number): Promise<Transcript | null> {
    return this.#readJson<Transcript>(`${historyDir(id)}${revision}.json`);
  }

  /** `changelog.json`, or null when no run has changed the dataset yet. */
  async readChangelog(): Promise<Changelog | null> {
    return this.#readJson<Changelog>('changelog.json');
  }

  /** @returns true when the file changed. */
  async writeChangelog(changelog: Changelog): Promise<boolean> {
    return writeIfChanged(this.path('changelog.json'), stableJson(changelog, loadSchema('changelog.schema.json')));
  }

  /** `state/<agency>.json`, or null when the agency has not been crawled yet. */
  async readCrawlState(agency: string): Promise<CrawlState | null> {
    return this.#readJson<CrawlState>(crawlStatePath(agency));
  }

  /**
   * Writes `state/<agency>.json`, pages sorted by URL.
   *
   * @returns true when the file changed.
   */
  async writeCrawlState(state: CrawlState): Promise<boolean> {
    const sorted: CrawlState = { ...state, pages: [...state.pages].sort((a, b) => compare(a.url, b.url)) };
    return writeIfChanged(
      this.path(crawlStatePath(state.agency)),
      stableJson(sorted, loadSchema('crawl-state.schema.json')),
    );
  }

  /**
   * Stores a page's raw HTML gzipped (deterministic header: mtime 0, fixed OS byte). Compares the
   * decompressed content, so a zlib upgrade that compresses differently does not rewrite every file.
   *
   * @returns true when the file changed.
   */
  async writeRaw(id: string, html: string): Promise<boolean> {
    const path = this.path(rawPath(id));
    const current = await readOrNull(path);
    if (current !== null && gunzipOrNull(current)?.toString('utf8') === html) return false;
    await writeFileAtomic(path, gzipDeterministic(html));
    return true;
  }

  /** Whether a raw page is stored for an id (without reading it). */
  async hasRaw(id: string): Promise<boolean> {
    return stat(this.path(rawPath(id))).then((s) => s.isFile(), () => false);
  }

  /** The raw HTML stored for an id, or null. */
  async readRaw(id: string): Promise<string | null> {
    const bytes = await readOrNull(this.path(rawPath(id)));
    return bytes === null ? null : gunzipSync(bytes).toString('utf8');
  }

  async #readJson<T>(rel: string): Promise<T | null> {
    const bytes = await readOrNull(this.path(rel));
    if (bytes === null) return null;
    try {
      return JSON.parse(bytes.toString('utf8')) as T;
    } catch (error) {
      throw new Error(`${join(this.root, rel)}: invalid JSON: ${(error as Error).message}`, { cause: error });
    }
  }
}

/** Relative path of an agency's crawl state. */
export function crawlStatePath(agency: string): string {
  if (!AGENCY_PATTERN.test(agency)) throw new Error(`crawl state: ${JSON.stringify(agency)} is not an agency id`);
  return `state/${agency}.json`;
}

/** gzip with a header that depends on nothing but the content (and the level). */
export function gzipDeterministic(text: string, level = 9): Buffer {
  // Node's zlib writes mtime 0 already; the OS byte is the build's, so pin it.
  const bytes = gzipSync(Buffer.from(text, 'utf8'), { level });
  bytes.writeUInt32LE(0, 4);
  bytes[GZIP_OS_OFFSET] = GZIP_OS_UNIX;
  return bytes;
}

function gunzipOrNull(bytes: Buffer): Buffer | null {
  try {
    return gunzipSync(bytes);
  } catch {
    return null;
  }
}

async function readOrNull(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Files under `dir`, as posix paths prefixed with `prefix`; [] when `dir` does not exist. */
async function listFiles(dir: string, prefix: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const out: string[] = [];
  for (const entry of entries) {
    const rel = posix.join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(join(dir, entry.name), rel)));
    // Temp files of an interrupted atomic write start with a dot; they are not records.
    else if (entry.isFile() && !entry.name.startsWith('.')) out.push(rel);
  }
  return out;
}

/** Code-unit order: the same everywhere, unlike localeCompare. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
