/**
 * One agency's part of a run: discover -> order -> fetch each page -> absences. An agency is a
 * failure unit of its own: whatever goes wrong here (every channel of an origin failing, an
 * exception half-way through the pages) becomes a failure in the report, what was learned stays
 * in its crawl state, and the run goes on with the next agency.
 */
import pLimit from 'p-limit';
import type { Agency } from '../agencies/types.ts';
import { discover, DiscoveryError, type Candidate, type ChannelReport, type RejectedCandidate } from '../discover/index.ts';
import { decoyTest } from '../extract/index.ts';
import { Fetcher, defaultFetcherOptions } from '../fetch/index.ts';
import type { CrawledPage, CrawlState } from '../schema/types.ts';
import { SCHEMA_VERSION } from '../schema/version.ts';
import type { Dataset } from '../store/dataset.ts';
import { absences } from './absences.ts';
import type { Deadline } from './budget.ts';
import { newestFirst, planCrawl } from './order.ts';
import type { AgencyOrigins } from './origin-scope.ts';
import { processPage, type PageOutcome } from './page.ts';
import type { AgencyReport, PageFailure, RunOptions } from './types.ts';

/** What an agency run needs from the run around it. */
export interface AgencyRunContext {
  options: RunOptions;
  origins: AgencyOrigins;
  dataset: Dataset;
  now: () => Date;
  /** Stage lines and decisions (RunOptions.log). */
  log: (line: string) => void;
  /** Counters (RunOptions.progress). */
  progress: (line: string) => void;
  /** Stores one page outcome in the dataset (and a failed page in the report). */
  store: (outcome: PageOutcome) => Promise<void>;
  /** Reports a failure that is not a page's (a discovery outage, an exception). */
  fail: (failure: PageFailure) => void;
  /** This agency's share of the time budget (a second pass, `resume`, gets another). */
  deadline: Deadline;
}

export class AgencyRun {
  readonly agency: Agency;
  readonly report: AgencyReport;
  readonly #ctx: AgencyRunContext;
  readonly #fetcher: Fetcher;
  /** Canonical URL -> what the crawl state knows; updated as each page is stored. */
  #known = new Map<string, CrawledPage>();
  /** Whether a crawl state was read (or something was learned): only then is one written. */
  #hasState = false;
  #discovered = false;
  #deadline: Deadline;
  /** Pages the deadline kept from being started, in plan order: the backlog, unless `resume` gets to them. */
  #leftover: Candidate[] = [];
  /** Of the plan's pages, those to request although the channels call them unchanged. */
  #ask: ReadonlySet<string> = new Set();

