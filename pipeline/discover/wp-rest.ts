/**
 * The WordPress REST list endpoints (`/wp-json/wp/v2/<type>`) as a discovery channel: one request
 * describes up to a hundred posts — link, modification date, title — so a title that says "not a
 * transcript" costs no page fetch, and `modified_after` lists only what changed since a date.
 * Paging follows the `X-WP-TotalPages` header (https://developer.wordpress.org/rest-api/using-the-rest-api/pagination/).
 */
import { foldSpaces } from '../extract/text.ts';
import { load } from 'cheerio/slim';
import { DiscoveryError } from './errors.ts';
import { absoluteHttpUrl } from './xml.ts';

/** The API's largest page (`per_page` is 1 to 100). */
export const PER_PAGE = 100;
/** A listing longer than this many pages (100 000 posts) is refused rather than read for hours. */
export const MAX_PAGES = 1000;

export interface WpListItem {
  url: string;
  /** `modified_gmt` written as a Yoast sitemap writes `<lastmod>` (`…+00:00`), so the two compare equal. */
  modified?: string;
  /** `title.rendered`, entities decoded. */
  title?: string;
}

/**
 * The URL of one page of the listing: only the fields discovery reads, newest change first.
 *
 * @example
 * wpListUrl('https://www.state.gov/wp-json/wp/v2/pages', 2, '2026-11-20T00:00:00')
 * // => 'https://www.state.gov/wp-json/wp/v2/pages?per_page=100&_fields=link,modified_gmt,title,type&orderby=modified&order=desc&page=2&modified_after=2026-11-20T00:00:00'
 */
export function wpListUrl(base: string, page: number, modifiedAfter?: string): string {
  const query = `per_page=${PER_PAGE}&_fields=link,modified_gmt,title,type&orderby=modified&order=desc&page=${page}`;
  return `${base}?${query}${modifiedAfter === undefined ? '' : `&modified_after=${encodeURIComponent(modifiedAfter)}`}`;
}

/**
 * The number of pages the listing has, from `X-WP-TotalPages` (header names lower-case); 1 when
 * the header is absent (a listing that fits one page may omit it).
 *
 * @throws DiscoveryError for a header that is not a whole number, or above MAX_PAGES.
 */
export function totalPages(headers: Readonly<Record<string, string>> | undefined, sourceUrl: string): number {
  const raw = headers?.['x-wp-totalpages'];
  if (raw === undefined) return 1;
  if (!/^\d+$/.test(raw.trim())) throw new DiscoveryError(sourceUrl, `X-WP-TotalPages is not a number: ${JSON.stringify(raw)}`);
  const pages = Number(raw.trim());
  if (pages > MAX_PAGES) throw new DiscoveryError(sourceUrl, `X-WP-TotalPages ${pages} is more than ${MAX_PAGES} pages of ${PER_PAGE}; not read`);
  return Math.max(1, pages);
}

/**
 * Parses one page of a list answer: a bare JSON array of posts.
 *
 * @throws DiscoveryError when the body is not JSON or not an array (an error object, a wall's HTML).
 */
export function parseWpList(body: string, sourceUrl: string): WpListItem[] {
  let posts: unknown;
  try {
    posts = JSON.parse(body);
  } catch (error) {
    throw new DiscoveryError(sourceUrl, `REST answer is not JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(posts)) {
    const code = (posts as { code?: unknown } | null)?.code;
    throw new DiscoveryError(sourceUrl, `REST answer is not a list of posts${typeof code === 'string' ? ` (${code})` : ''}`);
  }
  const out: WpListItem[] = [];
  for (const post of posts as WpPost[]) {
    const url = absoluteHttpUrl(typeof post?.link === 'string' ? post.link : undefined, sourceUrl);
    if (url === undefined) continue;
    const item: WpListItem = { url };
    const modified = gmt(post.modified_gmt);
    if (modified !== undefined) item.modified = modified;
    const title = typeof post.title?.rendered === 'string' ? plainTitle(post.title.rendered) : '';
    if (title !== '') item.title = title;
    out.push(item);
  }
  return out;
}

/** A title as the site renders it (`&#8217;`, `<em>`) to plain text. */
export function plainTitle(rendered: string): string {
  return foldSpaces(load(`<p>${rendered}</p>`)('p').text());
}

interface WpPost {
  link?: unknown;
  modified_gmt?: unknown;
  title?: { rendered?: unknown };
}

/** `2022-01-18T23:01:02` (UTC, no zone) to `2022-01-18T23:01:02+00:00`; undefined if unreadable. */
function gmt(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(value)) return undefined;
  return Number.isNaN(Date.parse(`${value}Z`)) ? undefined : `${value}+00:00`;
}
