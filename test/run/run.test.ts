/**
 * `podium run` end to end against a local state.gov mirror: real HTTP, real fetcher, real files.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { state } from '../../pipeline/agencies/state.ts';
import { validateDataset } from '../../pipeline/store/integrity.ts';
import { runPipeline, type RunOptions } from '../../pipeline/run/index.ts';
import { Dataset } from '../../pipeline/store/dataset.ts';
import type { Transcript } from '../../pipeline/schema/types.ts';
import { fixture, stateFixture } from '../support/fixtures.ts';
import { startStateMirror, type StateMirror } from '../support/state-mirror.ts';
import { useTempDirs } from '../support/tmp.ts';
import { snapshotTree } from '../support/tree.ts';

const tempDir = useTempDirs();
let mirror: StateMirror;
beforeEach(async () => {
  mirror = await startStateMirror();
});
afterEach(async () => {
  await mirror.close();
});

/** Test fetcher settings: the mirror's robots.txt still sets a crawl delay. */
const FAST = { minDelayMs: 0, timeoutMs: 2000, retries: 1, backoffMs: 5, maxRetryAfterMs: 100 };
let clock = Date.parse('2026-11-28T10:00:00Z');
const now = () => new Date(clock);

function options(out: string, extra: Partial<RunOptions> = {}): RunOptions {
  return { agencies: [state], out, origins: mirror.originArgs, fetcher: FAST, now, ...extra };
}

const DPB = 'state/2022-01-18/department-press-briefing-january-18-2022';
const EXPECTED_IDS = [
  'state/2021-06-02/department-press-briefing-june-2-2021',
  'state/2022-01-18/a-senior-state-department-official-on-the-secretarys-upcoming-travel-to-ukraine-and-germany',
  DPB,
  'state/2022-01-20/secretary-antony-j-blinken-and-german-foreign-minister-annalena-baerbock-at-a-joint-press-availability',
  'state/2022-01-21/secretary-antony-j-blinken-with-jane-doe-of-example-news',
];

