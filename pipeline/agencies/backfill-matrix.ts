/**
 * The backfill's job matrix, computed from the adapters: one job per host. A crawl-delay is a
 * promise to one host, so jobs must never share a host — two jobs on one host would each wait
 * the full delay and together double its rate. Every origin of every adapter is a job's `--origin`
 * (which also keeps the job off every other host, the web archive fallback included); origins of
 * one host (two agencies, or two path bases of one site) go into the same job, where one fetcher
 * paces them.
 */
import type { Agency } from './types.ts';

/** One backfill job: the `podium run` of one host. */
export interface BackfillJob {
  /** The host every request of this job goes to (`www.state.gov`). */
  host: string;
  /** A name safe for an artifact (`www-state-gov`). */
  shard: string;
  /** Agency ids, space-separated: each one `--agency`. */
  agencies: string;
  /** `<agency>:<origin>=<url>` values, space-separated: each one `--origin`. */
  origins: string;
}

/** GitHub Actions' `strategy.matrix` shape: `include` lists the jobs. */
export interface BackfillMatrix {
  include: BackfillJob[];
}

export function backfillMatrix(agencies: readonly Agency[]): BackfillMatrix {
  const byHost = new Map<string, { agencies: string[]; origins: string[] }>();
  for (const agency of agencies) {
    for (const origin of agency.origins) {
      const host = new URL(origin.url).host.toLowerCase();
      const job = byHost.get(host) ?? { agencies: [], origins: [] };
      if (!job.agencies.includes(agency.id)) job.agencies.push(agency.id);
      job.origins.push(`${agency.id}:${origin.name}=${origin.url}`);
      byHost.set(host, job);
    }
  }
  const include = [...byHost.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([host, job]) => ({
      host,
      shard: host.replace(/[^a-z0-9]+/g, '-'),
      agencies: job.agencies.join(' '),
      origins: job.origins.join(' '),
    }));
  return { include };
}
