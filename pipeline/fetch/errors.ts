/**
 * The one error the fetch stage throws. It classifies itself so callers can decide without
 * parsing messages: skip the page (`gone`), try again at the end of the run (`transient`),
 * ask another channel for the page (`fallback`).
 */
import type { FetchErrorKind } from './types.ts';

export interface FetchErrorInit {
  /** The URL the caller asked for (not an intermediate redirect hop). */
  url: string;
  kind: FetchErrorKind;
  /** The cause in a few words, e.g. `HTTP 503` or `redirect loop: /a -> /b -> /a`. */
  detail: string;
  status?: number;
  /** Attempts made, the first included. */
  attempts?: number;
  /** Overrides the kind's default (see {@link isTransientKind}). */
  transient?: boolean;
  cause?: unknown;
}

/**
 * A failed GET, with the URL and cause in a one-line message.
 *
 * @example
 * new FetchError({ url: 'https://www.state.gov/x/', kind: 'http', status: 503, detail: 'HTTP 503', attempts: 3 }).message
 * // 'GET https://www.state.gov/x/: HTTP 503 after 3 attempts'
 */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  readonly url: string;
  readonly kind: FetchErrorKind;
  readonly status?: number;
  /** Retrying later (at the end of the run, another run) may succeed. */
  readonly transient: boolean;
  /** The site refused our agent (403 or a decoy page): a fallback channel may help, hammering will not. */
  readonly botBlock: boolean;
  readonly attempts: number;

  constructor(init: FetchErrorInit) {
    const attempts = init.attempts ?? 1;
    // One line whatever the cause says, so log lines and run reports stay greppable.
    const detail = init.detail.replace(/\s+/g, ' ').trim();
    const suffix = attempts > 1 ? ` after ${attempts} attempts` : '';
    super(`GET ${init.url}: ${detail}${suffix}`, init.cause === undefined ? undefined : { cause: init.cause });
    this.url = init.url;
    this.kind = init.kind;
    if (init.status !== undefined) this.status = init.status;
    this.attempts = attempts;
    this.transient = init.transient ?? isTransientKind(init.kind, init.status);
    this.botBlock = init.kind === 'bot-block';
  }

  /**
   * Whether another channel (the site's REST API, a web archive) may serve what this request
   * could not: a wall, a server or network failure. Not a page that is gone, a body we refuse
   * (too large, wrong type, a redirect off the allowlist) or a request we must not send.
   */
  get fallback(): boolean {
    return isFallbackKind(this.kind);
  }
}

/** See {@link FetchError.fallback}. */
export function isFallbackKind(kind: FetchErrorKind): boolean {
  switch (kind) {
    case 'bot-block':
    case 'http':
    case 'rate-limit':
    case 'network':
    case 'timeout':
    case 'truncated':
      return true;
    case 'gone':
    case 'too-large':
    case 'redirect':
    case 'content-type':
    case 'disallowed':
      return false;
  }
}

/**
 * Whether a failure of this kind may go away by itself. Bot walls count as transient: state.gov's
 * edge lifts its 403 / decoy after a while, so the page is worth trying on a later run.
 */
export function isTransientKind(kind: FetchErrorKind, status?: number): boolean {
  switch (kind) {
    case 'network':
    case 'timeout':
    case 'truncated':
    case 'rate-limit':
    case 'bot-block':
      return true;
    case 'http':
      return status === undefined || status >= 500 || status === 408 || status === 429;
    case 'gone':
    case 'too-large':
    case 'redirect':
    case 'content-type':
    case 'disallowed':
      return false;
  }
}
