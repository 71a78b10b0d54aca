/**
 * The fault matrix: every fault injected for real by the local mirror, through the real run.
 * For a failing page: the run completes for every other page, the page keeps its previous record
 * byte for byte, the error names the URL and the cause, the run exits 2 ("partial"), and the
 * changelog and the summary report it. Nothing already in the dataset is lost.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { state } from '../../pipeline/agencies/state.ts';
import { summarize } from '../../pipeline/commands/run.ts';
import { validateDataset } from '../../pipeline/store/integrity.ts';
import { runPipeline, type RunOptions, type RunReport } from '../../pipeline/run/index.ts';
import { Dataset } from '../../pipeline/store/dataset.ts';
import type { MirrorFault } from '../support/mirror.ts';
import { fixture, stateFixture, stateFixturePage } from '../support/fixtures.ts';
import { startStateMirror, type StateMirror } from '../support/state-mirror.ts';
import { encodeWindows1252 } from '../support/cp1252.ts';
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

const FAST = { minDelayMs: 0, timeoutMs: 400, retries: 2, backoffMs: 5, maxRetryAfterMs: 1500, maxBytes: 2 * 1024 * 1024 };
let clock = Date.parse('2026-11-28T10:00:00Z');
const options = (out: string, extra: Partial<RunOptions> = {}): RunOptions => ({
  agencies: [state], out, origins: mirror.originArgs, fetcher: FAST, now: () => new Date((clock += 60_000)), ...extra,
});

const DPB = stateFixture('department-press-briefing-january-18-2022');
const DPB_URL = `https://www.state.gov${DPB.path}`;
const DPB_FILE = 'transcripts/state/2022/2022-01-18-department-press-briefing-january-18-2022.json';
const INTERVIEW = stateFixture('jane-doe-of-example-news');
const INTERVIEW_ID = 'state/2022-01-21/secretary-antony-j-blinken-with-jane-doe-of-example-news';

/**
 * A stored dataset, then an edit to the briefing (the faulty page) and to the interview (a
 * healthy page), so the second run has real work on both.
 */
async function editedDataset(): Promise<string> {
  const out = await tempDir();
  const first = await runPipeline(options(out));
  expect(first.failures).toEqual([]);
  mirror.publish({ ...DPB, lastmod: '2022-02-01T00:00:00+00:00' }, fixture(DPB.body).replace('Happy Tuesday.', 'Happy Wednesday.'));
  mirror.publish({ ...INTERVIEW, lastmod: '2022-02-01T00:00:00+00:00' }, fixture(INTERVIEW.body).replace('Good to be with you.', 'Good to be with you this morning.'));
  return out;
}

/** The outcome every failing page must have. */
async function expectContained(out: string, report: RunReport, cause: RegExp): Promise<void> {
  expect(report.exitCode).toBe(2);
  expect(report.failures).toHaveLength(1);
  const failure = report.failures[0]!;
  expect(failure.url).toBe(DPB_URL);
  expect(failure.message).toContain(DPB.path);
  expect(failure.message).toMatch(cause);
  // The other page went through.
  expect(report.revised.map((r) => r.id)).toEqual([INTERVIEW_ID]);
  // The failing page kept its record, byte for byte, and the dataset is whole.
  const record = await readFile(join(out, DPB_FILE), 'utf8');
  expect(record).toContain('Happy Tuesday.');
  expect(JSON.parse(record).revision).toBe(1);
  expect((await validateDataset(out)).failures).toEqual([]);
  // The changelog and the printed summary both report it.
  const entry = (await new Dataset(out).readChangelog())!.entries.at(-1)!;
  expect(entry.failures).toEqual([{ url: DPB_URL, stage: failure.stage, message: failure.message }]);
  expect(summarize(report)).toContain(failure.message);
}

async function faultRun(fault: MirrorFault, cause: RegExp, extra: Partial<RunOptions> = {}): Promise<RunReport> {
  const out = await editedDataset();
  mirror.www.fault(DPB.path, fault);
  const report = await runPipeline(options(out, extra));
  await expectContained(out, report, cause);
  return report;
}

