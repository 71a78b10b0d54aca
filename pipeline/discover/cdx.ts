/**
 * The Internet Archive's capture index (the Wayback CDX server) read as a list of URLs: discovery's
 * last resort for an origin whose every channel failed or is walled. One row per URL
 * (`collapse=urlkey`), only captures that answered 200; the pages themselves then come through the
 * `web-archive` snapshot fallback. Reference: github.com/internetarchive/wayback, wayback-cdx-server/README.md.
 */
import { DiscoveryError } from './errors.ts';

export interface CdxCapture {
  /** The captured URL as the archive recorded it (`http://www.defense.gov:80/…`). */
  original: string;
  /** Capture time as ISO 8601 UTC, from the 14-digit `timestamp`. */
  captured: string;
}

/**
 * The index query for every URL under `hostAndPrefix` captured with HTTP 200 since `from`.
 *
 * @param base The archive, e.g. `https://web.archive.org`.
 * @param hostAndPrefix `www.defense.gov/News/Transcripts/Transcript/Article/`.
 * @param from `YYYYMMDD`, or undefined for the whole history.
 * @example
 * cdxQueryUrl('https://web.archive.org', 'www.defense.gov/News/', '20261101')
 * // => 'https://web.archive.org/cdx/search/cdx?url=www.defense.gov/News/*&output=json&filter=statuscode:200&collapse=urlkey&from=20261101'
 */
export function cdxQueryUrl(base: string, hostAndPrefix: string, from: string | undefined): string {
  const query = `url=${encodeURI(hostAndPrefix)}*&output=json&filter=statuscode:200&collapse=urlkey`;
  return `${base.replace(/\/+$/, '')}/cdx/search/cdx?${query}${from === undefined ? '' : `&from=${from}`}`;
}

/**
 * Parses `output=json`: an array of rows whose first row names the fields. An empty body or `[]`
 * is an index that holds nothing.
 *
 * @throws DiscoveryError for a body that is not JSON rows with `original` and `timestamp` fields.
 */
export function parseCdx(body: string, sourceUrl: string): CdxCapture[] {
  if (body.trim() === '') return [];
  let rows: unknown;
  try {
    rows = JSON.parse(body);
  } catch (error) {
    throw new DiscoveryError(sourceUrl, `archive index answer is not JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(rows) || !rows.every(Array.isArray)) throw new DiscoveryError(sourceUrl, 'archive index answer is not a list of rows');
  if (rows.length === 0) return [];
  const header = rows[0] as unknown[];
  const original = header.indexOf('original');
  const timestamp = header.indexOf('timestamp');
  if (original < 0 || timestamp < 0) throw new DiscoveryError(sourceUrl, 'archive index answer has no "original" and "timestamp" fields');
  const out: CdxCapture[] = [];
  // A resumption key follows an empty row; it is not a capture.
  for (const row of rows.slice(1) as unknown[][]) {
    if (row.length === 0) break;
    const url = row[original];
    const captured = instant(row[timestamp]);
    if (typeof url === 'string' && captured !== undefined) out.push({ original: url, captured });
  }
  return out;
}

/** `20261115093000` to `2026-11-15T09:30:00Z`; undefined for anything else. */
function instant(value: unknown): string | undefined {
  const m = typeof value === 'string' ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value) : null;
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}
