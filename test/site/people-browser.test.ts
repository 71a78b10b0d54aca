/**
 * The pages about people, outlets and coverage in real Chromium, served under a sub-path: a turn's
 * speaker, questioner and outlet link to their pages, those pages list every transcript with
 * counts and draw their chart, the coverage page shows the gaps, the transcript page has a cite
 * line, hostile names stay text, search shows passages and honours quoted phrases, and nothing
 * scrolls sideways on a phone. One browser for the file.
 * Each page is also shot at phone and desktop width; PODIUM_SCREENSHOTS=<dir> keeps the PNGs to look at.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexEntry } from '../../pipeline/run/index-entry.ts';
import type { Transcript, Turn } from '../../pipeline/schema/types.ts';
import { SCHEMA_VERSION } from '../../pipeline/schema/version.ts';
import { buildSite } from '../../pipeline/site/index.ts';
import { serveSite, type SiteServer } from '../../pipeline/site/serve.ts';
import { Dataset } from '../../pipeline/store/dataset.ts';
import { briefing } from '../support/dataset-run.ts';
import { launchChromium, watchedPage } from '../support/chromium.ts';
import { HOSTILE, REVISED_ID, SPEECH_ID, writeSiteFixture } from './fixture.ts';

const OUTLET_ID = 'state/2021-11-10/department-press-briefing-november-10-2021';
let root: string;
let server: SiteServer;
let browser: Browser;

/** A briefing whose moderator names two reporters and their outlets (askedByOutlet is optional in records). */
function briefingWithQuestioners(): Transcript {
  const base = briefing('2021-11-10', 'department-press-briefing-november-10-2021', ['Go ahead, Shaun.', 'On Ethiopia?', 'Yes. Said, go ahead.', 'On Jerusalem?', 'We have nothing new.']);
  const asked = (turn: Turn, askedBy: string, askedByOutlet: string) => ({ ...turn, askedBy, askedByOutlet });
  const turns = base.turns.map((t, i) => (i === 1 ? asked(t, 'Shaun Tandon', 'AFP') : i === 3 ? asked(t, 'Said Arikat', 'Al-Quds') : t));
  return {
    ...base,
    participants: [{ label: 'MR PRICE', name: 'Ned Price', role: 'official' }, { label: 'QUESTION', name: null, role: 'journalist' }],
    turns: turns as [Turn, ...Turn[]],
  };
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'podium-people-browser-'));
  const out = join(root, 'output');
  await writeSiteFixture(out);
  const dataset = new Dataset(out);
  await dataset.writeRecord(briefingWithQuestioners());
  const index = (await dataset.readIndex())!;
  await dataset.writeIndex({ ...index, schemaVersion: SCHEMA_VERSION, transcripts: [...index.transcripts, indexEntry(briefingWithQuestioners())] });
  await buildSite({ out, dest: join(root, '_site'), baseUrl: '/podium/' });
  server = await serveSite(join(root, '_site'), '/podium/');
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

/** A phone-sized page that records every console error, failed request and dialog. */
async function open(path: string, width = 390): Promise<{ page: Page; problems: string[] }> {
  const { page, problems } = await watchedPage(browser, server.url.replace(/\/podium\/$/, ''), width);
  await page.goto(`${server.url}${path}`);
  return { page, problems };
}

