import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../pipeline/fetch/index.ts';
import { startMirror, type Mirror } from '../support/mirror.ts';
import { fetchError, pageRequests, testFetcher } from './helpers.ts';

let mirror: Mirror;
beforeEach(async () => {
  mirror = await startMirror();
  mirror.set('/briefing/', { body: '<h1>Department Press Briefing</h1>' });
});
afterEach(async () => {
  await mirror.close();
});

describe('transient server errors', () => {
  it.each([500, 502, 503])('retries HTTP %i and then succeeds', async (status) => {
    mirror.fault('/briefing/', { kind: 'status', statuses: [status, status] });
    const { fetcher, log } = testFetcher([mirror]);
    const page = await fetcher.get({ url: mirror.url('/briefing/') });
    expect(page.body).toBe('<h1>Department Press Briefing</h1>');
    expect(pageRequests(mirror).map((r) => r.status)).toEqual([status, status, 200]);
    expect(log.filter((line) => line.includes('retry'))).toHaveLength(2);
  });

  it('gives up after the configured retries with a one-line message', async () => {
    mirror.fault('/briefing/', { kind: 'status', statuses: [503, 503, 503, 503] });
    const error = await fetchError(testFetcher([mirror]).fetcher.get({ url: mirror.url('/briefing/') }));
    expect(error.message).toBe(`GET ${mirror.url('/briefing/')}: HTTP 503 after 3 attempts`);
    expect(error).toMatchObject({ kind: 'http', status: 503, attempts: 3, transient: true, botBlock: false });
    expect(pageRequests(mirror)).toHaveLength(3);
  });

  it('backs off exponentially between attempts', async () => {
    mirror.fault('/briefing/', { kind: 'status', statuses: [500, 500] });
    await testFetcher([mirror], { backoffMs: 60 }).fetcher.get({ url: mirror.url('/briefing/') });
    const [a, b, c] = pageRequests(mirror).map((r) => r.start);
    // 60 ms then 120 ms, each plus up to 20% jitter; a few ms of tolerance for timer granularity.
    expect((b ?? 0) - (a ?? 0)).toBeGreaterThanOrEqual(55);
    expect((c ?? 0) - (b ?? 0)).toBeGreaterThanOrEqual(115);
  });

  it('does not retry a client error', async () => {
    mirror.set('/bad', { body: 'no', status: 400 });
    const error = await fetchError(testFetcher([mirror]).fetcher.get({ url: mirror.url('/bad') }));
    expect(error).toMatchObject({ kind: 'http', status: 400, attempts: 1, transient: false });
    expect(pageRequests(mirror)).toHaveLength(1);
  });
});

describe('404 and 410', () => {
  it.each([404, 410])('HTTP %i is `gone`, without retry', async (status) => {
    if (status === 410) mirror.set('/briefing/', { body: 'Gone', status: 410 });
    else mirror.remove('/briefing/');
    const error = await fetchError(testFetcher([mirror]).fetcher.get({ url: mirror.url('/briefing/') }));
    expect(error).toMatchObject({ kind: 'gone', status, attempts: 1, transient: false });
    expect(error.message).toBe(`GET ${mirror.url('/briefing/')}: HTTP ${status}`);
    expect(pageRequests(mirror)).toHaveLength(1);
  });
});

