import { afterEach, describe, expect, it } from 'vitest';
import { discover, DiscoveryError, OriginMap, type Candidate } from '../../pipeline/discover/index.ts';
import { ARCHIVE, WWW, testAgency } from '../support/agency.ts';
import { TestFetchClient } from '../support/fetch-client.ts';
import { fixture } from '../support/fixtures.ts';
import { startServer, type Route, type TestServer } from '../support/http-server.ts';

const xml = (path: string): Route => ({ body: fixture(`discover/${path}`) });

/** The two mirrored origins under /www and /archive of one local server. */
function mirrorRoutes(): Record<string, Route> {
  return {
    '/www/sitemap_index.xml': xml('sitemap_index.xml'),
    '/www/state_briefing-sitemap.xml': xml('state_briefing-sitemap.xml'),
    '/www/state_briefing-sitemap2.xml': xml('state_briefing-sitemap2.xml'),
    '/www/page-sitemap.xml': xml('page-sitemap.xml'),
    '/www/rss-feed/press-releases/feed/': {
      body: fixture('discover/press-releases.rss'),
      type: 'application/rss+xml; charset=UTF-8',
    },
    '/archive/state_briefing-sitemap.xml': xml('archive-sitemap.xml'),
    '/archive/feed.atom': { body: fixture('discover/archive.atom'), type: 'application/atom+xml' },
  };
}

const CHILD1 = 'www sitemap-index /sitemap_index.xml > /state_briefing-sitemap.xml';
const CHILD2 = 'www sitemap-index /sitemap_index.xml > /state_briefing-sitemap2.xml';
const RSS = 'www feed /rss-feed/press-releases/feed/';
const ARCHIVE_SITEMAP = 'archive sitemap /state_briefing-sitemap.xml';
const ATOM = 'archive feed /feed.atom';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function run(
  routes: Record<string, Route>,
  overrides: (origin: string) => string[],
  options: { since?: string; until?: string } = {},
) {
  server = await startServer(routes);
  const agency = testAgency();
  const origins = new OriginMap(agency, overrides(server.origin));
  const http = new TestFetchClient(origins.allowedHosts());
  const lines: string[] = [];
  const result = await discover(agency, { http, origins, log: (line) => lines.push(line), ...options });
  return { ...result, http, lines, server };
}

const both = (origin: string) => [`www=${origin}/www`, `archive=${origin}/archive`];

