/**
 * Known transcripts that no discovery channel listed this run. Absence only counts when discovery
 * looks whole; a transcript absent WITHDRAW_AFTER_RUNS whole runs in a row is withdrawn.
 */
import type { ChannelReport, OriginMap } from '../discover/index.ts';
import type { CrawledPage } from '../schema/types.ts';
import type { PageOutcome } from './page.ts';

/**
 * A transcript missing from every discovery channel this many complete runs in a row is withdrawn
 * (a 404/410 withdraws it at once). Three runs ride out a sitemap briefly regenerated without it.
 */
export const WITHDRAW_AFTER_RUNS = 3;

/**
 * Absence is only counted when discovery looks whole: every channel answered and at least this
 * share of the transcripts listed last time are listed again. A sitemap served empty or cut
 * short must never turn the archive into tombstones.
 */
export const MIN_LISTED_SHARE = 0.5;

/**
 * Known transcripts no channel listed: count the run, and withdraw at WITHDRAW_AFTER_RUNS. Only
 * a whole discovery counts (`partial` false: no --since/--until/--limit, every channel answered,
 * most known pages still listed); otherwise absence says nothing and the counters are left as they are.
 */
export function absences(
  listed: ReadonlySet<string>,
  known: Map<string, CrawledPage>,
  channels: ChannelReport[],
  origins: OriginMap,
  partial: boolean,
): PageOutcome[] {
  const tracked = [...known.values()].filter((p) => p.verdict === 'transcript' && origins.toRequest(p.url) !== null);
  for (const page of tracked) if (listed.has(page.url) && page.missingRuns) known.set(page.url, withoutMissing(page));
  const stillListed = tracked.filter((p) => listed.has(p.url)).length;
  const whole = !partial && channels.every((c) => c.ok) && stillListed >= MIN_LISTED_SHARE * tracked.length;
  if (!whole) return [];
  const out: PageOutcome[] = [];
  for (const page of tracked) {
    if (listed.has(page.url)) continue;
    const missingRuns = (page.missingRuns ?? 0) + 1;
    known.set(page.url, { ...page, missingRuns });
    if (missingRuns >= WITHDRAW_AFTER_RUNS) out.push({ url: page.url, kind: 'absent', page: { ...page, missingRuns } });
  }
  return out;
}

function withoutMissing(page: CrawledPage): CrawledPage {
  const { missingRuns: _, ...rest } = page;
  return rest;
}
