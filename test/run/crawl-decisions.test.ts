/**
 * Crawl decisions, each made in one place, end to end against a local state.gov mirror: decoys
 * are judged on the page's structure, the fallback decision belongs to the fetch error, transient
 * failures get one more try at the end of the run, and a fallback body that cannot be read keeps
 * its template-change signal.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { state } from '../../pipeline/agencies/state.ts';
import { runPipeline, type RunOptions } from '../../pipeline/run/index.ts';
import { Dataset } from '../../pipeline/store/dataset.ts';
import { fixture, STATE_PAGES, stateFixture, type StateFixture } from '../support/fixtures.ts';
import { startMirror, type Mirror } from '../support/mirror.ts';
import { startStateMirror, type StateMirror } from '../support/state-mirror.ts';
import { useTempDirs } from '../support/tmp.ts';

const tempDir = useTempDirs();
let mirror: StateMirror;
let archive: Mirror;
beforeEach(async () => {
  mirror = await startStateMirror();
  archive = await startMirror();
});
afterEach(async () => {
  await mirror.close();
  await archive.close();
});

const FAST = { minDelayMs: 0, timeoutMs: 2000, retries: 1, backoffMs: 5, maxRetryAfterMs: 100 };
const now = () => new Date('2026-11-28T10:00:00Z');
function options(out: string, extra: Partial<RunOptions> = {}): RunOptions {
  return { agencies: [state], out, origins: [...mirror.originArgs, `web-archive=${archive.origin}`], fetcher: FAST, now, concurrency: 1, ...extra };
}
const snapshot = (page: StateFixture) => `/web/2id_/https://www.state.gov${page.path}`;
const idOf = (page: StateFixture) => `state/${new Date(`${page.date} 12:00Z`).toISOString().slice(0, 10)}/${page.path.split('/').filter(Boolean).at(-1)}`;

describe('decoys are judged on structure', () => {
  it('stores transcripts that speak of technical difficulties, and keeps reading their host', async () => {
    const www = STATE_PAGES.filter((p) => p.origin === 'www' && fixture(p.body).includes('</strong>') && p.docType !== 'Press Statement');
    // More than the three walls in a row after which the old body match stopped the host.
    expect(www.length).toBeGreaterThanOrEqual(3);
    for (const page of www) {
      // Into the first turn, right after its bold label.
      const body = fixture(page.body).replace('</strong>', '</strong> Sorry, we had some Technical Difficulties with the line.');
      expect(body).toMatch(/Technical Difficulties/);
      mirror.publish(page, body);
    }
    const out = await tempDir();
    const report = await runPipeline(options(out));
    expect(report.failures).toEqual([]);
    expect(report.agencies[0]!.blockedHosts).toBeUndefined();
    const dataset = new Dataset(out);
    for (const page of www) {
      const record = (await dataset.readRecord(idOf(page)))!;
      expect(record.source.via).toBe('page');
      expect(JSON.stringify(record.turns)).toMatch(/technical difficulties with the line/i);
    }
  });

  it('takes a page with no article body titled "Technical Difficulties" for a wall, and reads the snapshot', async () => {
    const page = stateFixture('jane-doe-of-example-news');
    mirror.www.fault(page.path, { kind: 'decoy', body: '<html><head><title>Technical Difficulties</title></head><body><p>Please try again later.</p></body></html>' });
    archive.set(snapshot(page), { body: (await import('../support/fixtures.ts')).stateFixturePage(page) });
    const out = await tempDir();
    const report = await runPipeline(options(out));
    expect(report.failures).toEqual([]);
    expect((await new Dataset(out).readRecord(idOf(page)))!.source.via).toBe('web-archive');
  });
});

describe('transient failures', () => {
  it('are tried once more at the end of the run, and stored when the site recovers', async () => {
    const page = stateFixture('jane-doe-of-example-news');
    // Two attempts (retries: 1) fail in the run's pass; the third request, at the end, succeeds.
    mirror.www.fault(page.path, { kind: 'status', statuses: [503, 503] });
    const out = await tempDir();
    const report = await runPipeline(options(out));
    expect(report.failures).toEqual([]);
    expect(report.added).toContain(idOf(page));
    expect(mirror.www.requestsFor(page.path)).toHaveLength(3);
    expect(report.agencies[0]!.requested).toBe(report.agencies[0]!.candidates);
  });

  it('are reported after the second try fails; a final failure is not tried again', async () => {
    const transient = stateFixture('jane-doe-of-example-news');
    const final = stateFixture('joint-press-availability');
    mirror.www.fault(transient.path, { kind: 'status', statuses: Array(10).fill(503) });
    mirror.www.fault(final.path, { kind: 'status', statuses: Array(10).fill(400) });
    const out = await tempDir();
    const report = await runPipeline(options(out));
    expect(report.failures.map((f) => f.url).sort()).toEqual([`https://www.state.gov${final.path}`, `https://www.state.gov${transient.path}`].sort());
    expect(mirror.www.requestsFor(transient.path)).toHaveLength(4);
    expect(mirror.www.requestsFor(final.path)).toHaveLength(1);
  });
});

describe('the fallback decision is the fetch error’s', () => {
  it('asks no fallback for a page that is refused for its content type', async () => {
    const page = stateFixture('jane-doe-of-example-news');
    mirror.www.fault(page.path, { kind: 'content-type', contentType: 'application/pdf' });
    archive.set(snapshot(page), { body: (await import('../support/fixtures.ts')).stateFixturePage(page) });
    const out = await tempDir();
    const report = await runPipeline(options(out));
    expect(report.failures).toEqual([expect.objectContaining({ stage: 'fetch', message: expect.stringMatching(/content type application\/pdf/) })]);
    expect(archive.requestsFor(snapshot(page))).toHaveLength(0);
  });

  it('keeps the template-change signal of a fallback body the extractor cannot read', async () => {
    const page = stateFixture('jane-doe-of-example-news');
    mirror.www.fault(page.path, { kind: 'status', statuses: Array(10).fill(403) });
    archive.set(snapshot(page), { body: '<html><head><title>A page</title></head><body><h1>Secretary Blinken</h1><div class="new-layout"><p>QUESTION: Hello?</p></div></body></html>' });
    const out = await tempDir();
    const report = await runPipeline(options(out));
    const failure = report.failures.find((f) => f.url.endsWith(page.path))!;
    expect(failure).toMatchObject({ stage: 'extract', templateChange: true });
    expect(failure.message).toMatch(/no article body found .*read through a fallback — page: .*HTTP 403/);
  });
});

describe('crawl economics', () => {
  it('reports every request sent for the agency, and the requests per stored transcript', async () => {
    const page = stateFixture('jane-doe-of-example-news');
    mirror.www.fault(page.path, { kind: 'status', statuses: [503, 503] }); // two retries more
    const out = await tempDir();
    const report = await runPipeline(options(out));
    const agency = report.agencies[0]!;
    const sent = mirror.www.requests.length + mirror.archive.requests.length + archive.requests.length;
    expect(agency.requests).toBe(sent);
    expect(agency.stored).toBe(report.added.length);
    expect(agency.requestsPerTranscript).toBe(Math.round((sent / report.added.length) * 100) / 100);

    // A second run with nothing new: requests are still counted, no transcript stored.
    const again = await runPipeline(options(out));
    expect(again.agencies[0]!.stored).toBe(0);
    expect(again.agencies[0]!.requestsPerTranscript).toBeNull();
    expect(again.agencies[0]!.requests).toBe(mirror.www.requests.length + mirror.archive.requests.length + archive.requests.length - sent);
  });

  it('reports, and logs, the URLs a channel listed in a shape the adapter does not recognise; never fetches them', async () => {
    const odd = { origin: 'www' as const, path: '/countries-areas/albania/', lastmod: '2026-11-01T00:00:00+00:00', title: 'Albania' };
    mirror.publishHtml(odd, '<html><body><h1>Albania</h1></body></html>');
    const out = await tempDir();
    const lines: string[] = [];
    const report = await runPipeline(options(out, { log: (line) => lines.push(line) }));
    const pages = report.agencies[0]!.channels.find((c) => c.channel === 'www sitemap-index /sitemap_index.xml > /page-sitemap.xml')!;
    expect(pages.unknownShapes).toEqual({ count: 1, examples: ['https://www.state.gov/countries-areas/albania/'] });
    // The press-releases feed lists every www page, so it saw the same URL.
    expect(report.agencies[0]!.channels.find((c) => c.channel === 'www feed /rss-feed/press-releases/feed/')!.unknownShapes?.count).toBe(1);
    expect(lines).toContain('discover state: www sitemap-index /sitemap_index.xml > /page-sitemap.xml: 1 URLs of a shape the adapter does not recognise, e.g. https://www.state.gov/countries-areas/albania/');
    expect(mirror.www.requestsFor(odd.path)).toEqual([]);
    expect(mirror.www.requestsFor('/page-sitemap.xml')).not.toEqual([]);
  });
});
