/**
 * One candidate page through fetch -> extract -> parse -> validate -> observe. Returns what
 * happened; writes nothing (the run stores outcomes). A failure never throws past here: it comes
 * back as an outcome naming the URL, the stage and the cause.
 */
import type { Agency, FallbackChannel } from '../agencies/types.ts';
import type { Candidate, HttpClient, OriginMap } from '../discover/index.ts';
import { extract, ExtractError, type ExtractedPage } from '../extract/index.ts';
import { extractFragment } from '../extract/fragment.ts';
import { FetchError, type FetchResponse } from '../fetch/index.ts';
import { recordFromPage } from '../record/from-page.ts';
import { observe, type Observation } from '../revisions/observe.ts';
import type { CrawledPage, Source, Transcript } from '../schema/types.ts';

export type PageOutcome =
  | { url: string; kind: 'skipped' } // modification date unchanged, or a 404 waiting for its retry: not requested
  | { url: string; kind: 'not-found'; page: CrawledPage } // 404/410 for a page never stored: remembered, retried later
  | { url: string; kind: 'not-modified'; page: CrawledPage } // HTTP 304
  | { url: string; kind: 'not-transcript'; page: CrawledPage; reason: string }
  | { url: string; kind: 'gone'; page: CrawledPage | undefined; status: number | undefined }
  | {
      url: string;
      kind: 'failed';
      stage: 'fetch' | 'extract';
      message: string;
      templateChange: boolean;
      /**
       * The fetch failed in a way that may pass within minutes (a 503, a reset, a timeout): worth
       * one more try at the end of the run. Not a bot wall: the fetcher backs off a walled host
       * for the run, and walls lift on the scale of hours (the page is tried again next run).
       */
      transient?: boolean;
    }
  | { url: string; kind: 'stored'; page: CrawledPage; observation: Observation; raw: string };

export interface PageContext {
  agency: Agency;
  http: HttpClient;
  origins: OriginMap;
  /** Absolute fallback URLs (a web archive) are rewritten through this, or skipped when it returns null. */
  foreign: (absoluteUrl: string) => string | null;
  existing: (id: string) => Promise<Transcript | null>;
  /** Canonical URL -> what the last run learned about it. */
  known: ReadonlyMap<string, CrawledPage>;
  now: () => Date;
  /** A decision worth a line in the CI log (a fallback used). */
  log?: (line: string) => void;
}

const HTML = ['text/html', 'application/xhtml+xml'];

/**
 * A URL that answered 404/410 and was never stored is asked again after a day, then after 2, 4,
 * 8 … days, at most NOT_FOUND_MAX_DAYS apart: a sitemap that lists a dead URL costs a request a
 * month, not a red run every two hours. A new modification date from a channel asks at once.
 */
export const NOT_FOUND_FIRST_DAYS = 1;
export const NOT_FOUND_MAX_DAYS = 32;
const DAY_MS = 86_400_000;

/** A "not a transcript" verdict another adapter version reached is judged again, from a fresh body. */
function mustRejudge(prior: CrawledPage | undefined, version: string): boolean {
  return prior?.verdict === 'not-transcript' && !prior.notFound && (prior.judgedBy ?? '0') !== version;
}

/**
 * Whether the crawl state and the channels decide a page with no request at all: a channel's
 * modification date equal to the one we read (and no verdict to re-judge), or a remembered 404
 * whose retry time has not come and no new modification date. The run's plan (order.ts) and
 * processPage both ask this, so a budget never holds back a page that costs nothing.
 */
export function decidedWithoutRequest(candidate: Candidate, prior: CrawledPage | undefined, version: string, now: Date): boolean {
  if (!prior) return false;
  const modified = candidate.lastmod !== undefined && candidate.lastmod !== prior.lastmod;
  if (prior.notFound) return !modified && Date.parse(prior.notFound.retryAt) > now.getTime();
  return !mustRejudge(prior, version) && candidate.lastmod !== undefined && !modified;
}

/**
 * One candidate: skipped when nothing says it changed, otherwise fetched (conditionally when we
 * hold validators), extracted and observed against its stored record.
 *
 * @param ask Request the page even though the channels say it is unchanged (revalidation, or the
 *   confirmation fetch of a page no channel lists any more).
 */
