/**
 * Errors of the discovery stage. Every message names the URL (or channel) that failed and why, so a
 * user reading a run log knows which sitemap or feed to look at.
 */
import type { ChannelReport } from './index.ts';

/** A sitemap or feed could not be read, or no discovery channel worked at all. */
export class DiscoveryError extends Error {
  override readonly name = 'DiscoveryError';
  /** The document (or, for a whole-run failure, the agency's primary origin) that failed. */
  readonly url: string;
  /** The underlying reason without the URL, e.g. the XML parser's message. */
  readonly reason: string;
  /** For a whole-run failure: how each channel went, so the run can report the origins that failed. */
  readonly channels: ChannelReport[];

  constructor(url: string, reason: string, options?: { cause?: unknown; channels?: ChannelReport[] }) {
    super(`${url}: ${reason}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.url = url;
    this.reason = reason;
    this.channels = options?.channels ?? [];
  }
}

/**
 * One line describing why a channel failed. Fetch errors (pipeline/fetch) carry `kind` and
 * `status`; they are read structurally so discovery does not depend on the fetcher's module.
 */
export function describeError(error: unknown): string {
  if (error instanceof DiscoveryError) return error.reason;
  if (error instanceof Error) {
    const { kind, status } = error as Error & { kind?: unknown; status?: unknown };
    const tags = [typeof kind === 'string' ? kind : null, typeof status === 'number' ? `HTTP ${status}` : null]
      .filter((tag): tag is string => tag !== null)
      .join(', ');
    return tags ? `${error.message} (${tags})` : error.message;
  }
  return String(error);
}
