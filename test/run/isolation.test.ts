/**
 * Each agency, and each origin inside it, is its own failure unit: a discovery outage (defense.gov's
 * wall answering 403 to everything) is a failure in the report while every other agency is stored,
 * indexed and published; the close (index, changelog, crawl state) runs whatever failed; a dataset
 * left without its index by an earlier crash is reconciled.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defense } from '../../pipeline/agencies/defense.ts';
import { whitehouse } from '../../pipeline/agencies/whitehouse.ts';
import { runCommand } from '../../pipeline/commands/run.ts';
import { validateCommand } from '../../pipeline/commands/validate.ts';
import { readReportFile } from '../../pipeline/run/report-file.ts';
import { runPipeline } from '../../pipeline/run/index.ts';
import { Dataset } from '../../pipeline/store/dataset.ts';
import { rawPath } from '../../pipeline/store/paths.ts';
import { validateDataset } from '../../pipeline/store/integrity.ts';
import { capture } from '../cli/capture.ts';
import { startAgencyMirror, type AgencyMirror } from '../support/agency-mirrors.ts';
import { useTempDirs } from '../support/tmp.ts';
import { startWall, type Wall } from '../support/wall.ts';

const tempDir = useTempDirs();
const FAST = { minDelayMs: 0, timeoutMs: 2000, retries: 1, backoffMs: 5, maxRetryAfterMs: 100 };
const now = () => new Date('2026-11-29T03:00:00Z');
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

const WH_IDS = [
  'whitehouse/2022-01-18/press-briefing-by-press-secretary-jen-psaki-january-18-2022',
  'whitehouse/2022-01-19/background-press-call-by-senior-administration-officials-on-the-example-summit',
  'whitehouse/2025-03-11/press-briefing-by-press-secretary-karoline-leavitt-2',
];

async function whitehouseMirror(): Promise<AgencyMirror> {
  const m = await startAgencyMirror('whitehouse');
  closers.push(() => m.close());
  return m;
}

/** A host behind a bot wall, closed after the test. */
async function wall(): Promise<Wall> {
  const w = await startWall('whitehouse/access-denied.html');
  closers.push(() => w.close());
  return w;
}

function args(wh: AgencyMirror, walled: string, order: 'defense-first' | 'defense-last', out: string, report: string): string[] {
  const agencies = order === 'defense-first' ? ['defense', 'whitehouse'] : ['whitehouse', 'defense'];
  return [
    ...agencies.flatMap((a) => ['--agency', a]), '--out', out, '--delay', '0', '--report', report,
    ...wh.originArgs.flatMap((o) => ['--origin', `whitehouse:${o}`]),
    '--origin', `defense:www=${walled}`, '--origin', `defense:war=${walled}/war`,
  ];
}

describe('an agency behind a 403 wall', () => {
  it.each(['defense-first', 'defense-last'] as const)('%s: the other agency is stored and published, validate passes, exit 2', async (order) => {
    const wh = await whitehouseMirror();
    const walled = await wall();
    const out = await tempDir();
    const reportFile = join(await tempDir(), 'report.json');
    const run = await capture(() => runCommand.run(args(wh, walled.origin, order, out, reportFile)));
    expect(run.code).toBe(2);
    expect(walled.requests.length).toBeGreaterThan(0);

    const report = await readReportFile(reportFile);
    expect(report.exitCode).toBe(2);
    const discoverFailures = report.failures.filter((f) => f.stage === 'discover');
    expect(discoverFailures.map((f) => [f.agency, f.origin])).toEqual([['defense', 'www'], ['defense', 'war']]);
    for (const f of discoverFailures) expect(f.message).toMatch(/every discovery channel failed: .*HTTP 403/);
    expect(report.failures.every((f) => f.agency === 'defense')).toBe(true);
    expect(report.added.sort()).toEqual(WH_IDS);
    expect(report.agencies.map((a) => a.agency)).toEqual(order === 'defense-first' ? ['defense', 'whitehouse'] : ['whitehouse', 'defense']);

    const dataset = new Dataset(out);
    expect((await dataset.readIndex())!.transcripts.map((e) => e.id)).toEqual(WH_IDS);
    expect((await dataset.readCrawlState('whitehouse'))!.pages.length).toBeGreaterThan(0);
    // Nothing learned about defense: no crawl state invented for it.
    expect(await dataset.readCrawlState('defense')).toBeNull();
    const changelog = (await dataset.readChangelog())!;
    expect(changelog.entries).toHaveLength(1);
    expect(changelog.entries[0]!.failures.map((f) => f.stage)).toEqual(['discover', 'discover']);
    expect((await capture(() => validateCommand.run([`--out=${out}`]))).code).toBe(0);
    expect(run.stdout).toMatch(/failed \[discover\] defense www: every discovery channel failed/);
  });

  it('one origin of an agency out: a failure naming it, the other origin stored, exit 2', async () => {
    const wh = await whitehouseMirror();
    const walled = await wall();
    const out = await tempDir();
    const report = await runPipeline({
      agencies: [whitehouse], out, fetcher: FAST, now,
      origins: [`www=${wh.origins['www']!.origin}`, `archive=${walled.origin}`],
    });
    expect(report.exitCode).toBe(2);
    expect(report.failures.map((f) => [f.stage, f.origin, f.url])).toEqual([['discover', 'archive', 'https://bidenwhitehouse.archives.gov/']]);
    expect(report.added).toContain(WH_IDS[2]);
    expect((await validateDataset(out)).failures).toEqual([]);
  });
});

