/** Shared set-up for fetcher tests: a fetcher aimed at one or more mirrors, with small timings. */
import { expect } from 'vitest';
import { defaultFetcherOptions, Fetcher, FetchError, type FetcherOptions } from '../../pipeline/fetch/index.ts';
import type { Mirror } from '../support/mirror.ts';

export interface TestFetcher {
  fetcher: Fetcher;
  /** Lines the fetcher logged. */
  log: string[];
}

/** Test timings: every wait in the tens of milliseconds so the suite stays fast. */
export function testFetcher(mirrors: Mirror[], overrides: Partial<FetcherOptions> = {}): TestFetcher {
  const log: string[] = [];
  const options = defaultFetcherOptions({
    allowedHosts: new Set(mirrors.map((m) => m.host)),
    minDelayMs: 0,
    timeoutMs: 1000,
    retries: 2,
    backoffMs: 10,
    maxRetryAfterMs: 3000,
    maxBytes: 1024 * 1024,
    decoy: (body) => (/Technical Difficulties/.test(body) ? 'Technical Difficulties' : null),
    ...overrides,
  });
  return { fetcher: new Fetcher(options, (line) => log.push(line)), log };
}

/** The FetchError a promise rejects with (fails the test if it resolves or throws something else). */
export async function fetchError(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FetchError);
    return error as FetchError;
  }
  throw new Error('expected the fetch to fail, it succeeded');
}

/** Page requests only: robots.txt is fetched once per host and would blur the counts. */
export function pageRequests(mirror: Mirror) {
  return mirror.requests.filter((r) => r.path !== '/robots.txt');
}

/** Differences between consecutive request starts, ms. */
export function startGaps(mirror: Mirror): number[] {
  const starts = mirror.requests.map((r) => r.start).sort((a, b) => a - b);
  return starts.slice(1).map((start, i) => start - (starts[i] ?? start));
}