describe('a first run on the mirror', () => {
  it('stores every transcript as a valid record with canonical URLs, and skips the press statement', async () => {
    const out = await tempDir();
    const report = await runPipeline(options(out));
    expect(report.failures).toEqual([]);
    expect(report.exitCode).toBe(0);
    expect(report.added.sort()).toEqual(EXPECTED_IDS);

    const validation = await validateDataset(out);
    expect(validation.failures).toEqual([]);
    expect(validation.files).toBeGreaterThanOrEqual(EXPECTED_IDS.length + 2);

    const dataset = new Dataset(out);
    const index = (await dataset.readIndex())!;
    expect(index.transcripts.map((e) => e.id)).toEqual(EXPECTED_IDS);
    expect(index.datasetVersion).toBe('2026.11.28.1');
    const dpb = (await dataset.readRecord(DPB))!;
    expect(dpb.url).toBe('https://www.state.gov/briefings/department-press-briefing-january-18-2022/');
    expect(dpb.source).toMatchObject({ via: 'page', fetchedAt: '2026-11-28T10:00:00.000Z' });
    expect(dpb.source.etag).toMatch(/^"/);
    expect(dpb.revisions).toEqual([{ revision: 1, observedAt: '2026-11-28T10:00:00.000Z', contentSha256: dpb.source.contentSha256, change: 'initial' }]);
    const archived = (await dataset.readRecord(EXPECTED_IDS[0]!))!;
    expect(archived.url).toBe('https://2021-2025.state.gov/briefings/department-press-briefing-june-2-2021/');

    const crawl = (await dataset.readCrawlState('state'))!;
    // The statement's title in the feed and the REST list gives it away: never fetched, remembered.
    expect(crawl.pages.find((p) => p.url.endsWith('/on-the-national-day-of-examplestan/'))).toMatchObject({
      verdict: 'not-transcript',
      reason: 'title: On the National Day of Examplestan',
      judgedBy: state.version,
    });
    expect(mirror.www.requestsFor('/on-the-national-day-of-examplestan/')).toEqual([]);
    expect(await dataset.readRaw(DPB)).toContain('featured-content__headline');
    expect(JSON.stringify(await readFile(join(out, 'changelog.json'), 'utf8'))).toContain('department-press-briefing-january-18-2022');
    // Nothing but the mirror was contacted, and never a non-candidate page.
    expect(mirror.www.requestsFor('/about/')).toHaveLength(0);
    expect(mirror.www.requestsFor('/hello-world/')).toHaveLength(0);
  });

  it('writes byte-identical files for the same input', async () => {
    const a = await tempDir();
    const b = await tempDir();
    await runPipeline(options(a));
    await runPipeline(options(b));
    const [ta, tb] = [await snapshotTree(a), await snapshotTree(b)];
    expect([...ta.keys()].sort()).toEqual([...tb.keys()].sort());
    for (const [path, file] of ta) expect(tb.get(path)!.bytes, path).toBe(file.bytes);
  });
});

describe('a backfill shard', () => {
  it('keeps only the pages of its date window, and never counts the others as missing', async () => {
    const out = await tempDir();
    await runPipeline(options(out));
    // Three whole runs without the page would withdraw it; a windowed run must not count as one.
    for (let i = 0; i < 3; i++) {
      clock += 3_600_000;
      const shard = await runPipeline(options(out, { since: '2022-01-01', until: '2022-01-19', runId: `shard-${i}` }));
      expect(shard.runId).toBe(`shard-${i}`);
      expect(shard.withdrawn).toEqual([]);
    }
    const crawl = (await new Dataset(out).readCrawlState('state'))!;
    expect(crawl.pages.filter((p) => p.missingRuns)).toEqual([]);

    const fresh = await tempDir();
    const report = await runPipeline(options(fresh, { since: '2022-01-01', until: '2022-01-19' }));
    expect(report.added.sort()).toEqual(EXPECTED_IDS.filter((id) => /^state\/2022-01-(18|19)/.test(id)));
    expect(report.runId).toBe(new Date(clock).toISOString());
  });
});

describe('a second run over an unchanged source', () => {
  it('sends no page request and writes no file at all', async () => {
    const out = await tempDir();
    await runPipeline(options(out));
    const before = await snapshotTree(out);
    const pageRequests = mirror.www.requests.length;
    clock += 3_600_000;
    const report = await runPipeline(options(out));
    expect(report.changed).toBe(false);
    expect(report.exitCode).toBe(0);
    const after = await snapshotTree(out);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [path, file] of before) expect(after.get(path), path).toEqual(file);
    // Only robots, sitemaps, feeds and REST lists were read again; the unchanged pages were skipped by lastmod.
    const second = mirror.www.requests.slice(pageRequests).map((r) => r.path);
    expect(second.filter((p) => !/robots|sitemap|rss-feed|^\/wp-json\/wp\/v2\/\w+\?per_page=/.test(p))).toEqual([]);
  });

  it('asks conditionally when the sitemap gives no lastmod, and gets 304s', async () => {
    const out = await tempDir();
    await runPipeline(options(out));
    // Forget the lastmods, and list the pages without dates: the crawler must fall back to validators.
    for (const m of [mirror.www, mirror.archive]) for (const type of ['state_briefing', 'pages']) m.set(`/wp-json/wp/v2/${type}`, { contentType: 'application/json', body: '[]' });
    const dataset = new Dataset(out);
    const crawl = (await dataset.readCrawlState('state'))!;
    await dataset.writeCrawlState({ ...crawl, pages: crawl.pages.map(({ lastmod: _, ...p }) => p) });
    const before = mirror.www.requests.length;
    const report = await runPipeline(options(out));
    expect(report.changed).toBe(false);
    const pages = mirror.www.requests.slice(before).filter((r) => !/robots|sitemap|rss-feed|wp-json/.test(r.path));
    expect(pages.length).toBeGreaterThan(0);
    for (const r of pages) {
      expect(r.headers['if-none-match'], r.path).toMatch(/^"/);
      expect(r.status, r.path).toBe(304);
    }
  });
});

describe('an edited page', () => {
  it('gets a new classified revision and keeps the old version in history', async () => {
    const out = await tempDir();
    await runPipeline(options(out));
    const page = stateFixture('department-press-briefing-january-18-2022');
    const edited = fixture(page.body).replace('We will have more to say about that soon.', 'We will have more to share about that soon.');
    mirror.publish({ ...page, lastmod: '2022-01-19T10:00:00+00:00' }, edited);
    clock += 3_600_000;
    const report = await runPipeline(options(out));
    expect(report.revised).toEqual([{ id: DPB, revision: 2, change: 'minor' }]);
    const dataset = new Dataset(out);
    const record = (await dataset.readRecord(DPB))!;
    expect(record.revision).toBe(2);
    expect(record.revisions.map((r) => r.change)).toEqual(['initial', 'minor']);
    expect(record.turns[2]!.paragraphs[0]).toContain('more to share');
    const first = (await dataset.readHistory(DPB, 1)) as Transcript;
    expect(first.turns[2]!.paragraphs[0]).toContain('more to say');
    expect((await dataset.readIndex())!.datasetVersion).toBe('2026.11.28.2');
    const changelog = (await dataset.readChangelog())!;
    expect(changelog.entries).toHaveLength(2);
    expect(changelog.entries[1]).toMatchObject({ counts: { added: 0, revised: 1, failed: 0 }, revised: [{ id: DPB, change: 'minor' }] });
    expect((await validateDataset(out)).failures).toEqual([]);
  });
});

describe('failures', () => {
  it('keeps going past a failing page, keeps its stored record, and exits 2', async () => {
    const out = await tempDir();
    await runPipeline(options(out));
    const before = await readFile(join(out, 'transcripts/state/2022/2022-01-18-department-press-briefing-january-18-2022.json'), 'utf8');
    const page = stateFixture('department-press-briefing-january-18-2022');
    mirror.publish({ ...page, lastmod: '2022-01-19T10:00:00+00:00' }, fixture(page.body).replace('Good afternoon', 'Good evening'));
    mirror.www.fault(page.path, { kind: 'status', statuses: Array(20).fill(500) });
    const other = stateFixture('jane-doe-of-example-news');
    mirror.publish({ ...other, lastmod: '2022-01-22T10:00:00+00:00' }, fixture(other.body).replace('Good to be with you.', 'Good to be with you today.'));
    const report = await runPipeline(options(out));
    expect(report.exitCode).toBe(2);
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]!.url).toBe('https://www.state.gov/briefings/department-press-briefing-january-18-2022/');
    expect(report.failures[0]!.message).toMatch(/HTTP 500/);
    expect(report.revised.map((r) => r.id)).toEqual(['state/2022-01-21/secretary-antony-j-blinken-with-jane-doe-of-example-news']);
    expect(await readFile(join(out, 'transcripts/state/2022/2022-01-18-department-press-briefing-january-18-2022.json'), 'utf8')).toBe(before);
    const changelog = (await new Dataset(out).readChangelog())!;
    expect(changelog.entries.at(-1)!.failures).toEqual([{ url: 'https://www.state.gov/briefings/department-press-briefing-january-18-2022/', stage: 'fetch', message: expect.stringMatching(/HTTP 500/) }]);
  });

  it('reads a blocked page through the WordPress REST API and says so', async () => {
    const out = await tempDir();
    const page = stateFixture('jane-doe-of-example-news');
    mirror.www.fault(page.path, { kind: 'status', statuses: Array(20).fill(403) });
    mirror.www.set('/wp-json/wp/v2/pages?slug=secretary-antony-j-blinken-with-jane-doe-of-example-news&_fields=id,date,modified_gmt,link,title,content', {
      contentType: 'application/json',
      body: JSON.stringify([{ id: 1, date: '2022-01-21T08:00:00', modified_gmt: '2022-01-21T13:00:00', link: 'x', title: { rendered: 'Secretary Antony J. Blinken With Jane Doe of Example&nbsp;News' }, content: { rendered: fixture(page.body) } }]),
    });
    const report = await runPipeline(options(out));
    expect(report.failures).toEqual([]);
    const record = (await new Dataset(out).readRecord('state/2022-01-21/secretary-antony-j-blinken-with-jane-doe-of-example-news'))!;
    expect(record.source.via).toBe('rest-api');
    expect(record.source.fetchedUrl).toMatch(/^https:\/\/www\.state\.gov\/wp-json\/wp\/v2\/pages\?slug=/);
    expect(record.title).toBe('Secretary Antony J. Blinken With Jane Doe of Example News');
    expect(record.turns).toHaveLength(6);
  });

  it('falls back to a raw web-archive snapshot when the page and the API both fail', async () => {
    const out = await tempDir();
    const page = stateFixture('jane-doe-of-example-news');
    const archive = await (await import('../support/mirror.ts')).startMirror();
    try {
      mirror.www.fault(page.path, { kind: 'decoy', body: '<html><body><h1>Technical Difficulties</h1></body></html>' });
      const snapshot = `/web/2id_/https://www.state.gov${page.path}`;
      const { stateFixturePage } = await import('../support/fixtures.ts');
      archive.set(snapshot, { body: stateFixturePage(page) });
      const report = await runPipeline(options(out, { origins: [...mirror.originArgs, `web-archive=${archive.origin}`] }));
      expect(report.failures).toEqual([]);
      const record = (await new Dataset(out).readRecord('state/2022-01-21/secretary-antony-j-blinken-with-jane-doe-of-example-news'))!;
      expect(record.source.via).toBe('web-archive');
      expect(record.source.fetchedUrl).toBe(`https://web.archive.org${snapshot}`);
      expect(archive.requestsFor(snapshot)).toHaveLength(1);
    } finally {
      await archive.close();
    }
  });

  it('is fatal (exit 1) when no discovery channel answers: one failure per origin, nothing written', async () => {
    const out = await tempDir();
    for (const m of [mirror.www, mirror.archive]) {
      for (const p of ['/sitemap_index.xml', '/rss-feed/department-press-briefings/feed/', '/rss-feed/press-releases/feed/', '/wp-json/wp/v2/state_briefing', '/wp-json/wp/v2/pages', '/wp-json/wp/v2/state_press_release']) m.remove(p);
    }
    const report = await runPipeline(options(out));
    expect(report.exitCode).toBe(1);
    expect(report.failures.map((f) => [f.agency, f.stage, f.origin, f.url])).toEqual([
      ['state', 'discover', 'www', 'https://www.state.gov/'],
      ['state', 'discover', 'archive', 'https://2021-2025.state.gov/'],
    ]);
    expect(report.failures[0]!.message).toMatch(/^state www: every discovery channel failed: www sitemap-index \/sitemap_index\.xml: .*HTTP 404/);
    expect(report.agencies[0]!.channels.every((c) => !c.ok)).toBe(true);
    expect(await new Dataset(out).readIndex()).toBeNull();
    expect(await new Dataset(out).readCrawlState('state')).toBeNull();
  });
});
