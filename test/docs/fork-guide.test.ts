/**
 * Proves docs/adding-an-agency.md: the templates it prints (a toy adapter, its fixtures, its test)
 * are written, exactly as printed, into a temporary copy of the core — pipeline/, schemas/ and
 * the test support, unchanged — and the toy agency then runs end to end there: listed by
 * `podium agencies`, `podium run --agency toy --origin <local server>` stores a valid record, and
 * the template test passes. Nothing outside the adapter's own files is touched.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMirror, type Mirror } from '../support/mirror.ts';

const exec = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;
const GUIDE = `${ROOT}docs/adding-an-agency.md`;

/** Code fences whose info string names a file: ```ts file=pipeline/agencies/toy.ts */
function templates(markdown: string): { path: string; body: string }[] {
  return [...markdown.matchAll(/^```\w+ file=(\S+)\n([\s\S]*?)^```$/gm)].map((m) => ({ path: m[1]!, body: m[2]! }));
}

async function node(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, args, { cwd, env: { ...process.env, CI: 'true' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let copy: string;
let files: { path: string; body: string }[];
let mirror: Mirror;

beforeAll(async () => {
  files = templates(await readFile(GUIDE, 'utf8'));
  copy = await mkdtemp(join(tmpdir(), 'podium-fork-'));
  for (const part of ['pipeline', 'schemas', 'test/support', 'package.json', 'tsconfig.json', 'vitest.config.ts']) {
    await cp(join(ROOT, part), join(copy, part), { recursive: true });
  }
  await symlink(await realpath(join(ROOT, 'node_modules')), join(copy, 'node_modules'), 'dir');
  for (const f of files) {
    await mkdir(dirname(join(copy, f.path)), { recursive: true });
    await writeFile(join(copy, f.path), f.body);
  }
  mirror = await startMirror();
  await mirror.loadDirectory(join(copy, 'test/fixtures/toy/www'));
});

afterAll(async () => {
  await mirror?.close();
  if (copy) await rm(copy, { recursive: true, force: true });
});

describe('the fork guide', { timeout: 120_000 }, () => {
  it('prints an adapter, fixtures and a test, and only files of the new agency', () => {
    const paths = files.map((f) => f.path);
    expect(paths).toContain('pipeline/agencies/toy.ts');
    expect(paths).toContain('test/agencies/toy.test.ts');
    expect(paths.some((p) => p.startsWith('test/fixtures/toy/'))).toBe(true);
    for (const p of paths) expect(p).toMatch(/^(?:pipeline\/agencies\/toy\.ts|test\/agencies\/toy\.test\.ts|test\/fixtures\/toy\/.+)$/);
  });

  it('is linked from the README', async () => {
    expect(await readFile(`${ROOT}README.md`, 'utf8')).toContain('(docs/adding-an-agency.md)');
  });

  it('lists the toy adapter in `podium agencies`', async () => {
    const { code, stdout } = await node(copy, '--import', 'tsx', 'pipeline/cli.ts', 'agencies');
    expect(code).toBe(0);
    expect(stdout).toContain('toy  U.S. Department of Examples\n  www  https://www.toy.example  (primary)');
  });

  it('runs `podium run --agency toy --origin <fixture server>` to a valid record', async () => {
    const out = join(copy, 'out');
    const run = await node(copy, '--import', 'tsx', 'pipeline/cli.ts', 'run', '--agency', 'toy', '--origin', mirror.origin, '--out', out, '--delay', '0');
    // stderr is the run's decision log (one line per stage and decision); nothing failed in it.
    expect(run.stderr.split('\n').filter(Boolean).every((line) => /^(?:discover|fetch) toy: /.test(line))).toBe(true);
    expect(run.stderr).not.toMatch(/FAILED|rror|stopped/);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('toy: 1 candidates, 1 requested');
    const validate = await node(copy, '--import', 'tsx', 'pipeline/cli.ts', 'validate', '--out', out);
    expect(validate.code).toBe(0);
    const record = JSON.parse(await readFile(join(out, 'transcripts/toy/2026/2026-05-04-press-briefing-on-examples.json'), 'utf8'));
    expect(record).toMatchObject({ id: 'toy/2026-05-04/press-briefing-on-examples', agency: 'toy', kind: 'press-briefing' });
    expect(record.turns.map((t: { role: string }) => t.role)).toEqual(['moderator', 'official', 'moderator', 'journalist', 'official']);
  });

  it('passes its own template test', async () => {
    const vitest = join(copy, 'node_modules/vitest/vitest.mjs');
    const result = await node(copy, vitest, 'run', 'test/agencies/toy.test.ts');
    expect(result.stdout + result.stderr).toMatch(/2 passed/);
    expect(result.code).toBe(0);
  });
});
