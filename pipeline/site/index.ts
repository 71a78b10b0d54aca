/**
 * The publish stage's site: `buildSite` reads a dataset and writes a plain-file static site with
 * every export into a fresh directory, then swaps it in place of `dest`. Each file or page set is
 * a `SiteExport` (exports/export.ts): one pass over the records (newest first) hands each record to
 * every export, then they close in order. Memory holds the catalog and the search postings, never
 * the corpus; nothing depends on the clock, so the same dataset gives byte-identical output.
 */
import { cp, mkdir, rename, rm } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { loadAgencies } from '../agencies/index.ts';
import { SCHEMA_DIR, SCHEMA_FILES } from '../schema/files.ts';
import { Dataset } from '../store/dataset.ts';
import type { IndexEntry } from '../schema/types.ts';
import type { Closed, SiteContext } from './exports/export.ts';
import { siteExports } from './exports/index.ts';
import { sitePath } from './html.ts';
import { missingRecord, readAhead } from './read-ahead.ts';
import { FileWriter } from './writer.ts';

export interface SiteOptions {
  /** Dataset directory (output/). */
  out: string;
  /** Site directory, replaced whole. */
  dest: string;
  /** Path the site is served under, with leading and trailing slash (`/podium/`); from `siteUrl` when absent. */
  baseUrl?: string;
  /**
   * The site's absolute URL (`https://<owner>.github.io/<repo>/`). Links in feed.atom,
   * datapackage.json and sitemap.xml are then absolute, and "Use the data" states the address.
   */
  siteUrl?: string;
  /**
   * Where the dataset's record files are already published (an http(s) URL ending in `/`, e.g. the
   * raw view of output/ on GitHub). Pages then link records there and the site does not carry a
   * copy of transcripts/ and history/ — the largest single saving at scale.
   */
  dataUrl?: string;
  /**
   * Release assets: the bulk downloads (gzipped) and their per-year shards are written to `dir`
   * (emptied first) instead of the site, and linked at `url` + file name, where the workflow
   * publishes them as GitHub Release assets. `{version}` in the URL is the dataset version.
   * `cache`: a folder kept between builds (the workflow's actions/cache) holding the previous
   * build's year shards; years whose records and code are unchanged are copied from it (years.ts),
   * and it is replaced with this build's.
   */
  assets?: { dir: string; url: string; cache?: string };
  /** Write the three bulk exports gzipped (`transcripts.ndjson.gz`, `turns.csv.gz`, `podium.sqlite.gz`): a fifth to a third of the bytes. */
  gzipExports?: boolean;
}


export interface SiteSummary {
  transcripts: number;
  turns: number;
  pages: number;
}

/** Catalog order, newest first (ties by id): Browse lists it as is, search results come out in it, and every export gets records in it. */
export function catalogOrder(entries: readonly IndexEntry[]): IndexEntry[] {
  return [...entries].sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? 1 : -1));
}

/** Normalizes a base URL to `/…/`. */
export function normalizeBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * The site's URL as `https://host/path/`, and the base path it implies; a `baseUrl` that names
 * another path is an error (one of the two is wrong).
 */
export function siteAddress(siteUrl: string | undefined, baseUrl: string | undefined): { base: string; siteUrl?: string } {
  if (siteUrl === undefined) return { base: normalizeBase(baseUrl ?? '/') };
  let url: URL;
  try {
    url = new URL(siteUrl);
  } catch {
    throw new Error(`site: --site-url wants an absolute http(s) URL, got ${JSON.stringify(siteUrl)}`);
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash) throw new Error(`site: --site-url wants an absolute http(s) URL without query or fragment, got ${JSON.stringify(siteUrl)}`);
  const base = normalizeBase(url.pathname);
  if (baseUrl !== undefined && normalizeBase(baseUrl) !== base) throw new Error(`site: --base-url ${baseUrl} disagrees with the path of --site-url ${siteUrl} (${base}); pass one of them`);
  return { base, siteUrl: `${url.origin}${base}` };
}

