/**
 * Discovery: the stage's only door. Reads every discovery channel (sitemap index, sitemap, feed)
 * of every enabled origin and returns the candidate transcript URLs, canonical and de-duplicated.
 * One broken channel is reported and the others carry on; only when every channel fails is the
 * run's discovery a failure.
 */
import type { Agency, DiscoverySource } from '../agencies/types.ts';
import type { FetchRequest, FetchResponse } from '../fetch/types.ts';
import { DiscoveryError, describeError } from './errors.ts';
import { parseFeed } from './feed.ts';
import { parseListing } from './listing.ts';
import type { EnabledOrigin, OriginMap } from './origins.ts';
import { parseSitemap, type SitemapEntry } from './sitemap.ts';
import { parseWpList, totalPages, wpListUrl } from './wp-rest.ts';

export { DiscoveryError } from './errors.ts';
export { parseFeed, type FeedItem } from './feed.ts';
export { OriginMap, parseOriginArg, type EnabledOrigin, type OriginOverride } from './origins.ts';
export { parseSitemap, type Sitemap, type SitemapEntry } from './sitemap.ts';
export { parseListing, type ListingEntry } from './listing.ts';

/** What discovery needs from the fetcher (pipeline/fetch implements it). */
export interface HttpClient {
  get(request: FetchRequest): Promise<FetchResponse>;
}

/** A URL that may be a transcript. */
export interface Candidate {
  /** Canonical URL. */
  url: string;
  /**
   * The newest modification date any channel gave (sitemap `<lastmod>` as written, Atom
   * `<updated>` as ISO UTC). Only this may skip a fetch: a page edited since has a newer one.
   */
  lastmod?: string;
  /**
   * The newest publication date any channel gave (RSS `pubDate`, Atom `<published>`, a listing's
   * date). Orders and bounds (`since`/`until`) candidates, never skips a fetch: an edit keeps it.
   */
  published?: string;
  /** Channels that listed it, sorted. */
  channels: string[];
}

/**
 * The date a candidate is ordered and bounded by: the newer of its modification and publication
 * dates (an instant string as a channel wrote it), or undefined for an undated URL.
 */
export function candidateDate(candidate: Pick<Candidate, 'lastmod' | 'published'>): string | undefined {
  return newest(candidate.lastmod, candidate.published);
}

/** How one channel (one fetched sitemap or feed) went. */
export interface ChannelReport {
  /** `<origin> <type> <path>`, e.g. `www sitemap-index /sitemap_index.xml`; a followed child sitemap
   * is `www sitemap-index /sitemap_index.xml > /state_briefing-sitemap.xml`. */
  channel: string;
  ok: boolean;
  /**
   * A sitemap index's child sitemaps its `follow` pattern did not take (canonical paths), so a
   * new kind of sitemap shows in the report instead of being dropped silently; absent when none.
   */
  skippedSitemaps?: string[];
  /**
   * URLs on the agency's origins that this channel listed but the adapter's `include` patterns do
   * not recognise (and no `exclude` pattern names): a new URL shape shows here, counted with a few
   * examples of different shapes, instead of being dropped silently. Absent when none.
   */
  unknownShapes?: UnknownShapes;
  /**
   * URLs this channel titled in a way the adapter's `notTranscriptTitles` refuses: not candidates,
   * not fetched (see DiscoveryResult.rejected). Absent when none.
   */
  notTranscriptTitles?: number;
  /** A REST list read only since this instant (`modified_after`), not whole. */
  modifiedAfter?: string;
  /** Candidates (after include/exclude and `since`/`until`) this channel listed; an index counts its children's. */
  urls: number;
  error?: string;
}

export interface UnknownShapes {
  /** Distinct canonical URLs. */
  count: number;
  /** Up to UNKNOWN_EXAMPLES canonical URLs, one per shape (first path segment and depth), sorted. */
  examples: string[];
}

/** Enough to see a new section or a renamed office without flooding the report. */
const UNKNOWN_EXAMPLES = 5;

