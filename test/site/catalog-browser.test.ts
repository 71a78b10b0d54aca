/**
 * Browse over the split catalog (pipeline/site/catalog.ts) in real Chromium, on a dataset spanning
 * seven chunks: a first visit fetches the catalog's meta and only the chunks of the results on
 * screen; "Show more", a search hit in an old chunk, and the kind, year and speaker filters each
 * fetch what they need (facets and speakers only when filtered on) and count right. A word in every
 * transcript is longer than its shard's head (search-index.ts): its first pages come from the shard
 * alone, later ones and other words' queries fetch just the ranges they reach.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { indexEntry } from '../../pipeline/run/index-entry.ts';
import type { Transcript } from '../../pipeline/schema/types.ts';
import { SCHEMA_VERSION } from '../../pipeline/schema/version.ts';
import { CATALOG_CHUNK } from '../../pipeline/site/catalog.ts';
import { buildSite } from '../../pipeline/site/index.ts';
import { HEAD, rangeSize, shardOf } from '../../pipeline/site/search-index.ts';
import { serveSite, type SiteServer } from '../../pipeline/site/serve.ts';
import { Dataset } from '../../pipeline/store/dataset.ts';
import { launchChromium, watchedPage } from '../support/chromium.ts';
import { briefing } from '../support/dataset-run.ts';

const N = 130;
/** Day i from 2019-12-01: 31 briefings in 2019, 99 in 2020. */
const dateOf = (i: number) => new Date(Date.UTC(2019, 11, 1) + i * 86_400_000).toISOString().slice(0, 10);
/** Only briefing 5 (the sixth oldest: number N−6, far past the first chunks) says this word. */
const RARE = 'zanzibar';
/** Every briefing says "Good afternoon." */
const COMMON = 'afternoon';

function record(i: number): Transcript {
  const date = dateOf(i);
  const t = briefing(date, `briefing-${i}`, [i === 5 ? `Good afternoon. A word on ${RARE} first.` : 'Good afternoon.', 'Thank you.']);
  return {
    ...t,
    kind: i % 10 === 0 ? 'remarks' : t.kind,
    participants: i % 7 === 0 ? [{ label: 'MS ORTAGUS', name: 'Morgan Ortagus', role: 'official' }, t.participants[1]!] : t.participants,
  };
}

let root: string;
let server: SiteServer;
let browser: Browser;
let page: Page;
let problems: string[];
let fetched: string[];
let searched: string[];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'podium-catalog-browser-'));
  const dataset = new Dataset(join(root, 'output'));
  const records = Array.from({ length: N }, (_, i) => record(i));
  for (const r of records) await dataset.writeRecord(r);
  await dataset.writeIndex({ schemaVersion: SCHEMA_VERSION, datasetVersion: '2020.04.09.1', transcripts: records.map(indexEntry).sort((a, b) => (a.id < b.id ? -1 : 1)) });
  await buildSite({ out: join(root, 'output'), dest: join(root, '_site'), baseUrl: '/podium/' });
  server = await serveSite(join(root, '_site'), '/podium/');
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

beforeEach(async () => {
  ({ page, problems } = await watchedPage(browser, server.url.replace(/\/podium\/$/, '')));
  fetched = [];
  searched = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/podium/catalog/')) fetched.push(path.slice('/podium/catalog/'.length));
    if (path.startsWith('/podium/search/')) searched.push(path.slice('/podium/search/'.length));
  });
});

afterEach(async () => {
  await page.close();
  expect(problems).toEqual([]);
});

const titles = () => page.locator('#results li > a.title').allTextContents();
const status = (text: string | RegExp) => page.locator('#status').filter({ hasText: text }).waitFor();

