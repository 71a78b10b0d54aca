/**
 * A small static file server for a built site under its base path (`/podium/…`), as GitHub Pages
 * serves it: directories answer with their index.html, anything outside the base or the site is
 * 404. For `npm run demo` and the browser tests; not for production.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.ndjson': 'application/x-ndjson; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.sqlite': 'application/vnd.sqlite3',
  // As GitHub Pages serves them: the bytes as stored, no Content-Encoding.
  '.gz': 'application/gzip',
};

export interface SiteServer {
  /** `http://127.0.0.1:<port><base>` */
  url: string;
  close(): Promise<void>;
}

export async function serveSite(root: string, base = '/', port = 0): Promise<SiteServer> {
  const top = resolve(root);
  const server: Server = createServer(async (req, res) => {
    const notFound = () => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
    };
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (!path.startsWith(base)) return notFound();
      let file = resolve(top, `.${sep}${path.slice(base.length)}`);
      if (file !== top && !file.startsWith(top + sep)) return notFound();
      if ((await stat(file).catch(() => null))?.isDirectory()) {
        if (!path.endsWith('/')) {
          res.writeHead(301, { location: `${path}/` });
          return res.end();
        }
        file = join(file, 'index.html');
      }
      const body = await readFile(file).catch(() => null);
      if (!body) return notFound();
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'x-content-type-options': 'nosniff' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      notFound();
    }
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}${base}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
