/**
 * What a built site weighs: total bytes, the biggest parts, and what a first visit downloads (raw
 * and gzipped, as GitHub Pages serves text): the home page with its stylesheet, and the Browse page
 * with its script, the catalog and one search shard (the median and the largest).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

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
  const shards = await Promise.all((await readdir(join(dir, 'search'))).map(async (name) => ({ file: join(dir, 'search', name), size: (await stat(join(dir, 'search', name))).size })));
  shards.sort((a, b) => a.size - b.size);
  return {
    files,
    totalBytes,
    parts,
    home: await weigh([join(dir, 'index.html'), join(dir, 'assets/style.css')]),
    browse: await weigh([join(dir, 'browse/index.html'), join(dir, 'assets/style.css'), join(dir, 'assets/browse.js'), join(dir, 'catalog.json')]),
    medianShard: await weigh([shards[shards.length >> 1]!.file]),
    largestShard: await weigh([shards.at(-1)!.file]),
  };
}
