/**
 * The built site in real headless Chromium (see test/support/chromium.ts for which one, driven by playwright-core), served under a
 * sub-path by a real HTTP server as GitHub Pages would: search, filters, a transcript, a diff,
 * hostile text that stays inert, keyboard access, and no console errors anywhere.
 * One browser for the whole file.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildSite } from '../../pipeline/site/index.ts';
import { serveSite, type SiteServer } from '../../pipeline/site/serve.ts';
import { launchChromium, watchedPage } from '../support/chromium.ts';
import { HOSTILE, HOSTILE_ID, KNOWN_PHRASE, REVISED_ID, writeSiteFixture } from './fixture.ts';

let root: string;
let server: SiteServer;
let browser: Browser;
let page: Page;
let problems: string[];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'podium-site-browser-'));
  await writeSiteFixture(join(root, 'output'));
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
});

afterEach(async () => {
  await page.close();
  expect(problems).toEqual([]);
});

const resultTitles = () => page.locator('#results li > a.title').allTextContents();

describe('the site in Chromium', () => {
  it('home: landmarks, one h1, counts and recent revisions, a skip link reached by keyboard', async () => {
    await page.goto(server.url);
    await expect(page.locator('main h1').count()).resolves.toBe(1);
    for (const landmark of ['header', 'nav', 'main', 'footer']) expect(await page.locator(landmark).count()).toBeGreaterThan(0);
    const main = await page.locator('main').innerText();
    expect(main).toContain('3 transcripts');
    expect(main).toContain('2022.02.03.1');
    expect(main).toMatch(/revision 2, minor/);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    // No horizontal scrolling on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });

  it('browse: search finds a known phrase, and filters narrow the list', async () => {
    await page.goto(`${server.url}browse/`);
    await page.locator('#status').filter({ hasText: '3 transcripts' }).waitFor();
    expect(await resultTitles()).toHaveLength(3);

    await page.fill('#q', KNOWN_PHRASE);
    await page.press('#q', 'Enter');
    await page.locator('#status').filter({ hasText: '1 transcript containing rhubarb diplomacy' }).waitFor();
    expect(await resultTitles()).toEqual(['Department Press Briefing – 2022-01-18']);

    await page.fill('#q', '');
    await page.selectOption('select[name=kind]', { label: 'remarks' });
    await page.locator('#status').filter({ hasText: /^1 transcript$/ }).waitFor();
    expect(await resultTitles()).toEqual(['Secretary Blinken: A Foreign Policy for the American People']);

    await page.selectOption('select[name=kind]', { label: 'All' });
    await page.selectOption('select[name=year]', '2022');
    await page.locator('#status').filter({ hasText: /^2 transcripts$/ }).waitFor();
    await page.fill('input[name=speaker]', 'Blinken');
    await page.press('input[name=speaker]', 'Enter');
    await page.locator('#status').filter({ hasText: /^0 transcripts$/ }).waitFor();
  });

  it('browse: a query in the URL (the home page links) applies on load', async () => {
    await page.goto(`${server.url}browse/?kind=remarks`);
    await page.locator('#status').filter({ hasText: /^1 transcript$/ }).waitFor();
  });

  it('transcript: turns with speakers, roles and anchors', async () => {
    await page.goto(`${server.url}t/${REVISED_ID}/#t3`);
    await expect(page.locator('main h1').innerText()).resolves.toBe('Department Press Briefing – 2022-01-18');
    expect(await page.locator('.turn').count()).toBe(3);
    expect(await page.locator('#t2 .role').innerText()).toMatch(/journalist/i);
    expect(await page.locator('#t3').innerText()).toContain('I expect he will not.');
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('t3');
    await page.click('text=revision history');
    await page.click('text=revision 1 → 2');
    expect(page.url()).toBe(`${server.url}t/${REVISED_ID}/diff/1-2/`);
  });

  it('diff: shows the changed words and the change class', async () => {
    await page.goto(`${server.url}t/${REVISED_ID}/diff/1-2/`);
    expect(await page.locator('.diff-summary .change').innerText()).toBe('minor');
    const added = (await page.locator('.diff-turn ins').allTextContents()).join(' ');
    const removed = (await page.locator('.diff-turn del').allTextContents()).join(' ');
    expect(added).toContain('not');
    expect(removed).toContain('yes');
  });

  it('hostile text renders as text and never runs', async () => {
    await page.goto(`${server.url}t/${HOSTILE_ID}/`);
    expect(await page.locator('main h1').innerText()).toBe(HOSTILE.title);
    expect(await page.locator('#t1').innerText()).toContain(HOSTILE.attr);
    expect(await page.locator('#t2').innerText()).toContain(HOSTILE.link);
    expect(await page.locator('#t2').innerText()).toContain(HOSTILE.askedBy);
    expect(await page.locator('main img, main svg, main script').count()).toBe(0);
    expect(await page.locator('main a[href^="javascript:"]').count()).toBe(0);
    await page.goto(`${server.url}browse/?q=security`);
    await page.locator('#status').filter({ hasText: '1 transcript containing security' }).waitFor();
    expect(await resultTitles()).toEqual([HOSTILE.title]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  });
});
