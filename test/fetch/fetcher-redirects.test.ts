import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMirror, type Mirror } from '../support/mirror.ts';
import { fetchError, testFetcher } from './helpers.ts';

let mirror: Mirror;
beforeEach(async () => {
  mirror = await startMirror();
  mirror.set('/briefings/department-press-briefing-january-18-2022/', { body: '<p>MR PRICE: Good afternoon.</p>' });
});
afterEach(async () => {
  await mirror.close();
});

describe('redirects', () => {
  it('follows a redirect and reports the URL that answered', async () => {
    mirror.fault('/?p=361464', { kind: 'redirect', to: '/briefings/department-press-briefing-january-18-2022/', status: 301 });
    const page = await testFetcher([mirror]).fetcher.get({ url: mirror.url('/?p=361464') });
    expect(page.url).toBe(mirror.url('/briefings/department-press-briefing-january-18-2022/'));
    expect(page.body).toContain('MR PRICE');
  });

  it('follows a redirect to another allowed host, reading its robots.txt too', async () => {
    const archive = await startMirror();
    try {
      archive.set('/briefing/', { body: 'archived' });
      archive.set('/robots.txt', { body: 'User-agent: *\nDisallow: /private/', contentType: 'text/plain' });
      mirror.fault('/old/', { kind: 'redirect', to: archive.url('/briefing/') });
      mirror.fault('/old-private/', { kind: 'redirect', to: archive.url('/private/x') });
      const { fetcher } = testFetcher([mirror, archive]);
      expect((await fetcher.get({ url: mirror.url('/old/') })).body).toBe('archived');
      expect(archive.requestsFor('/robots.txt')).toHaveLength(1);

      const error = await fetchError(fetcher.get({ url: mirror.url('/old-private/') }));
      expect(error.kind).toBe('disallowed');
      expect(error.message).toContain(`(at ${archive.url('/private/x')})`);
    } finally {
      await archive.close();
    }
  });

  it('refuses a redirect to a host outside the allowlist without following it', async () => {
    const elsewhere = mirror.url('/x').replace('127.0.0.1', 'localhost');
    mirror.fault('/moved/', { kind: 'redirect', to: elsewhere });
    const error = await fetchError(testFetcher([mirror]).fetcher.get({ url: mirror.url('/moved/') }));
    expect(error).toMatchObject({ kind: 'redirect', attempts: 1, transient: false });
    expect(error.message).toBe(`GET ${mirror.url('/moved/')}: redirect to ${elsewhere} refused: host ${new URL(elsewhere).host} is not in allowedHosts`);
    expect(mirror.requestsFor('/x')).toHaveLength(0);
  });

  it('detects a redirect loop and does not retry it', async () => {
    mirror.fault('/a/', { kind: 'redirect', to: '/b/' });
    mirror.fault('/b/', { kind: 'redirect', to: '/a/' });
    const error = await fetchError(testFetcher([mirror]).fetcher.get({ url: mirror.url('/a/') }));
    expect(error).toMatchObject({ kind: 'redirect', attempts: 1 });
    expect(error.message).toBe(`GET ${mirror.url('/a/')}: redirect loop: ${mirror.url('/a/')} -> ${mirror.url('/b/')} -> ${mirror.url('/a/')}`);
    expect(mirror.requests.filter((r) => r.path !== '/robots.txt')).toHaveLength(2);
  });

  it('stops after five redirects', async () => {
    for (let i = 0; i < 7; i += 1) mirror.fault(`/r${i}`, { kind: 'redirect', to: `/r${i + 1}` });
    const error = await fetchError(testFetcher([mirror]).fetcher.get({ url: mirror.url('/r0') }));
    expect(error.kind).toBe('redirect');
    expect(error.message).toContain('more than 5 redirects');
    expect(mirror.requests.filter((r) => r.path !== '/robots.txt')).toHaveLength(6);
  });

  it('follows exactly five redirects', async () => {
    for (let i = 0; i < 5; i += 1) mirror.fault(`/r${i}`, { kind: 'redirect', to: `/r${i + 1}` });
    mirror.set('/r5', { body: 'arrived' });
    expect((await testFetcher([mirror]).fetcher.get({ url: mirror.url('/r0') })).body).toBe('arrived');
  });

  it('names the hop where a failure happened', async () => {
    mirror.fault('/moved/', { kind: 'redirect', to: '/gone/', status: 308 });
    const error = await fetchError(testFetcher([mirror]).fetcher.get({ url: mirror.url('/moved/') }));
    expect(error.message).toBe(`GET ${mirror.url('/moved/')}: HTTP 404 (at ${mirror.url('/gone/')})`);
  });
});
