/**
 * The site's pages as exports: per-record page sets (transcript pages with their revisions, the
 * browse catalog and search shards, people and outlets) fill during the record loop; whole-dataset
 * pages (home, browse, coverage, "Use the data", the sitemap) are written at close, after the
 * downloads they describe. Every page goes through the site's writer, so the sitemap lists them.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SCHEMA_DIR } from '../schema/files.ts';
import { BROWSE_JS, STYLE_CSS } from './assets.ts';
import { CatalogBuilder } from './catalog.ts';
import { gzipDeterministic } from '../store/dataset.ts';
import { FileSet, GZIP_LEVEL, resultOf, siteLink, type Closed, type OffThreadContext, type SiteContext, type SiteExport } from './exports/export.ts';
import { transcriptPath } from './html.ts';
import { browsePage } from './pages/browse.ts';
import { codebookPage } from './pages/codebook.ts';
import { coveragePage } from './pages/coverage.ts';
import { homePage, type RecentRevision } from './pages/home.ts';
import { PeopleIndex } from './pages/people.ts';
import { diffPage, diffPath, historyPage, revisionPairs } from './pages/revisions.ts';
import { transcriptPage } from './pages/transcript.ts';
import { useDataPage } from './pages/use-data.ts';
import { SearchIndexBuilder, searchParts } from './search-index.ts';
import type { Changelog, Transcript } from '../schema/types.ts';

/** An export with nothing to do per record. */
function atClose(path: string, mediaType: string, description: string, render: (site: SiteContext, done: readonly Closed[]) => string | Promise<string>): SiteExport {
  let site: SiteContext;
  return {
    path,
    mediaType,
    description,
    async open(s) {
      site = s;
    },
    async add() {},
    async close(done) {
      const body = await render(site, done);
      await site.files.put(path, body);
      return resultOf(path, mediaType, body);
    },
  };
}

/**
 * The dataset version in which each record last changed (added, revised, withdrawn, restored or
 * reprocessed): what a transcript's "cite this" line names. Citing the newest version instead
 * would change every page on every run, whatever changed.
 */
export function lastChanged(changelog: Changelog | null): Map<string, string> {
  const version = new Map<string, string>();
  for (const e of changelog?.entries ?? []) {
    for (const id of [...e.added, ...e.revised.map((r) => r.id), ...e.withdrawn, ...e.restored, ...e.reprocessed]) version.set(id, e.datasetVersion);
  }
  return version;
}

/** t/<id>/: each transcript's page, and for a revised one its history and diffs. */
export function transcriptPages(): SiteExport {
  let site: SiteContext;
  let set: FileSet;
  let changedIn: Map<string, string>;
  return {
    path: 't/',
    mediaType: 'text/html',
    description: 'One page per transcript, with its revision history and diffs.',
    async open(s) {
      site = s;
      set = new FileSet('t/', s.files);
      changedIn = lastChanged(s.changelog);
    },
    async add(t: Transcript) {
      const put = (rel: string, body: string) => set.put(rel, body);
      const datasetVersion = changedIn.get(t.id) ?? site.index.datasetVersion;
      await put(`${transcriptPath(t.id)}index.html`, transcriptPage(site.base, t, site.dataBase, { datasetVersion, agencyName: site.agencyNames.get(t.agency) }));
      // A transcript seen once has no history worth a page (its page says so); saves a file per record.
      if (t.revision > 1) {
        await put(`${transcriptPath(t.id)}revisions/index.html`, historyPage(site.base, t));
        await writeDiffs(site, t, put);
      }
    },
    async close() {
      return set.result();
    },
  };
}

async function writeDiffs(site: SiteContext, current: Transcript, put: (rel: string, body: string) => Promise<void>): Promise<void> {
  const versions = new Map<number, Transcript>([[current.revision, current]]);
  for (let n = 1; n < current.revision; n++) {
    const v = await site.dataset.readHistory(current.id, n);
    if (v) versions.set(n, v);
  }
  for (const [a, b] of revisionPairs(current.revision)) {
    const x = versions.get(a);
    const y = versions.get(b);
    if (x && y) await put(`${diffPath(current.id, a, b)}index.html`, diffPage(site.base, x, y));
  }
}

/** catalog/ and search/: what Browse loads (the split catalog, catalog.ts) and searches (sharded postings). */
export function browseData(): SiteExport {
  let site: SiteContext;
  let docOf: Map<string, number>;
  let catalog: CatalogBuilder;
  return {
    path: 'catalog/',
    mediaType: 'application/json',
    description: 'The Browse catalog, split in chunks under `catalog/`.',
    async open(s) {
      site = s;
      docOf = new Map(s.order.map((e, n) => [e.id, n]));
      catalog = new CatalogBuilder(s.order);
    },
    async add(t: Transcript) {
      catalog.add(docOf.get(t.id)!, t);
    },
    async close() {
      const set = new FileSet('catalog/', site.files, 'application/json');
      for (const [rel, body] of catalog.files()) await set.put(rel, body);
      return set.result();
    },
  };
}

