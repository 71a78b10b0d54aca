/**
 * Every export of the site, in the order they close: the downloads first (built off the main thread), then the page sets and
 * pages that describe them, the sitemap last (it lists every page written before it; only with
 * `--site-url`).
 */
import { browseData, searchIndexExport, browsePageExport, browseScriptExport, codebookExport, coveragePageExport, homePageExport, notFoundExport, peoplePages, sitemapExport, styleExport, transcriptPages, useDataExport } from '../page-sets.ts';
import { datasetFileExport } from './copy.ts';
import { participantsCsv, transcriptsCsv, turnsCsv } from './csv.ts';
import { dataPackageExport } from './datapackage.ts';
import type { OffThreadContext, SiteExport } from './export.ts';
import { feedExport } from './feed.ts';
import { ndjsonExport } from './ndjson.ts';
import { offThread } from './off-thread.ts';
import { sqliteExport } from './sqlite.ts';
import { yearShards } from './years.ts';

export interface ExportOptions {
  /** Bulk downloads gzipped (`--gzip-exports`). */
  gzip: boolean;
  /** Bulk downloads are release assets (`--assets`): per-year shards are added. */
  assets?: boolean;
  /**
   * The site's absolute address is known (`--site-url`). Only then is there a sitemap.xml:
   * sitemaps.org requires absolute `<loc>` URLs, and a relative one is an invalid sitemap.
   */
  absolute?: boolean;
}

/** The bulk downloads (whole dataset, and per year with `--assets`): built in a worker thread. */
export function bulkExports(o: ExportOptions): SiteExport<OffThreadContext>[] {
  return [
    ndjsonExport(o.gzip),
    transcriptsCsv(o.gzip),
    turnsCsv(o.gzip),
    participantsCsv(o.gzip),
    sqliteExport(o.gzip),
    ...(o.assets ? [yearShards()] : []),
  ];
}

/**
 * The groups built each in a worker thread of its own, by name (the worker rebuilds its group from
 * the name and the options): the bulk downloads, and the search index, the main thread's largest
 * cost after them. The main thread renders the pages meanwhile.
 */
export const OFF_THREAD = {
  bulk: bulkExports,
  search: (_: ExportOptions): SiteExport<OffThreadContext>[] => [searchIndexExport()],
} as const;
export type OffThreadGroup = keyof typeof OFF_THREAD;

export function siteExports(o: ExportOptions): SiteExport[] {
  return [
    ...offThread('bulk', o),
    datasetFileExport('index.json', 'The catalog: one entry per transcript, with the path of its record under `data/`.', { name: 'index', format: 'json', jsonSchema: 'schemas/v1/index.schema.json' }),
    datasetFileExport('changelog.json', 'What each run added, revised, withdrew or restored.', { name: 'changelog', format: 'json', jsonSchema: 'schemas/v1/changelog.schema.json' }),
    transcriptPages(),
    browseData(),
    ...offThread('search', o),
    peoplePages(),
    homePageExport(),
    browsePageExport(),
    coveragePageExport(),
    codebookExport(),
    styleExport(),
    browseScriptExport(),
    notFoundExport(),
    feedExport(),
    dataPackageExport(),
    useDataExport(),
    ...(o.absolute ? [sitemapExport()] : []),
  ];
}
