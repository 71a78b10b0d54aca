/** What a run is asked to do and what it reports (the report file carries the report as is). */
import type { Agency } from '../agencies/types.ts';
import type { ChannelReport } from '../discover/index.ts';
import type { BlockedHost, FetcherOptions } from '../fetch/types.ts';

export interface RunOptions {
  agencies: Agency[];
  /** Dataset directory. */
  out: string;
  /**
   * Raw `--origin` values: `<url>` or `<name>=<url>`; `web-archive=<url>` redirects that fallback.
   * With several agencies each is scoped: `<agency>:<url>` (see origin-scope.ts).
   */
  origins?: string[];
  since?: string;
  /** YYYY-MM-DD: the last discovery date considered (a backfill shard's upper bound). */
  until?: string;
  /** At most this many candidates (newest first) are considered per agency. */
  limit?: number;
  /** Parallel requests per host. */
  concurrency?: number;
  /** Minimum gap between requests to one host, ms (robots.txt crawl-delay may raise it). */
  delayMs?: number;
  /** Overrides for the fetcher (tests shorten timeouts and delays). */
  fetcher?: Partial<FetcherOptions>;
  now?: () => Date;
  /**
   * What a maintainer reading a CI log needs: one line per stage per agency and every notable
   * decision (robots.txt policy, retries, bot walls, fallbacks, outages, the budget stop, the
   * backlog). The CLI prints these on and off a terminal.
   */
  log?: (line: string) => void;
  /** Counters while pages are fetched ("fetch state: 25/400 pages"); the CLI prints them on a terminal only. */
  progress?: (line: string) => void;
  /** CI run id for the changelog; the start time when absent. */
  runId?: string;
  /** Time budget (--max-duration), ms: at the deadline no new page starts and the run closes. */
  maxDurationMs?: number;
  /** Monotonic milliseconds for the budget (tests pass their own); performance.now() by default. */
  clock?: () => number;
}

export interface PageFailure {
  agency: string;
  url: string;
  stage: 'discover' | 'fetch' | 'extract';
  /** For a discovery outage: the origin (its name in the adapter) whose every channel failed. */
  origin?: string;
  message: string;
  templateChange: boolean;
}

export interface AgencyReport {
  agency: string;
  /** Hosts the run stopped requesting after consecutive bot walls; absent when none. */
  blockedHosts?: BlockedHost[];
  channels: ChannelReport[];
  candidates: number;
  requested: number;
  skipped: number;
  notModified: number;
  notTranscripts: number;
  unchanged: number;
  /** Candidates not attempted because the time budget ran out (--max-duration); the next run starts with them. */
  backlog: number;
  /** The time budget stopped this agency before every candidate was attempted; absent otherwise. */
  budgetStopped?: true;
  /** Transcripts this run added, revised or restored. */
  stored?: number;
  /** Every HTTP request the fetcher sent for the agency: discovery, robots.txt, pages, fallbacks, retries. */
  requests?: number;
  /** `requests / stored`, two decimals: what one new or changed transcript cost; null when none was stored. */
  requestsPerTranscript?: number | null;
}

export interface RunReport {
  /** The changelog's id for this run: the CI run id, else the start time. */
  runId: string;
  agencies: AgencyReport[];
  added: string[];
  revised: { id: string; revision: number; change: string; revertOf?: number }[];
  reprocessed: string[];
  withdrawn: string[];
  restored: string[];
  failures: PageFailure[];
  /** Candidates not attempted because the time budget ran out, all agencies together. */
  backlog: number;
  /** Records found on disk that the index did not list (an earlier run stopped early), indexed again; absent when none. */
  reconciled?: string[];
  /** Whether any dataset file changed. */
  changed: boolean;
  datasetVersion: string | null;
  /**
   * 0: every page succeeded; 2: some pages or some agency's discovery failed, the rest is saved;
   * 1: nothing could be done at all (every agency's discovery failed and no file changed).
   */
  exitCode: 0 | 1 | 2;
}
