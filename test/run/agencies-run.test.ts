/**
 * `podium run` for the White House and Defense adapters against local mirrors of their sites:
 * discovery (sitemaps, listing pages), fetch, extract, validate and store, end to end. And the
 * bot walls both sites put up: a clear reason, and no fourth request after three walls.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { defense } from '../../pipeline/agencies/defense.ts';
import { whitehouse } from '../../pipeline/agencies/whitehouse.ts';
import { runCommand } from '../../pipeline/commands/run.ts';
import { validateDataset } from '../../pipeline/store/integrity.ts';
import { runPipeline } from '../../pipeline/run/index.ts';
import { Dataset } from '../../pipeline/store/dataset.ts';
import { startAgencyMirror, type AgencyMirror } from '../support/agency-mirrors.ts';
import { fixture } from '../support/fixtures.ts';
import { useTempDirs } from '../support/tmp.ts';

const tempDir = useTempDirs();
const FAST = { minDelayMs: 0, timeoutMs: 2000, retries: 1, backoffMs: 5, maxRetryAfterMs: 100 };
const now = () => new Date('2026-11-29T03:00:00Z');
const mirrors: AgencyMirror[] = [];
afterEach(async () => {
  await Promise.all(mirrors.splice(0).map((m) => m.close()));
});
async function mirror(agency: 'whitehouse' | 'defense') {
  const m = await startAgencyMirror(agency);
  mirrors.push(m);
  return m;
}

const LEAVITT = 'whitehouse/2025-03-11/press-briefing-by-press-secretary-karoline-leavitt-2';
const PSAKI = 'whitehouse/2022-01-18/press-briefing-by-press-secretary-jen-psaki-january-18-2022';
const BACKGROUND = 'whitehouse/2022-01-19/background-press-call-by-senior-administration-officials-on-the-example-summit';
const KIRBY = 'defense/2026-09-15/press-secretary-john-f-kirby-holds-a-press-briefing';
const RYDER = 'defense/2026-09-22/pentagon-press-secretary-air-force-maj-gen-pat-ryder-holds-an-off-camera-on-the';

describe('whitehouse on its mirror', () => {
  it('stores the briefings of both sites as valid records and skips the statement', async () => {
    const wh = await mirror('whitehouse');
    const out = await tempDir();
    const report = await runPipeline({ agencies: [whitehouse], out, origins: wh.originArgs, fetcher: FAST, now });
    expect(report.failures).toEqual([]);
    expect(report.added.sort()).toEqual([PSAKI, BACKGROUND, LEAVITT]);
    expect(report.agencies[0]).toMatchObject({ agency: 'whitehouse', candidates: 4, notTranscripts: 1 });
    expect((await validateDataset(out)).failures).toEqual([]);

    const dataset = new Dataset(out);
    const leavitt = (await dataset.readRecord(LEAVITT))!;
    expect(leavitt.url).toBe('https://www.whitehouse.gov/briefings-statements/2025/03/press-briefing-by-press-secretary-karoline-leavitt-2/');
    expect(leavitt.turns.map((t) => t.role)).toEqual(['official', 'journalist', 'official', 'journalist', 'official', 'journalist', 'official', 'journalist', 'official']);
    expect(leavitt.turns[2]!.corrections).toEqual([{ paragraph: 0, struck: 'today', inserted: 'tomorrow' }]);
    expect(leavitt.participants.map((p) => p.name)).toEqual(['Karoline Leavitt', null]);
    const background = (await dataset.readRecord(BACKGROUND))!;
    expect(background.url).toMatch(/^https:\/\/bidenwhitehouse\.archives\.gov\/briefing-room\/press-briefings\/2022\/01\/19\//);
    expect(background.groundRules.attribution).toBe('on-background');
    expect(background.participants.map((p) => p.role)).toEqual(['moderator', 'official', 'official', 'journalist']);
    // Sitemaps list pages that are not transcripts' URL shape: never requested.
    expect(wh.origins['www']!.requestsFor('/fact-sheets/2025/02/fact-sheet-an-example-order/')).toHaveLength(0);
    expect(wh.origins['www']!.requestsFor('/administration/')).toHaveLength(0);
  });
});

describe('defense through `podium run`', () => {
  it('--agency defense --origin <mirror>: valid records, one participant for both Kirby labels', async () => {
    const dod = await mirror('defense');
    const out = await tempDir();
    const code = await runCommand.run(['--agency', 'defense', '--origin', dod.origins['www']!.origin, '--out', out, '--delay', '0']);
    expect(code).toBe(0);
    expect((await validateDataset(out)).failures).toEqual([]);
    const dataset = new Dataset(out);
    expect((await dataset.readIndex())!.transcripts.map((e) => e.id)).toEqual([KIRBY]);
    const kirby = (await dataset.readRecord(KIRBY))!;
    expect(kirby.participants[0]).toEqual({ label: 'PRESS SECRETARY JOHN F. KIRBY', name: 'John F. Kirby', nameFrom: 'title', role: 'official', aliases: ['MR KIRBY'] });
    expect(kirby.kind).toBe('press-briefing');
    // A bare --origin replaces the primary origin only; war.gov is not contacted at all.
    expect(dod.origins['war']!.requests).toHaveLength(0);
  });

  it('reads one article served on defense.gov and war.gov once, from the first origin', async () => {
    const dod = await mirror('defense');
    const out = await tempDir();
    const report = await runPipeline({ agencies: [defense], out, origins: dod.originArgs, fetcher: FAST, now });
    expect(report.failures).toEqual([]);
    expect(report.added.sort()).toEqual([KIRBY, RYDER]);
    const kirbyPath = '/News/Transcripts/Transcript/Article/4301234/press-secretary-john-f-kirby-holds-a-press-briefing/';
    expect(dod.origins['www']!.requestsFor(kirbyPath)).toHaveLength(1);
    expect(dod.origins['war']!.requestsFor(kirbyPath)).toHaveLength(0);
    const ryder = (await new Dataset(out).readRecord(RYDER))!;
    expect(ryder.url).toMatch(/^https:\/\/www\.war\.gov\//);
    expect(ryder.participants[0]!.name).toBe('Pat Ryder');
  });
});

describe('several agencies in one run', () => {
  it('takes --origin <agency>:<name>=<url> for each agency', async () => {
    const wh = await mirror('whitehouse');
    const dod = await mirror('defense');
    const out = await tempDir();
    const code = await runCommand.run([
      '--agency', 'whitehouse', '--agency', 'defense', '--out', out, '--delay', '0',
      ...wh.originArgs.flatMap((o) => ['--origin', `whitehouse:${o}`]),
      '--origin', `defense:${dod.origins['www']!.origin}`,
    ]);
    expect(code).toBe(0);
    const ids = (await new Dataset(out).readIndex())!.transcripts.map((e) => e.id).sort();
    expect(ids).toEqual([KIRBY, PSAKI, BACKGROUND, LEAVITT]);
  });

  it('refuses a bare --origin, or an agency left without one, as a usage error', async () => {
    const out = await tempDir();
    const errors: string[] = [];
    const spy = (line: unknown) => void errors.push(String(line));
    const original = console.error;
    console.error = spy;
    try {
      expect(await runCommand.run(['--agency', 'whitehouse', '--agency', 'defense', '--origin', 'http://127.0.0.1:9', '--out', out])).toBe(64);
      expect(await runCommand.run(['--agency', 'whitehouse', '--agency', 'defense', '--origin', 'defense:http://127.0.0.1:9', '--out', out])).toBe(64);
      expect(await runCommand.run(['--agency', 'defense', '--origin', 'state:http://127.0.0.1:9', '--out', out])).toBe(64);
    } finally {
      console.error = original;
    }
    expect(errors[0]).toMatch(/ambiguous with 2 agencies/);
    expect(errors[1]).toMatch(/not for whitehouse/);
    expect(errors[2]).toMatch(/agency "state" is not part of this run/);
  });
});

describe('bot walls', () => {
  const ACCESS_DENIED = fixture('whitehouse/access-denied.html');
  const SLUGS = ['one', 'two', 'three', 'four', 'five'].map((n) => `/briefings-statements/2025/03/press-briefing-${n}/`);

  async function walledSite() {
    const wh = await mirror('whitehouse');
    const www = wh.origins['www']!;
    www.set('/post-sitemap2.xml', {
      contentType: 'application/xml',
      body: `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${SLUGS.map((p, i) => `<url><loc>https://www.whitehouse.gov${p}</loc><lastmod>2025-03-0${i + 1}T12:00:00+00:00</lastmod></url>`).join('')}</urlset>`,
    });
    www.set('/briefings-statements/', { body: '<ul><li class="wp-block-post"><h2 class="wp-block-post-title"><a href="/about/">About</a></h2></li></ul>' });
    return www;
  }

  it('stops requesting a host after three 403 walls in a row, and says so', async () => {
    const www = await walledSite();
    for (const p of SLUGS) www.fault(p, { kind: 'status', statuses: [403, 403, 403], body: ACCESS_DENIED });
    const out = await tempDir();
    const report = await runPipeline({ agencies: [whitehouse], out, origins: [`www=${www.origin}`], fetcher: FAST, now, concurrency: 1 });
    expect(report.exitCode).toBe(2);
    expect(report.failures).toHaveLength(5);
    const requested = SLUGS.filter((p) => www.requestsFor(p).length > 0);
    expect(requested).toHaveLength(3);
    // One polite retry per page, never a browser's User-Agent.
    for (const p of requested) expect(www.requestsFor(p)).toHaveLength(2);
    for (const r of www.requests) expect(r.headers['user-agent']).toMatch(/^Podium\//);
    const messages = report.failures.map((f) => f.message);
    expect(messages.filter((m) => m.startsWith('GET') && /HTTP 403: the site refused our agent \(bot wall\) after 2 attempts$/.test(m))).toHaveLength(3);
    expect(messages.filter((m) => /^GET \S+: not requested: 127\.0\.0\.1:\d+ answered 3 bot walls in a row/.test(m))).toHaveLength(2);
    expect(report.agencies[0]!.blockedHosts).toEqual([{ host: www.host, walls: 3, last: expect.stringMatching(/HTTP 403/) }]);
  });

  it('takes an "Access Denied" page served with 200 for the wall it is', async () => {
    const www = await walledSite();
    www.fault(SLUGS[0]!, { kind: 'decoy', body: ACCESS_DENIED });
    const out = await tempDir();
    const report = await runPipeline({ agencies: [whitehouse], out, origins: [`www=${www.origin}`], fetcher: FAST, now, concurrency: 1 });
    const failure = report.failures.find((f) => f.url.endsWith(SLUGS[0]!))!;
    expect(failure).toMatchObject({ stage: 'fetch' });
    expect(failure.message).toMatch(/decoy page served with HTTP 200/);
    expect(report.agencies[0]!.blockedHosts).toBeUndefined();
  });
});
