import { describe, expect, it } from 'vitest';
import { FetchError } from '../../pipeline/fetch/errors.ts';
import type { FetchErrorKind } from '../../pipeline/fetch/types.ts';

describe('FetchError', () => {
  it('names the URL and the cause in one line, with the attempts when there were several', () => {
    const error = new FetchError({ url: 'https://www.state.gov/x/', kind: 'http', status: 503, detail: 'HTTP 503', attempts: 3 });
    expect(error.message).toBe('GET https://www.state.gov/x/: HTTP 503 after 3 attempts');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('FetchError');
    expect(error).toMatchObject({ kind: 'http', status: 503, attempts: 3, transient: true, botBlock: false });
  });

  it('keeps a multi-line cause on one line', () => {
    const error = new FetchError({ url: 'https://a.gov/', kind: 'network', detail: 'socket\n  hang up' });
    expect(error.message).toBe('GET https://a.gov/: socket hang up');
    expect(error.attempts).toBe(1);
  });

  it('classifies kinds: gone is final, bot-block is transient and flagged', () => {
    expect(new FetchError({ url: 'u', kind: 'gone', status: 404, detail: 'HTTP 404' }).transient).toBe(false);
    expect(new FetchError({ url: 'u', kind: 'http', status: 400, detail: 'HTTP 400' }).transient).toBe(false);
    const blocked = new FetchError({ url: 'u', kind: 'bot-block', status: 403, detail: 'HTTP 403' });
    expect(blocked).toMatchObject({ transient: true, botBlock: true });
    expect(new FetchError({ url: 'u', kind: 'disallowed', detail: 'robots' }).transient).toBe(false);
  });

  it('carries the fallback decision: walls and outages may be served elsewhere, a gone or refused page not', () => {
    const fallback = (kind: FetchErrorKind, status?: number) => new FetchError({ url: 'u', kind, detail: 'x', ...(status ? { status } : {}) }).fallback;
    expect(fallback('bot-block', 403)).toBe(true);
    expect(fallback('http', 503)).toBe(true);
    expect(fallback('timeout')).toBe(true);
    expect(fallback('gone', 404)).toBe(false);
    expect(fallback('content-type')).toBe(false);
    expect(fallback('disallowed')).toBe(false);
  });
});
