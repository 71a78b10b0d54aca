/**
 * `--max-duration`: at the deadline no new page is started, what was done is written, and what
 * was not attempted is the backlog, which the next runs work down — new and changed pages first,
 * then the backlog, newest first by instant.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { state } from '../../pipeline/agencies/state.ts';
import { whitehouse } from '../../pipeline/agencies/whitehouse.ts';
import { runCommand } from '../../pipeline/commands/run.ts';
import { parseDuration } from '../../pipeline/run/budget.ts';
import { runPipeline, type RunOptions } from '../../pipeline/run/index.ts';
import { readReportFile } from '../../pipeline/run/report-file.ts';
import { Dataset } from '../../pipeline/store/dataset.ts';
import { validateDataset } from '../../pipeline/store/integrity.ts';
import { capture } from '../cli/capture.ts';
import { startAgencyMirror } from '../support/agency-mirrors.ts';
import { stateFixture } from '../support/fixtures.ts';
import { startStateMirror, type StateMirror } from '../support/state-mirror.ts';
import { useTempDirs } from '../support/tmp.ts';

const tempDir = useTempDirs();
const FAST = { minDelayMs: 0, timeoutMs: 2000, retries: 1, backoffMs: 5, maxRetryAfterMs: 100 };
const now = () => new Date('2026-11-28T10:00:00Z');
let mirror: StateMirror;
beforeEach(async () => {
  mirror = await startStateMirror();
});
afterEach(async () => {
  await mirror.close();
});

const JANE = stateFixture('jane-doe');
const BAERBOCK = stateFixture('baerbock');
const STATEMENT = stateFixture('examplestan');
const DPB = stateFixture('department-press-briefing-january-18-2022');
const SENIOR = stateFixture('a-senior-state-department-official');

/** Page requests to the www mirror (not robots.txt, sitemaps, feeds or REST lists). */
function pageRequests(): string[] {
  return mirror.www.requests.map((r) => r.path).filter((p) => !/robots\.txt|\.xml$|\/feed\/$|^\/wp-json\//.test(p));
}

/** The statement must cost a page here, as a release no title gives away does. */
const STATE = { ...state, candidates: { ...state.candidates, notTranscriptTitles: [] } };

/**
 * One origin, one request at a time, and a clock on which every page request takes one second:
 * a budget of 2.5 s starts exactly three pages.
 */
function budgeted(out: string, maxDurationMs?: number): RunOptions {
  return {
    agencies: [STATE], out, origins: [`www=${mirror.www.origin}`], fetcher: FAST, now, concurrency: 1,
    clock: () => pageRequests().length * 1000,
    ...(maxDurationMs !== undefined ? { maxDurationMs } : {}),
  };
}

describe('parseDuration', () => {
  it.each([['45s', 45_000], ['90m', 5_400_000], ['2h', 7_200_000]])('%s', (text, ms) => expect(parseDuration(text)).toBe(ms));
  it.each(['', '10', '1.5h', '0m', '5d', '-3s'])('refuses "%s"', (text) => expect(() => parseDuration(text)).toThrow(/is not a duration/));
});

describe('a run with a time budget', () => {
  it('starts no page after the deadline, stores what it did, reports the backlog; later runs converge, new and changed first', async () => {
    const out = await tempDir();
    const log: string[] = [];
    const first = await runPipeline({ ...budgeted(out, 2500), log: (line) => log.push(line) });
    expect(first.exitCode).toBe(0);
    expect(first.failures).toEqual([]);
    // Newest first: Jane Doe (Jan 21), Baerbock (Jan 20), the statement (Jan 19); then time is up.
    expect(pageRequests()).toEqual([JANE.path, BAERBOCK.path, STATEMENT.path]);
    expect(first.agencies[0]).toMatchObject({ candidates: 5, requested: 3, notTranscripts: 1, backlog: 2, budgetStopped: true });
    expect(first.backlog).toBe(2);
    // The CI log says when and what the budget stopped.
    expect(log).toContain('budget state: time is up; no new page is started, the pages in flight finish');
    expect(log).toContain('budget state: 2 pages not attempted (backlog), left for the next run');
    expect(first.added).toHaveLength(2);
    expect((await validateDataset(out)).failures).toEqual([]);
    expect((await new Dataset(out).readCrawlState('state'))!.pages.map((p) => p.url).sort()).toHaveLength(3);

    // Run 2: a page published since, and an edit of a stored one, go before the backlog.
    const NEW = { ...DPB, path: '/briefings/department-press-briefing-march-1-2022/', lastmod: '2022-03-01T20:00:00+00:00' };
    mirror.publish(NEW);
    mirror.publish({ ...JANE, lastmod: '2022-02-01T12:00:00+00:00' });
    const before = pageRequests().length;
    const second = await runPipeline(budgeted(out, 1500));
    expect(pageRequests().slice(before)).toEqual([NEW.path, JANE.path]);
    expect(second.agencies[0]).toMatchObject({ candidates: 6, requested: 2, skipped: 2, backlog: 2 });
    expect(second.exitCode).toBe(0);

    // Run 3, no budget: the backlog is worked down to zero and nothing done before is fetched again.
    const before3 = pageRequests().length;
    const third = await runPipeline(budgeted(out));
    expect(pageRequests().slice(before3)).toEqual([DPB.path, SENIOR.path]);
    expect(third.backlog).toBe(0);
    expect(third.agencies[0]!.budgetStopped).toBeUndefined();
    expect((await new Dataset(out).readIndex())!.transcripts).toHaveLength(5);
    expect((await validateDataset(out)).failures).toEqual([]);
  });

  it('time a later agency did not need goes back to the one the budget stopped', async () => {
    const wh = await startAgencyMirror('whitehouse');
    try {
      const out = await tempDir();
      const log: string[] = [];
      // Only state's pages cost time (1 s each); the White House's are free. 4.5 s: state's fair share
      // (2.25 s) starts three of its four pages, the White House uses none of its share, and the
      // second pass gives state the 1.5 s left: its last page.
      const report = await runPipeline({
        ...budgeted(out, 4500), agencies: [state, whitehouse], log: (line) => log.push(line),
        origins: [`state:www=${mirror.www.origin}`, ...wh.originArgs.map((o) => `whitehouse:${o}`)],
      });
      expect(log, log.join('\n')).toContain('budget state: time left by the other agencies; 1 backlog pages resumed');
      expect(pageRequests()).toHaveLength(4);
      expect(report.backlog).toBe(0);
      expect(report.agencies.map((a) => [a.agency, a.backlog, a.budgetStopped])).toEqual([['state', 0, undefined], ['whitehouse', 0, undefined]]);
      expect(report.agencies[0]).toMatchObject({ candidates: 4, requested: 4 });
      expect((await validateDataset(out)).failures).toEqual([]);
    } finally {
      await wh.close();
    }
  });

  it('a budget spent before the first page: everything is backlog, nothing is written, exit 0', async () => {
    const out = await tempDir();
    const report = await runPipeline({ ...budgeted(out), maxDurationMs: 0 });
    expect(report.exitCode).toBe(0);
    expect(report.backlog).toBe(5);
    expect(pageRequests()).toEqual([]);
    expect(await new Dataset(out).readIndex()).toBeNull();
  });

  it('newest first compares instants, not the spelling of the date', async () => {
    const out = await tempDir();
    // Later as a string ("2022-01-22…"), earlier as an instant (Jan 21, 11:00 UTC) than Jane Doe (Jan 21, 12:00 UTC).
    mirror.publish({ ...DPB, lastmod: '2022-01-22T01:00:00+14:00' });
    const report = await runPipeline({ ...budgeted(out), limit: 1 });
    expect(pageRequests()).toEqual([JANE.path]);
    expect(report.added).toEqual(['state/2022-01-21/secretary-antony-j-blinken-with-jane-doe-of-example-news']);
  });
});

describe('podium run --max-duration', () => {
  it('writes backlog into the report file, total and per agency', async () => {
    const out = await tempDir();
    const file = join(await tempDir(), 'report.json');
    const run = await capture(() => runCommand.run(['--agency', 'state', '--out', out, '--delay', '0', '--max-duration', '1h', '--report', file, ...mirror.originArgs.flatMap((o) => ['--origin', o])]));
    expect(run.code).toBe(0);
    const report = await readReportFile(file);
    expect(report.backlog).toBe(0);
    expect(report.agencies[0]!.backlog).toBe(0);
    expect(report.added).toHaveLength(5);
  });

  it('refuses a duration it cannot read: one line, exit 64', async () => {
    const out = await tempDir();
    const run = await capture(() => runCommand.run(['--agency', 'state', '--out', out, '--max-duration', '90']));
    expect(run.code).toBe(64);
    expect(run.stderr).toEqual(['podium run: --max-duration: "90" is not a duration: write <n>s, <n>m or <n>h (e.g. 90m), n at least 1']);
  });
});
