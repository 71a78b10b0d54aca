/**
 * What a built site weighs: total bytes, the biggest parts, and what a first visit downloads before
 * its first results show (raw and gzipped, as GitHub Pages serves text): the home page with its
 * stylesheet; Browse with its script, the catalog's meta and the chunks of the first page of results;
 * a search for the heaviest word of the median shard, of the largest shard and of all: that shard
 * (with a long word's ranges only if its head were short of a page), plus the catalog chunks of the
 * word's first page of hits, which a rare word scatters over many chunks.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decodePostings, type LongPostings } from '../pipeline/site/search-index.ts';

/** Results on Browse's first page (PAGE in assets.ts). */
const FIRST_PAGE = 25;

export interface Weight {
  bytes: number;
  gzipBytes: number;
}

export interface SiteWeight {
  files: number;
  totalBytes: number;
  /** Bytes under each top-level entry (t/, data/, search/, podium.sqlite, …). */
  parts: Record<string, number>;
  home: Weight;
  browse: Weight;
  medianShard: Weight;
  largestShard: Weight;
  /** Browse with a search for the median shard's heaviest word (shard + chunks), before its first results. */
  searchMedian: Weight & { word: string };
  /** The same for the largest shard. */
  searchLargest: Weight & { word: string };
  /** The heaviest one-word search of all: every word of every shard (the 100 KB goal is for any word). */
  searchHeaviest: Weight & { word: string };
}

/**
 * A file's weight as served: text is sent gzipped by GitHub Pages, so its gzipped size counts; a file
 * stored gzipped (`.gz`, the search index) is sent as stored, and `bytes` is its decoded size.
 */
export function weighBody(path: string, body: Buffer): Weight {
  return path.endsWith('.gz') ? { bytes: gunzipSync(body).length, gzipBytes: body.length } : { bytes: body.length, gzipBytes: gzipSync(body).length };
}

async function weigh(files: string[]): Promise<Weight> {
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const w = weighBody(file, await readFile(file));
    bytes += w.bytes;
    gzipBytes += w.gzipBytes;
  }
  return { bytes, gzipBytes };
}

/** What Browse and its searches download before their first results; `dir` needs only browse/, assets/, catalog/ and search/. */
export type FirstVisit = Pick<SiteWeight, 'browse' | 'medianShard' | 'largestShard' | 'searchMedian' | 'searchLargest' | 'searchHeaviest'>;

export async function siteWeight(dir: string): Promise<SiteWeight> {
  const parts: Record<string, number> = {};
  let files = 0;
  let totalBytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const size = (await stat(file)).size;
    const top = file.slice(dir.length + 1).split('/')[0]!;
    parts[top] = (parts[top] ?? 0) + size;
    files++;
    totalBytes += size;
  }
  return { files, totalBytes, parts, home: await weigh([join(dir, 'index.html'), join(dir, 'assets/style.css')]), ...(await firstVisit(dir)) };
}

const readJsonGz = async (file: string): Promise<unknown> => JSON.parse(gunzipSync(await readFile(file)).toString('utf8'));

export async function firstVisit(dir: string): Promise<FirstVisit> {
  const meta = JSON.parse(await readFile(join(dir, 'catalog/meta.json'), 'utf8')) as { chunk: number; count: number };
  const page = [join(dir, 'browse/index.html'), join(dir, 'assets/style.css'), join(dir, 'assets/browse.js'), join(dir, 'catalog/meta.json')];
  const chunksOf = (docs: number[]) => [...new Set(docs.slice(0, FIRST_PAGE).map((d) => Math.floor(d / meta.chunk)))].map((k) => join(dir, 'catalog', `${k}.json`));
  const weights = new Map<string, Weight>();
  const weighed = async (files: string[]): Promise<Weight> => {
    const total = { bytes: 0, gzipBytes: 0 };
    for (const file of files) {
      if (!weights.has(file)) weights.set(file, await weigh([file]));
      total.bytes += weights.get(file)!.bytes;
      total.gzipBytes += weights.get(file)!.gzipBytes;
    }
    return total;
  };
  /**
   * What a one-word search downloads before its first page shows, as assets.ts fetches it: the
   * page, the word's shard, its ranges in order until a page of transcripts is known (a long
   * word's head is one already), and the catalog chunks of that page.
   */
  const search = async (shard: string): Promise<Weight & { word: string }> => {
    let worst: Weight & { word: string } = { word: '', bytes: 0, gzipBytes: 0 };
    for (const [word, entry] of Object.entries(await readJsonGz(shard) as Record<string, number[] | LongPostings>)) {
      const files = [...page, shard];
      let docs: number[];
      if (Array.isArray(entry)) docs = [...decodePostings(entry).keys()];
      else {
        docs = [...decodePostings(entry.p).keys()];
        for (const r of entry.r) {
          if (docs.length >= FIRST_PAGE) break;
          const file = join(shard.replace(/\.json\.gz$/, ''), `${r}.json.gz`);
          files.push(file);
          docs.push(...decodePostings((await readJsonGz(file) as Record<string, number[]>)[word]!).keys());
        }
      }
      const w = { word, ...(await weighed([...files, ...chunksOf(docs)])) };
      if (w.gzipBytes > worst.gzipBytes) worst = w;
    }
    return worst;
  };
  const names = (await readdir(join(dir, 'search'))).filter((name) => /^\d+\.json\.gz$/.test(name));
  const shards = await Promise.all(names.map(async (name) => ({ file: join(dir, 'search', name), size: (await stat(join(dir, 'search', name))).size })));
  shards.sort((a, b) => a.size - b.size);
  let searchHeaviest: Weight & { word: string } = { word: '', bytes: 0, gzipBytes: 0 };
  for (const { file } of shards) {
    const w = await search(file);
    if (w.gzipBytes > searchHeaviest.gzipBytes) searchHeaviest = w;
  }
  return {
    browse: await weigh([...page, ...chunksOf(Array.from({ length: FIRST_PAGE }, (_, i) => i))]),
    medianShard: await weigh([shards[shards.length >> 1]!.file]),
    largestShard: await weigh([shards.at(-1)!.file]),
    searchMedian: await search(shards[shards.length >> 1]!.file),
    searchLargest: await search(shards.at(-1)!.file),
    searchHeaviest,
  };
}
