/**
 * A local stand-in for a government site: a real `node:http` server on 127.0.0.1 with a route
 * table the test changes between requests, faults injected per path, and a log of every request.
 * Tests never touch a real site.
 *
 * @example
 * const mirror = await startMirror();
 * mirror.set('/briefings/x/', { body: '<h1>Briefing</h1>' });
 * mirror.fault('/briefings/x/', { kind: 'status', statuses: [503, 503] });
 * // ... fetch mirror.url('/briefings/x/') ...
 * expect(mirror.requestsFor('/briefings/x/')).toHaveLength(3);
 * await mirror.close();
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { extname, join, relative, sep } from 'node:path';

export interface MirrorRoute {
  /** A string is sent as UTF-8; bytes are sent as they are (for charset tests). */
  body: string | Uint8Array;
  /** Sent verbatim, so a test can leave the charset undeclared. Default `text/html; charset=utf-8`. */
  contentType?: string;
  /** Default 200. Conditional requests are only answered 304 for 200 routes. */
  status?: number;
  /** Extra or overriding response headers. */
  headers?: Record<string, string>;
}

/** A misbehaviour for one path. `times` limits how many requests it hits (default: all of them). */
export type MirrorFault =
  /** Answer these statuses in order, one per request, then serve the route. */
  | { kind: 'status'; statuses: number[]; retryAfter?: number | string; body?: string }
  /** Answer 200 with this page instead of the route (a bot wall's "Technical Difficulties"). */
  | { kind: 'decoy'; body: string; times?: number }
  /** Send the headers and half the body, then destroy the socket. */
  | { kind: 'reset'; times?: number }
  /** Declare a Content-Length larger than the body, send the body and close the connection. */
  | { kind: 'truncate'; times?: number }
  /** Send the headers and half the body, then never finish. */
  | { kind: 'hang'; times?: number }
  /** Wait before the headers, then serve the route. */
  | { kind: 'delay'; ms: number; times?: number }
  /** Redirect to a path on this mirror or to an absolute URL. */
  | { kind: 'redirect'; to: string; status?: 301 | 302 | 303 | 307 | 308; times?: number }
  /** Serve the route's body under another Content-Type. */
  | { kind: 'content-type'; contentType: string; times?: number }
  /**
   * A body of `bytes` bytes generated while sending (never held in memory), honouring
   * backpressure; `declareLength` sends a Content-Length up front.
   */
  | { kind: 'huge'; bytes: number; declareLength?: boolean; contentType?: string; times?: number };

export interface MirrorRequest {
  method: string;
  /** Path and query string as requested. */
  path: string;
  headers: IncomingHttpHeaders;
  /** `performance.now()` when the request arrived. */
  start: number;
  /** `performance.now()` when the response finished or the connection closed; null while in flight. */
  end: number | null;
  /** Status sent, or null if none was (a connection dropped before the headers). */
  status: number | null;
  /** Body bytes written to the socket for this request. */
  bytesSent: number;
}

export interface Mirror {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** `127.0.0.1:<port>`, as `URL.host` spells it (for `allowedHosts`). */
  readonly host: string;
  /** Every request received, in arrival order. */
  readonly requests: MirrorRequest[];
  /** Milliseconds added before every response (throughput and concurrency tests). */
  latency: number;
  /** Requests being answered right now, and the most seen at once since start or {@link reset}. */
  readonly inFlight: number;
  readonly maxInFlight: number;
  /** Absolute URL of a path on this mirror. */
  url(path: string): string;
  /**
   * Serve static content at `path` (ETag and Last-Modified computed; 304 on conditional requests).
   * A path with a query string matches only that query; one without matches any query.
   */
  set(path: string, route: MirrorRoute): void;
  /** Stop serving `path` (answered 404 from then on). */
  remove(path: string): void;
  /** Inject a fault for `path`, replacing any earlier one; `null` clears it. */
  fault(path: string, fault: MirrorFault | null): void;
  /** Requests for one path (query string included in the comparison). */
  requestsFor(path: string): MirrorRequest[];
  /**
   * Serve every file under `dir` at its relative path (`a/b.html` -> `/a/b.html`); an `index.html`
   * also answers its folder (`/a/`), the way WordPress pretty URLs look. Returns the paths set.
   */
  loadDirectory(dir: string, options?: LoadDirectoryOptions): Promise<string[]>;
  /** Forget routes, faults, the request log and the in-flight maximum; latency back to 0. */
  reset(): void;
  close(): Promise<void>;
}

export interface LoadDirectoryOptions {
  /** URL path prefix, default `/`. */
  prefix?: string;
  /** Content types by extension (with the dot), merged over the defaults. */
  contentTypes?: Record<string, string>;
}

