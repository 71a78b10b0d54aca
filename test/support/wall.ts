/** A host behind a bot wall on 127.0.0.1: 403 "Access Denied" for every path, robots.txt included. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fixture } from './fixtures.ts';

export interface Wall {
  origin: string;
  /** Every path asked, in arrival order. */
  requests: string[];
  close(): Promise<void>;
}

/** @param page The fixture served with every 403 (an Akamai "Access Denied" page). */
export async function startWall(page: string): Promise<Wall> {
  const requests: string[] = [];
  const body = fixture(page);
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '/');
    res.writeHead(403, { 'content-type': 'text/html' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
