/**
 * The files `podium site` publishes for download, as the README's downloads table lists them:
 * the site's exports that say they are downloads (site/exports/index.ts), each with its own
 * description, plus the folders the build copies as they are.
 */
import { siteExports } from '../site/exports/index.ts';

export interface Download {
  /** Path in the built site. */
  path: string;
  /** Its name with `podium site --gzip-exports`, when that changes it. */
  gzipPath?: string;
  /** What it holds, one sentence of Markdown. */
  description: string;
}

export function siteDownloads(): Download[] {
  const plain = siteExports({ gzip: false });
  const gzip = siteExports({ gzip: true });
  return [
    ...plain.flatMap((e, i) => (e.download ? [{ path: e.path, ...(gzip[i]!.path !== e.path ? { gzipPath: gzip[i]!.path } : {}), description: e.description }] : [])),
    { path: 'data/', description: "The dataset's records and their history (`transcripts/`, `history/`), unless `--data-url` links them where they are already published." },
    { path: 'schemas/v1/', description: "The JSON Schemas, where their `$id` URLs point." },
  ];
}