const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('people, outlets and coverage in Chromium', () => {
  it('a turn links its speaker, questioner and outlet; their pages list the transcript with counts and a chart', async () => {
    const { page, problems } = await open(`t/${OUTLET_ID}/`);
    await page.click('#t1 a.person');
    expect(page.url()).toBe(`${server.url}people/ned-price/`);
    expect(await page.locator('main h1').innerText()).toBe('Ned Price');
    const row = page.locator('table.appearances tbody tr', { hasText: '2021-11-10' });
    expect(await row.locator('td').allInnerTexts()).toEqual(['2021-11-10', 'Department Press Briefing – 2021-11-10', 'state', '3', '0']);
    expect(await page.locator('main figure.chart svg[role=img]').count()).toBe(1);
    expect(await noSideScroll(page)).toBe(true);

    await page.goBack();
    await page.click('#t2 a.person');
    expect(page.url()).toBe(`${server.url}people/shaun-tandon/`);
    expect(await page.locator('main dl.meta').innerText()).toMatch(/Questions asked\s+1/);
    expect(await page.locator('main dl.meta').innerText()).toMatch(/Roles\s+questioner/);
    await page.click('main a[href$="outlets/afp/"]');
    expect(await page.locator('main h1').innerText()).toBe('AFP');
    expect(await page.locator('main').innerText()).toContain('Shaun Tandon 1 question');
    await page.close();
    expect(problems).toEqual([]);
  });

  it('the outlets page charts questions by outlet; the people page lists everyone, hostile names as text', async () => {
    const { page, problems } = await open('outlets/');
    expect(await page.locator('main svg rect title').allTextContents()).toEqual(['AFP: 1', 'Al-Quds: 1']);
    await page.goto(`${server.url}people/`);
    const names = await page.locator('main tbody tr td:first-child').allInnerTexts();
    expect(names).toEqual(expect.arrayContaining(['Ned Price', 'Antony J. Blinken', 'Shaun Tandon', 'Said Arikat', HOSTILE.askedBy]));
    await page.click(`text=${HOSTILE.askedBy}`);
    expect(await page.locator('main h1').innerText()).toBe(HOSTILE.askedBy);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    await page.close();
    expect(problems).toEqual([]);
  });

  it('a transcript page has a cite line: title, agency, date, URL, dataset version', async () => {
    const { page, problems } = await open(`t/${REVISED_ID}/`);
    expect(await page.locator('#cite').innerText()).toBe('“Department Press Briefing – 2022-01-18.” U.S. Department of State, 2022-01-18. https://www.state.gov/briefings/department-press-briefing-january-18-2022/. Podium dataset, version 2022.02.03.1.');
    await page.close();
    expect(problems).toEqual([]);
  });

  it('coverage: date ranges per agency and kind, the months with no transcript, two charts', async () => {
    const { page, problems } = await open('coverage/');
    const ranges = await page.locator('main table tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).innerText.split('\t').join(' | ')));
    expect(ranges).toEqual(['U.S. Department of State | press-briefing | 2021-11-10 | 2022-02-02 | 3', 'U.S. Department of State | remarks | 2021-03-03 | 2021-03-03 | 1']);
    expect(await page.locator('ul.gaps li').allInnerTexts()).toEqual(['2021-04 to 2021-10 (7 months with no transcript)', '2021-12 (1 month with no transcript)']);
    expect(await page.locator('main figure.chart svg[role=img]').count()).toBe(2);
    expect(await noSideScroll(page)).toBe(true);
    await page.close();
    expect(problems).toEqual([]);
  });

  it('search finds passages: the turn, its speaker, the words marked, a link to #tN', async () => {
    const { page, problems } = await open('browse/?q=diplomacy');
    await page.locator('#status').filter({ hasText: '2 transcripts containing diplomacy' }).waitFor();
    const passages = page.locator('#results blockquote.passage');
    await passages.nth(1).waitFor();
    const seen = await passages.evaluateAll((qs) => qs.map((q) => ({ who: q.querySelector('.who')!.textContent, marks: [...q.querySelectorAll('mark')].map((m) => m.textContent), href: q.querySelector('a')!.getAttribute('href') })));
    expect(seen).toEqual([
      { who: '#1 MR PRICE · Department Press Briefing – 2022-01-18 · 2022-01-18', marks: ['diplomacy'], href: `/podium/t/${REVISED_ID}/#t1` },
      { who: '#1 SECRETARY BLINKEN · Secretary Blinken: A Foreign Policy for the American People · 2021-03-03', marks: ['Diplomacy'], href: `/podium/t/${SPEECH_ID}/#t1` },
    ]);
    expect(await passages.nth(0).locator('p').nth(1).innerText()).toBe('Good afternoon. We will start with rhubarb diplomacy today.');
    await passages.nth(0).locator('a').click();
    await page.waitForURL(`**/t/${REVISED_ID}/#t1`);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('t1');
    await page.close();
    expect(problems).toEqual([]);
  });

  it('a quoted phrase must be consecutive words in one turn', async () => {
    const { page, problems } = await open('browse/');
    await page.locator('#status').filter({ hasText: '4 transcripts' }).waitFor();
    await page.fill('#q', 'rhubarb today');
    await page.press('#q', 'Enter');
    await page.locator('#status').filter({ hasText: '1 transcript containing rhubarb today' }).waitFor();
    await page.fill('#q', '"rhubarb today"');
    await page.press('#q', 'Enter');
    await page.locator('#status').filter({ hasText: '0 transcripts containing "rhubarb today"' }).waitFor();
    await page.fill('#q', '"Rhubarb  Diplomacy"');
    await page.press('#q', 'Enter');
    await page.locator('#status').filter({ hasText: '1 transcript containing "Rhubarb  Diplomacy"' }).waitFor();
    await page.locator('#results blockquote.passage mark').first().waitFor();
    expect(await page.locator('#results blockquote.passage mark').allTextContents()).toEqual(['rhubarb diplomacy']);
    await page.close();
    expect(problems).toEqual([]);
  });

  it('each new page renders at phone and desktop width (screenshots, kept in PODIUM_SCREENSHOTS when set)', async () => {
    const dir = process.env['PODIUM_SCREENSHOTS'] ?? join(root, 'screenshots');
    await mkdir(dir, { recursive: true });
    const pages = { search: 'browse/?q=diplomacy', people: 'people/', person: 'people/ned-price/', outlets: 'outlets/', outlet: 'outlets/afp/', coverage: 'coverage/', codebook: 'codebook/', transcript: `t/${OUTLET_ID}/` };
    for (const [name, path] of Object.entries(pages)) {
      for (const width of [390, 1280]) {
        const { page } = await open(path, width);
        const png = await page.screenshot({ path: join(dir, `${name}-${width}.png`), fullPage: true });
        expect(png.length, `${name} at ${width}px`).toBeGreaterThan(1000);
        expect(await noSideScroll(page), `${name} at ${width}px scrolls sideways`).toBe(true);
        await page.close();
      }
    }
  });
});
