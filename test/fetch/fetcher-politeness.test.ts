import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultFetcherOptions, Fetcher } from '../../pipeline/fetch/index.ts';
import { startMirror, type Mirror } from '../support/mirror.ts';
import { fetchError, pageRequests, startGaps, testFetcher } from './helpers.ts';

let mirror: Mirror;
beforeEach(async () => {
  mirror = await startMirror();
  for (let i = 0; i < 8; i += 1) mirror.set(`/briefing-${i}/`, { body: `<p>briefing ${i}</p>` });
});
afterEach(async () => {
  await mirror.close();
});

const urls = (m: Mirror, count: number) => Array.from({ length: count }, (_, i) => m.url(`/briefing-${i}/`));

describe('identity', () => {
  it('sends the descriptive User-Agent and an HTML Accept header', async () => {
    const { fetcher } = testFetcher([mirror]);
    await fetcher.get({ url: mirror.url('/briefing-0/') });
    await fetcher.get({ url: mirror.url('/briefing-1/'), accept: 'application/json' });
    const [first, second] = pageRequests(mirror);
    expect(first?.headers['user-agent']).toBe(defaultFetcherOptions().userAgent);
    expect(first?.headers['user-agent']).toMatch(/^Podium\/\S+ \(\+https:\/\/github\.com\/podium-data\/podium; /);
    expect(first?.headers.accept).toMatch(/^text\/html/);
    expect(second?.headers.accept).toBe('application/json');
  });

  it('refuses to be configured as a browser', () => {
    const options = defaultFetcherOptions({ userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120' });
    expect(() => new Fetcher(options)).toThrow(/not a browser/);
  });

  it('rejects nonsensical options with the option named', () => {
    expect(() => new Fetcher(defaultFetcherOptions({ concurrencyPerHost: 0 }))).toThrow(/concurrencyPerHost/);
    expect(() => new Fetcher(defaultFetcherOptions({ retries: -1 }))).toThrow(/retries/);
  });
});

describe('concurrency per host', () => {
  it('never has more than concurrencyPerHost requests in flight on a host, and uses them', async () => {
    mirror.latency = 60;
    const { fetcher } = testFetcher([mirror], { concurrencyPerHost: 2 });
    await Promise.all(urls(mirror, 8).map((url) => fetcher.get({ url })));
    expect(mirror.maxInFlight).toBe(2);
    expect(maxOverlap(mirror)).toBe(2);
  });

  it('limits each host separately', async () => {
    const second = await startMirror();
    try {
      for (let i = 0; i < 6; i += 1) second.set(`/briefing-${i}/`, { body: 'x' });
      mirror.latency = 300;
      second.latency = 300;
      const { fetcher } = testFetcher([mirror, second], { concurrencyPerHost: 3 });
      await Promise.all([...urls(mirror, 6), ...urls(second, 6)].map((url) => fetcher.get({ url })));
      expect(mirror.maxInFlight).toBe(3);
      expect(second.maxInFlight).toBe(3);
      // Each host's limit is its own: at one moment both hosts had three pages in flight, six in
      // all (measured at the servers, not by a wall clock that a loaded machine stretches).
      const pages = [mirror, second].flatMap((m) => m.requests.filter((r) => r.path.startsWith('/briefing-')));
      const inFlightAt = (t: number) => pages.filter((r) => r.start <= t && t < r.end!).length;
      expect(Math.max(...pages.map((r) => inFlightAt(r.start)))).toBe(6);
    } finally {
      await second.close();
    }
  });
});

describe('gap between request starts', () => {
  it('honours a decimal robots.txt crawl-delay, robots.txt request included', async () => {
    mirror.set('/robots.txt', { body: 'User-agent: *\nCrawl-delay: 0.2\nDisallow:\n', contentType: 'text/plain' });
    const { fetcher, log } = testFetcher([mirror], { concurrencyPerHost: 2, minDelayMs: 0 });
    await Promise.all(urls(mirror, 4).map((url) => fetcher.get({ url })));

    expect(mirror.requests.map((r) => r.path)[0]).toBe('/robots.txt');
    expect(mirror.requestsFor('/robots.txt')).toHaveLength(1);
    const [afterRobots, ...betweenPages] = startGaps(mirror);
    expect(betweenPages).toHaveLength(3);
    // Measured at the server: a few ms of arrival jitter. The robots.txt request also paid for
    // opening the first connection, so it arrived late and its gap looks shorter than it was.
    for (const gap of betweenPages) expect(gap).toBeGreaterThanOrEqual(195);
    expect(afterRobots).toBeGreaterThanOrEqual(175);
    expect(log).toContain(`robots.txt of ${mirror.host}: crawl-delay 0.2 s`);
  });

  it('uses minDelayMs when it is larger than the crawl-delay', async () => {
    mirror.set('/robots.txt', { body: 'User-agent: *\nCrawl-delay: 0.01', contentType: 'text/plain' });
    const { fetcher } = testFetcher([mirror], { concurrencyPerHost: 4, minDelayMs: 80 });
    await Promise.all(urls(mirror, 3).map((url) => fetcher.get({ url })));
    const [afterRobots, ...betweenPages] = startGaps(mirror);
    expect(betweenPages).toHaveLength(2);
    // Arrival times at the server: one request slowed by a loaded machine shortens one gap and
    // lengthens the next, so each gap gets a wide margin (the crawl-delay alone would give 10 ms)
    // and their sum a narrow one.
    for (const gap of betweenPages) expect(gap).toBeGreaterThanOrEqual(50);
    expect(betweenPages[0]! + betweenPages[1]!).toBeGreaterThanOrEqual(150);
    expect(afterRobots).toBeGreaterThanOrEqual(55);
  });

  it('does not slow down other hosts', async () => {
    const second = await startMirror();
    try {
      second.set('/briefing-0/', { body: 'x' });
      mirror.set('/robots.txt', { body: 'User-agent: *\nCrawl-delay: 0.3', contentType: 'text/plain' });
      const { fetcher } = testFetcher([mirror, second]);
      const slow = Promise.all(urls(mirror, 2).map((url) => fetcher.get({ url })));
      const started = performance.now();
      await fetcher.get({ url: second.url('/briefing-0/') });
      expect(performance.now() - started).toBeLessThan(250);
      await slow;
    } finally {
      await second.close();
    }
  });
});

describe('gap measured on the wire', () => {
  it('spaces the requests a host receives by the crawl-delay however late each one leaves after its turn', async () => {
    // A loaded event loop: between the fetcher deciding a request may start and the request's
    // headers reaching the socket, time passes — here 60 ms for every other request. The gap
    // must count from when the previous request really left, or two arrive 40 ms apart.
    mirror.set('/robots.txt', { body: 'User-agent: *\nCrawl-delay: 0.1\nDisallow:\n', contentType: 'text/plain' });
    mirror.fault('/briefing-3/', { kind: 'status', statuses: [503] });
    const realFetch = globalThis.fetch;
    let calls = 0;
    globalThis.fetch = (async (...args: Parameters<typeof fetch>) => {
      if (calls++ % 2 === 1) await sleep(60);
      return realFetch(...args);
    }) as typeof fetch;
    try {
      const { fetcher } = testFetcher([mirror], { concurrencyPerHost: 2, minDelayMs: 0, backoffMs: 0 });
      const first = await fetcher.get({ url: mirror.url('/briefing-0/') });
      // Every channel of a run goes through this one gate: pages, a retry after a 503, a
      // conditional request answered 304, robots.txt.
      await Promise.all([
        ...urls(mirror, 6).slice(1).map((url) => fetcher.get({ url })),
        fetcher.get({ url: mirror.url('/briefing-0/'), etag: first.etag! }),
      ]);
      expect(mirror.requests.map((r) => r.path).sort()).toEqual(
        ['/robots.txt', '/briefing-0/', '/briefing-0/', '/briefing-1/', '/briefing-2/', '/briefing-3/', '/briefing-3/', '/briefing-4/', '/briefing-5/'].sort(),
      );
      expect(mirror.requestsFor('/briefing-0/').map((r) => r.status)).toEqual([200, 304]);
      const gaps = startGaps(mirror);
      expect(gaps).toHaveLength(8);
      // A few ms for timers and the loopback; the injected lag is 60.
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(95);
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});

describe('robots.txt', () => {
  it('refuses a disallowed path without requesting it, with a clear error', async () => {
    mirror.set('/robots.txt', { body: 'User-agent: *\nDisallow: /private/\n\nUser-agent: Podium\nDisallow: /search/', contentType: 'text/plain' });
    mirror.set('/search/?q=iran', { body: 'results' });
    const { fetcher } = testFetcher([mirror]);
    const error = await fetchError(fetcher.get({ url: mirror.url('/search/?q=iran') }));
    expect(error).toMatchObject({ kind: 'disallowed', attempts: 1, transient: false, botBlock: false });
    expect(error.message).toBe(`GET ${mirror.url('/search/?q=iran')}: robots.txt of ${mirror.host} disallows this path (Disallow: /search/)`);
    expect(mirror.requestsFor('/search/?q=iran')).toHaveLength(0);
    // Our own group applies, not the * group.
    mirror.set('/private/x', { body: 'ok' });
    expect((await fetcher.get({ url: mirror.url('/private/x') })).body).toBe('ok');
  });

  it('fetches robots.txt once per host however many requests start together', async () => {
    mirror.set('/robots.txt', { body: 'User-agent: *\nDisallow:', contentType: 'text/plain' });
    const { fetcher } = testFetcher([mirror], { concurrencyPerHost: 4 });
    await Promise.all(urls(mirror, 8).map((url) => fetcher.get({ url })));
    expect(mirror.requestsFor('/robots.txt')).toHaveLength(1);
    expect(mirror.requestsFor('/robots.txt')[0]?.headers['user-agent']).toMatch(/^Podium\//);
  });

  it('allows everything when robots.txt is missing, silently', async () => {
    const { fetcher, log } = testFetcher([mirror]);
    await fetcher.get({ url: mirror.url('/briefing-0/') });
    expect(mirror.requestsFor('/robots.txt')[0]?.status).toBe(404);
    expect(log).toEqual([]);
  });

  it.each([403, 503])('allows everything but logs when robots.txt answers %i', async (status) => {
    mirror.set('/robots.txt', { body: 'Access Denied', status, contentType: 'text/html' });
    const { fetcher, log } = testFetcher([mirror]);
    expect((await fetcher.get({ url: mirror.url('/briefing-0/') })).status).toBe(200);
    expect(log).toEqual([`robots.txt ${mirror.url('/robots.txt')}: HTTP ${status}; assuming everything is allowed`]);
  });

  it('allows everything but logs when robots.txt is a decoy page', async () => {
    mirror.set('/robots.txt', { body: '<h1>Technical Difficulties</h1> Disallow: /', contentType: 'text/html' });
    const { fetcher, log } = testFetcher([mirror]);
    await fetcher.get({ url: mirror.url('/briefing-0/') });
    expect(log[0]).toContain('decoy page');
  });

  it('is skipped entirely when robots is off', async () => {
    mirror.set('/robots.txt', { body: 'User-agent: *\nDisallow: /', contentType: 'text/plain' });
    await testFetcher([mirror], { robots: false }).fetcher.get({ url: mirror.url('/briefing-0/') });
    expect(mirror.requestsFor('/robots.txt')).toHaveLength(0);
  });
});

describe('allowed hosts', () => {
  it('refuses a host outside allowedHosts without sending anything', async () => {
    const { fetcher } = testFetcher([]);
    const error = await fetchError(fetcher.get({ url: mirror.url('/briefing-0/') }));
    expect(error).toMatchObject({ kind: 'disallowed', transient: false });
    expect(error.message).toBe(`GET ${mirror.url('/briefing-0/')}: host ${mirror.host} is not in allowedHosts`);
    expect(mirror.requests).toHaveLength(0);
  });

  it('refuses a URL that is not HTTP', async () => {
    const error = await fetchError(testFetcher([mirror]).fetcher.get({ url: 'file:///etc/passwd' }));
    expect(error.kind).toBe('disallowed');
  });
});

/** Most requests whose [start, end] intervals overlap, from the server's log. */
function maxOverlap(m: Mirror): number {
  const events = m.requests.flatMap((r) => [
    { at: r.start, delta: 1 },
    { at: r.end ?? Number.POSITIVE_INFINITY, delta: -1 },
  ]);
  events.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let current = 0;
  let max = 0;
  for (const event of events) {
    current += event.delta;
    max = Math.max(max, current);
  }
  return max;
}
