/**
 * One briefing at two addresses (state.gov files some releases under two offices' paths): one
 * record that keeps both URLs, counted once in the changelog, with both addresses in the crawl state.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { state } from '../../pipeline/agencies/state.ts';
import { runPipeline, type RunOptions } from '../../pipeline/run/index.ts';
import { Dataset } from '../../pipeline/store/dataset.ts';
import { validateDataset } from '../../pipeline/store/integrity.ts';
import { CANONICAL, STATE_PAGES, stateFixturePage } from '../support/fixtures.ts';
import { startStateMirror, type StateMirror } from '../support/state-mirror.ts';
import { useTempDirs } from '../support/tmp.ts';

const tempDir = useTempDirs();
let mirror: StateMirror;
beforeEach(async () => {
  mirror = await startStateMirror();
});
afterEach(async () => {
  await mirror.close();
});

const FAST = { minDelayMs: 0, timeoutMs: 2000, retries: 1, backoffMs: 5, maxRetryAfterMs: 100 };
const DPB = 'state/2022-01-18/department-press-briefing-january-18-2022';
const dpbPage = STATE_PAGES.find((p) => p.path === '/briefings/department-press-briefing-january-18-2022/')!;
const FIRST = `${CANONICAL.www}${dpbPage.path}`;
const SECOND_PATH = '/releases/office-of-the-spokesperson/2022/01/department-press-briefing-january-18-2022/';
const SECOND = `${CANONICAL.www}${SECOND_PATH}`;

function options(out: string, at: string): RunOptions {
  return { agencies: [state], out, origins: mirror.originArgs, fetcher: FAST, now: () => new Date(at) };
}

/** The DPB's words served at its second address too. */
function publishSecondAddress(): void {
  mirror.publishHtml({ ...dpbPage, path: SECOND_PATH }, stateFixturePage({ ...dpbPage, path: SECOND_PATH }));
}

async function changelogMentions(out: string, id: string): Promise<number> {
  const text = await readFile(join(out, 'changelog.json'), 'utf8');
  return text.split(`"${id}"`).length - 1;
}

describe('one briefing at two addresses', () => {
  it('found at both in one run: one record with both urls, added once, both addresses in the crawl state', async () => {
    publishSecondAddress();
    const out = await tempDir();
    const report = await runPipeline(options(out, '2026-11-28T10:00:00Z'));
    expect(report.failures).toEqual([]);
    expect(report.added.filter((id) => id === DPB)).toHaveLength(1);
    expect(await changelogMentions(out, DPB)).toBe(1);

    const dataset = new Dataset(out);
    const record = (await dataset.readRecord(DPB))!;
    expect(record.revision).toBe(1);
    expect(new Set(record.urls)).toEqual(new Set([FIRST, SECOND]));
    expect(record.url).toBe(record.urls![0]);
    const crawl = (await dataset.readCrawlState('state'))!;
    expect(crawl.pages.filter((p) => p.id === DPB).map((p) => p.url).sort()).toEqual([SECOND, FIRST].sort());
    expect((await validateDataset(out)).failures).toEqual([]);
  });

  it('found at a second address on a later run: the record gains it without a revision or a changelog entry', async () => {
    const out = await tempDir();
    await runPipeline(options(out, '2026-11-28T10:00:00Z'));
    const dataset = new Dataset(out);
    expect((await dataset.readRecord(DPB))!.urls).toEqual([FIRST]);

    publishSecondAddress();
    const report = await runPipeline(options(out, '2026-11-28T12:00:00Z'));
    expect(report.failures).toEqual([]);
    expect([...report.added, ...report.revised.map((r) => r.id)]).not.toContain(DPB);
    const record = (await dataset.readRecord(DPB))!;
    expect(record).toMatchObject({ url: FIRST, urls: [FIRST, SECOND], revision: 1 });
    expect(await changelogMentions(out, DPB)).toBe(1);
    expect((await validateDataset(out)).failures).toEqual([]);
  });
});
