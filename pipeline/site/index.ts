/**
 * The publish stage's site: `buildSite` reads a dataset and writes a plain-file static site with
 * every export into a fresh directory, then swaps it in place of `dest`. One pass over the records
 * (newest first), so memory holds the catalog and the search postings, never the corpus; nothing
 * depends on the clock, so the same dataset gives byte-identical output.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { cp, mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SCHEMA_DIR, SCHEMA_FILES } from '../schema/files.ts';
import type { IndexEntry, Transcript } from '../schema/types.ts';
import { Dataset } from '../store/dataset.ts';
import { BROWSE_JS, STYLE_CSS } from './assets.ts';
import { CatalogBuilder } from './catalog.ts';
import { csvHeader, turnRows } from './exports/csv.ts';
import { exportNames } from './exports/names.ts';
import { dataPackage } from './exports/datapackage.ts';
import { atomFeed } from './exports/feed.ts';
import { SqliteExport } from './exports/sqlite.ts';
import { sitePath, transcriptPath } from './html.ts';
import { browsePage } from './pages/browse.ts';
import { homePage, type RecentRevision } from './pages/home.ts';
import { diffPage, diffPath, historyPage, revisionPairs } from './pages/revisions.ts';
import { transcriptPage } from './pages/transcript.ts';
import { PeopleIndex } from './pages/people.ts';
import { coveragePage } from './pages/coverage.ts';
import { loadAgencies } from '../agencies/index.ts';
import { useDataPage } from './pages/use-data.ts';
import { SearchIndexBuilder } from './search-index.ts';
import { FileWriter } from './writer.ts';

export interface SiteOptions {
  /** Dataset directory (output/). */
  out: string;
  /** Site directory, replaced whole. */
  dest: string;
  /** Path the site is served under, with leading and trailing slash (`/podium/`). */
  baseUrl: string;
  /**
   * Where the dataset's record files are already published (an http(s) URL ending in `/`, e.g. the
   * raw view of output/ on GitHub). Pages then link records there and the site does not carry a
   * copy of transcripts/ and history/ — the largest single saving at scale.
   */
  dataUrl?: string;
  /** Write the three bulk exports gzipped (`transcripts.ndjson.gz`, `turns.csv.gz`, `podium.sqlite.gz`): a fifth to a third of the bytes. */
  gzipExports?: boolean;
}


export interface SiteSummary {
  transcripts: number;
  turns: number;
  pages: number;
}