describe('1-2. transient errors are retried', () => {
  it.each([500, 502, 503])('HTTP %i, then success', async (status) => {
    const out = await editedDataset();
    mirror.www.fault(DPB.path, { kind: 'status', statuses: [status, status] });
    const report = await runPipeline(options(out));
    expect(report.failures).toEqual([]);
    expect(report.revised.map((r) => r.id).sort()).toEqual(['state/2022-01-18/department-press-briefing-january-18-2022', INTERVIEW_ID]);
    // The first request was the first run's.
    expect(mirror.www.requestsFor(DPB.path).slice(1).map((r) => r.status)).toEqual([status, status, 200]);
  });

  it('429 with Retry-After in seconds', async () => {
    const out = await editedDataset();
    mirror.www.fault(DPB.path, { kind: 'status', statuses: [429], retryAfter: 1 });
    const report = await runPipeline(options(out));
    expect(report.failures).toEqual([]);
    const [limited, retried] = mirror.www.requestsFor(DPB.path).slice(1);
    expect(retried!.start - limited!.start).toBeGreaterThanOrEqual(950);
  });

  it('429 with Retry-After as an HTTP date', async () => {
    const out = await editedDataset();
    mirror.www.fault(DPB.path, { kind: 'status', statuses: [429], retryAfter: new Date(Date.now() + 1000).toUTCString() });
    const report = await runPipeline(options(out));
    expect(report.failures).toEqual([]);
    expect(mirror.www.requestsFor(DPB.path).slice(1).map((r) => r.status)).toEqual([429, 200]);
  });

  it('a 503 that keeps failing is partial', async () => {
    await faultRun({ kind: 'status', statuses: Array(10).fill(503) }, /HTTP 503 after 3 attempts/);
  });
});

describe('3. bot walls', () => {
  it('HTTP 403', async () => {
    const report = await faultRun({ kind: 'status', statuses: Array(10).fill(403) }, /403/);
    expect(report.failures[0]!.message).toMatch(/every channel failed/);
  });

  it('the HTTP 200 "Technical Difficulties" decoy page', async () => {
    await faultRun({ kind: 'decoy', body: '<html><body><h1>Technical Difficulties</h1><p>Sorry.</p></body></html>' }, /decoy/i);
  });
});

describe('4-8. broken transfers', () => {
  it('4. connection reset mid-body', async () => {
    await faultRun({ kind: 'reset' }, /reset|closed|terminated|socket/i);
  });
  it('5. truncated HTML (Content-Length larger than the body)', async () => {
    await faultRun({ kind: 'truncate' }, /truncat|short|Content-Length|terminated/i);
  });
  it('6. a response that never finishes', async () => {
    await faultRun({ kind: 'hang' }, /timeout|no response|within/i);
  });
  it('7. a redirect loop', async () => {
    mirror.www.fault('/loop/', { kind: 'redirect', to: DPB.path });
    await faultRun({ kind: 'redirect', to: '/loop/' }, /redirect/i);
  });
  it('7. a redirect to a host outside the allowlist', async () => {
    await faultRun({ kind: 'redirect', to: 'https://evil.example/briefing/' }, /redirect.*evil\.example|evil\.example.*allow/i);
  });
  it('8. a 50 MB page', async () => {
    const report = await faultRun({ kind: 'huge', bytes: 50_000_000 }, /cap|too large|exceeds/i);
    // The transfer was cut off at the cap, not read to the end.
    expect(Math.max(...mirror.www.requestsFor(DPB.path).map((r) => r.bytesSent))).toBeLessThan(50_000_000);
    expect(report.exitCode).toBe(2);
  });
});

