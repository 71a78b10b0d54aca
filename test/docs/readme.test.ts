/**
 * The README cannot drift: its generated references match the code, and every shell command it
 * shows is executed here, in the order a reader would type them, against local servers and a
 * site built from what the pipeline stored. The few substitutions are declared below (a mirror's
 * port for the README's example port, the CLI entry point for `npm run podium --`), and the
 * commands that cannot run inside the suite are listed with the reason.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedReadme, README } from '../../pipeline/docs/generate.ts';
import { REGENERATE } from '../../pipeline/docs/regions.ts';
import { startStateMirror, type StateMirror } from '../support/state-mirror.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const CLI = join(ROOT, 'pipeline/cli.ts');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const markdown = await readFile(README, 'utf8');

/** Every line of every ```sh block, comments stripped, with the line number it starts at. */
function shellCommands(text: string): { line: number; command: string }[] {
  const out: { line: number; command: string }[] = [];
  let inShell = false;
  text.split('\n').forEach((raw, i) => {
    if (/^```sh\s*$/.test(raw)) { inShell = true; return; }
    if (/^```/.test(raw)) { inShell = false; return; }
    if (!inShell || !raw.trim()) return;
    // A trailing comment is a note to the reader (quotes never hold " #" in these examples).
    out.push({ line: i + 1, command: raw.replace(/\s+#\s.*$/, '').trim() });
  });
  return out;
}

/**
 * Commands the suite does not execute, and why. Each is run elsewhere or is the suite itself;
 * an entry that no longer matches a README line fails the test, so this list cannot go stale.
 */
const NOT_EXECUTED: Record<string, string> = {
  'npm ci && npm run podium -- run': 'scrapes the real agency sites; the same run against local mirrors is executed below (--origin)',
  'npm ci && npm test': 'is this suite (and .ci/run runs it from a clean clone)',
  'npm run demo': 'serves until stopped; test/site/demo.test.ts runs it with --check',
};

const commands = shellCommands(markdown);
const executed = commands.filter((c) => !(c.command in NOT_EXECUTED));

interface Result { code: number; stdout: string; stderr: string }

async function sh(command: string, cwd: string, ports: Map<string, string>): Promise<Result> {
  let line = command.replace(/^npm run podium -- /, `${TSX} ${CLI} `);
  for (const [from, to] of ports) line = line.replaceAll(from, to);
  try {
    const { stdout, stderr } = await promisify(execFile)('bash', ['-c', line], { cwd, timeout: 120_000, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? String(error) };
  }
}

describe('README.md', () => {
  it(`has generated references that match the code (else run \`${REGENERATE}\`)`, async () => {
    expect(await generatedReadme(markdown), `README.md is out of date with the code: run \`${REGENERATE}\``).toBe(markdown);
  });

  it('shows shell commands only in ```sh blocks, the ones this test runs', () => {
    const fences = [...markdown.matchAll(/^```(\S*)/gm)].map((m) => m[1]!).filter((info) => info !== '');
    expect(fences.filter((info) => /^(?:bash|shell|console|zsh|sh-session)$/.test(info))).toEqual([]);
  });

  it('lists only commands it really shows as not executed', () => {
    const shown = new Set(commands.map((c) => c.command));
    for (const skipped of Object.keys(NOT_EXECUTED)) expect(shown, `NOT_EXECUTED names "${skipped}", which the README no longer shows`).toContain(skipped);
    expect(executed.length).toBeGreaterThanOrEqual(8);
  });

  describe('every shell command it shows runs', () => {
    let work: string;
    let mirror: StateMirror;
    const ports = new Map<string, string>();

    beforeAll(async () => {
      work = await mkdtemp(join(tmpdir(), 'podium-readme-'));
      mirror = await startStateMirror();
      // The README's example mirror ports, as the local mirror's real ones.
      ports.set('http://127.0.0.1:8080', mirror.www.url('/').replace(/\/$/, ''));
      ports.set('http://127.0.0.1:8081', mirror.archive.url('/').replace(/\/$/, ''));
    });

    afterAll(async () => {
      await mirror?.close();
      await rm(work, { recursive: true, force: true });
    });

    // In README order: the mirror runs fill output/, the site is built from it, then queried.
    it.each(executed.map((c) => [`line ${c.line}: ${c.command}`, c] as const))('%s', async (_name, { command }) => {
      // Commands that name repository files (fixtures) run from the repository; the rest from
      // the reader's working folder, which holds output/ and _site/.
      const cwd = /\btest\/fixtures\//.test(command) ? ROOT : work;
      const result = await sh(command, cwd, ports);
      expect(result.code, `${command}\n${result.stderr}`).toBe(0);
      if (/^(?:sqlite3|jq)\b/.test(command) || / extract /.test(command)) {
        // A query or an extraction that prints nothing would pass silently with a broken example.
        expect(result.stdout.trim(), `${command} printed nothing`).not.toBe('');
      }
    }, 150_000);
  });
});
