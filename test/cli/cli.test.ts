/**
 * The command line as users run it: a real child process through tsx. And the README cannot drift
 * from the code: every option a command's --help lists must appear in the README.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../pipeline/cli.ts';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;
const README = readFileSync(`${ROOT}README.md`, 'utf8');

async function podium(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'pipeline/cli.ts', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// Each test starts `npx tsx` (about 2 s alone); on a 2-CPU runner busy with the rest of the suite
// that passes vitest's default 5 s, so these get a timeout of their own.
describe('podium CLI', { timeout: 30_000 }, () => {
  it('lists every command', async () => {
    const { code, stdout } = await podium('--help');
    expect(code).toBe(0);
    for (const c of COMMANDS) expect(stdout).toContain(c.name);
  });

  it.each(COMMANDS.map((c) => [c.name]))('%s --help', async (name) => {
    const { code, stdout } = await podium(name, '--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Usage: podium ${name}`));
  });

  it('rejects an unknown command and an unknown option', async () => {
    const unknown = await podium('scrape');
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toBe('podium: unknown command "scrape" (see podium --help)\n');
    const bad = await podium('validate', '--bogus');
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('--bogus');
  });

  it('extracts a pasted page and refuses a press statement with a one-line reason', async () => {
    const ok = await podium('extract', 'test/fixtures/state/pasted-dpb.txt', '--url', 'https://www.state.gov/briefings/department-press-briefing-march-3-2022/');
    expect(ok.code).toBe(0);
    const record = JSON.parse(ok.stdout);
    expect(record.id).toBe('state/2022-03-03/department-press-briefing-march-3-2022');
    expect(record.source.via).toBe('file');
    const statement = await podium('extract', 'test/fixtures/state/pages/press-statement.html');
    expect(statement.code).toBe(1);
    expect(statement.stdout).toBe('');
    expect(statement.stderr.trim().split('\n')).toHaveLength(1);
    expect(statement.stderr).toContain('not a transcript: the page is a "Press Statement"');
  });

  it('extracts a saved page with its canonical link', async () => {
    const { code, stdout } = await podium('extract', 'test/fixtures/state/pages/department-press-briefing-january-18-2022.html');
    expect(code).toBe(0);
    const record = JSON.parse(stdout);
    expect(record.url).toBe('https://www.state.gov/briefings/department-press-briefing-january-18-2022/');
    expect(record.turns).toHaveLength(12);
  });
});

describe('README', () => {
  it.each(COMMANDS.map((c) => [c.name, c.usage] as const))('documents every option of %s', (name, usage) => {
    expect(README).toContain(`\`${name}`);
    for (const option of new Set(usage.match(/--[a-z][a-z-]+/g) ?? [])) {
      if (option === '--help') continue;
      expect(README, `${name} ${option}`).toContain(option);
    }
  });
});