export interface DiscoverOptions {
  http: HttpClient;
  origins: OriginMap;
  /** YYYY-MM-DD: URLs whose newest date is before it are dropped; undated URLs are kept. */
  since?: string;
  /** YYYY-MM-DD: URLs whose newest date is after it are dropped; undated URLs are kept. */
  until?: string;
  log?: (line: string) => void;
  /**
   * What the crawl state knows of each canonical URL. A known transcript is never dropped by its
   * title; an origin with known pages has its REST lists read only since their newest
   * modification date (less a day: `modified_after` compares the site's local time).
   */
  known?: ReadonlyMap<string, { verdict: string; lastmod?: string }>;
}

/** A URL a channel titled as not a transcript (`candidates.notTranscriptTitles`). */
export interface RejectedCandidate {
  url: string;
  /** The title that matched. */
  title: string;
  /** The newest modification date any channel gave, as on a candidate. */
  lastmod?: string;
  channels: string[];
}

export interface DiscoveryResult {
  /** Sorted by URL. */
  candidates: Candidate[];
  /** URLs not fetched because of their title, sorted by URL; the run remembers the verdict. */
  rejected: RejectedCandidate[];
  /** In the order of the agency's origins and discovery sources. */
  channels: ChannelReport[];
}

const XML_TYPES = [
  'application/xml',
  'text/xml',
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/x-xml',
];
const HTML_TYPES = ['text/html', 'application/xhtml+xml'];
const JSON_TYPES = ['application/json'];
const JSON_ACCEPT = 'application/json';
const HTML_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1';
const XML_ACCEPT = 'application/xml, text/xml;q=0.9, application/rss+xml;q=0.9, application/atom+xml;q=0.9, */*;q=0.1';

/** A URL a channel listed, with the dates it gave. */
interface Listed {
  loc: string;
  modified?: string;
  published?: string;
  title?: string;
}

/** What one fetched document yielded; a child sitemap's `parent` is its index's report. */
interface ChannelResult {
  report: ChannelReport;
  listed: Listed[];
  parent?: ChannelReport;
}

/**
 * Finds the candidate transcript URLs of an agency.
 *
 * @throws DiscoveryError when no channel applies to the enabled origins, or when every channel failed.
 * @example
 * const { candidates, channels } = await discover(state, { http: fetcher, origins: new OriginMap(state) });
 */
export async function discover(agency: Agency, options: DiscoverOptions): Promise<DiscoveryResult> {
  const { origins, log = () => {} } = options;
  const since = options.since === undefined ? undefined : sinceInstant(options.since);
  const until = options.until === undefined ? undefined : untilInstant(options.until);
  checkSourceOrigins(agency);
  const jobs = origins
    .enabled()
    .flatMap((origin) =>
      agency.discovery.filter((source) => appliesTo(source, origin)).map((source) => ({ origin, source })),
    );
  if (jobs.length === 0) {
    const names = origins
      .enabled()
      .map((origin) => origin.name)
      .join(', ');
    throw new DiscoveryError(
      agency.origins[0]?.url ?? agency.id,
      `no discovery channel of agency ${agency.id} applies to the enabled origins (${names})`,
    );
  }

  const reader = new ChannelReader(agency, options.http, origins, log, options.known);
  // Channels are independent; the fetcher paces requests per host, so they may overlap.
  const results = await Promise.all(jobs.map(({ origin, source }) => reader.read(origin, source)));

  const merged = new Map<string, Candidate>();
  /** A title per URL and channel, for the title filter. */
  const titles = new Map<string, { title: string; channel: string }[]>();
  const reports: ChannelReport[] = [];
  const parents = new Map<string, ChannelReport>();
  for (const channelResults of results) {
    for (const { report, listed, parent } of channelResults) {
      reports.push(report);
      if (parent !== undefined) parents.set(report.channel, parent);
      const unknown = new Set<string>();
      for (const item of listed) {
        const verdict = reader.accept(item, report.channel);
        if (typeof verdict === 'string') unknown.add(verdict);
        else if (verdict !== null) {
          merge(merged, verdict);
          if (item.title !== undefined) titles.set(verdict.url, [...(titles.get(verdict.url) ?? []), { title: item.title, channel: report.channel }]);
        }
      }
      if (unknown.size > 0) report.unknownShapes = { count: unknown.size, examples: shapeExamples(unknown) };
    }
  }
  // `since` and `until` apply to the merged date: a URL an old sitemap entry and a fresh feed
  // item both list is fresh.
  const inWindow = samePages(agency, [...merged.values()])
    .filter((candidate) => {
      const date = candidateDate(candidate);
      return date === undefined || ((since === undefined || Date.parse(date) >= since) && (until === undefined || Date.parse(date) <= until));
    })
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const { candidates, rejected } = byTitle(agency, inWindow, titles, reports, options.known);
  countUrls(candidates, reports, parents);

  for (const report of reports) {
    log(
      report.ok
        ? `discover: ${report.channel}: ${report.urls} URLs`
        : `discover: ${report.channel}: FAILED: ${report.error}`,
    );
    if (report.notTranscriptTitles !== undefined) {
      log(`discover: ${report.channel}: ${report.notTranscriptTitles} URLs titled as not transcripts; not fetched`);
    }
    if (report.unknownShapes !== undefined) {
      const { count, examples } = report.unknownShapes;
      log(`discover: ${report.channel}: ${count} URLs of a shape the adapter does not recognise, e.g. ${examples.join(' ')}`);
    }
  }
  if (reports.every((report) => !report.ok)) {
    const reasons = reports.map((report) => `${report.channel}: ${report.error}`).join('; ');
    throw new DiscoveryError(agency.origins[0]?.url ?? agency.id, `every discovery channel failed: ${reasons}`, { channels: reports });
  }
  return { candidates, rejected, channels: reports };
}

