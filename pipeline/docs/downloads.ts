/**
 * The files `podium site` publishes for download, as the README's downloads table lists them.
 * The one place the docs read the site's list: the export names come from the site code
 * (site/exports/names.ts, and the CSV columns from site/exports/csv.ts); when the site exposes a
 * fuller list (its exports with their own descriptions), point `siteDownloads` at it.
 */
import { TURN_COLUMNS } from '../site/exports/csv.ts';
import { exportNames } from '../site/exports/names.ts';

export interface Download {
  /** Path in the built site. */
  path: string;
  /** Its name with `podium site --gzip-exports`, when that changes it. */
  gzipPath?: string;
  /** What it holds, one sentence of Markdown. */
  description: string;
}

export function siteDownloads(): Download[] {
  const plain = exportNames(false);
  const gzip = exportNames(true);
  return [
    { path: plain.ndjson, gzipPath: gzip.ndjson, description: 'Every transcript record, one JSON object a line (schema: `transcript.schema.json`).' },
    { path: plain.csv, gzipPath: gzip.csv, description: `One row per turn, RFC 4180: ${TURN_COLUMNS.map((c) => `\`${c}\``).join(', ')}.` },
    { path: plain.sqlite, gzipPath: gzip.sqlite, description: 'SQLite: tables `transcripts`, `turns` and `revisions`; FTS5 table `turns_fts` over turn text.' },
    { path: 'datapackage.json', description: 'Frictionless Data Package (v2) describing the downloads, with their byte sizes.' },
    { path: 'feed.atom', description: 'Atom feed of new and revised transcripts, with the change class.' },
    { path: 'data/', description: "The dataset's own files: `index.json`, `changelog.json`, records and history." },
    { path: 'schemas/v1/', description: "The JSON Schemas, where their `$id` URLs point." },
  ];
}
