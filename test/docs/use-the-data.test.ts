/**
 * The "Use the data" page's recipes, run as a reader runs them: the page is read from a site built
 * from the site fixtures (plus one briefing that says "press freedom" and names its questioner, so
 * the recipes' queries have something to find), the site is served on 127.0.0.1 under /podium/,
 * the curl block downloads into an empty folder with SITE set to that server, and the jq and
 * Python blocks then run in that folder on what curl fetched. Recipes are found by the page's own
 * structure (each `<h2>` and the code under it), so a recipe added to the page is run too.
 *
 * Python blocks that import pandas run only where pandas is installed (it cannot be installed on
 * the development machine: no network beyond the npm registry); they are then named in the test
 * output as not run. Everything else must run here.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as cheerio from 'cheerio/slim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexEntry } from '../../pipeline/run/index-entry.ts';
import type { DatasetIndex, Turn } from '../../pipeline/schema/types.ts';
import { buildSite } from '../../pipeline/site/index.ts';
import { Dataset } from '../../pipeline/store/dataset.ts';
import { briefing } from '../support/dataset-run.ts';
import { startMirror, type Mirror } from '../support/mirror.ts';
import { writeSiteFixture } from '../site/fixture.ts';

interface Recipe {
  heading: string;
  code: string;
  language: 'shell' | 'python';
}

interface Result { code: number; stdout: string; stderr: string }

async function exec(file: string, args: string[], cwd: string): Promise<Result> {
  try {
    const { stdout, stderr } = await promisify(execFile)(file, args, { cwd, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? String(error) };
  }
}

function recipes(html: string): Recipe[] {
  const $ = cheerio.load(html);
  return $('pre > code').toArray().map((el) => {
    const code = $(el).text();
    const heading = $(el).parent().prevAll('h2').first().text();
    return { heading, code, language: /^(?:import|from) \w+/m.test(code) ? 'python' : 'shell' };
  });
}

/** The shell commands of a block, each with the variable assignments before it (`SITE=…`). */
function shellCommands(code: string, site: string): string[] {
  const lines = code.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const assignments = lines.filter((l) => /^[A-Z_]+=\S*$/.test(l)).map((l) => (l.startsWith('SITE=') ? `SITE=${site}` : l));
  return lines.filter((l) => !/^[A-Z_]+=\S*$/.test(l)).map((l) => [...assignments, l].join('\n'));
}

const pandas = (await exec('python3', ['-c', 'import pandas'], tmpdir())).code === 0;

let root: string;
let mirror: Mirror;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'podium-use-data-'));
  const out = join(root, 'output');
  await writeSiteFixture(out);
  const dataset = new Dataset(out);
  const named = briefing('2022-05-03', 'department-press-briefing-may-3-2022', [
    'Good afternoon. Today is World Press Freedom Day.',
    'What does the Department say about press freedom in the region?',
    'We will keep raising it.',
  ]);
  const record = { ...named, turns: named.turns.map((t, i): Turn => (i === 1 ? { ...t, askedBy: 'Rosa Lindqvist' } : t)) as [Turn, ...Turn[]] };
  await dataset.writeRecord(record);
  const index = JSON.parse(await readFile(join(out, 'index.json'), 'utf8')) as DatasetIndex;
  await dataset.writeIndex({ ...index, transcripts: [...index.transcripts, indexEntry(record)] });
  mirror = await startMirror();
  for (const gzip of [false, true]) {
    const dest = join(root, gzip ? '_site-gz' : '_site');
    await buildSite({ out, dest, baseUrl: '/podium/', gzipExports: gzip });
    await mirror.loadDirectory(dest, { prefix: gzip ? '/podium-gz/' : '/podium/', contentTypes: { '.sqlite': 'application/vnd.sqlite3', '.gz': 'application/gzip' } });
  }
});

afterAll(async () => {
  await mirror?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe.each([
  ['plain downloads', '_site', '/podium/'],
  ['--gzip-exports', '_site-gz', '/podium-gz/'],
])('the "Use the data" page (%s): every recipe runs', (_name, dir, prefix) => {
  it('curl fetches the downloads, then each jq and Python recipe runs on them and prints something', { timeout: 120_000 }, async () => {
    const page = recipes(await readFile(join(root, dir, 'use-the-data/index.html'), 'utf8'));
    expect(page.map((r) => r.heading)).toEqual(expect.arrayContaining(['curl', 'jq']));
    const work = join(root, `reader-${dir}`);
    await mkdir(work);
    const site = mirror.url(prefix).replace(/\/$/, '');
    // curl first: the other recipes read the files it downloads.
    const ordered = [...page.filter((r) => r.heading === 'curl'), ...page.filter((r) => r.heading !== 'curl')];
    const notRun: string[] = [];
    let ran = 0;
    for (const recipe of ordered) {
      if (recipe.language === 'python') {
        if (/\bimport pandas\b/.test(recipe.code) && !pandas) {
          notRun.push(`${recipe.heading}: pandas is not installed`);
          continue;
        }
        const result = await exec('python3', ['-c', recipe.code], work);
        expect(result.code, `${recipe.heading}\n${recipe.code}\n${result.stderr}`).toBe(0);
        expect(result.stdout.trim(), `${recipe.heading} printed nothing`).not.toBe('');
        ran++;
        continue;
      }
      for (const command of shellCommands(recipe.code, site)) {
        const result = await exec('bash', ['-euo', 'pipefail', '-c', command], work);
        expect(result.code, `${command}\n${result.stderr}`).toBe(0);
        if (recipe.heading !== 'curl') expect(result.stdout.trim(), `${command} printed nothing`).not.toBe('');
        ran++;
      }
    }
    // The downloads landed under their plain names (gunzipped when the site serves .gz).
    const listing = await exec('ls', [], work);
    expect(listing.stdout.split('\n')).toEqual(expect.arrayContaining(['transcripts.ndjson', 'turns.csv', 'podium.sqlite']));
    expect(ran).toBeGreaterThanOrEqual(6);
    if (notRun.length) console.log(`use-the-data (${dir}): not run here — ${notRun.join('; ')}`);
  });
});
