/**
 * The polite HTTP client every stage uses to read a site: one identifiable User-Agent, a few
 * requests at a time per host with a minimum gap between starts, robots.txt honoured, bounded
 * retries, bounded bodies. Built on Node's global fetch (undici).
 */
import pLimit, { type LimitFunction } from 'p-limit';
import { setTimeout as sleep } from 'node:timers/promises';
import { decodeBody } from './decode.ts';
import { FetchError } from './errors.ts';
import { ALLOW_ALL, decidingRule, parseRobots, productToken, type RobotsPolicy } from './robots.ts';
import { onHeadersSent } from './wire.ts';
import type { BlockedHost, FetchErrorKind, FetcherOptions, FetchRequest, FetchResponse } from './types.ts';

/** Redirect hops followed per request; browsers allow 20, five is plenty for WordPress slug moves. */
export const MAX_REDIRECTS = 5;
/** RFC 9309 §2.5: crawlers must parse at least 500 KiB of robots.txt; more than that is refused. */
const ROBOTS_MAX_BYTES = 500 * 1024;
const DEFAULT_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1';
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Production defaults, overridable field by field.
 *
 * - `userAgent`: names the project and a contact URL. Never a browser's: state.gov's edge blocks
 *   non-browser agents, and we take the block (and a fallback channel) rather than disguise.
 * - `concurrencyPerHost` 2 and `minDelayMs` 1000: a gentle crawler by any site's standard;
 *   robots.txt Crawl-delay (5 s on state.gov) raises the gap.
 * - `timeoutMs` 30 s per attempt, headers and body together: briefing pages are < 1 MB.
 * - `retries` 3 with `backoffMs` 2000: waits of about 2, 4 and 8 s before giving up.
 * - `maxRetryAfterMs` 120 s: longer waits fail as `rate-limit` and the page is retried next run.
 * - `maxBytes` 10 MiB: ten times the largest real briefing page, low enough to refuse a runaway body.
 * - `allowedHosts` empty: the caller must name the hosts it means to read (fail closed).
 * - `decoy` null: the run supplies the agency's structural test (`decoyTest` in pipeline/extract).
 * - `maxBotWalls` 3: a site that walled three pages in a row will wall the next; backing off for
 *   the run is politer than asking again, and the pages are retried next run.
 *
 * @example
 * const fetcher = new Fetcher(defaultFetcherOptions({ allowedHosts: new Set(['www.state.gov']) }));
 */
export function defaultFetcherOptions(overrides: Partial<FetcherOptions> = {}): FetcherOptions {
  return {
    userAgent: 'Podium/0.1 (+https://github.com/podium-data/podium; briefing transcript archive)',
    concurrencyPerHost: 2,
    minDelayMs: 1000,
    timeoutMs: 30_000,
    retries: 3,
    backoffMs: 2000,
    maxRetryAfterMs: 120_000,
    maxBytes: 10 * 1024 * 1024,
    allowedHosts: new Set<string>(),
    decoy: null,
    robots: true,
    maxBotWalls: 3,
    ...overrides,
  };
}

/** Why one attempt failed, and whether another attempt may help. Becomes a FetchError at the end. */
class AttemptFailure extends Error {
  constructor(
    readonly kind: FetchErrorKind,
    readonly detail: string,
    readonly retry: 'yes' | 'no' | 'once',
    readonly extra: { status?: number; retryAfterMs?: number; cause?: unknown; at?: string } = {},
  ) {
    super(detail);
  }
}

interface HostState {
  limit: LimitFunction;
  /** `performance.now()` of the last request start on this host: its headers written to the socket. */
  lastStart: number;
  /** No request starts before this (`performance.now()`), set by Retry-After. */
  notBefore: number;
  crawlDelayMs: number;
  robots: Promise<RobotsPolicy> | null;
  /** Settles when the previous request on this host has started. */
  gate: Promise<void>;
}

type Exchange<T> = (response: Response, readBody: (maxBytes: number) => Promise<Uint8Array>) => Promise<T>;
type PageOutcome = { redirect: string } | { response: FetchResponse };
type RobotsOutcome = { redirect: string } | { policy: RobotsPolicy };

/** Marks an abort as ours so a timeout is not mistaken for a dropped connection. */
const TIMEOUT = Symbol('timeout');
const TOO_LARGE = Symbol('too-large');