describe('Browse over the split catalog', () => {
  it('a first visit fetches the meta and the chunks on screen; Show more fetches the next', async () => {
    expect(Math.ceil(N / CATALOG_CHUNK)).toBeGreaterThan(5);
    await page.goto(`${server.url}browse/`);
    await status(`${N} transcripts`);
    const first = await titles();
    expect(first).toHaveLength(25);
    expect(first[0]).toBe(`Department Press Briefing – ${dateOf(N - 1)}`);
    expect(first[24]).toBe(`Department Press Briefing – ${dateOf(N - 25)}`);
    expect(fetched).toEqual(['meta.json', '0.json', '1.json']);

    await page.click('#more');
    await page.locator('#results li').nth(49).waitFor();
    expect((await titles())[49]).toBe(`Department Press Briefing – ${dateOf(N - 50)}`);
    expect(fetched).toEqual(['meta.json', '0.json', '1.json', '2.json']);
  });

  it('a search hit in an old chunk fetches that chunk alone', async () => {
    await page.goto(`${server.url}browse/?q=${RARE}`);
    await status(`1 transcript containing ${RARE}`);
    expect(await titles()).toEqual([`Department Press Briefing – ${dateOf(5)}`]);
    expect(fetched).toEqual(['meta.json', `${Math.floor((N - 6) / CATALOG_CHUNK)}.json`]);
  });

  it('kind, year and speaker filters count right, fetching facets and speakers only when used', async () => {
    await page.goto(`${server.url}browse/?kind=remarks`);
    await status(/^13 transcripts$/);
    expect(fetched).toContain('facets.json');
    expect(fetched).not.toContain('speakers.json');
    expect((await page.locator('#results li .small').allTextContents()).every((t) => t.endsWith('· state · remarks'))).toBe(true);

    await page.selectOption('select[name=kind]', { label: 'All' });
    await page.selectOption('select[name=year]', '2019');
    await status(/^31 transcripts$/);
    expect(await titles()).toHaveLength(25);
    expect((await titles()).every((t) => t.includes('2019-12-'))).toBe(true);

    await page.selectOption('select[name=year]', '');
    await page.fill('input[name=speaker]', 'ortagus');
    await page.press('input[name=speaker]', 'Enter');
    await status(/^19 transcripts$/);
    expect(fetched).toContain('speakers.json');
    // The speaker box offers the names it found.
    expect(await page.locator('#speakers option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['Morgan Ortagus', 'Ned Price']);
  });

  it('a word in every transcript: the first pages from its shard alone, then the ranges the next page reaches', async () => {
    const s = shardOf(COMMON);
    const range = (n: number) => `${s}/${Math.floor(n / rangeSize(N))}.json.gz`;
    expect(HEAD).toBeLessThan(75);
    await page.goto(`${server.url}browse/?q=${COMMON}`);
    await status(`${N} transcripts containing ${COMMON}`);
    expect(await titles()).toHaveLength(25);
    await page.click('#more');
    await page.locator('#results li').nth(49).waitFor();
    expect(searched).toEqual([`${s}.json.gz`]);
    await page.click('#more');
    await page.locator('#results li').nth(74).waitFor();
    expect((await titles())[74]).toBe(`Department Press Briefing – ${dateOf(N - 75)}`);
    expect(searched).toEqual([`${s}.json.gz`, ...new Set([range(HEAD), range(74)])]);
  });

  it('a word and a year: a page, then an exact count once paged to the end; with a rare word, only its range', async () => {
    await page.goto(`${server.url}browse/?q=${COMMON}&year=2019`);
    await status(`At least 25 transcripts containing ${COMMON}`);
    expect((await titles()).every((t) => t.includes('2019-12-'))).toBe(true);
    await page.click('#more');
    await status(/^31 transcripts containing afternoon$/);
    expect(await titles()).toHaveLength(31);
    expect(await page.locator('#more').isHidden()).toBe(true);
    // Let the passages' page fetches finish before leaving.
    await page.waitForLoadState('networkidle');

    searched = [];
    await page.goto(`${server.url}browse/?q=${COMMON}+${RARE}`);
    await status(`1 transcript containing ${COMMON} ${RARE}`);
    expect(await titles()).toEqual([`Department Press Briefing – ${dateOf(5)}`]);
    // The rare word is in transcript N−6: of the common word's ranges, only that one is read.
    expect(new Set(searched)).toEqual(new Set([`${shardOf(COMMON)}.json.gz`, `${shardOf(RARE)}.json.gz`, `${shardOf(COMMON)}/${Math.floor((N - 6) / rangeSize(N))}.json.gz`]));
  });
});
