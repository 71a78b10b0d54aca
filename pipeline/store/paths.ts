/**
 * The ONLY place record ids become file paths. Ids come from URLs on sites we do not control, so
 * every id is checked before it is joined to a directory: a hostile or broken slug must never make
 * Podium read or write outside the dataset.
 *
 * Id: `<agency>/<YYYY-MM-DD>/<slug>` (pattern in schemas/transcript.schema.json).
 */
import { createHash } from 'node:crypto';
import { isAbsolute, posix, relative, resolve, sep, win32 } from 'node:path';
import { propertyPattern } from '../schema/schemas.ts';

/** Longest slug the id pattern allows. */
export const MAX_SLUG_LENGTH = 160;
const HASH_LENGTH = 8;

/** An agency id (the first part of a record id), as in schemas/transcript.schema.json. */
export const AGENCY_PATTERN = /^[a-z][a-z0-9-]{0,31}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,158}[a-z0-9])?$/;

/** An id (or a part of one) that is not path-safe. */
export class UnsafeIdError extends Error {
  override readonly name = 'UnsafeIdError';
  readonly id: string;
  readonly reason: string;

  constructor(id: unknown, reason: string) {
    const shown = typeof id === 'string' ? JSON.stringify(id.length > 120 ? `${id.slice(0, 120)}…` : id) : String(id);
    super(`unsafe record id ${shown}: ${reason}`);
    this.id = typeof id === 'string' ? id : String(id);
    this.reason = reason;
  }
}

/** The parts of a record id. */
export interface IdParts {
  agency: string;
  /** YYYY-MM-DD */
  date: string;
  /** YYYY, the directory records are filed under. */
  year: string;
  slug: string;
}

/**
 * Slug for a page URL: its last non-empty path segment, percent-decoded, folded to `[a-z0-9-]`.
 * Over-long slugs are cut (on a `-` where possible) and suffixed with 8 hex of the SHA-256 of the
 * whole folded slug, so two long slugs sharing a prefix still differ.
 *
 * @throws UnsafeIdError when nothing usable is left (e.g. a non-Latin or empty last segment).
 * @example
 * slugFromUrl('https://www.state.gov/briefings/department-press-briefing-january-18-2022/')
 * // => 'department-press-briefing-january-18-2022'
 */
export function slugFromUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UnsafeIdError(url, 'not a URL, so no slug can be derived from it');
  }
  const segment = parsed.pathname
    .split('/')
    .filter((part) => part !== '')
    .at(-1);
  if (segment === undefined) throw new UnsafeIdError(url, 'the URL has no path segment to derive a slug from');
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // A malformed escape (`%E0%A4%A`) is kept as printed; slugify folds the `%` away.
  }
  const slug = slugify(decoded);
  if (slug === '')
    throw new UnsafeIdError(url, `the last path segment ${JSON.stringify(decoded)} has no [a-z0-9] characters`);
  return slug;
}

/**
 * Folds text to a slug: NFKD, combining marks stripped (é -> e, fullwidth ａ -> a), lower case,
 * every run of other characters -> `-`, trimmed of `-`, at most 160 characters. Letters of other
 * scripts (Cyrillic а) are not transliterated; they become `-` like punctuation.
 *
 * @example
 * slugify('Remarks: Café ＵＮ Session')  // => 'remarks-cafe-un-session'
 */
export function slugify(text: string): string {
  const folded = text
    .normalize('NFKD')
    .toLowerCase()
    // Lower-casing can itself decompose (İ -> i + U+0307), so normalize once more.
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (folded.length <= MAX_SLUG_LENGTH) return folded;
  const hash = createHash('sha256').update(folded).digest('hex').slice(0, HASH_LENGTH);
  const budget = MAX_SLUG_LENGTH - HASH_LENGTH - 1;
  let head = folded.slice(0, budget);
  const dash = head.lastIndexOf('-');
  // Cut on a word boundary unless that would throw away more than half of the room.
  if (dash > budget / 2) head = head.slice(0, dash);
  return `${head.replace(/-+$/, '')}-${hash}`;
}

/**
 * Builds a record id from its parts, checking each.
 *
 * @throws UnsafeIdError naming the part that is not allowed.
 * @example
 * makeId('state', '2022-01-18', 'department-press-briefing')  // => 'state/2022-01-18/department-press-briefing'
 */
export function makeId(agency: string, date: string, slug: string): string {
  const id = `${agency}/${date}/${slug}`;
  checkParts(id, agency, date, slug);
  assertSafeId(id);
  return id;
}

/**
 * Splits a record id into its parts.
 *
 * @throws UnsafeIdError when the id is not a valid, path-safe record id.
 * @example
 * parseId('state/2022-01-18/x')  // => { agency: 'state', date: '2022-01-18', year: '2022', slug: 'x' }
 */
export function parseId(id: string): IdParts {
  assertSafeId(id);
  const [agency, date, slug] = id.split('/') as [string, string, string];
  return { agency, date, year: date.slice(0, 4), slug };
}