/**
 * A polite GET client. One instance per run: it keeps per-host queues, gaps and robots.txt.
 *
 * @example
 * const fetcher = new Fetcher(defaultFetcherOptions({ allowedHosts: new Set(['www.state.gov']) }), console.error);
 * const page = await fetcher.get({ url: 'https://www.state.gov/briefings/…/', expect: ['text/html'] });
 */
export class Fetcher {
  private readonly options: FetcherOptions;
  private readonly log: (line: string) => void;
  private readonly hosts = new Map<string, HostState>();
  private readonly agentToken: string;
  /** Consecutive bot walls per host, and the last one's detail. */
  private readonly walls = new Map<string, { count: number; last: string }>();
  /** HTTP exchanges sent: robots.txt, redirect hops and retries included. */
  private sent = 0;

  constructor(options: FetcherOptions, log: (line: string) => void = () => {}) {
    checkOptions(options);
    this.options = options;
    this.log = log;
    this.agentToken = productToken(options.userAgent);
  }

  /**
   * GET one URL: follows redirects within `allowedHosts`, retries transient failures, decodes
   * the body. Throws {@link FetchError} on any failure, 304 included as a success
   * (`notModified: true`).
   */
  async get(request: FetchRequest): Promise<FetchResponse> {
    let start: URL;
    try {
      start = new URL(request.url);
    } catch (cause) {
      throw new FetchError({ url: request.url, kind: 'disallowed', detail: 'not a valid URL', cause });
    }
    if (start.protocol !== 'http:' && start.protocol !== 'https:') {
      throw new FetchError({ url: request.url, kind: 'disallowed', detail: `scheme ${start.protocol} is not HTTP` });
    }
    if (!this.options.allowedHosts.has(start.host)) {
      throw new FetchError({ url: request.url, kind: 'disallowed', detail: `host ${start.host} is not in allowedHosts` });
    }
    const walled = this.walls.get(start.host);
    if (walled && walled.count >= this.options.maxBotWalls) {
      throw new FetchError({
        url: request.url,
        kind: 'bot-block',
        detail: `not requested: ${start.host} answered ${walled.count} bot walls in a row (last: ${walled.last}); no more requests to it this run`,
      });
    }
    try {
      const response = await this.getWithRetries(start, request);
      this.walls.delete(start.host);
      return response;
    } catch (error) {
      if (error instanceof FetchError && error.botBlock) this.countWall(start.host, error);
      throw error;
    }
  }

  /** HTTP requests this fetcher has sent (robots.txt, redirect hops and retries each count). */
  requestsSent(): number {
    return this.sent;
  }

  /** Hosts this fetcher stopped requesting after `maxBotWalls` consecutive bot walls. */
  blockedHosts(): BlockedHost[] {
    return [...this.walls]
      .filter(([, w]) => w.count >= this.options.maxBotWalls)
      .map(([host, w]) => ({ host, walls: w.count, last: w.last }));
  }

  private countWall(host: string, error: FetchError): void {
    const prior = this.walls.get(host)?.count ?? 0;
    // The detail without "GET <url>: ", so the report names the wall, not one page.
    const last = error.message.replace(/^GET \S+: /, '');
    this.walls.set(host, { count: prior + 1, last });
    if (prior + 1 === this.options.maxBotWalls) {
      this.log(`${host}: ${prior + 1} bot walls in a row (last: ${last}); no more requests to it this run`);
    }
  }

