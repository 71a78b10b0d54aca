/**
 * A minimal fetch-based implementation of the fetcher contract (pipeline/fetch/types.ts) for tests:
 * no retries, no politeness, but the same shape of response and of error, and an allow-list of
 * hosts it refuses to leave, so a test fails loudly if anything tries to reach a real site.
 */
import type { FetchErrorKind, FetchRequest, FetchResponse } from '../../pipeline/fetch/types.ts';

export class TestFetchError extends Error {
  override readonly name = 'FetchError';
  constructor(
    readonly url: string,
    readonly kind: FetchErrorKind,
    readonly status: number | null,
    message: string,
  ) {
    super(`${url}: ${message}`);
  }
  get transient(): boolean {
    return this.kind === 'network' || (this.status !== null && this.status >= 500);
  }
  get botBlock(): boolean {
    return this.kind === 'bot-block';
  }
}

export class TestFetchClient {
  /** Every URL requested, in order. */
  readonly requested: string[] = [];

  constructor(private readonly allowedHosts: Set<string>) {}

  async get(request: FetchRequest): Promise<FetchResponse> {
    const url = new URL(request.url);
    if (!this.allowedHosts.has(url.host)) {
      throw new TestFetchError(request.url, 'redirect', null, `host ${url.host} is not allowed`);
    }
    this.requested.push(request.url);
    const headers: Record<string, string> = {};
    if (request.accept !== undefined) headers.accept = request.accept;
    const response = await fetch(request.url, { headers, redirect: 'manual' });
    const body = await response.text();
    if (response.status >= 400) {
      const kind: FetchErrorKind =
        response.status === 404 || response.status === 410 ? 'gone' : response.status === 403 ? 'bot-block' : 'http';
      throw new TestFetchError(request.url, kind, response.status, `HTTP ${response.status}`);
    }
    return {
      url: response.url || request.url,
      status: response.status,
      notModified: response.status === 304,
      body,
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
      contentType: response.headers.get('content-type'),
      headers: Object.fromEntries(response.headers.entries()),
    };
  }
}