describe('9. content types and charsets', () => {
  it.each([['application/pdf'], ['application/json']])('%s where HTML is expected', async (type) => {
    await faultRun({ kind: 'content-type', contentType: type }, new RegExp(`content type|${type.replace('/', '\\/')}`, 'i'));
  });

  it('Windows-1252 bytes with no declared charset, and a UTF-8 BOM', async () => {
    const out = await tempDir();
    const html = stateFixturePage(DPB, fixture(DPB.body).replace('Happy Tuesday.', '“Happy Tuesday” – café.'));
    mirror.www.set(DPB.path, { body: encodeWindows1252(html.replace('<meta charset="UTF-8">', '')), contentType: 'text/html' });
    mirror.www.set(INTERVIEW.path, { body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(stateFixturePage(INTERVIEW))]), contentType: 'text/html; charset=utf-8' });
    const report = await runPipeline(options(out));
    expect(report.failures).toEqual([]);
    const record = (await new Dataset(out).readRecord('state/2022-01-18/department-press-briefing-january-18-2022'))!;
    expect(record.turns[0]!.paragraphs[0]).toContain('“Happy Tuesday” – café.');
    expect((await new Dataset(out).readRecord(INTERVIEW_ID))!.title).toBe(INTERVIEW.title);
  });
});