/**
 * Splits candidates by the adapter's `notTranscriptTitles`: a URL that some channel titled so is
 * rejected, unless the crawl state holds it as a transcript (a title rule must never make a
 * stored record look vanished).
 */
function byTitle(
  agency: Agency,
  candidates: Candidate[],
  titles: Map<string, { title: string; channel: string }[]>,
  reports: ChannelReport[],
  known: DiscoverOptions['known'],
): { candidates: Candidate[]; rejected: RejectedCandidate[] } {
  const rules = agency.candidates.notTranscriptTitles ?? [];
  if (rules.length === 0) return { candidates, rejected: [] };
  const byChannel = new Map(reports.map((report) => [report.channel, report]));
  const kept: Candidate[] = [];
  const rejected: RejectedCandidate[] = [];
  for (const candidate of candidates) {
    const matched = (titles.get(candidate.url) ?? []).filter(({ title }) => rules.some((rule) => test(rule, title)));
    const first = matched[0];
    if (first === undefined || known?.get(candidate.url)?.verdict === 'transcript') {
      kept.push(candidate);
      continue;
    }
    const entry: RejectedCandidate = { url: candidate.url, title: first.title, channels: candidate.channels };
    if (candidate.lastmod !== undefined) entry.lastmod = candidate.lastmod;
    rejected.push(entry);
    for (const channel of new Set(matched.map((m) => m.channel))) {
      const report = byChannel.get(channel);
      if (report) report.notTranscriptTitles = (report.notTranscriptTitles ?? 0) + 1;
    }
  }
  return { candidates: kept, rejected };
}

/**
 * One candidate per page when the agency serves a page under several origins
 * (`candidates.samePage`): the URL on the origin listed first wins, with the channels and the
 * newest date of all its copies.
 */
function samePages(agency: Agency, candidates: Candidate[]): Candidate[] {
  const keyOf = agency.candidates.samePage;
  if (!keyOf) return candidates;
  const rank = (url: string) => {
    const host = new URL(url).host;
    const at = agency.origins.findIndex((origin) => new URL(origin.url).host === host);
    return at < 0 ? agency.origins.length : at;
  };
  const byKey = new Map<string, Candidate>();
  const out: Candidate[] = [];
  for (const candidate of [...candidates].sort((a, b) => rank(a.url) - rank(b.url))) {
    const key = keyOf(new URL(candidate.url));
    const kept = key === null ? undefined : byKey.get(key);
    if (kept === undefined) {
      if (key !== null) byKey.set(key, candidate);
      out.push(candidate);
      continue;
    }
    absorb(kept, candidate);
  }
  return out;
}

function appliesTo(source: DiscoverySource, origin: EnabledOrigin): boolean {
  return source.on === undefined || source.on.includes(origin.name);
}

/** A channel declared on an origin the agency does not have is an adapter bug, not a site problem. */
function checkSourceOrigins(agency: Agency): void {
  const names = new Set(agency.origins.map((origin) => origin.name));
  for (const source of agency.discovery) {
    const unknown = source.on?.filter((name) => !names.has(name)) ?? [];
    if (unknown.length > 0) {
      throw new Error(
        `agency ${agency.id}: discovery source ${source.path} names unknown origin(s) ${unknown.join(', ')}`,
      );
    }
  }
}