  private async getWithRetries(start: URL, request: FetchRequest): Promise<FetchResponse> {
    let botBlockRetried = false;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.followRedirects(start, request);
      } catch (error) {
        if (!(error instanceof AttemptFailure)) throw error;
        const wait = this.retryDelay(error, attempt, botBlockRetried);
        if (wait === null) {
          const detail = error.extra.at ? `${error.detail} (at ${error.extra.at})` : error.detail;
          throw new FetchError({
            url: request.url,
            kind: error.kind,
            detail,
            attempts: attempt,
            ...(error.extra.status === undefined ? {} : { status: error.extra.status }),
            ...(error.extra.cause === undefined ? {} : { cause: error.extra.cause }),
          });
        }
        if (error.retry === 'once') botBlockRetried = true;
        this.log(`GET ${request.url}: ${error.detail}; retry ${attempt} of ${this.options.retries} in ${wait} ms`);
        await sleep(wait);
      }
    }
  }

  /** Milliseconds to wait before the next attempt, or null to give up. */
  private retryDelay(failure: AttemptFailure, attempt: number, botBlockRetried: boolean): number | null {
    if (failure.retry === 'no' || attempt > this.options.retries) return null;
    if (failure.retry === 'once' && botBlockRetried) return null;
    if (failure.extra.retryAfterMs !== undefined) return Math.ceil(failure.extra.retryAfterMs);
    const backoff = this.options.backoffMs * 2 ** (attempt - 1);
    // Jitter keeps parallel retries against one struggling host from arriving in lockstep.
    return Math.round(backoff + Math.random() * 0.2 * backoff);
  }

  private async followRedirects(start: URL, request: FetchRequest): Promise<FetchResponse> {
    const chain: string[] = [start.href];
    let current = start;
    for (;;) {
      let outcome: PageOutcome;
      try {
        await this.checkRobots(current);
        outcome = await this.exchange(current, requestHeaders(this.options.userAgent, request), (response, readBody) =>
          this.readPage(current, request, response, readBody),
        );
      } catch (error) {
        if (error instanceof AttemptFailure && current.href !== start.href && !error.extra.at) {
          throw new AttemptFailure(error.kind, error.detail, error.retry, { ...error.extra, at: current.href });
        }
        throw error;
      }
      if ('response' in outcome) return outcome.response;
      current = this.nextHop(current, outcome.redirect, chain);
    }
  }

  /** Validates one redirect: allowed scheme and host, no loop, not too many. */
  private nextHop(from: URL, location: string, chain: string[]): URL {
    let next: URL;
    try {
      next = new URL(location, from);
    } catch (cause) {
      throw new AttemptFailure('redirect', `redirect to an invalid Location ${JSON.stringify(location)}`, 'no', { cause });
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      throw new AttemptFailure('redirect', `redirect to ${next.href} refused: not HTTP`, 'no');
    }
    if (!this.options.allowedHosts.has(next.host)) {
      throw new AttemptFailure('redirect', `redirect to ${next.href} refused: host ${next.host} is not in allowedHosts`, 'no');
    }
    if (chain.includes(next.href)) {
      throw new AttemptFailure('redirect', `redirect loop: ${[...chain, next.href].join(' -> ')}`, 'no');
    }
    if (chain.length > MAX_REDIRECTS) {
      throw new AttemptFailure('redirect', `more than ${MAX_REDIRECTS} redirects: ${[...chain, next.href].join(' -> ')}`, 'no');
    }
    chain.push(next.href);
    return next;
  }

  /** Interprets one page response (inside the host slot, so the body read counts as in flight). */
  private async readPage(
    url: URL,
    request: FetchRequest,
    response: Response,
    readBody: (maxBytes: number) => Promise<Uint8Array>,
  ): Promise<PageOutcome> {
    const { status, headers } = response;
    if (REDIRECT_STATUSES.has(status)) {
      const location = headers.get('location');
      if (location === null) throw new AttemptFailure('http', `HTTP ${status} without a Location header`, 'no', { status });
      return { redirect: location };
    }
    if (status === 304) {
      return {
        response: {
          url: url.href,
          status,
          notModified: true,
          body: '',
          // A 304 may omit validators; the ones the caller sent are still the current ones.
          etag: headers.get('etag') ?? request.etag ?? null,
          lastModified: headers.get('last-modified') ?? request.lastModified ?? null,
          contentType: headers.get('content-type'),
        },
      };
    }
    if (status === 403) {
      // state.gov's edge answers non-browser agents 403; one later retry, never a hammering.
      throw new AttemptFailure('bot-block', 'HTTP 403: the site refused our agent (bot wall)', 'once', { status });
    }
    if (status === 404 || status === 410) throw new AttemptFailure('gone', `HTTP ${status}`, 'no', { status });
    if (status === 429 || status === 503) throw this.rateLimited(url, status, headers.get('retry-after'));
    if (status >= 500 || status === 408) throw new AttemptFailure('http', `HTTP ${status}`, 'yes', { status });
    if (status < 200 || status >= 300) throw new AttemptFailure('http', `HTTP ${status}`, 'no', { status });

    const contentType = headers.get('content-type');
    checkContentType(contentType, request.expect);
    const bytes = await readBody(this.options.maxBytes);
    const body = decodeBody(bytes, contentType).text;
    const decoy = this.options.decoy?.(body, contentType) ?? null;
    if (decoy !== null) {
      throw new AttemptFailure('bot-block', `decoy page served with HTTP ${status} (${decoy})`, 'once', { status });
    }
    return {
      response: {
        url: url.href,
        status,
        notModified: false,
        body,
        etag: headers.get('etag'),
        lastModified: headers.get('last-modified'),
        contentType,
        headers: Object.fromEntries(headers.entries()),
      },
    };
  }

  /**
   * 429 and 503 may carry Retry-After (RFC 9110 §10.2.3). Honoured for every request to the host,
   * not just this one: the server asked the client to back off.
   */
  private rateLimited(url: URL, status: number, retryAfter: string | null): AttemptFailure {
    const kind: FetchErrorKind = status === 429 ? 'rate-limit' : 'http';
    const waitMs = parseRetryAfter(retryAfter, Date.now());
    if (waitMs === null) return new AttemptFailure(kind, `HTTP ${status}`, 'yes', { status });
    if (waitMs > this.options.maxRetryAfterMs) {
      return new AttemptFailure(
        'rate-limit',
        `HTTP ${status} with Retry-After ${Math.ceil(waitMs / 1000)} s, beyond the ${this.options.maxRetryAfterMs / 1000} s cap`,
        'no',
        { status },
      );
    }
    const host = this.host(url.host);
    host.notBefore = Math.max(host.notBefore, performance.now() + waitMs);
    return new AttemptFailure(kind, `HTTP ${status} (Retry-After ${waitMs / 1000} s)`, 'yes', {
      status,
      retryAfterMs: waitMs,
    });
  }

  private async checkRobots(url: URL): Promise<void> {
    if (!this.options.robots || url.pathname === '/robots.txt') return;
    const policy = await this.robotsFor(url);
    const rule = decidingRule(policy, url.pathname + url.search);
    if (rule && !rule.allow) {
      throw new AttemptFailure('disallowed', `robots.txt of ${url.host} disallows this path (Disallow: ${rule.pattern})`, 'no');
    }
  }

  /** The robots.txt policy of a URL's host, fetched once per Fetcher and shared by its requests. */
  private robotsFor(url: URL): Promise<RobotsPolicy> {
    const host = this.host(url.host);
    host.robots ??= this.loadRobots(new URL('/robots.txt', url.origin)).then((policy) => {
      host.crawlDelayMs = (policy.crawlDelaySeconds ?? 0) * 1000;
      const delay = policy.crawlDelaySeconds !== null ? `crawl-delay ${policy.crawlDelaySeconds} s` : 'no crawl-delay';
      const disallowed = policy.rules.filter((r) => !r.allow).length;
      if (policy !== ALLOW_ALL) this.log(`robots.txt of ${url.host}: ${delay}${disallowed ? `, ${disallowed} disallow rules` : ''}`);
      return policy;
    });
    return host.robots;
  }

  /**
   * A missing robots.txt (4xx) allows everything (RFC 9309 §2.3.1.3). For 403, 5xx, network
   * trouble and decoys RFC 9309 would have us assume "disallow all"; defense.gov answers its
   * robots.txt 403 to non-browser agents, so we allow and log instead of silently crawling nothing.
   */
  private async loadRobots(robotsUrl: URL): Promise<RobotsPolicy> {
    const chain = [robotsUrl.href];
    let current = robotsUrl;
    const headers = { 'user-agent': this.options.userAgent, accept: 'text/plain' };
    try {
      for (;;) {
        const outcome = await this.exchange<RobotsOutcome>(current, headers, async (response, readBody) => {
          const { status } = response;
          if (REDIRECT_STATUSES.has(status) && response.headers.has('location')) {
            return { redirect: response.headers.get('location') ?? '' };
          }
          if (status >= 200 && status < 300) {
            const contentType = response.headers.get('content-type');
            const text = decodeBody(await readBody(ROBOTS_MAX_BYTES), contentType).text;
            const decoy = this.options.decoy?.(text, contentType) ?? null;
            if (decoy !== null) {
              this.log(`robots.txt ${robotsUrl.href}: decoy page (${decoy}); assuming everything is allowed`);
              return { policy: ALLOW_ALL };
            }
            return { policy: parseRobots(text, this.agentToken) };
          }
          if (status === 403 || status >= 500) {
            this.log(`robots.txt ${robotsUrl.href}: HTTP ${status}; assuming everything is allowed`);
          }
          return { policy: ALLOW_ALL };
        });
        if ('policy' in outcome) return outcome.policy;
        current = this.nextHop(current, outcome.redirect, chain);
      }
    } catch (error) {
      if (!(error instanceof AttemptFailure)) throw error;
      this.log(`robots.txt ${robotsUrl.href}: ${error.detail}; assuming everything is allowed`);
      return ALLOW_ALL;
    }
  }

  /**
   * One HTTP exchange under the host's concurrency limit and start gap. The timeout covers the
   * headers and whatever `handle` reads of the body; an unread body is cancelled afterwards.
   */
  private exchange<T>(url: URL, headers: Record<string, string>, handle: Exchange<T>): Promise<T> {
    const host = this.host(url.host);
    return host.limit(async () => {
      const left = await this.waitForTurn(host);
      // The gap counts from the moment the headers are written, not from the turn.
      const stopWatching = onHeadersSent(url, () => {
        host.lastStart = Math.max(host.lastStart, performance.now());
        left();
      });
      this.sent += 1;
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(TIMEOUT), this.options.timeoutMs);
      let response: Response | undefined;
      try {
        try {
          response = await fetch(url, { headers, redirect: 'manual', signal: controller.signal });
        } catch (error) {
          if (controller.signal.reason === TIMEOUT) {
            throw new AttemptFailure('timeout', `no response within ${this.options.timeoutMs} ms`, 'yes');
          }
          throw new AttemptFailure('network', `network error: ${describeCause(error)}`, 'yes', { cause: error });
        }
        // Answered, so sent (a dispatcher that publishes no sendHeaders still frees the next turn here).
        left();
        const answered = response;
        return await handle(answered, (maxBytes) => readCapped(answered, controller, maxBytes, this.options.timeoutMs));
      } finally {
        // Failed: if the headers never left (a refused connection), the turn's start counts.
        stopWatching();
        left();
        clearTimeout(timer);
        // Frees the connection when the body was not wanted (redirects, errors, wrong type).
        if (response?.body && !response.bodyUsed) response.body.cancel().catch(() => {});
      }
    });
  }

  /**
   * Requests on a host start one after another, in the order they got a concurrency slot. The
   * next one's turn begins only once this one has left (call the returned function then), so
   * however late a request reaches the wire, the next gap counts from there.
   */
  private waitForTurn(host: HostState): Promise<() => void> {
    let left!: () => void;
    const gone = new Promise<void>((resolve) => (left = resolve));
    const turn = host.gate.then(() => this.waitForGap(host));
    host.gate = turn.then(() => gone, () => {});
    return turn.then(() => left);
  }

  /**
   * Wait until max(min delay, crawl-delay) has passed since the previous start on this host. The
   * gap is measured from the actual start, not a reserved slot: timers fire late by a few ms, and
   * the site sees the real starts. Re-checked after each sleep, as Retry-After may have moved.
   */
  private async waitForGap(host: HostState): Promise<void> {
    for (;;) {
      const now = performance.now();
      const gap = Math.max(this.options.minDelayMs, host.crawlDelayMs);
      const earliest = Math.max(host.lastStart + gap, host.notBefore);
      if (now >= earliest) {
        host.lastStart = now;
        return;
      }
      await sleep(Math.ceil(earliest - now));
    }
  }

  private host(name: string): HostState {
    let state = this.hosts.get(name);
    if (!state) {
      state = {
        limit: pLimit(this.options.concurrencyPerHost),
        lastStart: Number.NEGATIVE_INFINITY,
        notBefore: Number.NEGATIVE_INFINITY,
        crawlDelayMs: 0,
        robots: null,
        gate: Promise.resolve(),
      };
      this.hosts.set(name, state);
    }
    return state;
  }
}

