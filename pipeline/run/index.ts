/**
 * A run: for each agency, discover -> fetch -> extract -> parse -> validate -> store, then the
 * index, the changelog and the crawl state. Pages are independent: one failing page never stops
 * the others and never touches what the dataset already holds for it.
 *
 * Write order keeps a crash (even SIGKILL) recoverable: records, history and raw pages first
 * (each atomic), then the index, then the changelog, then the crawl state. A crash before the
 * crawl state only means those pages are fetched again next run and found unchanged.
 */
import pLimit from 'p-limit';
import type { Agency } from '../agencies/types.ts';
import { candidateDate, discover, DiscoveryError, OriginMap, parseOriginArg, type Candidate, type ChannelReport, type OriginOverride } from '../discover/index.ts';
import { decoyTest } from '../extract/index.ts';
import { Fetcher, defaultFetcherOptions } from '../fetch/index.ts';
import type { BlockedHost, FetcherOptions } from '../fetch/types.ts';
import type { CrawledPage, CrawlState, DatasetIndex, IndexEntry, Transcript } from '../schema/types.ts';
import { SCHEMA_VERSION } from '../schema/version.ts';
import { Dataset } from '../store/dataset.ts';
import { nextDatasetVersion } from './dataset-version.ts';
import { writePeople } from '../people/index.ts';
import { appendChangelog } from './changelog.ts';
import { indexEntry } from './index-entry.ts';
import { storeObservation } from './store-observation.ts';
import { acquireLock } from './lock.ts';
import { originsByAgency } from './origin-scope.ts';
import { processPage, type PageOutcome } from './page.ts';

export { indexEntry } from './index-entry.ts';

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
  /** Progress lines (one per stage). */
  progress?: (line: string) => void;
  /** CI run id for the changelog; the start time when absent. */
  runId?: string;
}

export interface PageFailure {
  agency: string;
  url: string;
  stage: 'discover' | 'fetch' | 'extract';
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
  /** Whether any dataset file changed. */
  changed: boolean;
  datasetVersion: string | null;
  /** 0: every page succeeded; 2: some pages failed, the rest is saved. */
  exitCode: 0 | 2;
}

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

/** The web archive fallback's `--origin` name. */
const WEB_ARCHIVE = 'web-archive';

export async function runPipeline(options: RunOptions): Promise<RunReport> {
  const now = options.now ?? (() => new Date());
  const progress = options.progress ?? (() => {});
  const startedAt = now();
  const dataset = new Dataset(options.out);
  const lock = await acquireLock(options.out);
  try {
    const runId = options.runId ?? startedAt.toISOString();
    const report: RunReport = {
      runId, agencies: [], added: [], revised: [], reprocessed: [], withdrawn: [], restored: [], failures: [],
      changed: false, datasetVersion: null, exitCode: 0,
    };
    const index = await dataset.readIndex();
    const entries = new Map((index?.transcripts ?? []).map((e) => [e.id, e]));
    const states = new Map<string, CrawlState>();
    const scoped = originsByAgency(options.origins ?? [], options.agencies.map((a) => a.id));

    for (const agency of options.agencies) {
      // Each page is stored as soon as it is done, so a run holds one page at a time per slot,
      // never the whole crawl.
      const store = async (o: PageOutcome) => {
        report.changed = (await storeOutcome(o, agency, dataset, entries, report, now)) || report.changed;
      };
      const { agencyReport, state } = await runAgency(agency, { ...options, origins: scoped.get(agency.id)! }, dataset, now, progress, store);
      report.agencies.push(agencyReport);
      states.set(agency.id, state);
    }

    // The index, then the changelog, then the crawl state (see the file comment).
    if (report.changed) {
      const next: DatasetIndex = {
        schemaVersion: SCHEMA_VERSION,
        datasetVersion: nextDatasetVersion(index?.datasetVersion, now()),
        transcripts: [...entries.values()],
      };
      await dataset.writeIndex(next);
      await writePeople(dataset, entries.keys());
      report.datasetVersion = next.datasetVersion;
    } else {
      report.datasetVersion = (await dataset.readIndex())?.datasetVersion ?? null;
    }
    if (report.changed || report.failures.length) {
      await appendChangelog(dataset, report, runId, now());
    }
    for (const state of states.values()) await dataset.writeCrawlState(state);

    report.exitCode = report.failures.length ? 2 : 0;
    return report;
  } finally {
    await lock.release();
  }
}

