import { afterEach, describe, expect, it } from 'vitest';
import { discover, OriginMap } from '../../pipeline/discover/index.ts';
import { WWW, testAgency } from '../support/agency.ts';
import { TestFetchClient } from '../support/fetch-client.ts';
import { startWpRestServer, type WpPost, type WpRestServer } from '../support/wp-rest-server.ts';

const CHANNEL = 'www wp-rest /wp-json/wp/v2/pages';
const QUERY = 'per_page=100&_fields=link,modified_gmt,title,type&orderby=modified&order=desc';

/** 250 pages, one modified per minute from 2026-01-01; every tenth is a call readout. */
function posts(): WpPost[] {
  return Array.from({ length: 250 }, (_, i) => ({
    link: `${WWW}/post-${String(i).padStart(3, '0')}/`,
    modified_gmt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString().slice(0, 19),
    title: i % 10 === 0 ? `Secretary Doe&#8217;s Call with Minister ${i}` : `Remarks ${i} &#8211; <em>Press</em>`,
    type: 'page',
  }));
}

const agency = testAgency({
  discovery: [{ type: 'wp-rest', path: '/wp-json/wp/v2/pages', on: ['www'] }],
  candidates: { include: [/^https:\/\/www\.agency\.example\/post-\d+\/$/], notTranscriptTitles: [/[’']s Call [Ww]ith\b/] },
});

let server: WpRestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function run(known?: Map<string, { verdict: string; lastmod?: string }>) {
  server ??= await startWpRestServer({ '/wp-json/wp/v2/pages': posts() });
  const origins = new OriginMap(agency, [`www=${server.origin}`]);
  const lines: string[] = [];
  const result = await discover(agency, { http: new TestFetchClient(origins.allowedHosts()), origins, log: (l) => lines.push(l), ...(known ? { known } : {}) });
  return { ...result, lines, server };
}

describe('the WordPress REST list channel', () => {
  it('pages through X-WP-TotalPages, a hundred posts per request, with modification dates as a sitemap writes them', async () => {
    const { candidates, rejected, channels, server } = await run();
    expect(server.requests).toEqual([1, 2, 3].map((page) => `/wp-json/wp/v2/pages?${QUERY}&page=${page}`));
    expect(candidates).toHaveLength(225);
    expect(candidates[0]).toEqual({ url: `${WWW}/post-001/`, lastmod: '2026-01-01T00:01:00+00:00', channels: [CHANNEL] });
    expect(rejected).toHaveLength(25);
    // The rendered title's entity is decoded before the pattern sees it.
    expect(rejected[0]).toEqual({ url: `${WWW}/post-000/`, title: 'Secretary Doe’s Call with Minister 0', lastmod: '2026-01-01T00:00:00+00:00', channels: [CHANNEL] });
    expect(channels).toEqual([{ channel: CHANNEL, ok: true, urls: 225, notTranscriptTitles: 25 }]);
  });

  it('logs what it read and what titles turned away', async () => {
    const { lines } = await run();
    expect(lines).toContain(`discover: ${CHANNEL}: 250 posts in 3 pages`);
    expect(lines).toContain(`discover: ${CHANNEL}: 25 URLs titled as not transcripts; not fetched`);
  });

  it('never drops a page the crawl state holds as a transcript, whatever its title', async () => {
    const known = new Map([[`${WWW}/post-010/`, { verdict: 'transcript' }]]);
    const { candidates, rejected } = await run(known);
    expect(candidates.map((c) => c.url)).toContain(`${WWW}/post-010/`);
    expect(rejected.map((r) => r.url)).not.toContain(`${WWW}/post-010/`);
    expect(rejected).toHaveLength(24);
  });

  it('once the crawl state knows the origin, asks only for posts modified since its newest date less a day', async () => {
    // The newest known modification is 2026-01-02 00:00 UTC; posts modified after 2026-01-01 00:00 are 249 of 250.
    server = await startWpRestServer({ '/wp-json/wp/v2/pages': posts() });
    server.posts.get('/wp-json/wp/v2/pages')!.push({ link: `${WWW}/post-999/`, modified_gmt: '2026-01-02T00:00:00', title: 'Briefing', type: 'page' });
    const known = new Map([
      [`${WWW}/post-999/`, { verdict: 'transcript', lastmod: '2026-01-02T00:00:00+00:00' }],
      // Another origin's dates say nothing about this one.
      ['https://archive.agency.example/x/', { verdict: 'transcript', lastmod: '2026-06-01T00:00:00+00:00' }],
    ]);
    const { candidates, channels, server: s } = await run(known);
    expect(s.requests[0]).toBe(`/wp-json/wp/v2/pages?${QUERY}&page=1&modified_after=2026-01-01T00%3A00%3A00`);
    expect(channels[0]!.modifiedAfter).toBe('2026-01-01T00:00:00');
    expect(candidates.map((c) => c.url)).not.toContain(`${WWW}/post-000/`);
    expect(candidates.map((c) => c.url)).toContain(`${WWW}/post-999/`);
  });

  it('fails the channel when a later page fails, naming the page, and keeps what earlier pages listed', async () => {
    server = await startWpRestServer({ '/wp-json/wp/v2/pages': posts() });
    server.failing.push({ match: '&page=2', status: 500 });
    server.files.set('/sitemap.xml', { contentType: 'application/xml', body: `<urlset><url><loc>${WWW}/post-900/</loc></url></urlset>` });
    const withSitemap = testAgency({ ...agency, discovery: [...agency.discovery, { type: 'sitemap', path: '/sitemap.xml', on: ['www'] }] });
    const origins = new OriginMap(withSitemap, [`www=${server.origin}`]);
    const { candidates, channels } = await discover(withSitemap, { http: new TestFetchClient(origins.allowedHosts()), origins });
    expect(channels[0]).toMatchObject({ channel: CHANNEL, ok: false });
    expect(channels[0]!.error).toMatch(/^page 2 of 3: .*page=2.*HTTP 500/);
    // Page 1 (the newest hundred, ten of them call readouts) and the sitemap’s URL.
    expect(candidates).toHaveLength(91);
    expect(server.requests.some((path) => path.includes('page=3'))).toBe(false);
  });

  it('fails the channel on an answer that is not a list of posts', async () => {
    server = await startWpRestServer({});
    const { channels } = await run().catch((error) => ({ channels: error.channels }));
    expect(channels[0]).toMatchObject({ channel: CHANNEL, ok: false });
    expect(channels[0].error).toMatch(/HTTP 404/);
  });
});