describe('429 and Retry-After', () => {
  // These wait about a second each (Retry-After has one-second resolution), so they run side by
  // side, each on its own mirror.
  it.concurrent('waits the Retry-After seconds, for every request to the host', async () => {
    await withMirror(async (site) => {
      site.set('/briefing/', { body: 'briefing' });
      site.set('/other/', { body: 'other' });
      site.fault('/briefing/', { kind: 'status', statuses: [429], retryAfter: 1 });
      const { fetcher, log } = testFetcher([site], { concurrencyPerHost: 2 });

      const briefing = fetcher.get({ url: site.url('/briefing/') });
      // Once the fetcher has read the 429 (it logs the retry), not merely once the server sent it.
      await until(() => log.some((line) => line.includes('HTTP 429 (Retry-After 1 s); retry 1 of 2 in 1000 ms')));
      const other = fetcher.get({ url: site.url('/other/') });
      await Promise.all([briefing, other]);

      const first = site.requestsFor('/briefing/')[0]?.start ?? 0;
      expect((site.requestsFor('/briefing/')[1]?.start ?? 0) - first).toBeGreaterThanOrEqual(950);
      // The server asked the client, not one URL, to slow down.
      expect((site.requestsFor('/other/')[0]?.start ?? 0) - first).toBeGreaterThanOrEqual(950);
    });
  });

  it.concurrent('waits until a Retry-After HTTP-date', async () => {
    await withMirror(async (site) => {
      site.set('/briefing/', { body: 'briefing' });
      // HTTP-dates have one-second resolution: 1.6 s ahead rounds down to a wait of 0.6-1.6 s.
      const retryAt = new Date(Date.now() + 1600).toUTCString();
      site.fault('/briefing/', { kind: 'status', statuses: [503], retryAfter: retryAt });
      const page = await testFetcher([site]).fetcher.get({ url: site.url('/briefing/') });
      expect(page.status).toBe(200);
      const [first, second] = pageRequests(site).map((r) => r.start);
      expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(500);
    });
  });

  it('fails as rate-limit at once when Retry-After is beyond the cap', async () => {
    mirror.fault('/briefing/', { kind: 'status', statuses: [429], retryAfter: 3600 });
    const error = await fetchError(testFetcher([mirror]).fetcher.get({ url: mirror.url('/briefing/') }));
    expect(error).toMatchObject({ kind: 'rate-limit', status: 429, attempts: 1, transient: true });
    expect(error.message).toContain('Retry-After 3600 s, beyond the 3 s cap');
    expect(pageRequests(mirror)).toHaveLength(1);
  });

  it('fails as rate-limit when 429 persists through the retries', async () => {
    mirror.fault('/briefing/', { kind: 'status', statuses: [429, 429, 429] });
    const error = await fetchError(testFetcher([mirror]).fetcher.get({ url: mirror.url('/briefing/') }));
    expect(error).toMatchObject({ kind: 'rate-limit', status: 429, attempts: 3 });
  });
});

describe('bot walls', () => {
  it('treats 403 as a bot block and retries it once only', async () => {
    mirror.fault('/briefing/', { kind: 'status', statuses: [403, 403, 403], body: '<h1>Technical Difficulties</h1>' });
    const error = await fetchError(testFetcher([mirror], { retries: 3 }).fetcher.get({ url: mirror.url('/briefing/') }));
    expect(error).toMatchObject({ kind: 'bot-block', status: 403, botBlock: true, attempts: 2 });
    expect(pageRequests(mirror)).toHaveLength(2);
  });

  it('does not retry a 403 when retries are off', async () => {
    mirror.fault('/briefing/', { kind: 'status', statuses: [403] });
    const error = await fetchError(testFetcher([mirror], { retries: 0 }).fetcher.get({ url: mirror.url('/briefing/') }));
    expect(error.attempts).toBe(1);
  });

  it('recognises the "Technical Difficulties" decoy served with 200', async () => {
    const decoy = '<html><body><h1>Technical Difficulties</h1><p>We are sorry.</p></body></html>';
    mirror.fault('/briefing/', { kind: 'decoy', body: decoy });
    const error = await fetchError(testFetcher([mirror]).fetcher.get({ url: mirror.url('/briefing/') }));
    expect(error).toMatchObject({ kind: 'bot-block', status: 200, botBlock: true, attempts: 2 });
    expect(error.message).toBe(
      `GET ${mirror.url('/briefing/')}: decoy page served with HTTP 200 (Technical Difficulties) after 2 attempts`,
    );
  });

  it('gets the page when the decoy lifts on the second try', async () => {
    mirror.fault('/briefing/', { kind: 'decoy', body: 'Technical Difficulties', times: 1 });
    const page = await testFetcher([mirror]).fetcher.get({ url: mirror.url('/briefing/') });
    expect(page.body).toContain('Department Press Briefing');
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP-dates', () => {
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});

async function until(condition: () => boolean): Promise<void> {
  const deadline = performance.now() + 2000;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error('condition not met within 2 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function withMirror(test: (site: Mirror) => Promise<void>): Promise<void> {
  const site = await startMirror();
  try {
    await test(site);
  } finally {
    await site.close();
  }
}
