/**
 * The order a run spends its requests in, so that a run stopped by its budget has done the most
 * useful part first and the next run carries on where it stopped:
 *
 *   1. fresh: pages new since the last run (dated after everything the crawl state has read) and
 *      known pages whose channel date changed — newest first;
 *   2. backlog: pages never fetched that are older than that (a first crawl's long tail) — newest first;
 *   3. revalidation: known pages no channel dates, asked again with a conditional request.
 *
 * Pages the channels say are unchanged since read need no request and are decided up front.
 * "Newest" compares instants (Date.parse), not strings: `2025-03-11T17:52:09-04:00` is after
 * `2025-03-11T20:00:00Z`, whatever their spelling.
 */
import { candidateDate, type Candidate } from '../discover/index.ts';
import type { CrawledPage } from '../schema/types.ts';
import { decidedWithoutRequest } from './page.ts';

export interface CrawlPlan {
  /** Decided without a request. */
  unchanged: Candidate[];
  /** Pages to request, in order: fresh, backlog, revalidation. */
  queue: Candidate[];
  /** How many of `queue` are in each group. */
  groups: { fresh: number; backlog: number; revalidation: number };
}

/** Milliseconds since the epoch of a channel date; -Infinity when absent or unreadable (undated sorts last). */
export function instant(date: string | undefined): number {
  const t = date === undefined ? NaN : Date.parse(date);
  return Number.isNaN(t) ? -Infinity : t;
}

/** Newest first by instant (modified or published, the newer), then by URL (deterministic). */
export function newestFirst(a: Candidate, b: Candidate): number {
  const ta = instant(candidateDate(a));
  const tb = instant(candidateDate(b));
  if (ta !== tb) return ta > tb ? -1 : 1;
  return a.url < b.url ? -1 : a.url > b.url ? 1 : 0;
}

/**
 * Orders `candidates` (already newest first) against what the crawl state knows.
 *
 * @param version The adapter's version (a not-transcript verdict of another version is re-judged).
 */
export function planCrawl(candidates: readonly Candidate[], known: ReadonlyMap<string, CrawledPage>, version: string, now: Date): CrawlPlan {
  // The newest date the crawl state has read: anything unknown and dated after it appeared since.
  let horizon = -Infinity;
  for (const page of known.values()) horizon = Math.max(horizon, instant(page.lastmod));
  const unchanged: Candidate[] = [];
  const fresh: Candidate[] = [];
  const backlog: Candidate[] = [];
  const revalidation: Candidate[] = [];
  for (const candidate of candidates) {
    const prior = known.get(candidate.url);
    if (decidedWithoutRequest(candidate, prior, version, now)) unchanged.push(candidate);
    else if (prior === undefined) (instant(candidateDate(candidate)) > horizon ? fresh : backlog).push(candidate);
    else if (candidate.lastmod) fresh.push(candidate);
    else revalidation.push(candidate);
  }
  return {
    unchanged,
    queue: [...fresh, ...backlog, ...revalidation],
    groups: { fresh: fresh.length, backlog: backlog.length, revalidation: revalidation.length },
  };
}