describe('the CI log', () => {
  it('off a terminal, prints a line per stage per agency and the decisions: robots.txt, walls, outages, requests per transcript', async () => {
    const wh = await whitehouseMirror();
    const walled = await wall();
    const out = await tempDir();
    const reportFile = join(await tempDir(), 'report.json');
    const run = await capture(() => runCommand.run(args(wh, walled.origin, 'defense-first', out, reportFile)));
    expect(process.stderr.isTTY).toBeFalsy();
    expect(run.code).toBe(2);
    const lines = run.stderr;
    const has = (pattern: RegExp) => expect(lines.some((l) => pattern.test(l)), `${pattern}\n${lines.join('\n')}`).toBe(true);
    has(/^discover whitehouse: \d+ candidate pages from \d+ channels$/);
    has(/^fetch whitehouse: \d+ pages to request \(\d+ new or changed, 0 backlog, 0 to revalidate\)/);
    has(/^fetch whitehouse: \d+ requests for 3 stored transcripts \([\d.]+ per transcript\)$/);
    has(/^fetch whitehouse: robots\.txt of 127\.0\.0\.1:\d+: (crawl-delay [\d.]+ s|no crawl-delay)/);
    has(/^fetch defense: robots\.txt http:\/\/127\.0\.0\.1:\d+\/robots\.txt: .*403/);
    has(/^discover defense: FAILED: every discovery channel failed: .*HTTP 403.*; the other agencies go on$/);
    // No progress counters off a terminal: they are for a screen that redraws.
    expect(lines.filter((l) => /\d+\/\d+ pages$/.test(l))).toEqual([]);
  });
});

describe('the close runs whatever failed', () => {
  it('an exception in the middle of an agency: what was stored is indexed, the crawl state kept, the next agency run', async () => {
    const wh = await whitehouseMirror();
    const walled = await wall();
    const out = await tempDir();
    // A directory where one raw page must go: writing it throws (EISDIR) in the middle of the pages,
    // after its record was written.
    const blocked = WH_IDS[0]!;
    await mkdir(join(out, rawPath(blocked)), { recursive: true });
    const report = await runPipeline({
      agencies: [whitehouse, defense], out, fetcher: FAST, now, concurrency: 1,
      origins: [...wh.originArgs.map((o) => `whitehouse:${o}`), `defense:www=${walled.origin}`, `defense:war=${walled.origin}/war`],
    });
    expect(report.exitCode).toBe(2);
    const stopped = report.failures.find((f) => f.agency === 'whitehouse')!;
    expect(stopped).toMatchObject({ stage: 'fetch' });
    expect(stopped.message).toMatch(/^whitehouse: fetch stopped by an unexpected error: .*EISDIR/);
    // The next agency still ran (and failed on its own terms).
    expect(report.failures.filter((f) => f.agency === 'defense').map((f) => f.stage)).toEqual(['discover', 'discover']);
    const dataset = new Dataset(out);
    const index = (await dataset.readIndex())!;
    // The record written before the exception is indexed too (reconciled at the close).
    expect(report.reconciled).toEqual([blocked]);
    expect(index.transcripts.map((e) => e.id)).toEqual([...report.added, blocked].sort());
    const state = (await dataset.readCrawlState('whitehouse'))!;
    // Exactly the pages stored (or judged) are remembered; the blocked one is fetched again next run.
    expect(state.pages.filter((p) => p.verdict === 'transcript').map((p) => p.id).sort()).toEqual(report.added.sort());

    await rm(join(out, rawPath(blocked)), { recursive: true });
    const next = await runPipeline({ agencies: [whitehouse], out, fetcher: FAST, now, origins: wh.originArgs });
    expect(next.failures).toEqual([]);
    expect((await dataset.readRaw(blocked))).not.toBeNull();
    expect((await validateDataset(out)).failures).toEqual([]);
  });

  it('records on disk the index does not list (an earlier crash) are indexed again, even when discovery then fails', async () => {
    const wh = await whitehouseMirror();
    const out = await tempDir();
    await runPipeline({ agencies: [whitehouse], out, fetcher: FAST, now, origins: wh.originArgs });
    const index = JSON.parse(await readFile(join(out, 'index.json'), 'utf8')) as { transcripts: { id: string }[] };
    expect(index.transcripts).toHaveLength(3);
    await rm(join(out, 'index.json'));

    const walled = await wall();
    const report = await runPipeline({
      agencies: [whitehouse], out, fetcher: FAST, now: () => new Date('2026-11-30T03:00:00Z'),
      origins: [`www=${walled.origin}`, `archive=${walled.origin}/archive`],
    });
    expect(report.reconciled!.sort()).toEqual(WH_IDS);
    expect(report.exitCode).toBe(2);
    expect(report.changed).toBe(true);
    expect((await new Dataset(out).readIndex())!.transcripts.map((e) => e.id)).toEqual(WH_IDS);
    expect((await validateDataset(out)).failures).toEqual([]);
  });
});

describe('--origin usage errors', () => {
  it('two origins given one URL: one line, exit 64, nothing run', async () => {
    const out = await tempDir();
    const run = await capture(() => runCommand.run(['--agency', 'whitehouse', '--out', out, '--origin', 'www=http://127.0.0.1:9', '--origin', 'archive=http://127.0.0.1:9']));
    expect(run.code).toBe(64);
    expect(run.stderr.filter((l) => l.trim())).toHaveLength(1);
    expect(run.stderr[0]).toMatch(/origins "www" and "archive" both request http:\/\/127\.0\.0\.1:9/);
    expect(await new Dataset(out).readIndex()).toBeNull();
  });
});
