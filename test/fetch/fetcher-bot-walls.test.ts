/**
 * Backing off a host that keeps walling us: after `maxBotWalls` consecutive bot walls (403 or a
 * decoy served with 200) the fetcher sends nothing more to that host; a success in between
 * resets the count, and other hosts are unaffected.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { state } from '../../pipeline/agencies/state.ts';
import { decoyTest } from '../../pipeline/extract/index.ts';
import { startMirror, type Mirror } from '../support/mirror.ts';
import { fetchError, pageRequests, testFetcher } from './helpers.ts';

let a: Mirror;
let b: Mirror;
beforeEach(async () => {
  a = await startMirror();
  b = await startMirror();
  for (const m of [a, b]) for (const p of ['/1/', '/2/', '/3/', '/4/', '/ok/']) m.set(p, { body: `<p>${p}</p>` });
});
afterEach(async () => {
  await a.close();
  await b.close();
});

describe('bot walls', () => {
  it('stops a host after three walls in a row and names them in every refusal', async () => {
    const { fetcher, log } = testFetcher([a, b], { retries: 0 });
    for (const p of ['/1/', '/2/', '/3/', '/4/']) a.fault(p, { kind: 'status', statuses: [403] });
    for (const p of ['/1/', '/2/', '/3/']) expect((await fetchError(fetcher.get({ url: a.url(p) }))).kind).toBe('bot-block');
    const refused = await fetchError(fetcher.get({ url: a.url('/4/') }));
    expect(refused.botBlock).toBe(true);
    expect(refused.message).toMatch(/not requested: 127\.0\.0\.1:\d+ answered 3 bot walls in a row \(last: HTTP 403/);
    expect(pageRequests(a).map((r) => r.path)).toEqual(['/1/', '/2/', '/3/']);
    expect(fetcher.blockedHosts()).toEqual([{ host: a.host, walls: 3, last: expect.stringMatching(/^HTTP 403/) }]);
    expect(log.some((line) => /3 bot walls in a row/.test(line))).toBe(true);
    // Another host is still read.
    expect((await fetcher.get({ url: b.url('/ok/') })).status).toBe(200);
  });

  it('counts decoys too, and forgets walls after a success', async () => {
    const { fetcher } = testFetcher([a], { retries: 0 });
    const decoy = { kind: 'decoy', body: '<h1>Technical Difficulties</h1>' } as const;
    a.fault('/1/', decoy);
    a.fault('/2/', decoy);
    a.fault('/3/', decoy);
    await fetchError(fetcher.get({ url: a.url('/1/') }));
    await fetchError(fetcher.get({ url: a.url('/2/') }));
    await fetcher.get({ url: a.url('/ok/') });
    await fetchError(fetcher.get({ url: a.url('/3/') }));
    expect((await fetcher.get({ url: a.url('/4/') })).status).toBe(200);
    expect(fetcher.blockedHosts()).toEqual([]);
  });
});

describe('decoys are judged on the page structure (the agency test the run passes)', () => {
  it('takes a body-less "Technical Difficulties" page for a wall, never an article that says the words', async () => {
    const { fetcher } = testFetcher([a], { retries: 0, decoy: decoyTest(state) });
    a.set('/talk/', { body: '<html><body><h1>Briefing</h1><div class="entry-content"><p>MR PRICE: We had some Technical Difficulties with the line.</p></div></body></html>' });
    a.set('/wall/', { body: '<html><head><title>Technical Difficulties</title></head><body><p>Please come back later.</p></body></html>' });
    a.set('/feed/', { body: '<rss><channel><item><title>Technical Difficulties</title></item></channel></rss>', contentType: 'application/rss+xml' });
    expect((await fetcher.get({ url: a.url('/talk/') })).status).toBe(200);
    expect((await fetcher.get({ url: a.url('/feed/') })).status).toBe(200);
    const wall = await fetchError(fetcher.get({ url: a.url('/wall/') }));
    expect(wall).toMatchObject({ kind: 'bot-block', botBlock: true, fallback: true });
    expect(wall.message).toMatch(/decoy page served with HTTP 200 \(title "Technical Difficulties" matches/);
  });
});
