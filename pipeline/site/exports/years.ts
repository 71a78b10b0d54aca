/**
 * Per-year shards of the bulk downloads, gzipped, for release assets (`podium site --assets`): a
 * reader who wants one year downloads a few MB instead of the whole archive. One file per year the
 * records cover, `transcripts-<year>.ndjson.gz`, `turns-<year>.csv.gz` and `podium-<year>.sqlite.gz`,
 * each with the same layout as the whole-dataset file, rows in the same (catalog) order.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Transcript } from '../../schema/types.ts';
import { PeopleBuilder } from '../../people/index.ts';
import { csvLine } from './csv.ts';
import { ndjsonLine } from './ndjson.ts';
import { bulkFile, FileSink, sha256, type BulkContext, type ExportResult, type SiteExport } from './export.ts';
import { SqliteExport } from './sqlite.ts';
import { TURNS } from './tables.ts';

interface YearFiles {
  ndjson: FileSink;
  csv: FileSink;
  sqlite: SqliteExport;
  /** The year's own people registry, derived from its records (the shard stands alone). */
  people: PeopleBuilder;
}

const names = (year: string) => ({ ndjson: `transcripts-${year}.ndjson.gz`, csv: `turns-${year}.csv.gz`, sqlite: `podium-${year}.sqlite.gz` });

export function yearShards(): SiteExport<BulkContext> {
  let site: BulkContext;
  const years = new Map<string, YearFiles>();
  return {
    path: 'transcripts-<year>.ndjson.gz',
    mediaType: 'application/gzip',
    description: 'One year of the dataset: `transcripts-<year>.ndjson.gz`, `turns-<year>.csv.gz` and `podium-<year>.sqlite.gz`, laid out as the whole-dataset files.',
    download: 'file',
    async open(s) {
      site = s;
    },
    async add(t: Transcript) {
      const year = t.date.slice(0, 4);
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
      if (!years.size) return null;
      const set = createHash('sha256');
      const published: { path: string; bytes: number; hash: string }[] = [];
      let bytes = 0;
      for (const year of [...years.keys()].sort()) {
        const files = years.get(year)!;
        const n = names(year);
        files.sqlite.addPeople(files.people.build());
        files.sqlite.close();
        const db = bulkFile(site, `podium-${year}.sqlite`);
        const zip = await FileSink.open(bulkFile(site, n.sqlite), true);
        for await (const chunk of createReadStream(db) as AsyncIterable<Buffer>) await zip.write(chunk);
        await rm(db);
        for (const [name, done] of [[n.ndjson, await files.ndjson.end()], [n.csv, await files.csv.end()], [n.sqlite, await zip.end()]] as const) {
          set.update(`${name}\0${done.hash}\n`);
          bytes += done.bytes;
          published.push({ path: name, ...done });
        }
      }
      return { path: 'transcripts-<year>.ndjson.gz', mediaType: 'application/gzip', bytes, hash: sha256(set), compression: 'gz', files: published };
    },
  };
}