async function runAgency(
  agency: Agency,
  options: RunOptions,
  dataset: Dataset,
  now: () => Date,
  progress: (line: string) => void,
  store: (outcome: PageOutcome) => Promise<void>,
) {
  const overrides = (options.origins ?? []).map(parseOriginArg);
  const archiveOverride = overrides.find((o) => o.name === WEB_ARCHIVE);
  const origins = new OriginMap(agency, overrides.filter((o): o is OriginOverride => o.name !== WEB_ARCHIVE));
  const allowed = origins.allowedHosts();
  // The web archive is a foreign host: used as is on live runs, through its override on mirror
  // runs, and never when a mirror run gives no override (it must not reach the real archive).
  const foreign = (absolute: string): string | null => {
    const url = new URL(absolute);
    if (archiveOverride) return `${archiveOverride.url.replace(/\/$/, '')}${url.pathname}${url.search}`;
    return origins.overridden ? null : absolute;
  };
  if (archiveOverride) allowed.add(new URL(archiveOverride.url).host);
  else if (!origins.overridden) for (const f of agency.fallbacks ?? []) {
    const probe = f.url(new URL(agency.origins[0]!.url + '/x/'));
    if (probe && /^https?:/.test(probe)) allowed.add(new URL(probe).host);
  }

  const fetcher = new Fetcher(
    defaultFetcherOptions({
      allowedHosts: allowed,
      decoy: decoyTest(agency),
      ...(options.concurrency ? { concurrencyPerHost: options.concurrency } : {}),
      ...(options.delayMs !== undefined ? { minDelayMs: options.delayMs } : {}),
      ...options.fetcher,
    }),
  );

  const state = (await dataset.readCrawlState(agency.id)) ?? { schemaVersion: SCHEMA_VERSION, agency: agency.id, pages: [] };
  const known = new Map(state.pages.map((p) => [p.url, p]));
  const agencyReport: AgencyReport = {
    agency: agency.id, channels: [], candidates: 0, requested: 0, skipped: 0, notModified: 0, notTranscripts: 0, unchanged: 0,
  };

  let candidates: Candidate[];
  let found: Awaited<ReturnType<typeof discover>>;
  try {
    found = await discover(agency, {
      http: fetcher,
      origins,
      ...(options.since ? { since: options.since } : {}),
      ...(options.until ? { until: options.until } : {}),
    });
    candidates = found.candidates;
    agencyReport.channels = found.channels;
    const broken = found.channels.filter((c) => !c.ok).length;
    progress(`discover ${agency.id}: ${candidates.length} candidate pages from ${found.channels.length - broken} channels${broken ? ` (${broken} failed)` : ''}`);
  } catch (error) {
    if (error instanceof DiscoveryError) throw new DiscoveryError(error.url, `${agency.id}: ${error.reason}`);
    throw error;
  }
  // Newest first, so --limit keeps the most recent pages.
  candidates.sort((a, b) => (candidateDate(b) ?? '').localeCompare(candidateDate(a) ?? '') || a.url.localeCompare(b.url));
  if (options.limit !== undefined) candidates = candidates.slice(0, options.limit);
  agencyReport.candidates = candidates.length;

  const limit = pLimit(Math.max(1, (options.concurrency ?? 2) * Math.max(1, origins.enabled().length)));
  let done = 0;
  const tally = (o: PageOutcome) => {
    if (o.kind !== 'skipped' && o.kind !== 'absent') agencyReport.requested++;
    if (o.kind === 'skipped') agencyReport.skipped++;
    if (o.kind === 'not-modified') agencyReport.notModified++;
    if (o.kind === 'not-transcript') agencyReport.notTranscripts++;
    if (o.kind === 'stored' && o.observation.kind === 'unchanged') agencyReport.unchanged++;
    if (o.kind === 'gone' || o.kind === 'absent') {
      // Forget validators: a page that comes back must be fetched, even with its old lastmod.
      if (o.page) known.set(o.url, forgetValidators(o.page));
    } else if ('page' in o && o.page) known.set(o.url, o.page);
  };
  // A transient failure (a 503, a reset) is tried once more after every other page, when the
  // site has had time to recover; only the second outcome counts.
  const again: Candidate[] = [];
  const attempt = (candidate: Candidate, last: boolean) =>
    limit(async () => {
      const outcome = await processPage(candidate, {
        agency, http: fetcher, origins, foreign, known, now,
        existing: (id) => dataset.readRecord(id),
      });
      if (!last && outcome.kind === 'failed' && outcome.transient) {
        again.push(candidate);
        return;
      }
      await store(outcome);
      tally(outcome);
      done++;
      if (done === candidates.length || done % 25 === 0) progress(`fetch ${agency.id}: ${done}/${candidates.length} pages`);
    });
  await Promise.all(candidates.map((candidate) => attempt(candidate, false)));
  if (again.length) progress(`fetch ${agency.id}: trying ${again.length} transient failures once more`);
  await Promise.all(again.map((candidate) => attempt(candidate, true)));
  const blocked = fetcher.blockedHosts();
  if (blocked.length) {
    agencyReport.blockedHosts = blocked;
    for (const b of blocked) progress(`fetch ${agency.id}: stopped requesting ${b.host} after ${b.walls} bot walls in a row (${b.last})`);
  }
  for (const outcome of absences(candidates, known, found.channels, origins, options)) {
    await store(outcome);
    tally(outcome);
  }
  const nextState: CrawlState = { schemaVersion: SCHEMA_VERSION, agency: agency.id, pages: [...known.values()] };
  return { agencyReport, state: nextState };
}