/**
 * Milliseconds a Retry-After value asks for: delta-seconds or an HTTP-date (RFC 9110 §10.2.3).
 * Null when absent or unreadable; a date in the past means "now" (0).
 *
 * @example
 * parseRetryAfter('2', Date.now()) // 2000
 * parseRetryAfter(new Date(Date.now() + 5000).toUTCString(), Date.now()) // about 5000
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // All three HTTP-date forms spell the month; V8's Date.parse would read "-5" as the year 5 BC.
  if (!/\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/i.test(trimmed)) return null;
  const date = Date.parse(trimmed);
  if (!Number.isFinite(date)) return null;
  return Math.max(0, date - nowMs);
}

function requestHeaders(userAgent: string, request: FetchRequest): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': userAgent, accept: request.accept ?? DEFAULT_ACCEPT };
  if (request.etag) headers['if-none-match'] = request.etag;
  if (request.lastModified) headers['if-modified-since'] = request.lastModified;
  return headers;
}

/** Refuse a body we cannot read before downloading it (a PDF where HTML was expected). */
function checkContentType(contentType: string | null, expect: string[] | undefined): void {
  if (!expect || expect.length === 0 || contentType === null) return;
  const mediaType = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  if (!expect.some((prefix) => mediaType.startsWith(prefix.toLowerCase()))) {
    throw new AttemptFailure('content-type', `content type ${mediaType || '(empty)'}, expected ${expect.join(' or ')}`, 'no');
  }
}

