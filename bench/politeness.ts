/**
 * Fetch politeness on a mirror with artificial latency: throughput follows the per-host
 * concurrency limit and the crawl delay, and the server never sees more than the limit at once
 * or requests closer together than the delay.
 */
import { Fetcher, defaultFetcherOptions } from '../pipeline/fetch/index.ts';
import { startMirror } from '../test/support/mirror.ts';

export interface PolitenessCase {
  concurrency: number;
  crawlDelayMs: number;
  latencyMs: number;
  requests: number;
  requestsPerSecond: number;
  /** What the limits allow: min(concurrency / latency, 1 / delay). */
  ceilingPerSecond: number;
  maxInFlight: number;
  /** Smallest gap between two request starts at the server, ms. */
  minGapMs: number;
}

export async function benchPoliteness(quick: boolean): Promise<PolitenessCase[]> {
  const requests = quick ? 8 : 40;
  const cases = [
    { concurrency: 1, crawlDelayMs: 0, latencyMs: 50 },
    { concurrency: 4, crawlDelayMs: 0, latencyMs: 50 },
    { concurrency: 4, crawlDelayMs: 100, latencyMs: 50 },
  ];
  const out: PolitenessCase[] = [];
  for (const c of cases) {
    const mirror = await startMirror();
    try {
      mirror.set('/robots.txt', { body: `User-agent: *\nCrawl-delay: ${c.crawlDelayMs / 1000}\nDisallow:\n`, contentType: 'text/plain' });
      for (let i = 0; i < requests; i++) mirror.set(`/p${i}/`, { body: `<p>${i}</p>` });
      const fetcher = new Fetcher(defaultFetcherOptions({ allowedHosts: new Set([mirror.host]), concurrencyPerHost: c.concurrency, minDelayMs: 0 }));
      await fetcher.get({ url: mirror.url('/p0/') }); // robots.txt and the connection, outside the timing
      mirror.latency = c.latencyMs;
      const seen = mirror.requests.length;
      const start = performance.now();
      await Promise.all(Array.from({ length: requests }, (_, i) => fetcher.get({ url: mirror.url(`/p${i}/?t`) })));
      const seconds = (performance.now() - start) / 1000;
      const starts = mirror.requests.slice(seen).map((r) => r.start).sort((a, b) => a - b);
      const gaps = starts.slice(1).map((s, i) => s - starts[i]!);
      out.push({
        ...c,
        requests,
        requestsPerSecond: requests / seconds,
        ceilingPerSecond: Math.min(c.concurrency / (c.latencyMs / 1000), c.crawlDelayMs ? 1000 / c.crawlDelayMs : Infinity),
        maxInFlight: mirror.maxInFlight,
        minGapMs: Math.min(...gaps),
      });
    } finally {
      await mirror.close();
    }
  }
  return out;
}
