/**
 * What the crawl state remembers between runs, against a local state.gov mirror: only a
 * modification date skips a fetch (a feed's pubDate does not), a URL that 404s without ever
 * being stored waits with a doubling backoff instead of failing every run, and a "not a
 * transcript" verdict is judged again when the adapter's version changes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Agency } from '../../pipeline/agencies/types.ts';
import { state } from '../../pipeline/agencies/state.ts';
import { runPipeline, type RunOptions } from '../../pipeline/run/index.ts';
import { Dataset } from '../../pipeline/store/dataset.ts';
import { validateDataset } from '../../pipeline/store/integrity.ts';
import { fixture, stateFixture } from '../support/fixtures.ts';
import { startStateMirror, type StateMirror } from '../support/state-mirror.ts';
import { useTempDirs } from '../support/tmp.ts';

const tempDir = useTempDirs();
let mirror: StateMirror;
beforeEach(async () => {
  mirror = await startStateMirror();
  clock = Date.parse('2026-11-28T10:00:00Z');
});
afterEach(async () => {
  await mirror.close();
});

const FAST = { minDelayMs: 0, timeoutMs: 2000, retries: 0, backoffMs: 5, maxRetryAfterMs: 100 };
const HOUR = 3_600_000;
let clock = 0;
const now = () => new Date(clock);
function options(out: string, agency: Agency = state): RunOptions {
  return { agencies: [agency], out, origins: mirror.originArgs, fetcher: FAST, now };
}
const INTERVIEW = stateFixture('jane-doe-of-example-news');
const INTERVIEW_URL = `https://www.state.gov${INTERVIEW.path}`;
const INTERVIEW_ID = 'state/2022-01-21/secretary-antony-j-blinken-with-jane-doe-of-example-news';

/** The www page sitemap and REST list without the interview: from now on only the feeds list it. */
function feedOnly() {
  mirror.www.set('/wp-json/wp/v2/pages', { contentType: 'application/json', body: '[]' });
  mirror.www.set('/page-sitemap.xml', {
    contentType: 'application/xml',
    body: '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>',
  });
}

describe('published and modified dates', () => {
  it('fetches a page only a feed lists on every run (its pubDate is no modification date), and keeps its edit', async () => {
    feedOnly();
    const out = await tempDir();
    const first = await runPipeline(options(out));
    expect(first.added).toContain(INTERVIEW_ID);
    const crawled = (await new Dataset(out).readCrawlState('state'))!.pages.find((p) => p.url === INTERVIEW_URL)!;
    expect(crawled.lastmod).toBeUndefined();

    // Edited in place: same pubDate in the feed, new words on the page.
    mirror.publish(INTERVIEW, fixture(INTERVIEW.body).replace('Good to be with you.', 'Good to be with you today.'));
    feedOnly();
    clock += 2 * HOUR;
    const second = await runPipeline(options(out));
    expect(second.revised.map((r) => r.id)).toEqual([INTERVIEW_ID]);
    expect(JSON.stringify((await new Dataset(out).readRecord(INTERVIEW_ID))!.turns)).toContain('Good to be with you today.');
  });

  it('still skips a page whose sitemap lastmod is unchanged, without a request', async () => {
    const out = await tempDir();
    await runPipeline(options(out));
    const before = mirror.www.requestsFor(INTERVIEW.path).length;
    clock += 2 * HOUR;
    const again = await runPipeline(options(out));
    expect(mirror.www.requestsFor(INTERVIEW.path)).toHaveLength(before);
    expect(again.agencies[0]!.skipped).toBeGreaterThan(0);
  });
});

describe('a listed URL that answers 404 and was never stored', () => {
  it('is remembered and asked again after a doubling wait, not failed on every run', async () => {
    mirror.www.remove(INTERVIEW.path); // still listed by the sitemap and the feeds
    const out = await tempDir();
    const requests = () => mirror.www.requestsFor(INTERVIEW.path).length;
    const notFound = async () => (await new Dataset(out).readCrawlState('state'))!.pages.find((p) => p.url === INTERVIEW_URL)!.notFound;

    const first = await runPipeline(options(out));
    expect(first.failures).toEqual([]);
    expect(first.exitCode).toBe(0);
    expect(requests()).toBe(1);
    expect(await notFound()).toEqual({ status: 404, since: '2026-11-28T10:00:00.000Z', count: 1, retryAt: '2026-11-29T10:00:00.000Z' });
    expect((await validateDataset(out)).failures).toEqual([]);

    clock += 2 * HOUR;
    expect((await runPipeline(options(out))).failures).toEqual([]);
    expect(requests()).toBe(1);

    clock += 23 * HOUR; // a day after the first answer
    await runPipeline(options(out));
    expect(requests()).toBe(2);
    expect(await notFound()).toEqual({ status: 404, since: '2026-11-28T10:00:00.000Z', count: 2, retryAt: '2026-12-01T11:00:00.000Z' });

    // A new modification date in the sitemap asks at once, and a page that came back is read.
    mirror.publish({ ...INTERVIEW, lastmod: '2026-11-29T12:00:00+00:00' });
    clock += HOUR;
    const back = await runPipeline(options(out));
    expect(requests()).toBe(3);
    expect(back.added).toContain(INTERVIEW_ID);
    expect(await notFound()).toBeUndefined();
  });
});

describe('a not-transcript verdict', () => {
  // A label redesign: the interview now carries the "Press Statement" doc type.
  const MISLABELLED = { ...INTERVIEW, docType: 'Press Statement' };
  const fixed: Agency = { ...state, notTranscriptDocTypes: [/^(?:Readout|Media Note|Fact Sheet)$/i] };

  it('remembers the adapter version that reached it, and is judged again when that changes', async () => {
    mirror.publish(MISLABELLED);
    const out = await tempDir();
    const first = await runPipeline(options(out));
    expect(first.added).not.toContain(INTERVIEW_ID);
    const page = async () => (await new Dataset(out).readCrawlState('state'))!.pages.find((p) => p.url === INTERVIEW_URL)!;
    expect(await page()).toMatchObject({ verdict: 'not-transcript', judgedBy: state.version });
    const requests = () => mirror.www.requestsFor(INTERVIEW.path);

    // The adapter is fixed but its version is not bumped: the verdict stands, nothing is asked.
    clock += 2 * HOUR;
    await runPipeline(options(out, fixed));
    expect(requests()).toHaveLength(1);

    // With a new version the page is fetched afresh (no validators: a 304 would keep the old
    // verdict) and stored.
    clock += 2 * HOUR;
    const rejudged = await runPipeline(options(out, { ...fixed, version: '2026.12.99' }));
    expect(requests()).toHaveLength(2);
    expect(requests()[1]!.headers['if-none-match']).toBeUndefined();
    expect(rejudged.added).toContain(INTERVIEW_ID);
    expect(await page()).toMatchObject({ verdict: 'transcript', id: INTERVIEW_ID });
    expect((await page()).judgedBy).toBeUndefined();
  });
});
