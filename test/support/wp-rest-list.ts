/**
 * A WordPress REST list endpoint (`/wp-json/wp/v2/<type>`) as WordPress answers it: a bare JSON
 * array, newest change first, `per_page` (at most 100) and `page`, `modified_after`, and the
 * `X-WP-Total` / `X-WP-TotalPages` headers
 * (https://developer.wordpress.org/rest-api/reference/posts/#list-posts). Shared by the test
 * mirrors and the rehearsal's, so both exercise discovery's paging and increments.
 */

export interface WpListedPost {
  /** Absolute URL (`link`). */
  url: string;
  /** ISO date-time with an offset: `modified_gmt` is written from it. */
  lastmod: string;
  /** Plain text; entity-escaped into `title.rendered`. */
  title: string;
  /** The post type (`page`, `state_briefing`, …). */
  type: string;
}

export interface WpListAnswer {
  status: number;
  body: string;
  headers: Record<string, string>;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Answers list requests over `posts` (sorted once here, so a request costs a filter and a slice).
 *
 * @example
 * const list = wpRestList(posts);
 * list(new URLSearchParams('per_page=100&page=2&modified_after=2026-11-20T00:00:00'));
 */
export function wpRestList(posts: readonly WpListedPost[]): (query: URLSearchParams) => WpListAnswer {
  const sorted = posts
    .map((p) => ({ at: Date.parse(p.lastmod), post: p }))
    .sort((a, b) => b.at - a.at);
  return (query) => {
    const perPage = Math.min(100, Math.max(1, Number(query.get('per_page') ?? 10) || 10));
    const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
    const after = query.get('modified_after');
    // WordPress reads a date without an offset in the site's zone; the mirrors' zone is UTC.
    const afterMs = after === null ? null : Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(after) ? after : `${after}Z`);
    const matching = afterMs === null ? sorted : sorted.filter((p) => p.at > afterMs);
    const total = matching.length;
    const pages = Math.ceil(total / perPage);
    const headers = { 'content-type': 'application/json; charset=UTF-8', 'x-wp-total': String(total), 'x-wp-totalpages': String(pages) };
    // An empty list still answers page 1 (with X-WP-TotalPages 0); beyond the last page is an error.
    if (page > Math.max(1, pages)) {
      const error = { code: 'rest_post_invalid_page_number', message: 'The page number requested is larger than the number of pages available.', data: { status: 400 } };
      return { status: 400, body: JSON.stringify(error), headers };
    }
    const body = JSON.stringify(
      matching.slice((page - 1) * perPage, page * perPage).map(({ post }) => ({
        link: post.url,
        modified_gmt: new Date(post.lastmod).toISOString().slice(0, 19),
        title: { rendered: escape(post.title) },
        type: post.type,
      })),
    );
    return { status: 200, body, headers };
  };
}
