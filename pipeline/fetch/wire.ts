/**
 * When a request really leaves: undici (Node's fetch) publishes `undici:client:sendHeaders` as it
 * writes a request's headers to the socket. The fetcher's gap between two requests to a host
 * counts from that moment, not from when the fetcher decided to start — on a loaded event loop
 * the two can be tens of milliseconds apart, and a gap counted from the decision lets two
 * requests reach the site closer together than the crawl-delay.
 */
import { subscribe } from 'node:diagnostics_channel';

/** Waiters by `origin + path`, as undici names a request (`http://host:port` + `/path?query`). */
const waiting = new Map<string, (() => void)[]>();

subscribe('undici:client:sendHeaders', (message) => {
  const { request } = message as { request: { origin: unknown; path: unknown } };
  const key = `${String(request.origin)}${String(request.path)}`;
  const queue = waiting.get(key);
  if (!queue) return;
  const next = queue.shift();
  if (!queue.length) waiting.delete(key);
  next?.();
});

/**
 * Calls `onSent` once, when the headers of the next request to `url` are written; the returned
 * function cancels the wait (call it when the request settled without being sent).
 *
 * @example
 * const cancel = onHeadersSent(url, () => (host.lastStart = performance.now()));
 * try { await fetch(url); } finally { cancel(); }
 */
export function onHeadersSent(url: URL, onSent: () => void): () => void {
  const key = `${url.origin}${url.pathname}${url.search}`;
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    onSent();
  };
  const queue = waiting.get(key) ?? [];
  queue.push(once);
  waiting.set(key, queue);
  return () => {
    if (done) return;
    done = true;
    const q = waiting.get(key);
    const i = q?.indexOf(once) ?? -1;
    if (q && i >= 0) q.splice(i, 1);
    if (q && !q.length) waiting.delete(key);
  };
}