export async function processPage(candidate: Candidate, ctx: PageContext, ask = false): Promise<PageOutcome> {
  const url = candidate.url;
  const prior = ctx.known.get(url);
  const version = ctx.agency.version ?? '0';
  const rejudge = mustRejudge(prior, version);
  if (!ask && decidedWithoutRequest(candidate, prior, version, ctx.now())) return { url, kind: 'skipped' };

  const requestUrl = ctx.origins.toRequest(url);
  if (!requestUrl) return { url, kind: 'failed', stage: 'fetch', message: `${url}: its origin is disabled for this run`, templateChange: false };

  let fetched: { response: FetchResponse; via: Source['via']; fetchedUrl?: string; page?: ExtractedPage } | null = null;
  let fetchError: FetchError | null = null;
  try {
    const validators = rejudge ? {} : { etag: prior?.etag ?? null, lastModified: prior?.lastModified ?? null };
    const response = await ctx.http.get({ url: requestUrl, ...validators, expect: HTML });
    fetched = { response, via: 'page' };
  } catch (error) {
    if (!(error instanceof FetchError)) return { url, kind: 'failed', stage: 'fetch', message: `${url}: ${(error as Error).message}`, templateChange: false };
    fetchError = error;
    if (error.kind === 'gone') {
      // A stored transcript becomes a tombstone; anything else is remembered and asked again later.
      if (prior?.verdict === 'transcript' && prior.id) return { url, kind: 'gone', page: prior, status: error.status };
      return { url, kind: 'not-found', page: notFound(url, prior, candidate, error.status === 410 ? 410 : 404, ctx.now()) };
    }
    if (!error.fallback) return { url, kind: 'failed', stage: 'fetch', message: error.message, templateChange: false, transient: retryable(error) };
  }

  if (fetched?.response.notModified) {
    return { url, kind: 'not-modified', page: crawled(url, prior, candidate, fetched.response, ctx.now()) };
  }

  const fetchedAt = ctx.now().toISOString();
  let page: ExtractedPage;
  let raw: string;
  let via: Source['via'] = 'page';
  let fetchedUrl: string | undefined;
  let response: FetchResponse | null = fetched?.response ?? null;
  try {
    if (fetched) {
      raw = fetched.response.body;
      page = extract(raw, ctx.agency, url, url, fetched.response.contentType);
    } else {
      const fallback = await tryFallbacks(url, ctx, fetchError!);
      ({ page, raw, via, fetchedUrl } = fallback);
      response = null;
      ctx.log?.(`${url}: ${fetchError!.message}; read from the ${via} fallback${fetchedUrl ? ` ${fetchedUrl}` : ''}`);
    }
  } catch (error) {
    if (error instanceof ExtractError) return extractFailure(url, error, prior, candidate, response, version, ctx.now());
    if (error instanceof FallbacksFailed) {
      return { url, kind: 'failed', stage: 'fetch', message: error.message, templateChange: false, transient: retryable(fetchError!) };
    }
    return { url, kind: 'failed', stage: 'fetch', message: `${url}: ${(error as Error).message}`, templateChange: false };
  }

  try {
    const existingId = prior?.verdict === 'transcript' ? prior.id : undefined;
    const source: Omit<Source, 'contentSha256'> = {
      via,
      ...(fetchedUrl ? { fetchedUrl } : {}),
      fetchedAt,
      etag: response?.etag ?? null,
      lastModified: response?.lastModified ?? null,
    };
    const fresh = recordFromPage(page, ctx.agency, url, url, source, existingId);
    const observation = observe(await ctx.existing(fresh.id), fresh);
    const crawledPage: CrawledPage = { ...crawled(url, prior, candidate, response, ctx.now()), verdict: 'transcript', id: fresh.id };
    delete crawledPage.reason;
    delete crawledPage.judgedBy;
    return { url, kind: 'stored', page: crawledPage, observation, raw };
  } catch (error) {
    if (error instanceof ExtractError) return extractFailure(url, error, prior, candidate, response, version, ctx.now());
    return { url, kind: 'failed', stage: 'extract', message: `${url}: ${(error as Error).message}`, templateChange: false };
  }
}

