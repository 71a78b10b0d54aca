/**
 * `npm run docs`: the README's reference regions come from the code — each command's declaration,
 * the adapters, the site's list of downloads — and `--check` fails, naming the command to run,
 * when README.md has drifted. Text outside the markers is the author's and is never touched.
 */
import { execFile } from 'node:child_process';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadAgencies } from '../../pipeline/agencies/index.ts';
import { COMMANDS } from '../../pipeline/cli.ts';
import { siteDownloads } from '../../pipeline/docs/downloads.ts';
import { README, readmeRegions } from '../../pipeline/docs/generate.ts';
import { fillRegions, REGENERATE, regionEnd, regionStart } from '../../pipeline/docs/regions.ts';
import { useTempDirs } from '../support/tmp.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const tempDir = useTempDirs();

async function docs(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(TSX, ['pipeline/docs/generate.ts', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Body rows of a Markdown table. */
function rows(table: string): string[] {
  return table.split('\n').slice(2);
}

describe('the generated regions', () => {
  it('hold one row per command, with every way to call it, and every --help verbatim', async () => {
    const regions = await readmeRegions();
    const commandRows = rows(regions.commands!);
    expect(commandRows).toHaveLength(COMMANDS.length);
    COMMANDS.forEach((command, i) => {
      for (const form of command.synopsis) expect(commandRows[i]).toContain(`\`${form.replace(/\|/g, '\\|')}\``);
      expect(regions.options).toContain(`<code>podium ${command.name} --help</code>`);
      expect(regions.options).toContain(`\`\`\`text\n${command.usage}\n\`\`\``);
    });
  });

  it('hold one row per adapter with its origins, and one per download as the site names them', async () => {
    const regions = await readmeRegions();
    const agencies = await loadAgencies();
    expect(rows(regions.agencies!).map((r) => r.split(' | ')[0])).toEqual(agencies.map((a) => `| \`${a.id}\``));
    for (const agency of agencies) for (const origin of agency.origins) expect(regions.agencies).toContain(`\`${origin.name}\` ${new URL(origin.url).host}`);
    const downloads = siteDownloads();
    expect(rows(regions.downloads!)).toHaveLength(downloads.length);
    // siteDownloads() is the one place the docs read the site's list (re-pointed when the site's exports change).
    rows(regions.downloads!).forEach((row, i) => {
      expect(row.startsWith(`| \`${downloads[i]!.path}\``), row).toBe(true);
      if (downloads[i]!.gzipPath) expect(row).toContain(`\`${downloads[i]!.gzipPath}\``);
    });
    expect(downloads.map((d) => d.path)).toEqual(expect.arrayContaining(['transcripts.ndjson', 'turns.csv', 'podium.sqlite', 'datapackage.json']));
  });

  it('rewrite only what lies between the markers, and refuse a missing or doubled marker', () => {
    const start = regionStart('commands');
    const end = regionEnd('commands');
    const text = `# Title\n\nprose before\n${start}\nstale table\n${end}\nprose after\n`;
    expect(fillRegions(text, 'X.md', { commands: '| fresh |' })).toBe(`# Title\n\nprose before\n${start}\n| fresh |\n${end}\nprose after\n`);
    expect(() => fillRegions('no markers', 'X.md', { commands: '' })).toThrow(`X.md: region "commands" needs exactly one ${start} followed by ${end}`);
    expect(() => fillRegions(`${start}\n${end}\n${start}\n${end}`, 'X.md', { commands: '' })).toThrow('X.md: region "commands"');
    expect(() => fillRegions(`${end}\n${start}`, 'X.md', { commands: '' })).toThrow('X.md: region "commands"');
  });
});

describe('npm run docs', { timeout: 60_000 }, () => {
  it('--check fails on a stale README, naming the command; without --check it rewrites it to the code', async () => {
    const dir = await tempDir();
    const file = join(dir, 'README.md');
    await copyFile(README, file);
    const current = await readFile(README, 'utf8');
    // A table edited by hand (an option dropped) and an option's help changed: both are drift.
    const stale = current.replace('[--url <url>] [--date <date>]` |', '[--url <url>]` |').replace('show this help', 'shows help');
    expect(stale).not.toBe(current);
    await writeFile(file, stale);

    const check = await docs('--check', '--file', file);
    expect(check.code).toBe(1);
    expect(check.stderr).toBe(`docs: ${file} is out of date with the code: run \`${REGENERATE}\`\n`);
    expect(await readFile(file, 'utf8')).toBe(stale);

    const write = await docs('--file', file);
    expect(write.code).toBe(0);
    expect(write.stdout).toBe(`docs: rewrote the generated regions of ${file}\n`);
    expect(await readFile(file, 'utf8')).toBe(current);
    expect(await docs('--check', '--file', file)).toMatchObject({ code: 0, stdout: `docs: ${file} is up to date\n` });
  });
});
