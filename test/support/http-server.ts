/**
 * A tiny real HTTP server on 127.0.0.1 for tests: fixed routes, every request recorded, so a test
 * can prove which URLs were (and were not) requested. Tests never touch a real site.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Route {
  status?: number;
  body: string;
  type?: string;
  headers?: Record<string, string>;
  /** Answer after this many milliseconds (to reorder concurrent responses). */
  delayMs?: number;
}

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Paths requested, in order (path + query). */
  requests: string[];
  close(): Promise<void>;
}

/** Starts a server answering `routes` (by path + query) and 404 for anything else. */
export async function startServer(
  routes: Record<string, Route | ((req: IncomingMessage) => Route)>,
): Promise<TestServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push(path);
    const entry = routes[path];
    const route: Route =
      entry === undefined ? { status: 404, body: 'not found' } : typeof entry === 'function' ? entry(req) : entry;
    setTimeout(() => {
      res.writeHead(route.status ?? 200, {
        'content-type': route.type ?? 'application/xml; charset=utf-8',
        ...route.headers,
      });
      res.end(route.body);
    }, route.delayMs ?? 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