/**
 * Fixture files are served without a charset: a captured Windows-1252 page must reach the decoder
 * the way the site sent it, and the decoder finds the encoding itself.
 */
const DEFAULT_CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.xml': 'application/xml',
  '.rss': 'application/rss+xml',
  '.json': 'application/json',
  '.txt': 'text/plain',
  '.pdf': 'application/pdf',
};

interface StoredRoute {
  body: Buffer;
  contentType: string;
  status: number;
  headers: Record<string, string>;
  etag: string;
  lastModified: string;
}

interface ArmedFault {
  fault: MirrorFault;
  /** Requests left before the fault stops applying; Infinity when unlimited. */
  remaining: number;
}

/** Start a mirror on 127.0.0.1 with an OS-chosen port. */
export async function startMirror(): Promise<Mirror> {
  const routes = new Map<string, StoredRoute>();
  const faults = new Map<string, ArmedFault>();
  const requests: MirrorRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();
  let inFlight = 0;
  let maxInFlight = 0;
  let latency = 0;
  let closed = false;

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      if (ms <= 0) return resolve();
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const server = createServer((req, res) => {
    const entry: MirrorRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: req.headers,
      start: performance.now(),
      end: null,
      status: null,
      bytesSent: 0,
    };
    requests.push(entry);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      inFlight -= 1;
      entry.end = performance.now();
    };
    res.on('finish', finish);
    res.on('close', finish);

    handle(req, res, entry).catch((error: unknown) => {
      // A bug in the mirror must show up in the test, not as a hung request.
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`mirror error: ${String(error)}`);
      } else {
        res.destroy();
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse, entry: MirrorRequest): Promise<void> {
    const path = entry.path;
    await wait(latency);
    const armed = takeFault(path);
    const fault = armed?.fault;

    if (fault?.kind === 'delay') await wait(fault.ms);
    if (closed || res.destroyed) return;

    const send = (status: number, headers: Record<string, string>, body?: Buffer) => {
      entry.status = status;
      res.writeHead(status, headers);
      if (body) entry.bytesSent += body.byteLength;
      res.end(body);
    };

    if (fault?.kind === 'status' && armed) {
      const index = fault.statuses.length - armed.remaining;
      const status = fault.statuses[index] ?? 500;
      const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8' };
      if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
      return send(status, headers, Buffer.from(fault.body ?? `status ${status} injected by the mirror`));
    }
    if (fault?.kind === 'redirect') {
      const location = fault.to.startsWith('/') ? fault.to : new URL(fault.to).href;
      return send(fault.status ?? 302, { location, 'content-type': 'text/plain' }, Buffer.from('moved'));
    }
    if (fault?.kind === 'decoy') {
      return send(200, { 'content-type': 'text/html; charset=utf-8' }, Buffer.from(fault.body));
    }
    if (fault?.kind === 'huge') return sendHuge(res, entry, fault);

    const route = routes.get(path) ?? routes.get(withoutQuery(path));
    if (!route) {
      return send(404, { 'content-type': 'text/html; charset=utf-8' }, Buffer.from('<h1>Page not found</h1>'));
    }
    const headers: Record<string, string> = {
      'content-type': fault?.kind === 'content-type' ? fault.contentType : route.contentType,
      etag: route.etag,
      'last-modified': route.lastModified,
      ...route.headers,
    };

    if (fault?.kind === 'reset' || fault?.kind === 'hang') {
      const half = route.body.subarray(0, Math.floor(route.body.byteLength / 2));
      entry.status = route.status;
      res.writeHead(route.status, { ...headers, 'content-length': String(route.body.byteLength) });
      entry.bytesSent += half.byteLength;
      res.write(half, () => {
        if (fault.kind === 'reset') res.socket?.destroy();
      });
      return; // 'hang' never ends; close() destroys the socket.
    }
    if (fault?.kind === 'truncate') {
      // `connection: close` makes node end the socket after the short body; with keep-alive the
      // client would wait for the missing bytes and see a timeout instead of a truncation.
      entry.status = route.status;
      res.writeHead(route.status, {
        ...headers,
        'content-length': String(route.body.byteLength * 2 + 1),
        connection: 'close',
      });
      entry.bytesSent += route.body.byteLength;
      res.end(route.body);
      return;
    }

    if (route.status === 200 && isNotModified(req.headers, route)) {
      return send(304, { etag: route.etag, 'last-modified': route.lastModified, ...route.headers });
    }
    return send(route.status, { ...headers, 'content-length': String(route.body.byteLength) }, route.body);
  }

  function takeFault(requested: string): ArmedFault | undefined {
    const path = faults.has(requested) ? requested : withoutQuery(requested);
    const armed = faults.get(path);
    if (!armed) return undefined;
    const snapshot: ArmedFault = { fault: armed.fault, remaining: armed.remaining };
    armed.remaining -= 1;
    if (armed.remaining <= 0) faults.delete(path);
    return snapshot;
  }

  async function sendHuge(res: ServerResponse, entry: MirrorRequest, fault: Extract<MirrorFault, { kind: 'huge' }>) {
    const headers: Record<string, string> = { 'content-type': fault.contentType ?? 'text/html; charset=utf-8' };
    if (fault.declareLength) headers['content-length'] = String(fault.bytes);
    entry.status = 200;
    res.writeHead(200, headers);
    // One reused 64 KiB chunk: the mirror's own memory stays flat however big the body.
    const chunk = Buffer.alloc(64 * 1024, '<p>podium</p>\n');
    let left = fault.bytes;
    while (left > 0 && !res.destroyed && !closed) {
      const piece = left >= chunk.byteLength ? chunk : chunk.subarray(0, left);
      left -= piece.byteLength;
      entry.bytesSent += piece.byteLength;
      if (!res.write(piece)) {
        await new Promise<void>((resolve) => {
          const done = () => {
            res.off('drain', done);
            res.off('close', done);
            resolve();
          };
          res.on('drain', done);
          res.on('close', done);
        });
      }
    }
    if (!res.destroyed) res.end();
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  const mirror: Mirror = {
    origin,
    host: `127.0.0.1:${port}`,
    requests,
    get latency() {
      return latency;
    },
    set latency(ms: number) {
      latency = ms;
    },
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    url: (path) => new URL(path, origin).href,
    set(path, route) {
      routes.set(path, storeRoute(route));
    },
    remove(path) {
      routes.delete(path);
    },
    fault(path, fault) {
      if (!fault) {
        faults.delete(path);
        return;
      }
      const remaining = fault.kind === 'status' ? fault.statuses.length : (fault.times ?? Number.POSITIVE_INFINITY);
      if (remaining > 0) faults.set(path, { fault, remaining });
      else faults.delete(path);
    },
    requestsFor: (path) => requests.filter((r) => r.path === path),
    async loadDirectory(dir, options = {}) {
      const prefix = (options.prefix ?? '/').replace(/\/?$/, '/');
      const types = { ...DEFAULT_CONTENT_TYPES, ...options.contentTypes };
      const paths: string[] = [];
      for (const file of await listFiles(dir)) {
        const relativePath = relative(dir, file).split(sep).join('/');
        const contentType = types[extname(file).toLowerCase()] ?? 'application/octet-stream';
        const route = storeRoute({ body: await readFile(file), contentType });
        const path = prefix + relativePath;
        routes.set(path, route);
        paths.push(path);
        if (relativePath === 'index.html' || relativePath.endsWith('/index.html')) {
          const folder = path.slice(0, -'index.html'.length);
          routes.set(folder, route);
          paths.push(folder);
        }
      }
      return paths.sort();
    },
    reset() {
      routes.clear();
      faults.clear();
      requests.length = 0;
      latency = 0;
      maxInFlight = inFlight;
    },
    async close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      // Hanging responses and keep-alive sockets would keep close() waiting forever.
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      await stopped;
    },
  };
  return mirror;
}

