/**
 * Revalidation: lastmod and feeds miss edits, so a transcript whose channel date has not changed
 * is asked again with a conditional request once it was last asked REVALIDATE_DAYS ago, a bounded
 * share of the archive per run, the longest unasked first.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { state } from '../../pipeline/agencies/state.ts';
import { REVALIDATE_DAYS, REVALIDATE_SHARE, runPipeline, type RunOptions } from '../../pipeline/run/index.ts';
import { Dataset } from '../../pipeline/store/dataset.ts';
import { validateDataset } from '../../pipeline/store/integrity.ts';
import { fixture, stateFixture } from '../support/fixtures.ts';
import { startStateMirror, type StateMirror } from '../support/state-mirror.ts';
import { useTempDirs } from '../support/tmp.ts';

const tempDir = useTempDirs();
const FAST = { minDelayMs: 0, timeoutMs: 2000, retries: 1, backoffMs: 5, maxRetryAfterMs: 100 };
const DAY = 86_400_000;
const START = Date.parse('2026-11-02T10:00:00Z');
let mirror: StateMirror;
beforeEach(async () => {
  mirror = await startStateMirror();
});
afterEach(async () => {
  await mirror.close();
});

const DPB = stateFixture('department-press-briefing-january-18-2022');

/** Page requests to both origins (not robots.txt, sitemaps, feeds or REST lists). */
const pageRequests = () => [...mirror.www.requests, ...mirror.archive.requests].sort((a, b) => a.start - b.start).filter((r) => !/robots\.txt|\.xml$|\/feed\/$|^\/wp-json\//.test(r.path));
const on = (out: string, day: number): RunOptions => ({ agencies: [state], out, origins: mirror.originArgs, fetcher: FAST, now: () => new Date(START + day * DAY) });

describe('revalidation', () => {
  it('asks unchanged transcripts again after REVALIDATE_DAYS, a share per run, conditionally, and catches an edit lastmod missed', async () => {
    const out = await tempDir();
    const first = await runPipeline(on(out, 0));
    const transcripts = first.added.length;
    expect(transcripts).toBeGreaterThan(1);
    const cap = Math.max(1, Math.ceil(transcripts * REVALIDATE_SHARE));

    // Within the window: everything unchanged is decided without a request.
    let seen = pageRequests().length;
    const calm = await runPipeline(on(out, REVALIDATE_DAYS - 1));
    expect(pageRequests().length - seen).toBe(0);
    expect(calm.agencies[0]!.skipped).toBe(calm.agencies[0]!.candidates);

    // The agency edits a briefing but its sitemap date stays the same.
    mirror.publish(DPB, fixture(DPB.body).replace('Happy Tuesday.', 'Happy Tuesday, everyone.'));

    // Past the window: each run asks `cap` pages, each a different one, until all were asked.
    const asked = new Set<string>();
    const revised: string[] = [];
    for (let run = 0; run < Math.ceil(transcripts / cap); run++) {
      seen = pageRequests().length;
      const report = await runPipeline(on(out, REVALIDATE_DAYS + 1));
      const now = pageRequests().slice(seen);
      expect(now).toHaveLength(cap);
      for (const r of now) {
        expect(asked.has(r.path), r.path).toBe(false);
        asked.add(r.path);
        // Conditional: validators from the last fetch.
        expect(r.headers['if-none-match'] ?? r.headers['if-modified-since']).toBeTruthy();
      }
      revised.push(...report.revised.map((x) => x.id));
    }
    expect(asked.size).toBe(transcripts);
    expect(revised).toEqual(['state/2022-01-18/department-press-briefing-january-18-2022']);
    // Every transcript now carries the day it was asked; the next run has nothing due.
    const pages = (await new Dataset(out).readCrawlState('state'))!.pages.filter((p) => p.verdict === 'transcript');
    expect(new Set(pages.map((p) => p.checkedAt))).toEqual(new Set([new Date(START + (REVALIDATE_DAYS + 1) * DAY).toISOString().slice(0, 10)]));
    seen = pageRequests().length;
    await runPipeline(on(out, REVALIDATE_DAYS + 1));
    expect(pageRequests().length - seen).toBe(0);
    expect((await validateDataset(out)).failures).toEqual([]);
  });
});