/** Reads channels: fetches, parses and follows, turning every failure into a report. */
class ChannelReader {
  constructor(
    private readonly agency: Agency,
    private readonly http: HttpClient,
    private readonly origins: OriginMap,
    private readonly log: (line: string) => void,
    private readonly known: DiscoverOptions['known'],
  ) {}

  async read(origin: EnabledOrigin, source: DiscoverySource): Promise<ChannelResult[]> {
    const channel = `${origin.name} ${source.type} ${source.path}`;
    try {
      const url = this.sourceUrl(origin, source.path);
      if (source.type === 'listing') {
        const html = await this.fetch(url, HTML_TYPES, HTML_ACCEPT);
        return [ok(channel, parseListing(html, url, source).map((entry) => listed(entry.loc, { published: entry.date })))];
      }
      if (source.type === 'feed') {
        const items = parseFeed(await this.fetch(url), url);
        return [
          ok(
            channel,
            items.map((item) => listed(item.url, { modified: item.updated, published: item.published, title: item.title })),
          ),
        ];
      }
      if (source.type === 'wp-rest') return [await this.readRest(channel, origin, url)];
      const sitemap = parseSitemap(await this.fetch(url), url);
      if (source.type === 'sitemap') {
        if (sitemap.kind !== 'urlset')
          throw new DiscoveryError(url, 'expected a sitemap (<urlset>), found a sitemap index');
        return [
          ok(
            channel,
            sitemap.urls.map((entry) => listed(entry.loc, { modified: entry.lastmod })),
          ),
        ];
      }
      if (sitemap.kind !== 'index')
        throw new DiscoveryError(url, 'expected a sitemap index, found a sitemap (<urlset>)');
      if (source.type !== 'sitemap-index') throw new Error(`unknown discovery source type ${(source as { type: string }).type}`);
      return await this.followIndex(channel, source.follow, sitemap.sitemaps);
    } catch (error) {
      return [failed(channel, error)];
    }
  }

  /**
   * Reads a REST list page by page (`X-WP-TotalPages` of the first answer), only since the newest
   * modification the crawl state knows on this origin. A page that fails fails the channel, with
   * what the earlier pages listed kept.
   */
  private async readRest(channel: string, origin: EnabledOrigin, base: string): Promise<ChannelResult> {
    const after = this.modifiedAfter(origin);
    const items: Listed[] = [];
    let pages = 1;
    for (let page = 1; page <= pages; page++) {
      const url = wpListUrl(base, page, after);
      try {
        const response = await this.get(url, JSON_TYPES, JSON_ACCEPT);
        if (page === 1) pages = totalPages(response.headers, url);
        for (const item of parseWpList(response.body, url)) items.push(listed(item.url, { modified: item.modified, title: item.title }));
      } catch (error) {
        const result = failed(channel, error);
        if (pages > 1) result.report.error = `page ${page} of ${pages}: ${result.report.error}`;
        return { ...result, listed: items };
      }
    }
    const result = ok(channel, items);
    if (after !== undefined) result.report.modifiedAfter = after;
    this.log(`discover: ${channel}: ${items.length} posts in ${pages} pages${after === undefined ? '' : ` modified after ${after}`}`);
    return result;
  }

  /**
   * \`modified_after\` for a REST list of this origin: the newest modification date the crawl state
   * holds for its pages, less a day (the API compares the site's local time, not UTC); undefined
   * (the whole list) when it knows none.
   */
  private modifiedAfter(origin: EnabledOrigin): string | undefined {
    let newestTime = Number.NEGATIVE_INFINITY;
    for (const [url, page] of this.known ?? []) {
      if (!url.startsWith(`${origin.canonical}/`) || page.lastmod === undefined) continue;
      const time = Date.parse(page.lastmod);
      if (!Number.isNaN(time) && time > newestTime) newestTime = time;
    }
    if (newestTime === Number.NEGATIVE_INFINITY) return undefined;
    return new Date(newestTime - 86_400_000).toISOString().slice(0, 19);
  }