/** The search index's files as the site stores them: `<path>.gz`, gzipped JSON (the client decodes them). */
export function* storedSearchFiles(search: SearchIndexBuilder, transcripts: number): Generator<[string, Buffer]> {
  for (const [path, body] of search.files(transcripts)) yield [`${path}.gz`, gzipDeterministic(body, GZIP_LEVEL)];
}

/**
 * search/: the sharded search index Browse queries; built in a worker thread (exports/index.ts).
 * Each file is stored gzipped (`.json.gz`, decoded by the client): the index is the site's
 * largest part after the transcript pages (239 MiB of JSON at 30 000 transcripts, a third of that
 * gzipped), and GitHub Pages caps the stored site at 1 GB whatever it sends compressed.
 */
export function searchIndexExport(): SiteExport<OffThreadContext> {
  let site: OffThreadContext;
  let docOf: Map<string, number>;
  const search = new SearchIndexBuilder();
  return {
    path: 'search/',
    mediaType: 'application/gzip',
    description: 'The sharded search index Browse queries, under `search/`, each file gzipped JSON.',
    async open(s) {
      site = s;
      docOf = new Map(s.order.map((e, n) => [e.id, n]));
    },
    async add(t: Transcript) {
      // Records arrive in catalog order, so postings go in by increasing document number.
      search.add(docOf.get(t.id)!, searchParts(t));
    },
    async close() {
      const set = new FileSet('search/', site.files, 'application/gzip');
      for (const [path, body] of storedSearchFiles(search, site.order.length)) await set.put(path, body);
      return set.result();
    },
  };
}

/** people/ and outlets/: a page per person and per outlet the records name. */
export function peoplePages(): SiteExport {
  let site: SiteContext;
  const people = new PeopleIndex();
  return {
    path: 'people/',
    mediaType: 'text/html',
    description: 'A page per person (speakers and questioners) and per outlet, under `people/` and `outlets/`.',
    async open(s) {
      site = s;
    },
    async add(t: Transcript) {
      people.add(t);
    },
    async close() {
      const set = new FileSet('people/', site.files);
      await people.write(site.base, (rel, body) => set.put(rel, body));
      return set.result();
    },
  };
}

export function homePageExport(): SiteExport {
  return atClose('index.html', 'text/html', 'Home: what the dataset holds and what changed lately.', (site) => {
    const recentRevisions: RecentRevision[] = [];
    for (const run of [...(site.changelog?.entries ?? [])].reverse()) {
      for (const r of run.revised) if (recentRevisions.length < 15) recentRevisions.push({ id: r.id, title: site.titleOf(r.id) ?? r.id, revision: r.revision, change: r.change, time: run.time });
    }
    return homePage(site.base, { datasetVersion: site.index.datasetVersion, updated: site.updated, entries: [...site.entries], recentRevisions });
  });
}

export const browsePageExport = () => atClose('browse/index.html', 'text/html', 'Browse and search.', (site) => browsePage(site.base));
export const coveragePageExport = () => atClose('coverage/index.html', 'text/html', 'What the dataset covers, and its gaps.', (site) => coveragePage(site.base, { entries: [...site.entries], agencyNames: new Map(site.agencyNames) }));
/** The codebook: schemas/README.md's section on what the derived fields mean. */
export const codebookExport = () =>
  atClose('codebook/index.html', 'text/html', 'What the derived fields mean: kinds, roles, labels, questions, names, days, known limits.', async (site) =>
    codebookPage(site.base, await readFile(join(SCHEMA_DIR, 'README.md'), 'utf8')));
export const styleExport = () => atClose('assets/style.css', 'text/css', 'The site\'s style sheet.', () => STYLE_CSS);
export const browseScriptExport = () => atClose('assets/browse.js', 'text/javascript', 'Browse and search, in the browser.', () => BROWSE_JS);
export const notFoundExport = () =>
  atClose('404.html', 'text/html', 'Not found.', (site) => '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found · Podium</title></head><body><main><h1>Not found</h1><p><a href="' + site.base + '">Podium home</a></p></main></body></html>\n');

/** "Use the data": the downloads as they were published (read from the exports closed before it). */
export const useDataExport = () =>
  atClose('use-the-data/index.html', 'text/html', 'How to download and query the data.', (site, done) =>
    useDataPage(site.base, site.dataBase, done.filter((d) => d.export.download).map((d) => ({ ...d.result, description: d.export.description, bulk: d.export.download === 'bulk' })), site.siteUrl));

/** sitemap.xml (sitemaps.org 0.9): every page but 404.html, sorted; absolute with --site-url. */
export const sitemapExport = () =>
  atClose('sitemap.xml', 'application/xml', 'Every page of the site, for search engines.', (site) => {
    const loc = (rel: string) => siteLink(site, rel.replace(/(^|\/)index\.html$/, '$1'));
    const urls = [...site.files.pages].filter((p) => p !== '404.html').map(loc).sort().map((u) => `<url><loc>${escXml(u)}</loc></url>`);
    return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
  });

const escXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