/**
 * Known transcripts no channel listed: count the run, and withdraw at WITHDRAW_AFTER_RUNS. Only
 * a whole discovery counts (no --since/--until/--limit, every channel answered, most known pages still
 * listed); otherwise absence says nothing and the counters are left as they are.
 */
function absences(
  candidates: Candidate[],
  known: Map<string, CrawledPage>,
  channels: ChannelReport[],
  origins: OriginMap,
  options: RunOptions,
): PageOutcome[] {
  const listed = new Set(candidates.map((c) => c.url));
  const tracked = [...known.values()].filter((p) => p.verdict === 'transcript' && origins.toRequest(p.url) !== null);
  for (const page of tracked) if (listed.has(page.url) && page.missingRuns) known.set(page.url, withoutMissing(page));
  const stillListed = tracked.filter((p) => listed.has(p.url)).length;
  const whole = options.since === undefined && options.until === undefined && options.limit === undefined && channels.every((c) => c.ok) &&
    stillListed >= MIN_LISTED_SHARE * tracked.length;
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

function forgetValidators(page: CrawledPage): CrawledPage {
  const { lastmod: _l, etag: _e, lastModified: _m, ...rest } = page;
  return rest;
}

function withoutMissing(page: CrawledPage): CrawledPage {
  const { missingRuns: _, ...rest } = page;
  return rest;
}

/** Applies one page outcome to the dataset; returns whether any file changed. */
async function storeOutcome(
  o: PageOutcome,
  agency: Agency,
  dataset: Dataset,
  entries: Map<string, IndexEntry>,
  report: RunReport,
  now: () => Date,
): Promise<boolean> {
  if (o.kind === 'failed') {
    report.failures.push({ agency: agency.id, url: o.url, stage: o.stage, message: o.message, templateChange: o.templateChange });
    return false;
  }
  if (o.kind === 'gone' || o.kind === 'absent') return withdraw(o, agency, dataset, entries, report, now);
  if (o.kind !== 'stored') return false;

  return storeObservation(o.observation, o.raw, dataset, entries, report);
}

/** A page gone (404/410) or unlisted for WITHDRAW_AFTER_RUNS runs: its record becomes a tombstone. */
async function withdraw(
  o: Extract<PageOutcome, { kind: 'gone' | 'absent' }>,
  agency: Agency,
  dataset: Dataset,
  entries: Map<string, IndexEntry>,
  report: RunReport,
  now: () => Date,
): Promise<boolean> {
  const id = o.page?.verdict === 'transcript' ? o.page.id : undefined;
  const record = id ? await dataset.readRecord(id) : null;
  if (!record) {
    if (o.kind === 'gone') report.failures.push({ agency: agency.id, url: o.url, stage: 'fetch', message: `${o.url}: HTTP ${o.status ?? 404}: the page is gone`, templateChange: false });
    return false;
  }
  if (record.status === 'withdrawn') return false;
  const tombstone: Transcript = { ...record, status: 'withdrawn', withdrawnAt: now().toISOString() };
  entries.set(tombstone.id, indexEntry(tombstone));
  report.withdrawn.push(tombstone.id);
  return dataset.writeRecord(tombstone);
}