  /** Reads the index's child sitemaps that `follow` matches; each is reported on its own line. */
  private async followIndex(channel: string, follow: RegExp, sitemaps: SitemapEntry[]): Promise<ChannelResult[]> {
    const children = sitemaps.filter((entry) => test(follow, this.origins.toCanonical(entry.loc) ?? entry.loc));
    this.log(`discover: ${channel}: following ${children.length} of ${sitemaps.length} sitemaps`);
    const results = await Promise.all(
      children.map(async (entry) => {
        // Labelled by the canonical path, so reports read the same on a mirror run.
        const label = `${channel} > ${pathOf(this.origins.toCanonical(entry.loc) ?? entry.loc)}`;
        try {
          const url = this.childUrl(entry.loc);
          const sitemap = parseSitemap(await this.fetch(url), url);
          // The protocol forbids nesting indexes; following one could loop.
          if (sitemap.kind !== 'urlset')
            throw new DiscoveryError(url, 'a sitemap index listed in a sitemap index is not followed');
          return ok(
            label,
            sitemap.urls.map((item) => listed(item.loc, { modified: item.lastmod })),
          );
        } catch (error) {
          return failed(label, error);
        }
      }),
    );
    const index: ChannelReport =
      children.length > 0 && results.every((result) => !result.report.ok)
        ? // An index whose every child failed has discovered nothing: it must not count as working.
          { channel, ok: false, urls: 0, error: `all ${children.length} followed sitemaps failed` }
        : { channel, ok: true, urls: 0 };
    const skipped = sitemaps.filter((entry) => !children.includes(entry)).map((entry) => pathOf(this.origins.toCanonical(entry.loc) ?? entry.loc));
    if (skipped.length > 0) {
      index.skippedSitemaps = skipped.sort();
      this.log(`discover: ${channel}: not followed: ${index.skippedSitemaps.join(', ')}`);
    }
    return [{ report: index, listed: [] }, ...results.map((result) => ({ ...result, parent: index }))];
  }

  /**
   * A candidate for a listed URL that maps to a canonical URL, is included and not excluded; its
   * canonical URL when no pattern recognises it (an unknown shape, reported); else null (another
   * host, or a URL `exclude` names).
   */
  accept(item: Listed, channel: string): Candidate | string | null {
    const url = this.origins.toCanonical(item.loc);
    if (url === null) return null;
    const { include, exclude = [] } = this.agency.candidates;
    if (exclude.some((pattern) => test(pattern, url))) return null;
    if (!include.some((pattern) => test(pattern, url))) return url;
    // An unreadable date counts as no date: the URL is kept and fetched.
    const candidate: Candidate = { url, channels: [channel] };
    if (readable(item.modified)) candidate.lastmod = item.modified;
    if (readable(item.published)) candidate.published = item.published;
    return candidate;
  }

  private sourceUrl(origin: EnabledOrigin, path: string): string {
    // Sources are declared relative to the origin; resolving against the request base keeps a
    // mirror's path prefix (`http://127.0.0.1:8080/www` + `/sitemap_index.xml`).
    return `${origin.request}/${path.replace(/^\/+/, '')}`;
  }

  /** Child sitemaps are listed with canonical URLs; requests go to the mapped (mirror) URL only. */
  private childUrl(loc: string): string {
    const canonical = this.origins.toCanonical(loc);
    const request = canonical === null ? null : this.origins.toRequest(canonical);
    if (request === null)
      throw new DiscoveryError(loc, 'sitemap is not on an enabled origin of the agency; not fetched');
    return request;
  }

  private async fetch(url: string, expect = XML_TYPES, accept = XML_ACCEPT): Promise<string> {
    return (await this.get(url, expect, accept)).body;
  }

  private async get(url: string, expect: string[], accept: string): Promise<FetchResponse> {
    const response = await this.http.get({ url, accept, expect });
    // Discovery sends no validators, so a 304 can only be a misbehaving server or cache.
    if (response.notModified) throw new DiscoveryError(url, 'unexpected 304 Not Modified');
    return response;
  }
}

/** Sets each report's `urls`: final candidates it listed; an index counts those of its children. */
function countUrls(candidates: Candidate[], reports: ChannelReport[], parents: Map<string, ChannelReport>): void {
  const byChannel = new Map(reports.map((report) => [report.channel, report]));
  for (const candidate of candidates) {
    const counted = new Set<ChannelReport>();
    for (const channel of candidate.channels) {
      const report = byChannel.get(channel);
      const parent = parents.get(channel);
      if (report !== undefined) counted.add(report);
      if (parent !== undefined) counted.add(parent);
    }
    for (const report of counted) report.urls += 1;
  }
}

