/**
 * The order a run spends its requests in, so that a run stopped by its budget has done the most
 * useful part first and the next run carries on where it stopped:
 *
 *   1. fresh: pages new since the last run (dated after everything the crawl state has read) and
 *      known pages whose channel date changed — newest first;
 *   2. backlog: pages never fetched that are older than that (a first crawl's long tail) — newest first;
 *   3. revalidation: known pages no channel dates, and known transcripts whose channel date has
 *      not changed but which were last asked REVALIDATE_DAYS ago or more (lastmod and feeds miss
 *      edits) — at most REVALIDATE_SHARE of the known transcripts per run, the longest unasked
 *      first — each asked with a conditional request (a 304 costs the site almost nothing).
 *
 * Before all of them come the confirmation fetches: known transcripts that a whole discovery no
 * longer lists are asked once (absences.ts), so a 404 or 410 makes a tombstone at once.
 *
 * Other pages the channels say are unchanged since read need no request and are decided up front.
 * "Newest" compares instants (Date.parse), not strings: `2025-03-11T17:52:09-04:00` is after
 * `2025-03-11T20:00:00Z`, whatever their spelling.
 */
import { candidateDate, type Candidate } from '../discover/index.ts';
import type { CrawledPage } from '../schema/types.ts';
import { decidedWithoutRequest } from './page.ts';

/** Days after which a transcript whose channel date has not changed is asked again. */
export const REVALIDATE_DAYS = 7;
/**
 * At most this share of the known transcripts is revalidated in one run (at least one page), so
 * the week's conditional requests are spread over the runs instead of arriving all at once when a
 * first fill's pages fall due together: with the default schedule (12 runs a day, 84 a week) 60
 * runs cover the archive, leaving room for runs GitHub skips. A fork that runs less often
 * revalidates more slowly; the budget bounds it either way, since revalidation comes last.
 */
export const REVALIDATE_SHARE = 1 / 60;
const DAY_MS = 86_400_000;

export interface CrawlPlan {
  /** Decided without a request. */
  unchanged: Candidate[];
  /** Pages to request, in order: confirmations, fresh, backlog, revalidation. */
  queue: Candidate[];
  /** URLs in `queue` to request although the channels call them unchanged (revalidation, confirmation). */
  ask: ReadonlySet<string>;
  /** How many of `queue` are in each group. */
  groups: { confirm: number; fresh: number; backlog: number; revalidation: number };
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
 * @param missing Known transcripts no channel listed this run (absences.ts): asked at once the
 *   first time, then revalidated like the others.
 */
export function planCrawl(
  candidates: readonly Candidate[],
  known: ReadonlyMap<string, CrawledPage>,
  version: string,
  now: Date,
  missing: readonly CrawledPage[] = [],
): CrawlPlan {
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
  const unlisted = (pages: readonly CrawledPage[]) => pages.map((page): Candidate => ({ url: page.url, channels: [] }));
  const confirmations = unlisted(missing.filter((p) => p.missingRuns === 1));
  const due = dueForRevalidation([...unchanged, ...unlisted(missing.filter((p) => p.missingRuns !== 1))], known, now);
  const ask = new Set([...confirmations, ...due].map((c) => c.url));
  return {
    unchanged: unchanged.filter((c) => !ask.has(c.url)),
    queue: [...confirmations, ...fresh, ...backlog, ...revalidation, ...due],
    ask,
    groups: { confirm: confirmations.length, fresh: fresh.length, backlog: backlog.length, revalidation: revalidation.length + due.length },
  };
}

/** Unchanged transcripts last asked REVALIDATE_DAYS ago or more (or never since 1.1.0), longest unasked first, capped per run. */
function dueForRevalidation(unchanged: readonly Candidate[], known: ReadonlyMap<string, CrawledPage>, now: Date): Candidate[] {
  const transcripts = [...known.values()].filter((p) => p.verdict === 'transcript').length;
  const cap = Math.max(1, Math.ceil(transcripts * REVALIDATE_SHARE));
  const cutoff = new Date(now.getTime() - REVALIDATE_DAYS * DAY_MS).toISOString().slice(0, 10);
  const checked = (c: Candidate) => known.get(c.url)?.checkedAt ?? '';
  return unchanged
    .filter((c) => known.get(c.url)?.verdict === 'transcript' && checked(c) <= cutoff)
    .sort((a, b) => (checked(a) < checked(b) ? -1 : checked(a) > checked(b) ? 1 : a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
    .slice(0, cap);
}