export async function buildSite(options: SiteOptions): Promise<SiteSummary> {
  const { base, siteUrl } = siteAddress(options.siteUrl, options.baseUrl);
  if (options.dataUrl !== undefined && !/^https?:\/\/\S+\/$/.test(options.dataUrl)) throw new Error(`site: --data-url wants an http(s) URL ending in /, got ${JSON.stringify(options.dataUrl)}`);
  const dataset = new Dataset(options.out);
  const index = await dataset.readIndex();
  if (!index) throw new Error(`site: ${options.out}/index.json not found; run \`podium run\` first or pass --out <dataset>`);
  const changelog = await dataset.readChangelog();
  let assets: SiteContext['assets'];
  if (options.assets) {
    const url = options.assets.url.replaceAll('{version}', index.datasetVersion);
    if (!/^https?:\/\/\S+\/$/.test(url)) throw new Error(`site: --assets-url wants an http(s) URL ending in /, got ${JSON.stringify(options.assets.url)}`);
    const cache = options.assets.cache;
    if (cache !== undefined && overlaps(resolve(cache), resolve(options.assets.dir))) throw new Error(`site: --assets-cache ${cache} must be a folder of its own, apart from --assets ${options.assets.dir} (each is replaced whole)`);
    assets = { dir: options.assets.dir, url, ...(cache !== undefined ? { cache } : {}) };
    await rm(assets.dir, { recursive: true, force: true });
    await mkdir(assets.dir, { recursive: true });
  }

  const dest = options.dest.replace(/\/+$/, '');
  const tmp = `${dest}.building`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  const files = new FileWriter(tmp);

  const entries = [...index.transcripts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const titles = new Map(entries.map((e) => [e.id, e.title]));
  const order = catalogOrder(entries);
  const agencies = await loadAgencies();
  const site: SiteContext = {
    dir: tmp, base, ...(siteUrl ? { siteUrl } : {}), dataBase: options.dataUrl ?? sitePath(base, 'data/'), dataset, index, changelog, order, entries,
    titleOf: (id) => titles.get(id), agencies, agencyNames: new Map(agencies.map((a) => [a.id, a.name])),
    updated: changelog?.entries.at(-1)?.time ?? null, files, ...(assets ? { assets } : {}),
  };

  const exports = siteExports({ gzip: options.gzipExports === true || assets !== undefined, assets: assets !== undefined, absolute: options.siteUrl !== undefined });
  for (const e of exports) await e.open(site);
  let turns = 0;
  for await (const [entry, t] of readAhead(dataset, order)) {
    if (!t) throw missingRecord(entry);
    for (const e of exports) await e.add(t);
    turns += t.turns.length;
  }
  const done: Closed[] = [];
  for (const e of exports) {
    const result = await e.close(done);
    // A bulk file written to the assets folder is downloaded from the release, not the site.
    if (result && assets && (e.download === 'bulk' || result.files)) result.url = assets.url + (result.files ? '' : result.path);
    if (result) done.push({ export: e, result });
  }

  // The dataset's own records, once: pages link each record's JSON and history here.
  if (!options.dataUrl) for (const dir of ['transcripts', 'history']) await cp(dataset.path(dir), join(tmp, 'data', dir), { recursive: true }).catch(ignoreMissing);
  // Schemas where their $id URLs point (…/schemas/v1/<file>), so the ids resolve on the site.
  for (const file of [...SCHEMA_FILES, 'version.json']) await cp(join(SCHEMA_DIR, file), join(tmp, 'schemas', 'v1', file));
  // GitHub Pages would otherwise run Jekyll and drop files whose names start with an underscore.
  await files.put('.nojekyll', '');
  await files.flush();

  // Swap: the old site stays whole until the new one is complete.
  const old = `${dest}.old`;
  await rm(old, { recursive: true, force: true });
  await rename(dest, old).catch(ignoreMissing);
  await rename(tmp, dest);
  await rm(old, { recursive: true, force: true });
  return { transcripts: entries.length, turns, pages: files.pages.length };
}

/** One folder is the other or holds it. */
function overlaps(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}${sep}`) || b.startsWith(`${a}${sep}`);
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error;
}

