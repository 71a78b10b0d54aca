import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMirror, type Mirror } from './mirror.ts';

let mirror: Mirror;
beforeEach(async () => {
  mirror = await startMirror();
});
afterEach(async () => {
  await mirror.close();
});

describe('mirror routes', () => {
  it('serves a route with validators and answers conditional requests with 304', async () => {
    mirror.set('/briefing/', { body: '<h1>Briefing</h1>' });
    const first = await fetch(mirror.url('/briefing/'));
    expect(first.status).toBe(200);
    expect(await first.text()).toBe('<h1>Briefing</h1>');
    const etag = first.headers.get('etag');
    const lastModified = first.headers.get('last-modified');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(lastModified).not.toBeNull();

    expect((await fetch(mirror.url('/briefing/'), { headers: { 'if-none-match': etag ?? '' } })).status).toBe(304);
    expect((await fetch(mirror.url('/briefing/'), { headers: { 'if-modified-since': lastModified ?? '' } })).status).toBe(304);
    expect((await fetch(mirror.url('/briefing/'), { headers: { 'if-none-match': '"other"' } })).status).toBe(200);

    mirror.set('/briefing/', { body: '<h1>Briefing, corrected</h1>' });
    const changed = await fetch(mirror.url('/briefing/'), { headers: { 'if-none-match': etag ?? '' } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('answers 404 for unknown and removed paths', async () => {
    mirror.set('/a', { body: 'a' });
    mirror.remove('/a');
    expect((await fetch(mirror.url('/a'))).status).toBe(404);
    expect((await fetch(mirror.url('/robots.txt'))).status).toBe(404);
  });

  it('sends bytes and the content type exactly as given', async () => {
    mirror.set('/latin', { body: Uint8Array.from([0x93, 0x41, 0x94]), contentType: 'text/html', headers: { 'x-test': '1' } });
    const response = await fetch(mirror.url('/latin'));
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(response.headers.get('x-test')).toBe('1');
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([0x93, 0x41, 0x94]);
  });

  it('logs every request with its headers, status and timing', async () => {
    mirror.set('/a', { body: 'a' });
    await (await fetch(mirror.url('/a?x=1'), { headers: { 'user-agent': 'Podium/test' } })).text();
    await (await fetch(mirror.url('/b'))).text();
    expect(mirror.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ['GET', '/a?x=1', 200],
      ['GET', '/b', 404],
    ]);
    const [first] = mirror.requestsFor('/a?x=1');
    expect(first?.headers['user-agent']).toBe('Podium/test');
    expect(first?.end).toBeGreaterThanOrEqual(first?.start ?? Infinity);
  });

  it('adds latency and records how many requests were in flight at once', async () => {
    mirror.set('/a', { body: 'a' });
    mirror.latency = 50;
    const started = performance.now();
    await Promise.all([1, 2, 3].map(async () => (await fetch(mirror.url('/a'))).text()));
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    expect(mirror.maxInFlight).toBe(3);
    expect(mirror.inFlight).toBe(0);
  });
});

describe('mirror query strings', () => {
  it('matches an exact query first, then the bare path', async () => {
    mirror.set('/wp-json/wp/v2/state_briefing', { body: '[1]', contentType: 'application/json' });
    mirror.set('/wp-json/wp/v2/state_briefing?page=2', { body: '[2]', contentType: 'application/json' });
    expect(await (await fetch(mirror.url('/wp-json/wp/v2/state_briefing?page=2'))).text()).toBe('[2]');
    expect(await (await fetch(mirror.url('/wp-json/wp/v2/state_briefing?page=3'))).text()).toBe('[1]');
  });
});

describe('mirror faults', () => {
  it('plays a status sequence, then serves the route', async () => {
    mirror.set('/a', { body: 'ok' });
    mirror.fault('/a', { kind: 'status', statuses: [503, 429], retryAfter: 7 });
    const first = await fetch(mirror.url('/a'));
    expect([first.status, first.headers.get('retry-after')]).toEqual([503, '7']);
    expect((await fetch(mirror.url('/a'))).status).toBe(429);
    expect(await (await fetch(mirror.url('/a'))).text()).toBe('ok');
  });

  it('limits a fault to `times` requests', async () => {
    mirror.set('/a', { body: 'real' });
    mirror.fault('/a', { kind: 'decoy', body: '<h1>Technical Difficulties</h1>', times: 1 });
    expect(await (await fetch(mirror.url('/a'))).text()).toContain('Technical Difficulties');
    expect(await (await fetch(mirror.url('/a'))).text()).toBe('real');
  });

  it('redirects to a path', async () => {
    mirror.fault('/old', { kind: 'redirect', to: '/new', status: 301 });
    const response = await fetch(mirror.url('/old'), { redirect: 'manual' });
    expect([response.status, response.headers.get('location')]).toEqual([301, '/new']);
  });

  it('breaks a body three ways: reset, truncated, never finished', async () => {
    mirror.set('/a', { body: 'x'.repeat(10_000) });
    mirror.fault('/a', { kind: 'reset' });
    await expect((await fetch(mirror.url('/a'))).text()).rejects.toThrow();
    mirror.fault('/a', { kind: 'truncate' });
    await expect((await fetch(mirror.url('/a'))).text()).rejects.toThrow();
    mirror.fault('/a', { kind: 'hang' });
    await expect((await fetch(mirror.url('/a'), { signal: AbortSignal.timeout(100) })).text()).rejects.toThrow();
  });

  it('streams a huge body lazily and stops when the client goes away', async () => {
    mirror.fault('/huge', { kind: 'huge', bytes: 50 * 1024 * 1024, declareLength: true });
    const response = await fetch(mirror.url('/huge'));
    expect(response.headers.get('content-length')).toBe(String(50 * 1024 * 1024));
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const [entry] = mirror.requestsFor('/huge');
    expect(entry?.end).not.toBeNull();
    expect(entry?.bytesSent).toBeLessThan(25 * 1024 * 1024);
  });

  it('delays the headers', async () => {
    mirror.set('/a', { body: 'a' });
    mirror.fault('/a', { kind: 'delay', ms: 80, times: 1 });
    const started = performance.now();
    await (await fetch(mirror.url('/a'))).text();
    expect(performance.now() - started).toBeGreaterThanOrEqual(75);
  });

  it('closes even with a response that never finishes', async () => {
    mirror.set('/a', { body: 'x'.repeat(1000) });
    mirror.fault('/a', { kind: 'hang' });
    const response = await fetch(mirror.url('/a'));
    const body = response.text().catch((error: unknown) => error);
    await mirror.close();
    expect(await body).toBeInstanceOf(Error);
    mirror = await startMirror(); // afterEach closes this one
  });
});

describe('mirror.loadDirectory', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'podium-mirror-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('serves a folder by path, index.html also at its folder', async () => {
    await mkdir(join(dir, 'briefings', 'dpb-1'), { recursive: true });
    await writeFile(join(dir, 'briefings', 'dpb-1', 'index.html'), '<h1>DPB</h1>');
    await writeFile(join(dir, 'sitemap_index.xml'), '<sitemapindex/>');
    await writeFile(join(dir, 'robots.txt'), 'User-agent: *\nDisallow:');

    const paths = await mirror.loadDirectory(dir, { prefix: '/mirror' });
    expect(paths).toEqual(['/mirror/briefings/dpb-1/', '/mirror/briefings/dpb-1/index.html', '/mirror/robots.txt', '/mirror/sitemap_index.xml']);
    const page = await fetch(mirror.url('/mirror/briefings/dpb-1/'));
    expect([page.headers.get('content-type'), await page.text()]).toEqual(['text/html', '<h1>DPB</h1>']);
    const sitemap = await fetch(mirror.url('/mirror/sitemap_index.xml'));
    expect(sitemap.headers.get('content-type')).toBe('application/xml');
  });
});

describe('mirror.reset', () => {
  it('forgets routes, faults and the log', async () => {
    mirror.set('/a', { body: 'a' });
    mirror.fault('/a', { kind: 'status', statuses: [500] });
    await fetch(mirror.url('/a'));
    mirror.reset();
    expect(mirror.requests).toHaveLength(0);
    expect((await fetch(mirror.url('/a'))).status).toBe(404);
  });
});
