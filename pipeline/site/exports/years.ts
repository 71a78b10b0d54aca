/**
 * Per-year shards of the bulk downloads, gzipped, for release assets (`podium site --assets`): a
 * reader who wants one year downloads a few MB instead of the whole archive. One file per year the
 * records cover, `transcripts-<year>.ndjson.gz`, `turns-<year>.csv.gz` and `podium-<year>.sqlite.gz`,
 * each with the same layout as the whole-dataset file, rows in the same (catalog) order.
 *
 * With a shard cache (`--assets-cache`, the previous build's shards restored by the workflow), a
 * year whose records and code are what the cached shard was built from is copied, not rebuilt: a
 * scheduled run that changed ten transcripts rebuilds the one or two years they fall in. The key
 * of a year is a hash of its record files in catalog order; the cache also names the code that
 * wrote it (fingerprint.ts). Reused bytes are checked against their recorded hash.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, link, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Transcript } from '../../schema/types.ts';
import { PeopleBuilder } from '../../people/index.ts';
import { csvLine } from './csv.ts';
import { ndjsonLine } from './ndjson.ts';
import { bulkFile, FileSink, sha256, type OffThreadContext, type ExportResult, type SiteExport } from './export.ts';
import { codeFingerprint } from './fingerprint.ts';
import { SqliteExport } from './sqlite.ts';
import { TURNS } from './tables.ts';

interface YearFiles {
  ndjson: FileSink;
  csv: FileSink;
  sqlite: SqliteExport;
  /** The year's own people registry, derived from its records (the shard stands alone). */
  people: PeopleBuilder;
}

type Published = { path: string; bytes: number; hash: string };

/** `<cache>/shards.json`: what each cached year was built from, and its files. */
interface ShardCache {
  fingerprint: string;
  years: Record<string, { key: string; files: Published[] }>;
}

const CACHE_MANIFEST = 'shards.json';

const names = (year: string) => ({ ndjson: `transcripts-${year}.ndjson.gz`, csv: `turns-${year}.csv.gz`, sqlite: `podium-${year}.sqlite.gz` });

export function yearShards(): SiteExport<OffThreadContext> {
  let site: OffThreadContext;
  const years = new Map<string, YearFiles>();
  /** Years copied from the cache, with their files as the cache recorded them. */
  const reused = new Map<string, Published[]>();
  let keys = new Map<string, string>();
  return {
    path: 'transcripts-<year>.ndjson.gz',
    mediaType: 'application/gzip',
    description: 'One year of the dataset: `transcripts-<year>.ndjson.gz`, `turns-<year>.csv.gz` and `podium-<year>.sqlite.gz`, laid out as the whole-dataset files.',
    download: 'file',
    async open(s) {
      site = s;
      const cache = s.assets?.cache;
      if (!cache) return;
      keys = await yearKeys(s);
      const previous = await readCache(cache);
      if (previous?.fingerprint !== codeFingerprint()) return;
      for (const [year, key] of keys) {
        const old = previous.years[year];
        if (old?.key === key && (await copyChecked(old.files, cache, s.assets!.dir))) reused.set(year, old.files);
      }
    },
    async add(t: Transcript) {
      const year = t.date.slice(0, 4);
      if (reused.has(year)) return;
      let files = years.get(year);
      if (!files) {
        const n = names(year);
        files = { ndjson: await FileSink.open(bulkFile(site, n.ndjson), true), csv: await FileSink.open(bulkFile(site, n.csv), true), sqlite: new SqliteExport(bulkFile(site, `podium-${year}.sqlite`)), people: new PeopleBuilder() };
        await files.csv.write(csvLine(TURNS.columns.map((c) => c.name)));
        years.set(year, files);
      }
      await files.ndjson.write(ndjsonLine(t));
      await files.csv.write(TURNS.rows(t).map(csvLine).join(''));
      files.sqlite.add(t);
      files.people.add(t);
    },
    async close(): Promise<ExportResult | null> {
      const all = [...new Set([...years.keys(), ...reused.keys()])].sort();
      if (!all.length) return null;
      const set = createHash('sha256');
      const published: Published[] = [];
      const byYear: ShardCache['years'] = {};
      let bytes = 0;
      for (const year of all) {
        const files = reused.get(year) ?? (await finish(site, year, years.get(year)!));
        for (const f of files) {
          set.update(`${f.path}\0${f.hash}\n`);
          bytes += f.bytes;
          published.push(f);
        }
        if (keys.has(year)) byYear[year] = { key: keys.get(year)!, files };
      }
      if (site.assets?.cache) await writeCache(site.assets.cache, site.assets.dir, { fingerprint: codeFingerprint(), years: byYear });
      return { path: 'transcripts-<year>.ndjson.gz', mediaType: 'application/gzip', bytes, hash: sha256(set), compression: 'gz', files: published };
    },
  };
}

/** Ends a year built in this run: its SQLite file closed and gzipped, its three files' bytes and hashes. */
async function finish(site: OffThreadContext, year: string, files: YearFiles): Promise<Published[]> {
  const n = names(year);
  files.sqlite.addPeople(files.people.build());
  files.sqlite.close();
  const db = bulkFile(site, `podium-${year}.sqlite`);
  const zip = await FileSink.open(bulkFile(site, n.sqlite), true);
  for await (const chunk of createReadStream(db) as AsyncIterable<Buffer>) await zip.write(chunk);
  await rm(db);
  return [
    { path: n.ndjson, ...(await files.ndjson.end()) },
    { path: n.csv, ...(await files.csv.end()) },
    { path: n.sqlite, ...(await zip.end()) },
  ];
}

/** Each year's key: a hash of its records' ids and record-file bytes, in catalog order. */
async function yearKeys(site: OffThreadContext): Promise<Map<string, string>> {
  const hashes = new Map<string, ReturnType<typeof createHash>>();
  for (const entry of site.order) {
    const year = entry.date.slice(0, 4);
    let hash = hashes.get(year);
    if (!hash) hashes.set(year, (hash = createHash('sha256')));
    hash.update(`${entry.id}\0`).update(await readFile(site.dataset.path(entry.path))).update('\0');
  }
  return new Map([...hashes].map(([year, hash]) => [year, sha256(hash)]));
}

async function readCache(dir: string): Promise<ShardCache | null> {
  try {
    return JSON.parse(await readFile(join(dir, CACHE_MANIFEST), 'utf8')) as ShardCache;
  } catch {
    return null; // no cache, or not one this build can read: every year is built
  }
}

/** Copies a cached year's files into the assets folder if every one is there with its recorded hash. */
async function copyChecked(files: readonly Published[], from: string, to: string): Promise<boolean> {
  for (const f of files) {
    const body = await readFile(join(from, f.path)).catch(() => null);
    if (!body || body.length !== f.bytes || sha256(createHash('sha256').update(body)) !== f.hash) return false;
  }
  for (const f of files) await copyFile(join(from, f.path), join(to, f.path));
  return true;
}

/** Replaces the cache with this build's shards (hard links into the assets folder where the disk allows) and their manifest. */
async function writeCache(dir: string, assets: string, cache: ShardCache): Promise<void> {
  const next = `${dir}.next`;
  await rm(next, { recursive: true, force: true });
  await mkdir(next, { recursive: true });
  for (const { files } of Object.values(cache.years)) for (const f of files) await link(join(assets, f.path), join(next, f.path)).catch(() => copyFile(join(assets, f.path), join(next, f.path)));
  await writeFile(join(next, CACHE_MANIFEST), `${JSON.stringify(cache, null, 2)}\n`);
  await rm(dir, { recursive: true, force: true });
  await rename(next, dir);
}
