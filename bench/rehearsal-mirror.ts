/**
 * The rehearsal's mirror: one `node:http` server on 127.0.0.1 per host of the three agencies,
 * serving the site models of rehearsal-site.ts, and logging the arrival time of every request —
 * the politeness figures are measured here, at the server, the way a site sees a crawler.
 *
 * It runs in the bench's process and `podium run` in a child, so a busy crawler can never delay
 * the timestamps a request gets.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { accessDenied, isCandidate, rehearsalSites, type AgencyId, type RehearsalVolumes, type SiteHost, type SiteItem } from './rehearsal-site.ts';

export interface LoggedRequest {
  /** `performance.now()` at arrival. */
  at: number;
  path: string;
  status: number;
}

export interface MirrorHost {
  site: SiteHost;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Every request, in arrival order; the harness cuts it per run. */
  log: LoggedRequest[];
  /** Paths of the items the adapter's URL filter lets through (what a run may fetch). */
  candidates: Set<string>;
  /** Candidate paths requested at least once, ever. */
  requested: Set<string>;
  /** Transcript paths among the candidates. */
  transcripts: Set<string>;
}

export interface RehearsalMirror {
  hosts: MirrorHost[];
  /** `--origin <agency>:<name>=<url>` for every host. */
  originArgs: string[];
  close(): Promise<void>;
}

export async function startRehearsalMirror(volumes: RehearsalVolumes, scale: number): Promise<RehearsalMirror> {
  const hosts: MirrorHost[] = [];
  const servers: Server[] = [];
  for (const site of rehearsalSites(volumes, scale)) {
    const byPath = new Map<string, SiteItem>(site.items.map((i) => [i.path, i]));
    const host: MirrorHost = {
      site, url: '', log: [], requested: new Set(),
      candidates: new Set(site.items.filter((i) => isCandidate(site.agency, site.canonical + i.path)).map((i) => i.path)),
      transcripts: new Set(site.items.filter((i) => i.kind === 'transcript' && isCandidate(site.agency, site.canonical + i.path)).map((i) => i.path)),
    };
    const server = createServer((req, res) => {
      const at = performance.now();
      const path = (req.url ?? '/').split('?')[0]!;
      const answer = (status: number, body: string, headers: Record<string, string> = {}) => {
        host.log.push({ at, path: req.url ?? '/', status });
        res.writeHead(status, { 'content-type': 'text/html; charset=UTF-8', ...headers });
        res.end(body);
      };
      if (host.candidates.has(path)) host.requested.add(path);
      if (site.wall !== null) return answer(site.wall, accessDenied(site.canonical, req.url ?? '/'), { server: 'AkamaiGHost' });
      const list = site.rest.get(path);
      if (list) {
        const { status, body, headers } = list(new URL(req.url ?? '/', 'http://mirror').searchParams);
        return answer(status, body, headers);
      }
      const doc = (req.url ?? '/').includes('?') ? undefined : site.documents.get(path);
      if (doc) return answer(200, doc.body, { 'content-type': doc.contentType });
      const item = byPath.get(path);
      if (!item) return answer(404, '<!DOCTYPE html><html><head><title>Page Not Found</title></head><body><h1>Page not found</h1></body></html>');
      const etag = `"${createHash('sha1').update(`${item.path}${item.lastmod}`).digest('hex').slice(0, 16)}"`;
      const lastModified = new Date(item.lastmod).toUTCString();
      if (req.headers['if-none-match'] === etag) return answer(304, '', { etag, 'last-modified': lastModified });
      answer(200, site.page(item), { etag, 'last-modified': lastModified });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    hosts.push(host);
    servers.push(server);
  }
  return {
    hosts,
    originArgs: hosts.map((h) => `${h.site.agency}:${h.site.origin}=${h.url}`),
    close: async () => {
      for (const s of servers) s.closeAllConnections();
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}

export interface HostRate {
  requests: number;
  /** Highest rate over any `window` consecutive gaps, requests per (scaled) second. */
  peakPerSecond: number;
  /** Shortest gap between two arrivals, ms. */
  minGapMs: number;
}

/**
 * The highest request rate in a slice of one host's log: over every run of `window` consecutive
 * gaps, gaps / (last arrival − first arrival). A crawler that waits `d` between starts can never
 * exceed 1/d over such a run (the sum of the gaps telescopes, so only the two end arrivals' jitter
 * counts), while a single gap may look short when one request's packets arrive late.
 */
export function hostRate(log: readonly LoggedRequest[], window = 10): HostRate {
  const at = log.map((r) => r.at);
  let peak = 0;
  let minGap = Infinity;
  for (let i = 1; i < at.length; i++) minGap = Math.min(minGap, at[i]! - at[i - 1]!);
  const k = Math.min(window, at.length - 1);
  for (let i = 0; k > 0 && i + k < at.length; i++) {
    const span = at[i + k]! - at[i]!;
    peak = Math.max(peak, span > 0 ? (k * 1000) / span : Infinity);
  }
  return { requests: at.length, peakPerSecond: peak, minGapMs: Number.isFinite(minGap) ? minGap : 0 };
}

/** Hosts of one agency. */
export const hostsOf = (mirror: RehearsalMirror, agency: AgencyId) => mirror.hosts.filter((h) => h.site.agency === agency);
