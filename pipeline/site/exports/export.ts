/**
 * The export interface: every file or page set the site publishes is one `SiteExport`. The build
 * opens them all, hands each record to every `add` in catalog order (newest first), then closes them
 * in list order; each `close` sees the results of the exports closed before it (the Data Package
 * reads the downloads' bytes and hashes, "Use the data" reads the Data Package's list, the sitemap
 * reads every page written). The result says what was published: `path` relative to the site root
 * (a folder ending in `/` for a page set), its media type, its bytes and a sha256 of those bytes.
 */
import { createHash, type Hash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { dirname, join } from 'node:path';
import { createGzip } from 'node:zlib';
import type { Changelog, DatasetIndex, IndexEntry, Transcript } from '../../schema/types.ts';
import type { Agency } from '../../agencies/types.ts';
import type { Dataset } from '../../store/dataset.ts';
import type { FileWriter } from '../writer.ts';

export interface ExportResult {
  /** Relative to the site root; a page set's folder ends in `/`. */
  path: string;
  mediaType: string;
  /** Bytes as published (gzipped when the file is). */
  bytes: number;
  /** `sha256:<hex>` of those bytes (a page set: of its files' paths and hashes, in write order). */
  hash: string;
  /** Set when the bytes are gzip of `mediaType` content (`--gzip-exports`). */
  compression?: 'gz';
  /** Where it is downloaded when it is not on the site: a release asset (`--assets`), `<assets url><path>`. */
  url?: string;
  /** The files of a set that are downloads one by one (the per-year shards), in order. */
  files?: readonly { path: string; bytes: number; hash: string }[];
}

/** What every export may read: the dataset, where the site goes, and its URLs. */
export interface SiteContext {
  /** The directory being built (swapped in when complete). */
  dir: string;
  /** Path the site is served under, `/…/`. */
  base: string;
  /** The site's absolute URL ending in `/` (`--site-url`), when known. */
  siteUrl?: string;
  /**
   * Release assets (`--assets`): bulk downloads are written to `dir` instead of the site and
   * published by the workflow as release assets under `url` (ending in `/`).
   */
  assets?: { dir: string; url: string; cache?: string };
  /** Where record JSON files are linked (a URL or a site path ending in `/`). */
  dataBase: string;
  dataset: Dataset;
  index: DatasetIndex;
  changelog: Changelog | null;
  /** Catalog order: newest first, the order records reach `add`. */
  order: readonly IndexEntry[];
  /** The same entries in id order. */
  entries: readonly IndexEntry[];
  titleOf(id: string): string | undefined;
  agencies: readonly Agency[];
  agencyNames: ReadonlyMap<string, string>;
  /** Time of the newest changelog entry, or null. */
  updated: string | null;
  /** Small files and pages go through here, so the sitemap knows every page. */
  files: FileWriter;
}

/** What an export run in a worker thread (off-thread.ts) reads: where it writes, the dataset, the catalog order. */
export type OffThreadContext = Pick<SiteContext, 'dir' | 'assets' | 'dataset' | 'order' | 'files'>;

export interface Closed {
  export: SiteExport;
  result: ExportResult;
}

export interface SiteExport<Context = SiteContext> {
  /** Where it is published, relative to the site root (known before the build, for the docs). */
  readonly path: string;
  readonly mediaType: string;
  /** What it holds, one sentence; `code` in backticks. */
  readonly description: string;
  /** Listed as a resource of datapackage.json under this name, with these extra properties. */
  readonly resource?: { name: string } & Record<string, unknown>;
  /** Listed as a download (README, "Use the data"); `bulk` ones are what the recipes fetch. */
  readonly download?: 'bulk' | 'file';
  open(site: Context): Promise<void>;
  add(record: Transcript): Promise<void>;
  /** `null` when there was nothing to publish (no changelog yet). */
  close(done: readonly Closed[]): Promise<ExportResult | null>;
}

export const sha256 = (hash: Hash) => `sha256:${hash.digest('hex')}`;

/** The result of a file written whole. */
export function resultOf(path: string, mediaType: string, body: string | Uint8Array): ExportResult {
  const bytes = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
  return { path, mediaType, bytes, hash: sha256(createHash('sha256').update(body)) };
}

/**
 * zlib level of the bulk downloads. Measured on 5 000 synthetic records (100 MB of NDJSON, a
 * 244 MB SQLite file): level 4 compresses twice as fast as the default 6 and is 4–5 % larger,
 * and gzip was a third of the deployed build's CPU (every bulk file is written twice, whole and
 * per year).
 */
export const GZIP_LEVEL = 4;

/**
 * A streamed file, gzipped (GZIP_LEVEL, mtime 0 as zlib writes it) when asked, counting and hashing
 * the bytes as they go to disk so nothing is read back.
 */
export class FileSink {
  readonly #file;
  readonly #zip;
  readonly #hash = createHash('sha256');
  #bytes = 0;

  private constructor(file: string, gzip: boolean) {
    this.#file = createWriteStream(file);
    this.#zip = gzip ? createGzip({ level: GZIP_LEVEL }) : null;
    if (this.#zip) {
      this.#zip.on('data', (chunk: Buffer) => this.#count(chunk));
      this.#zip.pipe(this.#file);
    }
  }

  static async open(file: string, gzip: boolean): Promise<FileSink> {
    await mkdir(dirname(file), { recursive: true });
    return new FileSink(file, gzip);
  }

  #count(chunk: Buffer): void {
    this.#bytes += chunk.length;
    this.#hash.update(chunk);
  }

  async write(chunk: string | Buffer): Promise<void> {
    const head: Writable = this.#zip ?? this.#file;
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (!this.#zip) this.#count(bytes);
    if (!head.write(bytes)) await once(head, 'drain');
  }

  /** Ends the file; its bytes and hash once it is on disk. */
  async end(): Promise<{ bytes: number; hash: string }> {
    const closed = once(this.#file, 'close');
    (this.#zip ?? this.#file).end();
    await closed;
    return { bytes: this.#bytes, hash: sha256(this.#hash) };
  }
}

/** A file export's path, with `.gz` when gzipped. */
export const gzName = (path: string, gzip: boolean) => (gzip ? `${path}.gz` : path);

/** Files of one set written through the site's writer, hashed in write order for the set's result. */
export class FileSet {
  readonly #hash = createHash('sha256');
  #bytes = 0;
  pages = 0;

  constructor(readonly path: string, readonly files: FileWriter, readonly mediaType = 'text/html') {}

  async put(rel: string, body: string | Uint8Array): Promise<void> {
    const one = resultOf(rel, this.mediaType, body);
    this.#bytes += one.bytes;
    this.#hash.update(`${rel}\0${one.hash}\n`);
    this.pages++;
    await this.files.put(rel, body);
  }

  result(): ExportResult {
    return { path: this.path, mediaType: this.mediaType, bytes: this.#bytes, hash: sha256(this.#hash) };
  }
}

/** A site-root-relative path as an absolute URL under the site's URL (which ends in `/`). */
export function absoluteUrl(siteUrl: string, path: string): string {
  return new URL(path.replace(/^\/+/, ''), siteUrl).href;
}

/** A link to a site path: absolute with `--site-url`, else under the base path. */
export function siteLink(site: Pick<SiteContext, 'base' | 'siteUrl'>, path: string): string {
  return site.siteUrl ? absoluteUrl(site.siteUrl, path) : `${site.base}${path.replace(/^\/+/, '')}`;
}

/** Path joined to the build directory. */
export const inSite = (site: SiteContext, path: string) => join(site.dir, path);

/** Where a bulk download is written: the release assets' folder with `--assets`, else the site. */
export const bulkFile = (site: OffThreadContext, path: string) => join(site.assets?.dir ?? site.dir, path);