/**
 * Read a body to the end, refusing more than `maxBytes` (early when Content-Length says so) and
 * noticing a body that ends short of its Content-Length.
 */
async function readCapped(
  response: Response,
  controller: AbortController,
  maxBytes: number,
  timeoutMs: number,
): Promise<Uint8Array> {
  const declared = contentLength(response.headers);
  if (declared !== null && declared > maxBytes) {
    throw new AttemptFailure('too-large', `Content-Length ${declared} exceeds the ${maxBytes}-byte cap`, 'no');
  }
  if (!response.body) return new Uint8Array(0);

  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    let chunk: Awaited<ReturnType<typeof reader.read>>;
    try {
      chunk = await reader.read();
    } catch (error) {
      if (controller.signal.reason === TIMEOUT) {
        throw new AttemptFailure('timeout', `body not complete within ${timeoutMs} ms (${received} bytes received)`, 'yes');
      }
      const of = declared === null ? '' : ` of ${declared}`;
      throw new AttemptFailure('truncated', `connection closed mid-body after ${received}${of} bytes (${describeCause(error)})`, 'yes', {
        cause: error,
      });
    }
    if (chunk.done) break;
    received += chunk.value.byteLength;
    if (received > maxBytes) {
      // Stop the download now; reading on to measure the whole body is what the cap prevents.
      controller.abort(TOO_LARGE);
      reader.cancel().catch(() => {});
      throw new AttemptFailure('too-large', `body exceeds the ${maxBytes}-byte cap`, 'no');
    }
    chunks.push(chunk.value);
  }

  // undici itself rejects a body that ends short of Content-Length (UND_ERR_RES_CONTENT_LENGTH_MISMATCH,
  // caught above); this check keeps the guarantee if the dispatcher changes. It skips encoded
  // bodies: undici inflates gzip/br, and Content-Length then counts compressed bytes.
  const encoded = (response.headers.get('content-encoding') ?? 'identity').toLowerCase() !== 'identity';
  if (!encoded && declared !== null && received < declared) {
    throw new AttemptFailure('truncated', `body ended after ${received} of ${declared} bytes`, 'yes');
  }
  return concat(chunks, received);
}

