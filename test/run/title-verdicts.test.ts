/**
 * A page a channel titles as not a transcript is never fetched, and the crawl state remembers the
 * verdict with the adapter version, so the sitemap listing it again costs nothing next run; a new
 * adapter version judges it again from the page. Against a fake WordPress on 127.0.0.1.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runPipeline, type RunOptions } from '../../pipeline/run/index.ts';
import { Dataset } from '../../pipeline/store/dataset.ts';
import type { Agency } from '../../pipeline/agencies/types.ts';
import { WWW, testAgency } from '../support/agency.ts';
import { startWpRestServer, type WpRestServer } from '../support/wp-rest-server.ts';
import { useTempDirs } from '../support/tmp.ts';

const tempDir = useTempDirs();
let server: WpRestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const READOUT = '/secretary-doe-s-call-with-minister-roe/';
const REMARKS = '/remarks-on-something/';
const agency = (version: string): Agency =>
  testAgency({
    version,
    discovery: [
      { type: 'wp-rest', path: '/wp-json/wp/v2/pages', on: ['www'] },
      { type: 'sitemap', path: '/page-sitemap.xml', on: ['www'] },
    ],
    candidates: { include: [/^https:\/\/www\.agency\.example\/[a-z0-9-]+\/$/], notTranscriptTitles: [/[’']s Call [Ww]ith\b/] },
  });

function options(out: string, version: string): RunOptions {
  return {
    agencies: [agency(version)], out, origins: [`www=${server!.origin}`],
    fetcher: { minDelayMs: 0, timeoutMs: 2000, retries: 0, backoffMs: 5, maxRetryAfterMs: 100 },
    now: () => new Date('2026-11-28T10:00:00Z'), concurrency: 1,
  };
}

describe('a title that says "not a transcript"', () => {
  it('costs no page request, is remembered with the adapter version, and is judged again by a new version', async () => {
    server = await startWpRestServer({
      '/wp-json/wp/v2/pages': [
        { link: `${WWW}${READOUT}`, modified_gmt: '2026-11-20T15:00:00', title: 'Secretary Doe&#8217;s Call with Minister Roe', type: 'page' },
        // A later post the title filter keeps: fetched (a 404 here), so the state knows a newer date.
        { link: `${WWW}${REMARKS}`, modified_gmt: '2026-11-25T12:00:00', title: 'Remarks on Something', type: 'page' },
      ],
    });
    server.files.set('/page-sitemap.xml', { contentType: 'application/xml', body: `<urlset><url><loc>${WWW}${READOUT}</loc><lastmod>2026-11-20T15:00:00+00:00</lastmod></url></urlset>` });
    const out = await tempDir();

    const first = await runPipeline(options(out, '1'));
    expect(server.requests).not.toContain(READOUT);
    expect(server.requests).toContain(REMARKS);
    expect(first.agencies[0]!.channels.find((c) => c.channel === 'www wp-rest /wp-json/wp/v2/pages')!.notTranscriptTitles).toBe(1);
    const state = await new Dataset(out).readCrawlState('testagency');
    expect(state!.pages.find((p) => p.url === `${WWW}${READOUT}`)).toEqual(
      { url: `${WWW}${READOUT}`, verdict: 'not-transcript', reason: 'title: Secretary Doe’s Call with Minister Roe', judgedBy: '1', lastmod: '2026-11-20T15:00:00+00:00' },
    );

    // Next run: the REST list asks only for what changed since the newest known date less a day,
    // which leaves the readout out; the sitemap still lists it, with the date the state remembers.
    const second = await runPipeline(options(out, '1'));
    expect(server.requests.filter((path) => path.includes('modified_after=2026-11-24T12%3A00%3A00'))).toHaveLength(1);
    expect(second.agencies[0]!.channels.find((c) => c.channel === 'www wp-rest /wp-json/wp/v2/pages')!.notTranscriptTitles).toBeUndefined();
    expect(server.requests).not.toContain(READOUT);
    expect(second.agencies[0]!.skipped).toBe(2);

    // A new adapter version re-judges it from the page (here a 404: remembered as not found).
    await runPipeline(options(out, '2'));
    expect(server.requests.filter((path) => path === READOUT)).toHaveLength(1);
  });
});