  constructor(agency: Agency, ctx: AgencyRunContext) {
    this.agency = agency;
    this.#ctx = ctx;
    this.#deadline = ctx.deadline;
    const { options } = ctx;
    this.#fetcher = new Fetcher(
      defaultFetcherOptions({
        allowedHosts: ctx.origins.allowedHosts,
        decoy: decoyTest(agency),
        ...(options.concurrency ? { concurrencyPerHost: options.concurrency } : {}),
        ...(options.delayMs !== undefined ? { minDelayMs: options.delayMs } : {}),
        ...options.fetcher,
      }),
      (line) => ctx.log(`fetch ${agency.id}: ${line}`),
    );
    this.report = { agency: agency.id, channels: [], candidates: 0, requested: 0, skipped: 0, notModified: 0, notTranscripts: 0, unchanged: 0, backlog: 0 };
  }

  /** Whether discovery produced candidates (false: every channel of every origin failed). */
  get discovered(): boolean {
    return this.#discovered;
  }

  /** Runs the agency. Never throws: an exception becomes a failure naming the agency and the stage. */
  async run(): Promise<void> {
    let stage: PageFailure['stage'] = 'discover';
    try {
      const state = await this.#ctx.dataset.readCrawlState(this.agency.id);
      this.#hasState = state !== null;
      this.#known = new Map((state?.pages ?? []).map((p) => [p.url, p]));
      const found = await this.#discover();
      if (!found) return this.#countRequests();
      stage = 'fetch';
      const candidates = this.#order(found.candidates);
      const o = this.#ctx.options;
      const partial = o.since !== undefined || o.until !== undefined || o.limit !== undefined;
      const listed = new Set(found.candidates.map((c) => c.url));
      const missing = absences(listed, this.#known, found.channels, this.#ctx.origins.origins, partial);
      await this.#fetchAll(candidates, missing);
      this.#finish();
    } catch (error) {
      this.#failed(stage, error as Error);
    }
  }

  /** Whether the deadline left pages of this agency unstarted. */
  get hasBacklog(): boolean {
    return this.#leftover.length > 0;
  }

  /**
   * A second pass over the backlog with time other agencies did not need (the run's fair shares
   * are handed out in order, so an agency early in the order cannot otherwise use what a later,
   * smaller one leaves). Never throws, like `run`.
   */
  async resume(deadline: Deadline): Promise<void> {
    if (!this.#leftover.length || deadline.expired()) return;
    const queue = this.#leftover;
    this.#leftover = [];
    this.#deadline = deadline;
    this.report.backlog = 0;
    delete this.report.budgetStopped;
    this.#ctx.log(`budget ${this.agency.id}: time left by the other agencies; ${queue.length} backlog pages resumed`);
    try {
      await this.#request(queue);
      this.#finish();
    } catch (error) {
      this.#failed('fetch', error as Error);
    }
  }

  #finish(): void {
    const blocked = this.#fetcher.blockedHosts();
    if (blocked.length) {
      this.report.blockedHosts = blocked;
      for (const b of blocked) this.#ctx.log(`fetch ${this.agency.id}: stopped requesting ${b.host} after ${b.walls} bot walls in a row (${b.last})`);
    }
    this.#countRequests();
  }

  #failed(stage: PageFailure['stage'], e: Error): void {
    this.#countRequests();
    this.#ctx.log(`${stage} ${this.agency.id}: stopped by an unexpected error: ${e.stack ?? e.message}`);
    this.#ctx.fail({
      agency: this.agency.id, url: this.agency.origins[0]?.url ?? this.agency.id, stage,
      message: `${this.agency.id}: ${stage} stopped by an unexpected error: ${e.message}`, templateChange: false,
    });
  }

  /** Crawl economics: every request the fetcher sent, and what one stored transcript cost. */
  #countRequests(): void {
    const r = this.report;
    r.stored ??= 0;
    r.requests = this.#fetcher.requestsSent();
    r.requestsPerTranscript = r.stored > 0 ? Math.round((r.requests / r.stored) * 100) / 100 : null;
    this.#ctx.log(`fetch ${this.agency.id}: ${r.requests} requests for ${r.stored} stored transcripts (${r.requestsPerTranscript ?? '-'} per transcript)`);
  }

  /** The crawl state to write at the close, or null when there is nothing to keep. */
  state(): CrawlState | null {
    if (!this.#hasState && this.#known.size === 0) return null;
    return { schemaVersion: SCHEMA_VERSION, agency: this.agency.id, pages: [...this.#known.values()] };
  }

  /** Discovery, with every origin whose channels all failed reported as an outage; null when nothing was found. */
  async #discover(): Promise<{ candidates: Candidate[]; channels: ChannelReport[] } | null> {
    const { options, origins, log } = this.#ctx;
    try {
      const found = await discover(this.agency, {
        http: this.#fetcher,
        origins: origins.origins,
        log: (line) => log(`${line.replace(/^discover: /, `discover ${this.agency.id}: `)}`),
        known: this.#known,
        ...(options.since ? { since: options.since } : {}),
        ...(options.until ? { until: options.until } : {}),
      });
      this.report.channels = found.channels;
      this.#rememberTitleVerdicts(found.rejected);
      const broken = found.channels.filter((c) => !c.ok).length;
      log(`discover ${this.agency.id}: ${found.candidates.length} candidate pages from ${found.channels.length - broken} channels${broken ? ` (${broken} failed)` : ''}`);
      this.#reportOutages(found.channels);
      this.#discovered = true;
      return found;
    } catch (error) {
      if (!(error instanceof DiscoveryError)) throw error;
      this.report.channels = error.channels;
      log(`discover ${this.agency.id}: FAILED: ${error.reason}; the other agencies go on`);
      if (!this.#reportOutages(error.channels)) {
        this.#ctx.fail({ agency: this.agency.id, url: error.url, stage: 'discover', message: `${this.agency.id}: ${error.reason}`, templateChange: false });
      }
      return null;
    }
  }

  /**
   * Pages a channel's title turned away are remembered like a fetched not-transcript (with the
   * adapter version), so a sitemap listing them with the same lastmod costs no request next run.
   */
  #rememberTitleVerdicts(rejected: RejectedCandidate[]): void {
    for (const r of rejected) {
      const page: CrawledPage = { url: r.url, verdict: 'not-transcript', reason: `title: ${r.title}`, judgedBy: this.agency.version ?? '0' };
      if (r.lastmod !== undefined) page.lastmod = r.lastmod;
      this.#known.set(r.url, page);
    }
  }

  /** One failure per origin whose every channel failed; returns how many. */
  #reportOutages(channels: ChannelReport[]): number {
    let outages = 0;
    for (const origin of this.#ctx.origins.origins.enabled()) {
      // A channel is named `<origin> <type> <path>` (see ChannelReport).
      const own = channels.filter((c) => c.channel.split(' ')[0] === origin.name);
      if (own.length === 0 || own.some((c) => c.ok)) continue;
      outages++;
      const reasons = own.map((c) => `${c.channel}: ${c.error ?? 'failed'}`).join('; ');
      this.#ctx.fail({
        agency: this.agency.id, url: `${origin.canonical}/`, stage: 'discover', origin: origin.name,
        message: `${this.agency.id} ${origin.name}: every discovery channel failed: ${reasons}`, templateChange: false,
      });
      if (channels.some((c) => c.ok)) this.#ctx.log(`discover ${this.agency.id}: origin ${origin.name} is out (every channel failed); its pages wait for the next run`);
    }
    return outages;
  }

  /** Newest first (by instant, modified or published), so --limit keeps the most recent pages. */
  #order(candidates: Candidate[]): Candidate[] {
    let ordered = [...candidates].sort(newestFirst);
    if (this.#ctx.options.limit !== undefined) ordered = ordered.slice(0, this.#ctx.options.limit);
    this.report.candidates = ordered.length;
    return ordered;
  }

  /**
   * Every candidate through processPage in the plan's order (order.ts), each stored as soon as it
   * is done (a run holds one page per slot, never the whole crawl). At the deadline no new page
   * starts: the rest is the backlog. An exception stops new pages too. Either way the pages in
   * flight finish first, so nothing is written after the run closes.
   */
  async #fetchAll(candidates: Candidate[], missing: CrawledPage[]): Promise<void> {
    const { now, log } = this.#ctx;
    const plan = planCrawl(candidates, this.#known, this.agency.version ?? '0', now(), missing);
    this.#ask = plan.ask;
    // Decided without a request, so never held back by the budget.
    for (const candidate of plan.unchanged) await this.#settle(await this.#page(candidate));
    const g = plan.groups;
    log(
      `fetch ${this.agency.id}: ${plan.queue.length} pages to request (${g.confirm ? `${g.confirm} no longer listed, to confirm; ` : ''}` +
        `${g.fresh} new or changed, ${g.backlog} backlog, ${g.revalidation} to revalidate), ${plan.unchanged.length} unchanged since read`,
    );
    await this.#request(plan.queue);
  }

  #page(candidate: Candidate): Promise<PageOutcome> {
    const { dataset, now, log } = this.#ctx;
    return processPage(candidate, {
      agency: this.agency, http: this.#fetcher, origins: this.#ctx.origins.origins, foreign: this.#ctx.origins.foreign,
      known: this.#known, now, existing: (id) => dataset.readRecord(id), log: (line) => log(`fetch ${this.agency.id}: ${line}`),
    }, this.#ask.has(candidate.url));
  }

  /** Requests `queue` in order until the deadline; what it keeps from starting is the leftover. */
  async #request(queue: Candidate[]): Promise<void> {
    const { log, progress, options } = this.#ctx;
    const deadline = this.#deadline;
    const page = (candidate: Candidate) => this.#page(candidate);
    const limit = pLimit(Math.max(1, (options.concurrency ?? 2) * Math.max(1, this.#ctx.origins.origins.enabled().length)));
    const total = queue.length;
    let done = 0;
    let stopped: { error: unknown } | null = null;
    let outOfTime = false;
    // A transient failure (a 503, a reset) is tried once more after every other page, when the
    // site has had time to recover; only the second outcome counts.
    const again: { candidate: Candidate; outcome: PageOutcome }[] = [];
    const attempt = (candidate: Candidate, first: PageOutcome | null) =>
      limit(async () => {
        if (stopped) return;
        if (deadline.expired()) {
          if (!outOfTime) log(`budget ${this.agency.id}: time is up; no new page is started, the pages in flight finish`);
          outOfTime = true;
          // A retry not made keeps its first outcome (a failure); a page not started is backlog.
          if (first) await this.#settle(first);
          else {
            this.report.backlog++;
            this.#leftover.push(candidate);
          }
          return;
        }
        try {
          const outcome = await page(candidate);
          if (!first && outcome.kind === 'failed' && outcome.transient) {
            again.push({ candidate, outcome });
            return;
          }
          await this.#settle(outcome);
        } catch (error) {
          stopped ??= { error };
          return;
        }
        done++;
        if (done === total || done % 25 === 0) progress(`fetch ${this.agency.id}: ${done}/${total} pages`);
      });
    await Promise.all(queue.map((candidate) => attempt(candidate, null)));
    if (again.length && !stopped) {
      log(`fetch ${this.agency.id}: trying ${again.length} transient failures once more`);
      await Promise.all(again.map(({ candidate, outcome }) => attempt(candidate, outcome)));
    }
    if (stopped) throw (stopped as { error: unknown }).error;
    if (outOfTime) {
      this.report.budgetStopped = true;
      log(`budget ${this.agency.id}: ${this.report.backlog} pages not attempted (backlog), left for the next run`);
    }
  }

  /** Stores an outcome, then counts it and remembers what it taught about the page. */
  async #settle(o: PageOutcome): Promise<void> {
    await this.#ctx.store(o);
    const r = this.report;
    if (o.kind !== 'skipped') r.requested++;
    if (o.kind === 'skipped') r.skipped++;
    if (o.kind === 'not-modified') r.notModified++;
    if (o.kind === 'not-transcript') r.notTranscripts++;
    if (o.kind === 'stored' && o.observation.kind === 'unchanged') r.unchanged++;
    if (o.kind === 'stored' && o.observation.kind !== 'unchanged') r.stored = (r.stored ?? 0) + 1;
    if (o.kind === 'gone') {
      // Forget validators: a page that comes back must be fetched, even with its old lastmod.
      if (o.page) this.#known.set(o.url, forgetValidators(o.page));
    } else if ('page' in o && o.page) this.#known.set(o.url, o.page);
  }
}

function forgetValidators(page: CrawledPage): CrawledPage {
  const { lastmod: _l, etag: _e, lastModified: _m, ...rest } = page;
  return rest;
}
