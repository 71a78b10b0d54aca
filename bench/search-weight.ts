/**
 * What Browse and its searches download before their first results at scale, without the full scale
 * bench: builds only what Browse reads (its page, script, the catalog and the search index) from n
 * synthetic records, the way the site build does, and weighs it with firstVisit (site-weight.ts).
 *
 *   PODIUM_CORPUS=/work/shared/corpus npx tsx bench/search-weight.ts 20000 30000
 *
 * Arguments that are not numbers are Browse queries (`"q=iran nuclear&year=2015"`): each, and the
 * heaviest word firstVisit found, is run in real Chromium against the same files, and what it fetched before its first results showed
 * (the search and catalog files; the transcript pages its passages read come after) is weighed.
 *
 * Without the corpus the records are the small fixtures and the figures mean little; it says so.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { indexEntry } from '../pipeline/run/index.ts';
import { BROWSE_JS, STYLE_CSS } from '../pipeline/site/assets.ts';
import { CatalogBuilder } from '../pipeline/site/catalog.ts';
import { storedSearchFiles } from '../pipeline/site/page-sets.ts';
import { browsePage } from '../pipeline/site/pages/browse.ts';
import { SearchIndexBuilder, searchParts } from '../pipeline/site/search-index.ts';
import { serveSite } from '../pipeline/site/serve.ts';
import { launchChromium } from '../test/support/chromium.ts';
import { corpusAvailable } from '../test/support/corpus.ts';
import { firstVisit, weighBody, type FirstVisit } from './site-weight.ts';
import { syntheticRecords } from './synthetic.ts';

/** Writes browse/, assets/, catalog/ and search/ for n synthetic records into `dir`. */
export async function writeBrowseData(dir: string, n: number): Promise<void> {
  // Records share their sample's turns, so all n fit in memory; the site orders them newest first.
  const records = [...syntheticRecords(n)].map((r) => r.record);
  const entries = records.map(indexEntry);
  const order = entries.map((e, i) => ({ e, i })).sort((a, b) => (a.e.date === b.e.date ? (a.e.id < b.e.id ? -1 : 1) : a.e.date < b.e.date ? 1 : -1));
  const catalog = new CatalogBuilder(order.map((o) => o.e));
  const search = new SearchIndexBuilder();
  order.forEach(({ i }, doc) => {
    catalog.add(doc, records[i]!);
    search.add(doc, searchParts(records[i]!));
  });
  const put = async (path: string, body: string | Uint8Array) => {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), body);
  };
  await put('browse/index.html', browsePage('/'));
  await put('assets/style.css', STYLE_CSS);
  await put('assets/browse.js', BROWSE_JS);
  for (const [path, body] of catalog.files()) await put(path, body);
  for (const [path, body] of storedSearchFiles(search, n)) await put(path, body);
}

const kib = (b: number) => (b / 1024).toFixed(1);

export interface QueryWeight {
  query: string;
  /** Browse's status once the first results showed. */
  status: string;
  files: number;
  bytes: number;
  gzipBytes: number;
}

/** Runs each Browse query (a URL query string) in Chromium over `dir` and weighs what it fetched before its first results. */
export async function queryWeights(dir: string, queries: string[]): Promise<QueryWeight[]> {
  const server = await serveSite(dir, '/');
  const browser = await launchChromium();
  try {
    const out: QueryWeight[] = [];
    for (const query of queries) {
      const page = await browser.newPage();
      const paths: string[] = [];
      page.on('request', (r) => paths.push(new URL(r.url()).pathname));
      await page.goto(`${server.url}browse/?${new URLSearchParams(query).toString()}`);
      const status = page.locator('#status');
      await page.waitForFunction(() => !/^(Loading|Searching)/.test(document.getElementById('status')!.textContent ?? ''), undefined, { timeout: 120_000 });
      const text = await status.innerText();
      // Transcript pages are the passages, read after the list is drawn.
      const fetched = [...new Set(paths.filter((p) => !p.startsWith('/t/')))];
      const w = { query, status: text, files: fetched.length, bytes: 0, gzipBytes: 0 };
      for (const path of fetched) {
        const body = await readFile(join(dir, path.endsWith('/') ? `${path}index.html` : path));
        const one = weighBody(path, body);
        w.bytes += one.bytes;
        w.gzipBytes += one.gzipBytes;
      }
      out.push(w);
      await page.close();
    }
    return out;
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number);
  const queries = args.filter((a) => !/^\d+$/.test(a));
  if (!sizes.length || sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('usage: tsx bench/search-weight.ts <transcripts>…');
  if (!corpusAvailable()) console.warn('search-weight: no corpus (set PODIUM_CORPUS); bodies are the small fixtures');
  const rows: (FirstVisit & { transcripts: number; ms: number; queries: QueryWeight[] })[] = [];
  for (const n of sizes) {
    const dir = await mkdtemp(join(tmpdir(), 'podium-search-weight-'));
    try {
      const start = performance.now();
      await writeBrowseData(dir, n);
      const ms = Math.round(performance.now() - start);
      const row = { transcripts: n, ms, ...(await firstVisit(dir)), queries: [] as QueryWeight[] };
      // The heaviest word by firstVisit's count, in the real client too: the two should agree.
      if (queries.length) row.queries = await queryWeights(dir, [`q=${row.searchHeaviest.word}`, ...queries]);
      rows.push(row);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  console.log('| transcripts | Browse KiB gz | median shard KiB gz | largest shard KiB gz | heaviest search (median shard) KiB gz | heaviest search (largest shard) KiB gz | heaviest search (any word) KiB gz |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.transcripts} | ${kib(r.browse.gzipBytes)} | ${kib(r.medianShard.gzipBytes)} | ${kib(r.largestShard.gzipBytes)} | ${kib(r.searchMedian.gzipBytes)} (${r.searchMedian.word}) | ${kib(r.searchLargest.gzipBytes)} (${r.searchLargest.word}) | ${kib(r.searchHeaviest.gzipBytes)} (${r.searchHeaviest.word}) |`);
  }
  if (queries.length) {
    console.log('\n| transcripts | query (in Chromium) | files | KiB gz before the first results | status |');
    console.log('|---:|---|---:|---:|---|');
    for (const r of rows) for (const q of r.queries) console.log(`| ${r.transcripts} | \`${q.query}\` | ${q.files} | ${kib(q.gzipBytes)} | ${q.status} |`);
  }
  console.log(JSON.stringify(rows));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