describe('10. template changes', () => {
  const changed = async (body: string | null, html?: string) => {
    const out = await editedDataset();
    mirror.www.set(DPB.path, { body: html ?? stateFixturePage(DPB, body!) });
    return { out, report: await runPipeline(options(out)) };
  };

  it('article body missing', async () => {
    const { out, report } = await changed(null, stateFixturePage(DPB).replace(/<div class="entry-content">[\s\S]*<!-- \.entry-content -->/, '<div class="new-body"><p>Text</p></div>'));
    await expectContained(out, report, /no article body found \(tried div\.entry-content/);
    expect(report.failures[0]!.templateChange).toBe(true);
  });

  it('a page with zero recognized speakers', async () => {
    const { out, report } = await changed(fixture(DPB.body).replace(/<\/?(?:strong|b)>/g, '').replace(/(MR PRICE|QUESTION|OPERATOR):/g, '$1 said'));
    await expectContained(out, report, /"Department Press Briefing" but no speaker label was recognized/);
    expect(report.failures[0]!.templateChange).toBe(true);
  });

  it('labels no longer bold are still read as labels', async () => {
    const { out, report } = await changed(fixture(DPB.body).replace(/<\/?(?:strong|b)>/g, ''));
    expect(report.failures).toEqual([]);
    const record = (await new Dataset(out).readRecord('state/2022-01-18/department-press-briefing-january-18-2022'))!;
    expect(record.turns.map((t) => t.speaker)).toEqual([
      'MR PRICE', 'QUESTION', 'MR PRICE', 'QUESTION', 'MR PRICE', 'OPERATOR', 'QUESTION', 'MR PRICE', 'QUESTION', 'MR PRICE', 'QUESTION', 'MR PRICE',
    ]);
  });
});

describe('11. discovery channels', () => {
  it('a malformed sitemap is reported and the other channels carry the run', async () => {
    const out = await tempDir();
    mirror.www.set('/page-sitemap.xml', { body: '<urlset><url><loc>https://www.state.gov/x/', contentType: 'application/xml' });
    const report = await runPipeline(options(out));
    const broken = report.agencies[0]!.channels.filter((c) => !c.ok);
    expect(broken.map((c) => c.channel)).toEqual(['www sitemap-index /sitemap_index.xml > /page-sitemap.xml']);
    expect(broken[0]!.error).toMatch(/page-sitemap\.xml/);
    // The feeds still list the flat-slug transcripts.
    expect(report.added).toContain(INTERVIEW_ID);
  });

  it('an empty sitemap after a full one withdraws nothing, however many runs', async () => {
    const out = await tempDir();
    await runPipeline(options(out));
    for (const m of [mirror.www, mirror.archive]) {
      m.set('/state_briefing-sitemap.xml', { body: '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>', contentType: 'application/xml' });
      m.set('/page-sitemap.xml', { body: '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>', contentType: 'application/xml' });
    }
    mirror.www.set('/rss-feed/press-releases/feed/', { body: '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>', contentType: 'application/rss+xml' });
    mirror.www.set('/rss-feed/department-press-briefings/feed/', { body: '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>', contentType: 'application/rss+xml' });
    for (let i = 0; i < 4; i++) expect((await runPipeline(options(out))).withdrawn).toEqual([]);
    const index = (await new Dataset(out).readIndex())!;
    expect(index.transcripts.every((e) => e.status === 'active')).toBe(true);
  });

  it('a page dropped from every channel is asked once: a 404 makes the tombstone at once, and it is restored when it returns', async () => {
    const out = await tempDir();
    await runPipeline(options(out));
    mirror.unpublish(INTERVIEW);
    const before = mirror.www.requestsFor(INTERVIEW.path).length;
    const withdrawn: string[][] = [];
    for (let i = 0; i < 3; i++) withdrawn.push((await runPipeline(options(out))).withdrawn);
    expect(withdrawn).toEqual([[INTERVIEW_ID], [], []]);
    // One confirmation fetch; a tombstone is not asked again every run.
    expect(mirror.www.requestsFor(INTERVIEW.path).length - before).toBe(1);
    const tomb = (await new Dataset(out).readRecord(INTERVIEW_ID))!;
    expect(tomb).toMatchObject({ status: 'withdrawn', revision: 1 });
    expect(tomb.turns.length).toBeGreaterThan(0);
    mirror.publish(INTERVIEW);
    const back = await runPipeline(options(out));
    expect(back.restored).toEqual([INTERVIEW_ID]);
    expect((await new Dataset(out).readRecord(INTERVIEW_ID))!.status).toBe('restored');
  });

  it('a page dropped from every channel but still served is asked once and kept', async () => {
    const out = await tempDir();
    await runPipeline(options(out));
    mirror.unlist(INTERVIEW);
    const before = mirror.www.requestsFor(INTERVIEW.path);
    const reports = [await runPipeline(options(out)), await runPipeline(options(out))];
    const asked = mirror.www.requestsFor(INTERVIEW.path).slice(before.length);
    expect(asked).toHaveLength(1);
    // Conditional: the site answers 304 and the record is untouched.
    expect(asked[0]!.headers['if-none-match'] ?? asked[0]!.headers['if-modified-since']).toBeTruthy();
    expect(reports.flatMap((r) => r.withdrawn)).toEqual([]);
    expect(reports[0]!.agencies[0]!.notModified).toBe(1);
    expect((await new Dataset(out).readRecord(INTERVIEW_ID))!.status).toBe('active');
    const page = (await new Dataset(out).readCrawlState('state'))!.pages.find((p) => p.url.endsWith(INTERVIEW.path))!;
    expect(page.missingRuns).toBe(2);
    expect((await validateDataset(out)).failures).toEqual([]);
  });
});

describe('12. a known transcript answers 404 or 410', () => {
  it.each([404, 410])('HTTP %i makes a tombstone that keeps the last content', async (status) => {
    const out = await tempDir();
    await runPipeline(options(out));
    mirror.publish({ ...DPB, lastmod: '2022-02-01T00:00:00+00:00' });
    mirror.www.fault(DPB.path, { kind: 'status', statuses: Array(5).fill(status) });
    const report = await runPipeline(options(out));
    expect(report.withdrawn).toEqual(['state/2022-01-18/department-press-briefing-january-18-2022']);
    expect(report.exitCode).toBe(0);
    const record = JSON.parse(await readFile(join(out, DPB_FILE), 'utf8'));
    expect(record.status).toBe('withdrawn');
    expect(record.withdrawnAt).toMatch(/^2026-/);
    expect(record.turns[0].paragraphs[0]).toContain('Happy Tuesday.');
    expect((await new Dataset(out).readChangelog())!.entries.at(-1)!.withdrawn).toEqual([record.id]);
    expect((await validateDataset(out)).failures).toEqual([]);
  });
});

describe('14. two runs at once on the same output', () => {
  it('the second one stops with a clear error and writes nothing', async () => {
    const out = await tempDir();
    mirror.www.latency = 150;
    const first = runPipeline(options(out));
    await new Promise((r) => setTimeout(r, 50));
    await expect(runPipeline(options(out))).rejects.toThrow(/being written by another podium run \(pid \d+/);
    const report = await first;
    expect(report.failures).toEqual([]);
    expect((await validateDataset(out)).failures).toEqual([]);
    expect([...(await snapshotTree(out)).keys()].some((p) => p.endsWith('.podium.lock'))).toBe(false);
  });
});