/**
 * Throws unless `id` is a record id that is safe to turn into a path: exactly
 * `<agency>/<YYYY-MM-DD>/<slug>` in ASCII lower case, a real calendar date, no `..`, no
 * percent-escapes, no control characters, not absolute, each part within its length limit, and
 * matching the id pattern of schemas/transcript.schema.json.
 *
 * @throws UnsafeIdError with the reason.
 */
export function assertSafeId(id: unknown): asserts id is string {
  if (typeof id !== 'string') throw new UnsafeIdError(id, `must be a string, got ${typeof id}`);
  if (id === '') throw new UnsafeIdError(id, 'is empty');
  if (/[\u0000-\u001f\u007f]/.test(id)) throw new UnsafeIdError(id, 'contains a control character (NUL, newline, …)');
  if (/[^\u0020-\u007e]/.test(id)) {
    throw new UnsafeIdError(
      id,
      'contains non-ASCII characters (look-alikes such as fullwidth or Cyrillic letters are refused)',
    );
  }
  if (posix.isAbsolute(id) || win32.isAbsolute(id)) throw new UnsafeIdError(id, 'is an absolute path');
  if (id.includes('\\')) throw new UnsafeIdError(id, 'contains a backslash');
  if (id.includes('%')) throw new UnsafeIdError(id, 'contains a percent-escape (%2e, %2f, …)');
  if (id.includes('..')) throw new UnsafeIdError(id, "contains '..'");
  const parts = id.split('/');
  if (parts.length !== 3)
    throw new UnsafeIdError(id, `must have exactly 3 parts <agency>/<YYYY-MM-DD>/<slug>, has ${parts.length}`);
  const [agency, date, slug] = parts as [string, string, string];
  checkParts(id, agency, date, slug);
  // The schema is the contract; the checks above only exist to say precisely what is wrong.
  if (!propertyPattern('transcript.schema.json', 'id').test(id)) {
    throw new UnsafeIdError(id, 'does not match the id pattern of schemas/transcript.schema.json');
  }
}

function checkParts(id: string, agency: string, date: string, slug: string): void {
  if (!AGENCY_PATTERN.test(agency)) {
    throw new UnsafeIdError(id, `agency ${JSON.stringify(agency)} must be 1-32 of [a-z0-9-], starting with a letter`);
  }
  if (!isCalendarDate(date)) {
    throw new UnsafeIdError(id, `date ${JSON.stringify(date)} is not a calendar date YYYY-MM-DD`);
  }
  if (slug.length > MAX_SLUG_LENGTH)
    throw new UnsafeIdError(id, `slug is ${slug.length} characters, the limit is ${MAX_SLUG_LENGTH}`);
  if (!SLUG.test(slug)) {
    throw new UnsafeIdError(
      id,
      `slug ${JSON.stringify(slug)} must be [a-z0-9-], starting and ending with a letter or digit`,
    );
  }
}

/** `YYYY-MM-DD` naming a day that exists (ids, and the command line's date options). */
export function isCalendarDate(value: string): boolean {
  const ymd = DATE.exec(value);
  if (ymd === null) return false;
  const [year, month, day] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The record file of an id, relative to the dataset root (posix separators).
 *
 * @example
 * recordPath('state/2022-01-18/x')  // => 'transcripts/state/2022/2022-01-18-x.json'
 */
export function recordPath(id: string): string {
  const { agency, date, year, slug } = parseId(id);
  return `transcripts/${agency}/${year}/${date}-${slug}.json`;
}

/**
 * The directory holding earlier revisions of a record, relative to the dataset root.
 *
 * @example
 * historyDir('state/2022-01-18/x')  // => 'history/state/2022-01-18-x/'
 */
export function historyDir(id: string): string {
  const { agency, date, slug } = parseId(id);
  return `history/${agency}/${date}-${slug}/`;
}

/**
 * The gzipped raw HTML of a record's page, relative to the dataset root.
 *
 * @example
 * rawPath('state/2022-01-18/x')  // => 'raw/state/2022/2022-01-18-x.html.gz'
 */
export function rawPath(id: string): string {
  const { agency, date, year, slug } = parseId(id);
  return `raw/${agency}/${year}/${date}-${slug}.html.gz`;
}

/**
 * `root` joined with the relative path `rel`, as an absolute path.
 *
 * The check is lexical (`..` and absolute paths); symbolic links inside the dataset are trusted,
 * the dataset directory being Podium's own.
 *
 * @throws Error when `rel` is absolute, contains NUL, or resolves outside `root`.
 * @example
 * resolveInside('/data/output', 'transcripts/state/2022/x.json')  // => '/data/output/transcripts/state/2022/x.json'
 */
export function resolveInside(root: string, rel: string): string {
  if (rel.includes('\0')) throw new Error(`path ${JSON.stringify(rel)} contains NUL`);
  if (isAbsolute(rel) || posix.isAbsolute(rel) || win32.isAbsolute(rel)) {
    throw new Error(`path ${JSON.stringify(rel)} is absolute; expected a path relative to ${root}`);
  }
  const base = resolve(root);
  const target = resolve(base, rel);
  const fromBase = relative(base, target);
  if (fromBase === '..' || fromBase.startsWith(`..${sep}`) || isAbsolute(fromBase)) {
    throw new Error(`path ${JSON.stringify(rel)} resolves outside ${base}`);
  }
  return target;
}