/**
 * A few unknown URLs, each of a different shape (first path segment and depth), so a report on a
 * page sitemap of thousands shows the sections it holds rather than five pages of one section.
 */
function shapeExamples(urls: Set<string>): string[] {
  const byShape = new Map<string, string>();
  for (const url of [...urls].sort()) {
    const segments = new URL(url).pathname.split('/').filter(Boolean);
    const shape = `${new URL(url).host} ${segments[0] ?? ''} ${segments.length}`;
    if (!byShape.has(shape)) byShape.set(shape, url);
  }
  return [...byShape.values()].slice(0, UNKNOWN_EXAMPLES);
}

function ok(channel: string, items: Listed[]): ChannelResult {
  return { report: { channel, ok: true, urls: 0 }, listed: items };
}

function failed(channel: string, error: unknown): ChannelResult {
  const where = error instanceof DiscoveryError ? `${error.url}: ` : '';
  return { report: { channel, ok: false, urls: 0, error: where + describeError(error) }, listed: [] };
}

function listed(loc: string, dates: { modified?: string | undefined; published?: string | undefined; title?: string | undefined }): Listed {
  const item: Listed = { loc };
  if (dates.modified !== undefined) item.modified = dates.modified;
  if (dates.published !== undefined) item.published = dates.published;
  if (dates.title !== undefined) item.title = dates.title;
  return item;
}

function readable(date: string | undefined): date is string {
  return date !== undefined && !Number.isNaN(Date.parse(date));
}

/** Merges a candidate into the map: the newest date wins, channels are unioned. */
function merge(into: Map<string, Candidate>, candidate: Candidate): void {
  const existing = into.get(candidate.url);
  if (existing === undefined) into.set(candidate.url, candidate);
  else absorb(existing, candidate);
}

/** Adds another listing of the same page to `existing`: its channels, and the newer date. */
function absorb(existing: Candidate, candidate: Candidate): void {
  existing.channels = [...new Set([...existing.channels, ...candidate.channels])].sort();
  const lastmod = newest(existing.lastmod, candidate.lastmod);
  if (lastmod !== undefined) existing.lastmod = lastmod;
  const published = newest(existing.published, candidate.published);
  if (published !== undefined) existing.published = published;
}

/**
 * The later of two dates. Equal instants written differently (`2022-01-18T00:00:00Z` and
 * `2022-01-18`) tie-break on the string so the result does not depend on channel order.
 */
function newest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined || Number.isNaN(Date.parse(a)))
    return b !== undefined && !Number.isNaN(Date.parse(b)) ? b : undefined;
  if (b === undefined || Number.isNaN(Date.parse(b))) return a;
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (ta !== tb) return ta > tb ? a : b;
  return a > b ? a : b;
}

/**
 * The first instant that is on or after `since` anywhere on Earth (00:00 at UTC+14). Dropping a
 * URL only costs this run a page, keeping one costs a conditional request, so a URL stamped late
 * on the day before in UTC (but already `since` in Asia) is kept.
 */
function sinceInstant(since: string): number {
  const time = /^\d{4}-\d{2}-\d{2}$/.test(since) ? Date.parse(`${since}T00:00:00+14:00`) : Number.NaN;
  if (Number.isNaN(time)) throw new Error(`since must be a date YYYY-MM-DD, got "${since}"`);
  return time;
}

/**
 * The last instant that is still `until` somewhere on earth (UTC-12), mirroring `since`: a date
 * bound is generous on both ends, so adjacent `--since`/`--until` shards overlap by a day rather
 * than leaving a gap between them.
 */
function untilInstant(until: string): number {
  const time = /^\d{4}-\d{2}-\d{2}$/.test(until) ? Date.parse(`${until}T23:59:59.999-12:00`) : Number.NaN;
  if (Number.isNaN(time)) throw new Error(`until must be a date YYYY-MM-DD, got "${until}"`);
  return time;
}

/** RegExp.test without the `lastIndex` state a /g or /y pattern would carry between calls. */
function test(pattern: RegExp, value: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(value);
}

function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}
