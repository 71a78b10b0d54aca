import { afterEach, describe, expect, it } from 'vitest';
import { parseCdx } from '../../pipeline/discover/cdx.ts';
import { discover, DiscoveryError, OriginMap } from '../../pipeline/discover/index.ts';
import { WWW, testAgency } from '../support/agency.ts';
import { TestFetchClient } from '../support/fetch-client.ts';
import { startServer, type Route, type TestServer } from '../support/http-server.ts';

const ARCHIVE = 'https://web.archive.org';
const QUERY = '/cdx/search/cdx?url=www.agency.example/briefings/*&output=json&filter=statuscode:200&collapse=urlkey';
const HEADER = ['urlkey', 'timestamp', 'original', 'mimetype', 'statuscode', 'digest', 'length'];
const rows = (...captures: [string, string][]) =>
  JSON.stringify([HEADER, ...captures.map(([timestamp, original]) => ['x)/', timestamp, original, 'text/html', '200', 'D', '1'])]);
const json = (body: string): Route => ({ body, type: 'application/json' });

const agency = testAgency({
  discovery: [{ type: 'sitemap', path: '/sitemap.xml', on: ['www'] }],
  candidates: { include: [/\/briefings\/[a-z0-9-]+\/$/] },
  archiveIndex: { base: ARCHIVE, prefixes: ['/briefings/'] },
});

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function run(routes: Record<string, Route>, options: { since?: string; archive?: 'mapped' | 'refused' } = {}) {
  server = await startServer(routes);
  const origins = new OriginMap(agency, [`www=${server.origin}`]);
  const hosts = origins.allowedHosts();
  const lines: string[] = [];
  const base = server.origin;
  const archive = options.archive === 'refused' ? () => null : (url: string) => `${base}${new URL(url).pathname}${new URL(url).search}`;
  const result = await discover(agency, {
    http: new TestFetchClient(hosts), origins, log: (l) => lines.push(l), archive,
    ...(options.since ? { since: options.since } : {}),
  });
  return { ...result, lines, server };
}

describe('the archive capture index, discovery of last resort', () => {
  it('is asked for an origin whose every channel failed, and lists what the archive captured, canonical', async () => {
    const { candidates, channels, lines, server } = await run({
      '/sitemap.xml': { status: 403, body: 'Access Denied', type: 'text/html' },
      [QUERY]: json(rows(['20261120093000', 'http://www.agency.example:80/briefings/briefing-one/'], ['20261121100000', 'https://www.agency.example/briefings/briefing-two/'])),
    });
    expect(server.requests).toEqual(['/sitemap.xml', QUERY]);
    expect(candidates).toEqual([
      { url: `${WWW}/briefings/briefing-one/`, published: '2026-11-20T09:30:00Z', channels: ['www web-archive-cdx /briefings/'] },
      { url: `${WWW}/briefings/briefing-two/`, published: '2026-11-21T10:00:00Z', channels: ['www web-archive-cdx /briefings/'] },
    ]);
    // Provenance: the report says which channel the URLs came from, and why it was asked.
    expect(channels[1]).toEqual({ channel: 'www web-archive-cdx /briefings/', ok: true, urls: 2, lastResort: true });
    expect(lines).toContain("discover: www web-archive-cdx /briefings/: every channel of origin www failed; asked the archive's capture index (last resort)");
  });

  it('asks only for captures since `since`', async () => {
    const { server } = await run({
      '/sitemap.xml': { status: 403, body: 'Access Denied', type: 'text/html' },
      [`${QUERY}&from=20261115`]: json(rows(['20261120093000', `${WWW}/briefings/briefing-one/`])),
    }, { since: '2026-11-15' });
    expect(server.requests).toContain(`${QUERY}&from=20261115`);
  });

  it('is not asked while any channel of the origin works', async () => {
    const { server } = await run({
      '/sitemap.xml': { body: `<urlset><url><loc>${WWW}/briefings/listed/</loc></url></urlset>` },
      [QUERY]: json(rows(['20261120093000', `${WWW}/briefings/briefing-one/`])),
    });
    expect(server.requests).toEqual(['/sitemap.xml']);
  });

  it('is reported, not requested, when the run may not contact the archive; the outage stands', async () => {
    const error = await run({ '/sitemap.xml': { status: 403, body: 'Access Denied', type: 'text/html' } }, { archive: 'refused' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscoveryError);
    const report = (error as DiscoveryError).channels.find((c) => c.channel === 'www web-archive-cdx /briefings/');
    expect(report).toMatchObject({ ok: false, lastResort: true });
    expect(report!.error).toMatch(/may not be contacted on this run/);
    expect(server!.requests).toEqual(['/sitemap.xml']);
  });

  it('fails as a channel when the index answers with an error', async () => {
    const error = await run({ '/sitemap.xml': { status: 403, body: 'Access Denied', type: 'text/html' }, [QUERY]: { status: 503, body: 'busy', type: 'text/plain' } }).catch((e: unknown) => e);
    expect((error as DiscoveryError).channels.map((c) => [c.channel, c.ok])).toEqual([['www sitemap /sitemap.xml', false], ['www web-archive-cdx /briefings/', false]]);
  });
});

describe('parseCdx', () => {
  it('reads rows by the header, stops at a resumption key, and takes an empty answer as nothing', () => {
    const body = JSON.stringify([HEADER, ['k', '20260102030405', 'http://a.example/x/', 'text/html', '200', 'D', '1'], [], ['resume-key']]);
    expect(parseCdx(body, 'u')).toEqual([{ original: 'http://a.example/x/', captured: '2026-01-02T03:04:05Z' }]);
    expect(parseCdx('', 'u')).toEqual([]);
    expect(parseCdx('[]', 'u')).toEqual([]);
    expect(() => parseCdx('<html>', 'u')).toThrow(/not JSON/);
    expect(() => parseCdx('[["a","b"]]', 'u')).toThrow(/no "original" and "timestamp"/);
  });
});
