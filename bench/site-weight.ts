/**
 * What a built site weighs: total bytes, the biggest parts, and what a first visit downloads before
 * its first results show (raw and gzipped, as GitHub Pages serves text): the home page with its
 * stylesheet; Browse with its script, the catalog's meta and the chunks of the first page of results;
 * a search for the heaviest word of the median shard and of the largest shard: that shard, plus the
 * catalog chunks of the word's first page of hits, which a rare word scatters over many chunks.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { decodePostings } from '../pipeline/site/search-index.ts';

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
}

async function weigh(files: string[]): Promise<Weight> {
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const body = await readFile(file);
    bytes += body.length;
    gzipBytes += gzipSync(body).length;
  }
  return { bytes, gzipBytes };
}

/** What Browse and its searches download before their first results; `dir` needs only browse/, assets/, catalog/ and search/. */
export type FirstVisit = Pick<SiteWeight, 'browse' | 'medianShard' | 'largestShard' | 'searchMedian' | 'searchLargest'>;

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

export async function firstVisit(dir: string): Promise<FirstVisit> {
  const meta = JSON.parse(await readFile(join(dir, 'catalog/meta.json'), 'utf8')) as { chunk: number };
  const page = [join(dir, 'browse/index.html'), join(dir, 'assets/style.css'), join(dir, 'assets/browse.js'), join(dir, 'catalog/meta.json')];
  const chunksOf = (docs: number[]) => [...new Set(docs.slice(0, FIRST_PAGE).map((d) => Math.floor(d / meta.chunk)))].map((k) => join(dir, 'catalog', `${k}.json`));
  const chunkWeight = new Map<string, Weight>();
  const search = async (shard: string): Promise<Weight & { word: string }> => {
    const fixed = await weigh([...page, shard]);
    let worst: Weight & { word: string } = { word: '', bytes: 0, gzipBytes: 0 };
    for (const [word, list] of Object.entries(JSON.parse(await readFile(shard, 'utf8')) as Record<string, number[]>)) {
      const w = { word, ...fixed };
      for (const file of chunksOf([...decodePostings(list).keys()])) {
        if (!chunkWeight.has(file)) chunkWeight.set(file, await weigh([file]));
        w.bytes += chunkWeight.get(file)!.bytes;
        w.gzipBytes += chunkWeight.get(file)!.gzipBytes;
      }
      if (w.gzipBytes > worst.gzipBytes) worst = w;
    }
    return worst;
  };
  const shards = await Promise.all((await readdir(join(dir, 'search'))).map(async (name) => ({ file: join(dir, 'search', name), size: (await stat(join(dir, 'search', name))).size })));
  shards.sort((a, b) => a.size - b.size);
  return {
    browse: await weigh([...page, ...chunksOf(Array.from({ length: FIRST_PAGE }, (_, i) => i))]),
    medianShard: await weigh([shards[shards.length >> 1]!.file]),
    largestShard: await weigh([shards.at(-1)!.file]),
    searchMedian: await search(shards[shards.length >> 1]!.file),
    searchLargest: await search(shards.at(-1)!.file),
  };
}