/** Normalizes a base URL to `/…/`. */
export function normalizeBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export async function buildSite(options: SiteOptions): Promise<SiteSummary> {
  const base = normalizeBase(options.baseUrl);
  if (options.dataUrl !== undefined && !/^https?:\/\/\S+\/$/.test(options.dataUrl)) throw new Error(`site: --data-url wants an http(s) URL ending in /, got ${JSON.stringify(options.dataUrl)}`);
  const dataBase = options.dataUrl ?? sitePath(base, 'data/');
  const dataset = new Dataset(options.out);
  const index = await dataset.readIndex();
  if (!index) throw new Error(`site: ${options.out}/index.json not found; run \`podium run\` first or pass --out <dataset>`);
  const changelog = await dataset.readChangelog();

  const dest = options.dest.replace(/\/+$/, '');
  const tmp = `${dest}.building`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  const files = new FileWriter(tmp);
  const put = (rel: string, body: string) => files.put(rel, body);

  const entries = [...index.transcripts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const titles = new Map(entries.map((e) => [e.id, e.title]));
  // Catalog order is newest first: Browse lists it as is, and search results come out in that order.
  const order = [...entries].sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? 1 : -1));
  const docOf = new Map(order.map((e, n) => [e.id, n]));
  const catalog = new CatalogBuilder(order);
  const search = new SearchIndexBuilder();
  const people = new PeopleIndex();
  const agencyNames = new Map((await loadAgencies()).map((a) => [a.id, a.name]));

  const names = exportNames(options.gzipExports === true);
  const ndjson = openExport(join(tmp, names.ndjson), names.gzip);
  const csv = openExport(join(tmp, names.csv), names.gzip);
  await write(csv, csvHeader());
  const sqlite = new SqliteExport(join(tmp, 'podium.sqlite'));
  let turns = 0;
  let pages = 0;

  // Records in catalog order, so search postings go in by increasing document number.
  for await (const [entry, t] of readAhead(dataset, order)) {
    if (!t) throw new Error(`site: ${entry.id} is in index.json but ${entry.path} is missing`);
    await write(ndjson, `${JSON.stringify(t)}\n`);
    await write(csv, turnRows(t));
    sqlite.add(t);
    turns += t.turns.length;

    await put(`${transcriptPath(t.id)}index.html`, transcriptPage(base, t, dataBase, { datasetVersion: index.datasetVersion, agencyName: agencyNames.get(t.agency) }));
    people.add(t);
    pages++;
    // A transcript seen once has no history worth a page (its page says so); saves a file per record.
    if (t.revision > 1) {
      await put(`${transcriptPath(t.id)}revisions/index.html`, historyPage(base, t));
      pages += 1 + (await writeDiffs(dataset, t, put, base));
    }

    const doc = docOf.get(t.id)!;
    catalog.add(doc, t);
    search.add(doc, searchParts(t));
  }
  ndjson.end();
  csv.end();
  await Promise.all([once(ndjson.file, 'close'), once(csv.file, 'close')]);
  sqlite.close();
  if (names.gzip) {
    await pipeline(createReadStream(join(tmp, 'podium.sqlite')), createGzip({ level: 6 }), createWriteStream(join(tmp, names.sqlite)));
    await rm(join(tmp, 'podium.sqlite'));
  }

  for (const [rel, body] of catalog.files()) await put(rel, body);
  for (const [shard, body] of search.shards()) await put(`search/${shard}.json`, body);

  const updated = changelog?.entries.at(-1)?.time ?? null;
  const recentRevisions: RecentRevision[] = [];
  for (const run of [...(changelog?.entries ?? [])].reverse()) {
    for (const r of run.revised) if (recentRevisions.length < 15) recentRevisions.push({ id: r.id, title: titles.get(r.id) ?? r.id, revision: r.revision, change: r.change, time: run.time });
  }
  await put('index.html', homePage(base, { datasetVersion: index.datasetVersion, updated, entries, recentRevisions }));
  await put('browse/index.html', browsePage(base));
  pages += await people.write(base, put);
  await put('coverage/index.html', coveragePage(base, { entries, agencyNames }));
  await put('use-the-data/index.html', useDataPage(base, dataBase, names));
  await put('assets/style.css', STYLE_CSS);
  await put('assets/browse.js', BROWSE_JS);
  await put('404.html', '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found · Podium</title></head><body><main><h1>Not found</h1><p><a href="' + base + '">Podium home</a></p></main></body></html>\n');
  pages += 5;
  await put('feed.atom', atomFeed({ base, datasetVersion: index.datasetVersion, changelog, titleOf: (id) => titles.get(id) }));

  await files.flush();

  // The dataset's own files, once: pages link each record's JSON and history here.
  await mkdir(join(tmp, 'data'), { recursive: true });
  for (const name of ['index.json', 'changelog.json']) await cp(dataset.path(name), join(tmp, 'data', name)).catch(ignoreMissing);
  if (!options.dataUrl) for (const dir of ['transcripts', 'history']) await cp(dataset.path(dir), join(tmp, 'data', dir), { recursive: true }).catch(ignoreMissing);
  // Schemas where their $id URLs point (…/schemas/v1/<file>), so the ids resolve on the site.
  for (const file of [...SCHEMA_FILES, 'version.json']) await cp(join(SCHEMA_DIR, file), join(tmp, 'schemas', 'v1', file));

  const bytes: Record<string, number> = {};
  for (const file of [names.ndjson, names.csv, names.sqlite]) bytes[file] = (await stat(join(tmp, file))).size;
  await files.put('datapackage.json', `${JSON.stringify(dataPackage({ datasetVersion: index.datasetVersion, updated, transcripts: entries.length, turns, bytes, names }), null, 2)}\n`);
  // GitHub Pages would otherwise run Jekyll and drop files whose names start with an underscore.
  await files.put('.nojekyll', '');
  await files.flush();

  // Swap: the old site stays whole until the new one is complete.
  const old = `${dest}.old`;
  await rm(old, { recursive: true, force: true });
  await rename(dest, old).catch(ignoreMissing);
  await rename(tmp, dest);
  await rm(old, { recursive: true, force: true });
  return { transcripts: entries.length, turns, pages };
}

/** What the Browse search looks in: part 0 the title and speakers' names, part n turn n (`#tN`). */
function searchParts(t: Transcript): string[] {
  return [[t.title, ...t.participants.map((p) => `${p.name ?? ''} ${p.label}`)].join('\n'), ...t.turns.map((turn) => turn.paragraphs.join('\n'))];
}

async function writeDiffs(dataset: Dataset, current: Transcript, put: (rel: string, body: string) => Promise<void>, base: string): Promise<number> {
  const versions = new Map<number, Transcript>([[current.revision, current]]);
  for (let n = 1; n < current.revision; n++) {
    const v = await dataset.readHistory(current.id, n);
    if (v) versions.set(n, v);
  }
  let written = 0;
  for (const [a, b] of revisionPairs(current.revision)) {
    const x = versions.get(a);
    const y = versions.get(b);
    if (!x || !y) continue;
    await put(`${diffPath(current.id, a, b)}index.html`, diffPage(base, x, y));
    written++;
  }
  return written;
}

/** Records in the given order, a few reads ahead so parsing one overlaps reading the next. */
async function* readAhead(dataset: Dataset, entries: IndexEntry[]): AsyncGenerator<[IndexEntry, Transcript | null]> {
  const AHEAD = 8;
  const queue: Promise<Transcript | null>[] = [];
  for (let i = 0; i < entries.length; i++) {
    while (queue.length < AHEAD && i + queue.length < entries.length) {
      const read = dataset.readRecord(entries[i + queue.length]!.id);
      read.catch(() => {}); // reported when awaited, in order, not as an unhandled rejection
      queue.push(read);
    }
    yield [entries[i]!, await queue.shift()!];
  }
}

interface ExportStream {
  /** Where rows are written: the file, or the gzip stream in front of it. */
  head: Writable;
  file: WriteStream;
  end(): void;
}

/** A write stream for an export; gzipped (mtime 0, as zlib writes it) when asked. */
function openExport(path: string, gzip: boolean): ExportStream {
  const file = createWriteStream(path);
  if (!gzip) return { head: file, file, end: () => file.end() };
  const zip = createGzip({ level: 6 });
  zip.pipe(file);
  return { head: zip, file, end: () => zip.end() };
}

async function write(stream: ExportStream, chunk: string): Promise<void> {
  if (!stream.head.write(chunk)) await once(stream.head, 'drain');
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error;
}

