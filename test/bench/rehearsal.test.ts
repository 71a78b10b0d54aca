/**
 * The rehearsal, small: the three-agency mirror of bench/rehearsal-site.ts at test volumes, and
 * scheduled `podium run`s into one dataset as scrape.yml makes them (child processes, the mirror
 * logging every arrival). The full-size one is `npm run bench -- --only rehearsal`.
 */
import { describe, expect, it } from 'vitest';
import { hostRate } from '../../bench/rehearsal-mirror.ts';
import { QUICK_VOLUMES, rehearse, type RehearsalResult } from '../../bench/rehearsal.ts';
import { rehearsalSites, isCandidate } from '../../bench/rehearsal-site.ts';
import { startRehearsalMirror } from '../../bench/rehearsal-mirror.ts';

/** Scaled 1000×: state.gov's 5 s crawl-delay is 5 ms on the mirror. */
const SCALE = 1000;

describe('the rehearsal mirror', () => {
  it('lists real-world shapes: one page-sitemap URL in ten a transcript, Yoast splits at 1 000, feeds of ten', () => {
    const sites = rehearsalSites({ ...QUICK_VOLUMES, state: { www: { pages: 2_500, briefings: 20 }, archive: { pages: 3_000, briefings: 30 } } }, SCALE);
    const www = sites.find((s) => s.canonical === 'https://www.state.gov')!;
    const pages = www.items.filter((i) => !i.path.startsWith('/briefings/'));
    expect(pages).toHaveLength(2_500);
    expect(pages.filter((i) => i.kind === 'transcript')).toHaveLength(250);
    // Section pages are dropped by the URL filter; releases pass it and cost a request each.
    expect(pages.filter((i) => isCandidate('state', www.canonical + i.path))).toHaveLength(2_000);
    expect([...www.documents.keys()].filter((p) => /^\/page-sitemap\d*\.xml$/.test(p))).toEqual(['/page-sitemap.xml', '/page-sitemap2.xml', '/page-sitemap3.xml']);
    expect(www.documents.get('/robots.txt')!.body).toContain('Crawl-delay: 0.005\n');
    expect(www.documents.get('/rss-feed/press-releases/feed/')!.body.match(/<item>/g)).toHaveLength(10);
    expect(new Set(www.items.map((i) => i.path)).size).toBe(www.items.length);
  });

  it('walls defense.gov and war.gov: 403 "Access Denied" on every request, robots.txt included', async () => {
    const mirror = await startRehearsalMirror(QUICK_VOLUMES, SCALE);
    try {
      for (const host of mirror.hosts.filter((h) => h.site.agency === 'defense')) {
        for (const path of ['/robots.txt', '/News/Transcripts/']) {
          const res = await fetch(host.url + path);
          expect(res.status).toBe(403);
          expect(await res.text()).toContain('<TITLE>Access Denied</TITLE>');
        }
      }
      const state = mirror.hosts.find((h) => h.site.canonical === 'https://2021-2025.state.gov')!;
      const page = [...state.transcripts][0]!;
      const first = await fetch(state.url + page);
      expect(first.status).toBe(200);
      const again = await fetch(state.url + page, { headers: { 'if-none-match': first.headers.get('etag')! } });
      expect(again.status).toBe(304);
    } finally {
      await mirror.close();
    }
  });

  it('measures the peak rate over a run of gaps, so one late packet does not count as a burst', () => {
    const log = (times: number[]) => times.map((at) => ({ at, path: '/', status: 200 }));
    // Starts 10 ms apart; the fourth request's packets arrive 9 ms late.
    const arrivals = [0, 10, 20, 39, 40, 50, 60, 70, 80, 90, 100, 110];
    expect(hostRate(log(arrivals), 10)).toMatchObject({ requests: 12, minGapMs: 1 });
    expect(hostRate(log(arrivals), 10).peakPerSecond).toBeCloseTo(100, 5);
    expect(hostRate(log([0, 2, 4, 6, 8, 10]), 10).peakPerSecond).toBe(500);
  });
});

describe('scheduled runs against the mirror', () => {
  let result: RehearsalResult;

  it('run 1 commits data for state and the White House although defense is walled', async () => {
    // 60 s on the mirror clock (about 17 real hours at this scale): run 1 covers these volumes. The
    // budget also bounds discovery and process start, which are CPU time and do not scale down.
    result = await rehearse({ volumes: QUICK_VOLUMES, scale: SCALE, budgetSeconds: 60_000, maxRuns: 2 });
    expect(result.agencies).toEqual(['defense', 'state', 'whitehouse']);
    const [first] = result.runs;
    // Partial: defense's discovery failed on both its origins, everything else was done and saved.
    expect(first!.exitCode).toBe(2);
    expect(first!.failures.map((f) => [f.stage, f.agency])).toEqual([['discover', 'defense'], ['discover', 'defense']]);
    expect(first!.storedByAgency).toMatchObject({ defense: 0, state: expect.any(Number), whitehouse: expect.any(Number) });
    expect(first!.storedByAgency['state']).toBeGreaterThan(0);
    expect(first!.storedByAgency['whitehouse']).toBeGreaterThan(0);
    expect(result.firstRun.indexValid, result.firstRun.validateOutput).toBe(true);
    // Run 1's budget covers these volumes: every transcript the mirror lists is stored, and only those
    // (releases are fetched and judged not transcripts, section pages never requested).
    for (const agency of ['state', 'whitehouse']) {
      const listed = result.hosts.filter((h) => h.agency === agency).reduce((s, h) => s + h.transcripts, 0);
      expect(result.transcripts[agency], agency).toBe(listed);
    }
    expect(result.runsUntilEmpty).toBe(1);
  }, 60_000);

  it('got nothing but the wall from defense.gov and war.gov', () => {
    const defense = result.hosts.filter((h) => h.agency === 'defense');
    expect(defense.map((h) => h.host)).toEqual(['www.defense.gov', 'www.war.gov']);
    for (const host of defense) expect(Object.keys(host.statuses), host.host).toEqual(['403']);
    expect(result.transcripts['defense']).toBe(0);
  });

  it('never sends two requests to a host closer than its crawl-delay (measured at the socket)', () => {
    for (const host of result.hosts) {
      // Every request the mirror saw left through a socket write the probe stamped.
      expect(host.wire.requests, host.host).toBe(host.requests);
      expect(host.wire.minGapMs, host.host).toBeGreaterThanOrEqual(host.gapMs - 0.01);
      expect(host.wire.peakPerSecond, host.host).toBeLessThanOrEqual(host.ceilingPerSecond);
    }
  });

  it('never asks a host faster than its crawl-delay (measured at the mirror)', () => {
    for (const host of result.hosts) {
      expect(host.requests, host.host).toBeGreaterThan(0);
      // 5 % for the arrival jitter at the two ends of a half-second window.
      expect(host.peakPerSecond, host.host).toBeLessThanOrEqual(host.ceilingPerSecond * 1.05);
    }
  });
});
