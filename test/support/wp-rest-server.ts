/**
 * A stand-in for a WordPress REST list endpoint (`/wp-json/wp/v2/<type>`) on 127.0.0.1, behaving
 * as the API documents: `per_page` 1..100, `page`, `modified_after` (on the modification date),
 * `X-WP-Total` / `X-WP-TotalPages` headers, a 400 `rest_post_invalid_page_number` past the last
 * page, `_fields` honoured, newest modification first. Every request is recorded.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WpPost {
  link: string;
  /** `YYYY-MM-DDTHH:MM:SS`, UTC, as the API writes `modified_gmt`. */
  modified_gmt: string;
  /** HTML, as `title.rendered` is. */
  title: string;
  type: string;
}

export interface WpRestServer {
  origin: string;
  /** Path + query of every request, in order. */
  requests: string[];
  /** Posts by endpoint path (`/wp-json/wp/v2/pages`); change between runs. */
  posts: Map<string, WpPost[]>;
  /** Paths answered with this status instead (e.g. a 500 on page 2: `...?page=2` matched by `includes`). */
  failing: { match: string; status: number }[];
  /** Other documents served as they are (a sitemap next to the API), by path. */
  files: Map<string, { contentType: string; body: string }>;
  close(): Promise<void>;
}

export async function startWpRestServer(posts: Record<string, WpPost[]> = {}): Promise<WpRestServer> {
  const requests: string[] = [];
  const table = new Map(Object.entries(posts));
  const failing: { match: string; status: number }[] = [];
  const files = new Map<string, { contentType: string; body: string }>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url.pathname + url.search);
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
      res.end(JSON.stringify(body));
    };
    const file = files.get(url.pathname);
    if (file) {
      res.writeHead(200, { 'content-type': file.contentType });
      return res.end(file.body);
    }
    const fault = failing.find((f) => (url.pathname + url.search).includes(f.match));
    if (fault) return json(fault.status, { code: 'internal_server_error', message: 'boom', data: { status: fault.status } });
    const list = table.get(url.pathname);
    if (!list) return json(404, { code: 'rest_no_route', message: 'No route was found', data: { status: 404 } });
    const perPage = Number(url.searchParams.get('per_page') ?? 10);
    const page = Number(url.searchParams.get('page') ?? 1);
    if (!(perPage >= 1 && perPage <= 100)) return json(400, { code: 'rest_invalid_param', message: 'per_page', data: { status: 400 } });
    const after = url.searchParams.get('modified_after');
    const matching = list
      .filter((post) => after === null || Date.parse(`${post.modified_gmt}Z`) > Date.parse(`${after}Z`))
      .sort((a, b) => (a.modified_gmt < b.modified_gmt ? 1 : a.modified_gmt > b.modified_gmt ? -1 : 0));
    const pages = Math.ceil(matching.length / perPage);
    if (page > Math.max(1, pages)) return json(400, { code: 'rest_post_invalid_page_number', message: 'The page number requested is larger than the number of pages available.', data: { status: 400 } });
    const fields = url.searchParams.get('_fields')?.split(',');
    const body = matching.slice((page - 1) * perPage, page * perPage).map((post) => {
      const full: Record<string, unknown> = { id: list.indexOf(post) + 1, link: post.link, modified_gmt: post.modified_gmt, title: { rendered: post.title }, type: post.type, content: { rendered: '<p>…</p>' } };
      return fields ? Object.fromEntries(Object.entries(full).filter(([key]) => fields.includes(key))) : full;
    });
    json(200, body, { 'x-wp-total': String(matching.length), 'x-wp-totalpages': String(pages) });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    posts: table,
    failing,
    files,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