function extractFailure(url: string, error: ExtractError, prior: CrawledPage | undefined, candidate: Candidate, response: FetchResponse | null, version: string, now: Date): PageOutcome {
  if (error.code === 'not-transcript') {
    const page: CrawledPage = { ...crawled(url, prior, candidate, response, now), verdict: 'not-transcript', reason: error.reason, judgedBy: version };
    delete page.id;
    return { url, kind: 'not-transcript', page, reason: error.reason };
  }
  return { url, kind: 'failed', stage: 'extract', message: error.message, templateChange: error.templateChange };
}

/** What the crawl state remembers after a successful request (`now`: when the origin answered). */
function crawled(url: string, prior: CrawledPage | undefined, candidate: Candidate, response: FetchResponse | null, now: Date): CrawledPage {
  const page: CrawledPage = { ...(prior ?? { verdict: 'transcript' }), url, checkedAt: now.toISOString().slice(0, 10) };
  delete page.notFound;
  if (candidate.lastmod) page.lastmod = candidate.lastmod;
  if (response && !response.notModified) {
    if (response.etag) page.etag = response.etag;
    else delete page.etag;
    if (response.lastModified) page.lastModified = response.lastModified;
    else delete page.lastModified;
  }
  return page;
}

/** What the crawl state remembers of a URL that answered 404/410 and holds no record. */
function notFound(url: string, prior: CrawledPage | undefined, candidate: Candidate, status: 404 | 410, now: Date): CrawledPage {
  const count = (prior?.notFound?.count ?? 0) + 1;
  const days = Math.min(NOT_FOUND_MAX_DAYS, NOT_FOUND_FIRST_DAYS * 2 ** (count - 1));
  const page: CrawledPage = {
    url,
    verdict: 'not-transcript',
    reason: `HTTP ${status}: not found`,
    notFound: { status, since: prior?.notFound?.since ?? now.toISOString(), count, retryAt: new Date(now.getTime() + days * DAY_MS).toISOString() },
  };
  if (candidate.lastmod) page.lastmod = candidate.lastmod;
  return page;
}

/**
 * The page itself failed: try the agency's fallback channels in order. Each is read the same way
 * and recorded in source.via. The error names every channel tried.
 */
async function tryFallbacks(url: string, ctx: PageContext, pageError: Error): Promise<{ page: ExtractedPage; raw: string; via: Source['via']; fetchedUrl: string }> {
  const tried = [`page: ${pageError.message}`];
  // A channel that served a body the extractor could not read says more than one that failed to
  // answer: its error (a template change, a not-transcript verdict) is the page's outcome.
  let unreadable: ExtractError | null = null;
  for (const channel of ctx.agency.fallbacks ?? []) {
    const target = fallbackUrl(channel, url, ctx);
    if (!target) continue;
    try {
      const response = await ctx.http.get({ url: target.request });
      if (response.notModified) continue;
      const read = channel.read(response.body, new URL(url));
      const page = 'html' in read ? extract(read.html, ctx.agency, url, url, 'text/html') : extractFragment(read, ctx.agency, url);
      return { page, raw: response.body, via: channel.via, fetchedUrl: target.canonical };
    } catch (error) {
      if (error instanceof ExtractError && error.code !== 'decoy') unreadable ??= error;
      tried.push(`${channel.via}: ${(error as Error).message}`);
    }
  }
  if (unreadable) throw new ExtractError(unreadable.page, unreadable.code, `${unreadable.reason} (read through a fallback — ${tried.join('; ')})`);
  throw new FallbacksFailed(tried.length > 1 ? `every channel failed — ${tried.join('; ')}` : pageError.message);
}

function retryable(error: FetchError): boolean {
  return error.transient && !error.botBlock;
}

/** The page and every fallback channel failed to answer. */
class FallbacksFailed extends Error {}

function fallbackUrl(channel: FallbackChannel, url: string, ctx: PageContext): { request: string; canonical: string } | null {
  const target = channel.url(new URL(url));
  if (!target) return null;
  if (/^https?:\/\//i.test(target)) {
    const request = ctx.foreign(target);
    return request ? { request, canonical: target } : null;
  }
  const canonical = new URL(target, url).href;
  const request = ctx.origins.toRequest(canonical);
  return request ? { request, canonical } : null;
}