/**
 * Routes and faults set with a query string match only that query; without one they match any
 * query, as WordPress does (state.gov answers `?page=N` with page 1 instead of a 404).
 */
function withoutQuery(path: string): string {
  const question = path.indexOf('?');
  return question === -1 ? path : path.slice(0, question);
}

function storeRoute(route: MirrorRoute): StoredRoute {
  const body = typeof route.body === 'string' ? Buffer.from(route.body, 'utf8') : Buffer.from(route.body);
  // Last-Modified has one-second resolution; round so If-Modified-Since comparisons are exact.
  const lastModified = new Date(Math.floor(Date.now() / 1000) * 1000).toUTCString();
  return {
    body,
    contentType: route.contentType ?? 'text/html; charset=utf-8',
    status: route.status ?? 200,
    headers: route.headers ?? {},
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    lastModified,
  };
}

/** RFC 9110 §13.1.2/§13.1.3: If-None-Match (weak comparison) wins over If-Modified-Since. */
function isNotModified(headers: IncomingHttpHeaders, route: StoredRoute): boolean {
  const ifNoneMatch = headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
    return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(route.etag));
  }
  const ifModifiedSince = headers['if-modified-since'];
  if (ifModifiedSince !== undefined) {
    const since = Date.parse(ifModifiedSince);
    return Number.isFinite(since) && Date.parse(route.lastModified) <= since;
  }
  return false;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) return listFiles(full);
      return Promise.resolve(entry.isFile() ? [full] : []);
    }),
  );
  return nested.flat();
}
