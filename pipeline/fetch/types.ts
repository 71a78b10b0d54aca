/**
 * The contract between the fetcher and its users (discovery, the run). Implementation: fetcher.ts.
 */

export interface FetchRequest {
  /** Absolute URL to request (already mapped to a mirror when `--origin` is used). */
  url: string;
  /** Validators remembered from the last fetch: sent as If-None-Match / If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
  /** Accept header; defaults to HTML. */
  accept?: string;
  /** Content types the caller can read (prefix match, e.g. `text/html`, `application/xml`). Others fail with kind `content-type`. */
  expect?: string[];
}

export interface FetchResponse {
  /** The URL that answered, after redirects. */
  url: string;
  status: number;
  /** True for HTTP 304: `body` is empty and the caller keeps what it had. */
  notModified: boolean;
  /** Body decoded to a string (charset from the header, the BOM or a meta tag; Windows-1252 handled). */
  body: string;
  etag: string | null;
  lastModified: string | null;
  contentType: string | null;
  /** Every response header, names lower-case (paging headers such as `X-WP-TotalPages`). */
  headers?: Readonly<Record<string, string>>;
}

export type FetchErrorKind =
  | 'http' // 4xx/5xx after retries
  | 'gone' // 404 or 410: the page is not there
  | 'bot-block' // 403, or a decoy page served with 200
  | 'rate-limit' // 429 after honoring Retry-After up to the cap
  | 'network' // connection refused/reset
  | 'timeout'
  | 'truncated' // body shorter than Content-Length, or the connection closed mid-body
  | 'too-large'
  | 'redirect' // loop, too many, or to a host outside the allowlist
  | 'content-type'
  | 'disallowed'; // refused before sending: robots.txt Disallow, or a host outside the allowlist

export interface FetcherOptions {
  /** Descriptive User-Agent naming the project and a contact URL. Never a browser's. */
  userAgent: string;
  /** Parallel requests per host (p-limit per host). */
  concurrencyPerHost: number;
  /** Minimum gap between request starts on one host, ms; robots.txt crawl-delay raises it. */
  minDelayMs: number;
  /** Per-attempt timeout, ms (headers and body). */
  timeoutMs: number;
  /** Retries after the first attempt for transient failures (5xx, network, timeout, 429). */
  retries: number;
  /** Base of the exponential backoff, ms. */
  backoffMs: number;
  /** Longest Retry-After the fetcher will wait, ms; longer ones fail as `rate-limit`. */
  maxRetryAfterMs: number;
  /** Largest body accepted, bytes. */
  maxBytes: number;
  /** Hosts (host:port as in URL.host) requests and redirects may go to. */
  allowedHosts: Set<string>;
  /**
   * Whether a 200 body is a decoy (a bot wall served as a page): a description, or null. The
   * caller decides on the page's structure (see `decoyTest` in pipeline/extract); null: no test.
   */
  decoy: DecoyTest | null;
  /** Read robots.txt of each host once and honor crawl-delay and Disallow for our agent. */
  robots: boolean;
  /**
   * Consecutive bot walls (403, or a decoy page) from one host after which the fetcher stops
   * requesting that host for the rest of its life (one run): every further request to it fails
   * at once, naming the walls. A success in between resets the count.
   */
  maxBotWalls: number;
}

/** A host the fetcher stopped requesting because it kept answering with a bot wall. */
export interface BlockedHost {
  host: string;
  /** Consecutive bot walls when it was stopped. */
  walls: number;
  /** The last wall, e.g. `HTTP 403: the site refused our agent (bot wall)`. */
  last: string;
}

/** A body and its Content-Type in; a description of the decoy it is, or null. */
export type DecoyTest = (body: string, contentType: string | null) => string | null;