describe('discover', () => {
  it('reads every channel of every origin into sorted, canonical, merged candidates', async () => {
    const { candidates, channels, http, server } = await run(mirrorRoutes(), both);
    const expected: Candidate[] = [
      {
        url: `${ARCHIVE}/briefings/department-press-briefing-december-1-2021/`,
        lastmod: '2021-12-02',
        published: '2021-12-01T19:00:00Z',
        channels: [ATOM, ARCHIVE_SITEMAP],
      },
      {
        url: `${ARCHIVE}/briefings/department-press-briefing-january-10-2022/`,
        lastmod: '2022-01-10T21:00:00Z',
        channels: [ATOM],
      },
      {
        url: `${ARCHIVE}/briefings/department-press-briefing-march-3-2021/`,
        lastmod: '2021-03-03T18:30:00-05:00',
        channels: [ARCHIVE_SITEMAP],
      },
      {
        url: `${ARCHIVE}/briefings/department-press-briefing-november-2-2021/`,
        lastmod: '2021-11-02T20:00:00Z',
        channels: [ATOM],
      },
      // An RSS pubDate is a publication date: it orders and bounds, never skips a fetch.
      { url: `${WWW}/a-senior-state-department-official-on-travel/`, published: '2022-01-18T15:00:00Z', channels: [RSS] },
      {
        url: `${WWW}/briefings/department-press-briefing-january-10-2022/`,
        lastmod: '2022-01-10T20:00:00+00:00',
        channels: [CHILD1],
      },
      { url: `${WWW}/briefings/department-press-briefing-january-12-2022/`, lastmod: '2022-01-12', channels: [CHILD1] },
      // The sitemap's modification date and the feed's publication date are kept apart; channels are unioned.
      {
        url: `${WWW}/briefings/department-press-briefing-january-18-2022/`,
        lastmod: '2022-01-18T23:01:02+00:00',
        published: '2022-01-19T02:00:00Z',
        channels: [RSS, CHILD1],
      },
      { url: `${WWW}/briefings/department-press-briefing-january-19-2022/`, channels: [CHILD1] },
      { url: `${WWW}/briefings/department-press-briefing-january-20-2022/`, lastmod: '2022-01-20', channels: [CHILD2] },
    ];
    expect(candidates).toEqual(expected);
    expect(channels).toEqual([
      // The child sitemap `follow` does not take is named, not dropped silently.
      { channel: 'www sitemap-index /sitemap_index.xml', ok: true, urls: 5, skippedSitemaps: ['/page-sitemap.xml'] },
      { channel: CHILD1, ok: true, urls: 4 },
      { channel: CHILD2, ok: true, urls: 1 },
      // A feed item of a shape `include` does not know is counted, with an example.
      { channel: RSS, ok: true, urls: 2, unknownShapes: { count: 1, examples: [`${WWW}/press-statement-on-something/`] } },
      { channel: ARCHIVE_SITEMAP, ok: true, urls: 2 },
      { channel: ATOM, ok: true, urls: 3 },
    ]);
    // The child the index does not `follow` is never requested, and nothing left the local server.
    expect(server.requests).not.toContain('/www/page-sitemap.xml');
    expect(http.requested.every((url) => url.startsWith(server.origin))).toBe(true);
    expect(server.requests.sort()).toEqual(
      [
        '/archive/feed.atom',
        '/archive/state_briefing-sitemap.xml',
        '/www/rss-feed/press-releases/feed/',
        '/www/sitemap_index.xml',
        '/www/state_briefing-sitemap.xml',
        '/www/state_briefing-sitemap2.xml',
      ].sort(),
    );
  });

  it('gives the same result whatever order the server answers in', async () => {
    const first = await run(mirrorRoutes(), both);
    await server?.close();
    // Answer in the reverse of the order the channels are declared in.
    const slow = mirrorRoutes();
    Object.values(slow).forEach((route, i, all) => {
      route.delayMs = (all.length - i) * 15;
    });
    const second = await run(slow, both);
    expect(second.candidates).toEqual(first.candidates);
    expect(second.channels).toEqual(first.channels);
  });

  it('drops URLs dated before `since`, keeps undated ones', async () => {
    const { candidates, channels } = await run(mirrorRoutes(), both, { since: '2022-01-12' });
    expect(candidates.map((candidate) => candidate.url)).toEqual([
      `${WWW}/a-senior-state-department-official-on-travel/`,
      `${WWW}/briefings/department-press-briefing-january-12-2022/`,
      `${WWW}/briefings/department-press-briefing-january-18-2022/`,
      `${WWW}/briefings/department-press-briefing-january-19-2022/`,
      `${WWW}/briefings/department-press-briefing-january-20-2022/`,
    ]);
    expect(channels.find((report) => report.channel === ATOM)).toEqual({ channel: ATOM, ok: true, urls: 0 });
  });

  it('keeps a URL stamped late the day before in UTC (already `since` east of UTC) and drops an earlier one', async () => {
    const routes = {
      '/sitemap.xml': {
        body: `<urlset>
          <url><loc>${WWW}/briefings/late/</loc><lastmod>2022-01-11T20:00:00+00:00</lastmod></url>
          <url><loc>${WWW}/briefings/early/</loc><lastmod>2022-01-11T09:00:00+00:00</lastmod></url>
          <url><loc>${WWW}/briefings/tokyo/</loc><lastmod>2022-01-12T08:00:00+09:00</lastmod></url>
        </urlset>`,
      },
    };
    server = await startServer(routes);
    const agency = testAgency({ discovery: [{ type: 'sitemap', path: '/sitemap.xml' }] });
    const origins = new OriginMap(agency, [server.origin]);
    const { candidates } = await discover(agency, {
      http: new TestFetchClient(origins.allowedHosts()),
      origins,
      since: '2022-01-12',
    });
    expect(candidates.map((candidate) => candidate.url)).toEqual([`${WWW}/briefings/late/`, `${WWW}/briefings/tokyo/`]);
  });

  it('applies `since` to the newest date any channel gives', async () => {
    server = await startServer({
      '/s.xml': {
        body: `<urlset><url><loc>${WWW}/briefings/edited/</loc><lastmod>2021-06-01</lastmod></url></urlset>`,
      },
      '/feed/': {
        body: `<rss><channel><item><link>${WWW}/briefings/edited/</link><pubDate>Mon, 17 Jan 2022 12:00:00 GMT</pubDate></item></channel></rss>`,
      },
    });
    const agency = testAgency({
      discovery: [
        { type: 'sitemap', path: '/s.xml' },
        { type: 'feed', path: '/feed/' },
      ],
    });
    const origins = new OriginMap(agency, [server.origin]);
    const { candidates, channels } = await discover(agency, {
      http: new TestFetchClient(origins.allowedHosts()),
      origins,
      since: '2022-01-12',
    });
    expect(candidates).toEqual([
      {
        url: `${WWW}/briefings/edited/`,
        lastmod: '2021-06-01',
        published: '2022-01-17T12:00:00Z',
        channels: ['www feed /feed/', 'www sitemap /s.xml'],
      },
    ]);
    expect(channels.map((report) => report.urls)).toEqual([1, 1]);
  });

  it('drops URLs dated after `until`, keeps undated ones', async () => {
    const { candidates } = await run(mirrorRoutes(), both, { until: '2021-12-31' });
    expect(candidates.map((candidate) => candidate.url)).toEqual([
      `${ARCHIVE}/briefings/department-press-briefing-december-1-2021/`,
      `${ARCHIVE}/briefings/department-press-briefing-march-3-2021/`,
      `${ARCHIVE}/briefings/department-press-briefing-november-2-2021/`,
      `${WWW}/briefings/department-press-briefing-january-19-2022/`,
    ]);
  });

  it('takes `since` and `until` as one window, each bound generous to the date somewhere on earth', async () => {
    server = await startServer({
      '/sitemap.xml': {
        body: `<urlset>
          <url><loc>${WWW}/briefings/before/</loc><lastmod>2021-12-30T23:00:00Z</lastmod></url>
          <url><loc>${WWW}/briefings/first-day-at-utc-plus-14/</loc><lastmod>2021-12-31T20:00:00Z</lastmod></url>
          <url><loc>${WWW}/briefings/inside/</loc><lastmod>2022-06-01</lastmod></url>
          <url><loc>${WWW}/briefings/last-day-at-utc-minus-12/</loc><lastmod>2023-01-01T06:00:00Z</lastmod></url>
          <url><loc>${WWW}/briefings/after/</loc><lastmod>2023-01-01T13:00:00Z</lastmod></url>
        </urlset>`,
      },
    });
    const agency = testAgency({ discovery: [{ type: 'sitemap', path: '/sitemap.xml' }] });
    const origins = new OriginMap(agency, [server.origin]);
    const { candidates } = await discover(agency, {
      http: new TestFetchClient(origins.allowedHosts()),
      origins,
      since: '2022-01-01',
      until: '2022-12-31',
    });
    expect(candidates.map((candidate) => candidate.url)).toEqual([
      `${WWW}/briefings/first-day-at-utc-plus-14/`,
      `${WWW}/briefings/inside/`,
      `${WWW}/briefings/last-day-at-utc-minus-12/`,
    ]);
  });

  it('refuses a malformed `until`', async () => {
    await expect(run(mirrorRoutes(), both, { until: '2022' })).rejects.toThrow(/until must be a date YYYY-MM-DD/);
  });

  it('refuses a malformed `since`', async () => {
    await expect(run(mirrorRoutes(), both, { since: '12/01/2022' })).rejects.toThrow(/since must be a date YYYY-MM-DD/);
  });

  it('applies include and exclude to canonical URLs', async () => {
    const { candidates } = await run(mirrorRoutes(), both);
    const urls = candidates.map((candidate) => candidate.url);
    expect(urls).not.toContain(`${WWW}/briefings/`); // excluded listing page
    expect(urls).not.toContain(`${WWW}/briefings/department-press-briefing-draft/`); // excluded
    expect(urls).not.toContain(`${WWW}/press-statement-on-something/`); // not included
    expect(urls.some((url) => url.includes('elsewhere'))).toBe(false); // foreign host
  });

  it('with only the primary overridden, never reads the disabled origin', async () => {
    const { candidates, channels, server } = await run(mirrorRoutes(), (origin) => [`${origin}/www`]);
    expect(channels.map((report) => report.channel)).toEqual([
      'www sitemap-index /sitemap_index.xml',
      CHILD1,
      CHILD2,
      RSS,
    ]);
    expect(server.requests.some((path) => path.startsWith('/archive'))).toBe(false);
    expect(candidates.every((candidate) => candidate.url.startsWith(`${WWW}/`))).toBe(true);
  });

  it('reports one failing channel and carries on with the others', async () => {
    const routes = mirrorRoutes();
    routes['/www/rss-feed/press-releases/feed/'] = { status: 500, body: 'oops', type: 'text/plain' };
    routes['/archive/feed.atom'] = xml('malformed-sitemap.xml');
    const { candidates, channels, lines } = await run(routes, both);
    const rss = channels.find((report) => report.channel === RSS);
    expect(rss).toMatchObject({ ok: false, urls: 0 });
    expect(rss?.error).toMatch(/HTTP 500/);
    const atom = channels.find((report) => report.channel === ATOM);
    expect(atom).toMatchObject({ ok: false, urls: 0 });
    expect(atom?.error).toMatch(/\/archive\/feed\.atom: malformed XML/);
    expect(channels.filter((report) => report.ok)).toHaveLength(4);
    // The January 18 briefing is still found through the sitemap, now without the feed's date.
    expect(candidates.find((candidate) => candidate.url.endsWith('january-18-2022/'))).toEqual({
      url: `${WWW}/briefings/department-press-briefing-january-18-2022/`,
      lastmod: '2022-01-18T23:01:02+00:00',
      channels: [CHILD1],
    });
    expect(lines.some((line) => line.includes(`${RSS}: FAILED`))).toBe(true);
  });

  it('reports a failing child sitemap on its own line; an index whose children all fail is failed', async () => {
    const routes = mirrorRoutes();
    routes['/www/state_briefing-sitemap2.xml'] = { status: 404, body: 'gone' };
    const partly = await run(routes, both);
    expect(partly.channels.find((report) => report.channel === CHILD2)).toMatchObject({ ok: false });
    expect(partly.channels[0]).toEqual({ channel: 'www sitemap-index /sitemap_index.xml', ok: true, urls: 4, skippedSitemaps: ['/page-sitemap.xml'] });
    await server?.close();

    routes['/www/state_briefing-sitemap.xml'] = { status: 403, body: 'Access Denied' };
    const none = await run(routes, both);
    expect(none.channels[0]).toMatchObject({ ok: false, error: 'all 2 followed sitemaps failed' });
    expect(none.channels.find((report) => report.channel === CHILD1)?.error).toMatch(/bot-block, HTTP 403/);
  });

  it('does not fetch a child sitemap listed on a foreign or disabled host', async () => {
    const routes = mirrorRoutes();
    routes['/www/sitemap_index.xml'] = {
      body: `<sitemapindex>
        <sitemap><loc>https://evil.example/state_briefing-sitemap.xml</loc></sitemap>
        <sitemap><loc>${ARCHIVE}/briefing-sitemap.xml</loc></sitemap>
        <sitemap><loc>${WWW}/state_briefing-sitemap2.xml</loc></sitemap>
      </sitemapindex>`,
    };
    const { channels, http } = await run(routes, (origin) => [`www=${origin}/www`]);
    expect(channels.map((report) => [report.channel, report.ok])).toEqual([
      ['www sitemap-index /sitemap_index.xml', true],
      ['www sitemap-index /sitemap_index.xml > /state_briefing-sitemap.xml', false],
      ['www sitemap-index /sitemap_index.xml > /briefing-sitemap.xml', false],
      [CHILD2, true],
      [RSS, true],
    ]);
    expect(channels[1]?.error).toMatch(/not on an enabled origin/);
    expect(http.requested.some((url) => url.includes('evil') || url.includes('archive'))).toBe(false);
  });

  it('reports a sitemap source that serves an index, and an index source that serves a urlset', async () => {
    const routes = mirrorRoutes();
    routes['/www/sitemap_index.xml'] = xml('state_briefing-sitemap.xml');
    routes['/archive/state_briefing-sitemap.xml'] = xml('sitemap_index.xml');
    const { channels } = await run(routes, both);
    expect(channels[0]?.error).toMatch(/expected a sitemap index, found a sitemap/);
    expect(channels.find((report) => report.channel === ARCHIVE_SITEMAP)?.error).toMatch(
      /expected a sitemap \(<urlset>\), found a sitemap index/,
    );
  });

  it('throws a DiscoveryError naming every channel when all fail', async () => {
    const error = await run({}, both).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DiscoveryError);
    const message = (error as Error).message;
    expect(message).toMatch(/every discovery channel failed/);
    for (const channel of ['www sitemap-index /sitemap_index.xml', RSS, ARCHIVE_SITEMAP, ATOM])
      expect(message).toContain(channel);
  });

  it('throws when no channel applies to the enabled origins', async () => {
    server = await startServer({});
    const agency = testAgency({ discovery: [{ type: 'feed', path: '/feed/', on: ['www'] }] });
    const origins = new OriginMap(agency, [`archive=${server.origin}`]);
    await expect(discover(agency, { http: new TestFetchClient(origins.allowedHosts()), origins })).rejects.toThrow(
      /no discovery channel of agency testagency applies to the enabled origins \(archive\)/,
    );
    expect(server.requests).toEqual([]);
  });

  it('refuses a discovery source declared on an unknown origin', async () => {
    server = await startServer({});
    const agency = testAgency({ discovery: [{ type: 'feed', path: '/feed/', on: ['wwww'] }] });
    const origins = new OriginMap(agency, [server.origin]);
    await expect(discover(agency, { http: new TestFetchClient(origins.allowedHosts()), origins })).rejects.toThrow(
      /unknown origin\(s\) wwww/,
    );
  });

  it('counts the URLs of shapes no pattern recognises, with one example per shape, and logs them', async () => {
    const locs = [
      `${WWW}/briefings/known-one/`,
      `${WWW}/releases/office-of-the-spokesman/2026/01/remarks-a/`,
      `${WWW}/releases/office-of-the-spokesman/2026/02/remarks-b/`,
      `${WWW}/releases/office-of-the-spokesman/2026/02/remarks-b/`, // listed twice, counted once
      `${WWW}/countries-areas/albania/`,
      `${WWW}/countries-areas/zambia/`,
      `${WWW}/about-us/`,
      `${WWW}/old-page-draft/`, // excluded: a shape the adapter knows and refuses
      'https://www.elsewhere.example/releases/x/2026/01/y/', // another host: not the adapter's
    ];
    server = await startServer({
      '/pages.xml': { body: `<urlset>${locs.map((loc) => `<url><loc>${loc}</loc></url>`).join('')}</urlset>` },
    });
    const agency = testAgency({ discovery: [{ type: 'sitemap', path: '/pages.xml', on: ['www'] }] });
    const origins = new OriginMap(agency, [`www=${server.origin}`]);
    const lines: string[] = [];
    const { candidates, channels } = await discover(agency, {
      http: new TestFetchClient(origins.allowedHosts()),
      origins,
      log: (line) => lines.push(line),
    });
    expect(candidates.map((candidate) => candidate.url)).toEqual([`${WWW}/briefings/known-one/`]);
    expect(channels).toEqual([
      {
        channel: 'www sitemap /pages.xml',
        ok: true,
        urls: 1,
        unknownShapes: {
          count: 5,
          examples: [
            `${WWW}/about-us/`,
            `${WWW}/countries-areas/albania/`,
            `${WWW}/releases/office-of-the-spokesman/2026/01/remarks-a/`,
          ],
        },
      },
    ]);
    expect(lines).toContain(
      `discover: www sitemap /pages.xml: 5 URLs of a shape the adapter does not recognise, e.g. ${WWW}/about-us/ ${WWW}/countries-areas/albania/ ${WWW}/releases/office-of-the-spokesman/2026/01/remarks-a/`,
    );
  });

  it('treats global-flag include patterns statelessly', async () => {
    server = await startServer({
      '/s.xml': {
        body: `<urlset>${['a', 'b', 'c'].map((s) => `<url><loc>${WWW}/briefings/${s}/</loc></url>`).join('')}</urlset>`,
      },
    });
    const agency = testAgency({
      discovery: [{ type: 'sitemap', path: '/s.xml' }],
      candidates: { include: [/briefings/g] },
    });
    const origins = new OriginMap(agency, [server.origin]);
    const { candidates } = await discover(agency, { http: new TestFetchClient(origins.allowedHosts()), origins });
    expect(candidates).toHaveLength(3);
  });
});