function contentLength(headers: Headers): number | null {
  const value = headers.get('content-length');
  if (value === null || !/^\d+$/.test(value.trim())) return null;
  return Number(value.trim());
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** The most specific words undici gives for a failure (`ECONNREFUSED`, `other side closed`). */
function describeCause(error: unknown): string {
  let current: unknown = error;
  const seen: string[] = [];
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    seen.push(typeof code === 'string' ? `${code}: ${current.message}` : current.message);
    const aggregate = current instanceof AggregateError ? current.errors[0] : undefined;
    current = current.cause ?? aggregate;
  }
  return seen.at(-1) ?? String(error);
}

function checkOptions(options: FetcherOptions): void {
  const positiveInteger: (keyof FetcherOptions)[] = ['concurrencyPerHost', 'timeoutMs', 'maxBytes', 'maxBotWalls'];
  const nonNegative: (keyof FetcherOptions)[] = ['minDelayMs', 'retries', 'backoffMs', 'maxRetryAfterMs'];
  for (const key of positiveInteger) {
    const value = options[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      throw new RangeError(`FetcherOptions.${key} must be a positive integer, got ${String(value)}`);
    }
  }
  for (const key of nonNegative) {
    const value = options[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new RangeError(`FetcherOptions.${key} must be a number >= 0, got ${String(value)}`);
    }
  }
  if (!options.userAgent.trim() || /Mozilla\//.test(options.userAgent)) {
    throw new RangeError('FetcherOptions.userAgent must name Podium and a contact URL, not a browser');
  }
}
