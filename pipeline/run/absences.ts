/**
 * Known transcripts that no discovery channel listed this run. Absence only counts when discovery
 * looks whole. A transcript's first absent run asks the page once (the confirmation fetch,
 * ordered first by order.ts): 404 or 410 makes a tombstone at once, 200 keeps it — a page dropped
 * from a sitemap but still served is still published. After that it is revalidated like any
 * known page (REVALIDATE_DAYS), so a later 404 withdraws it then.
 */
import type { ChannelReport, OriginMap } from '../discover/index.ts';
import type { CrawledPage } from '../schema/types.ts';

/**
 * Absence is only counted when discovery looks whole: every channel answered and at least this
 * share of the transcripts listed last time are listed again. A sitemap served empty or cut
 * short must never turn the archive into tombstones.
 */
export const MIN_LISTED_SHARE = 0.5;

/**
 * Known transcripts no channel listed: count the run in `known` (missingRuns), and return them all;
 * the plan confirms those absent for the first time and revalidates the others when due. Only a whole discovery counts (`partial` false: no
 * --since/--until/--limit, every channel answered, most known pages still listed); otherwise
 * absence says nothing and the counters are left as they are.
 */
export function absences(
  listed: ReadonlySet<string>,
  known: Map<string, CrawledPage>,
  channels: ChannelReport[],
  origins: OriginMap,
  partial: boolean,
): CrawledPage[] {
  const tracked = [...known.values()].filter((p) => p.verdict === 'transcript' && origins.toRequest(p.url) !== null);
  for (const page of tracked) if (listed.has(page.url) && page.missingRuns) known.set(page.url, withoutMissing(page));
  const stillListed = tracked.filter((p) => listed.has(p.url)).length;
  const whole = !partial && channels.every((c) => c.ok) && stillListed >= MIN_LISTED_SHARE * tracked.length;
  if (!whole) return [];
  const missing: CrawledPage[] = [];
  for (const page of tracked) {
    if (listed.has(page.url)) continue;
    const counted = { ...page, missingRuns: (page.missingRuns ?? 0) + 1 };
    known.set(page.url, counted);
    missing.push(counted);
  }
  return missing;
}

function withoutMissing(page: CrawledPage): CrawledPage {
  const { missingRuns: _, ...rest } = page;
  return rest;
}
