/**
 * Commit and push against real git: a bare repository on disk as the remote, clones as the Actions
 * runner and as whoever else pushes to main. The remote refuses non-fast-forward updates and logs
 * every update of main, so each test can also check that nothing was forced.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishedChanges } from '../../pipeline/publish/changes.ts';
import { commitMessage } from '../../pipeline/publish/commit-message.ts';
import { git } from '../../pipeline/publish/git.ts';
import { commitAndPush, PublishError, type PublishOptions } from '../../pipeline/publish/push.ts';
import type { ReportFile } from '../../pipeline/run/report-file.ts';
import { briefing, failure, fakeRun } from '../support/dataset-run.ts';
import { history, installHook, isAncestor, makeRemote, pushFile, refUpdates, useGitSandbox, type Remote } from '../support/git.ts';
import { useTempDirs } from '../support/tmp.ts';

useGitSandbox();
const tempDir = useTempDirs();

const JAN18 = briefing('2022-01-18', 'department-press-briefing-january-18-2022');
const JAN19 = briefing('2022-01-19', 'department-press-briefing-january-19-2022');

interface Setup {
  remote: Remote;
  runner: string;
  other: string;
}

async function setup(): Promise<Setup> {
  const root = await tempDir();
  const remote = await makeRemote(root);
  return { remote, runner: await remote.clone('runner'), other: await remote.clone('other') };
}

async function publish(repo: string, report: ReportFile, extra: Partial<PublishOptions> = {}) {
  const out = join(repo, 'output');
  const lines: string[] = [];
  const result = await commitAndPush({
    dataset: out, remote: 'origin', branch: 'main', retries: 3,
    message: commitMessage(await publishedChanges(report, out)),
    backoffMs: () => 0,
    log: (line) => lines.push(line),
    ...extra,
  });
  return { result, lines };
}

/** Every update of the remote's main moved it forward: no update ever dropped a commit. */
async function expectOnlyFastForwards(bare: string): Promise<void> {
  const updates = await refUpdates(bare);
  expect(updates.length).toBeGreaterThan(0);
  for (const [before, after] of updates) {
    if (/^0+$/.test(before)) continue; // the branch's creation
    expect(await isAncestor(bare, before, after), `${before} -> ${after}`).toBe(true);
  }
}

const head = async (repo: string, ref = 'HEAD') => (await git(['rev-parse', ref], { cwd: repo })).trim();

// Real git and real runs: dozens of child processes per test, slow on a busy 2-CPU runner.
describe('commitAndPush', { timeout: 30_000 }, () => {
  it('commits nothing and pushes nothing when the dataset did not change', async () => {
    const { remote, runner } = await setup();
    const before = await head(remote.bare, 'main');
    const report = await fakeRun(join(runner, 'output'), { runId: 'run-1' });
    // A file outside the dataset changed: not data, not published.
    await writeFile(join(runner, 'README.md'), '# edited locally\n');
    const { result, lines } = await publish(runner, report);
    expect(result).toEqual({ committed: false, files: 0, commit: null, pushed: false, attempts: 0 });
    expect(lines.join('\n')).toContain('nothing to publish');
    expect(await head(remote.bare, 'main')).toBe(before);
    expect(await history(runner)).toHaveLength(1);
  });

  it('commits only the dataset, with a message that says what changed and lists the ids, and pushes it', async () => {
    const { remote, runner } = await setup();
    const out = join(runner, 'output');
    const report = await fakeRun(out, {
      runId: '9001',
      added: [JAN19, JAN18],
      failures: [failure('https://www.state.gov/briefings/odd/', 'no article body found (tried article)', true)],
    });
    // Leftovers of a crash and of a running run are not data.
    await writeFile(join(out, '.podium.lock'), '12345\n');
    await writeFile(join(out, 'transcripts', 'state', '2022', '.x.json.0a1b2c.tmp'), '{');
    await writeFile(join(runner, 'notes.txt'), 'not data\n');

    const { result } = await publish(runner, report);
    expect(result).toMatchObject({ committed: true, pushed: true, attempts: 1 });
    expect(result.commit).toBe(await head(remote.bare, 'main'));

    const [top, initial] = await history(remote.bare);
    expect(top!.subject).toBe('data: 2 new, 0 revised, 0 withdrawn — dataset 2026.11.28.1');
    expect(top!.body).toBe(
      [
        'Added (2):',
        `  ${JAN18.id}`,
        `  ${JAN19.id}`,
        '',
        'Failed, stored records kept (1):',
        '  [extract] https://www.state.gov/briefings/odd/: no article body found (tried article)',
        '',
        'Podium-Run: 9001',
      ].join('\n'),
    );
    expect(top!.parents).toEqual([initial!.sha]);
    expect(top!.author).toBe('runner');
    expect(top!.files.every((f) => f.startsWith('output/'))).toBe(true);
    expect(top!.files).toEqual(expect.arrayContaining([
      'output/index.json',
      'output/changelog.json',
      'output/transcripts/state/2022/2022-01-18-department-press-briefing-january-18-2022.json',
      'output/raw/state/2022/2022-01-19-department-press-briefing-january-19-2022.html.gz',
    ]));
    expect(top!.files.some((f) => f.endsWith('.podium.lock') || f.endsWith('.tmp'))).toBe(false);
    expect(await git(['status', '--porcelain'], { cwd: runner })).toContain('notes.txt');
  });

  it('loses the race to another clone, rebases onto it and pushes again: linear history, both commits, nothing forced', async () => {
    const { remote, runner, other } = await setup();
    const report = await fakeRun(join(runner, 'output'), { runId: 'run-race', added: [JAN18] });
    // Someone pushes to main while the run was scraping.
    const theirs = await pushFile(other, 'docs/notes.md', 'a human edit\n', 'docs: a human edit');

    const { result, lines } = await publish(runner, report);
    expect(result).toMatchObject({ committed: true, pushed: true, attempts: 2 });
    expect(lines.some((l) => l.includes('lost a race'))).toBe(true);
    expect(lines.some((l) => l.includes('rebased onto origin/main'))).toBe(true);

    const log = await history(remote.bare);
    expect(log.map((c) => c.subject)).toEqual(['data: 1 new, 0 revised, 0 withdrawn — dataset 2026.11.28.1', 'docs: a human edit', 'initial']);
    expect(log[1]!.sha).toBe(theirs);
    expect(log.every((c) => c.parents.length <= 1)).toBe(true); // no merge commit
    expect(log[0]!.body).toContain(`Added (1):\n  ${JAN18.id}`);
    expect(result.commit).toBe(log[0]!.sha);
    await expectOnlyFastForwards(remote.bare);
  });

  it('gives up after --retries rebases when the branch keeps moving, leaving the other commits and a clean clone', async () => {
    const { remote, runner, other } = await setup();
    const report = await fakeRun(join(runner, 'output'), { runId: 'run-busy', added: [JAN18] });
    // Another writer gets in between every rebase and every push of the runner.
    const count = join(runner, '..', 'pushes.log');
    await installHook(join(runner, '.git'), 'pre-push', [
      'unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE',
      `echo push >> "${count}"`,
      `cd "${other}" && echo "$(date +%s%N)" >> busy.txt && git add busy.txt && git commit --quiet -m "busy" && git push --quiet origin HEAD:refs/heads/main`,
    ].join('\n'));
    const waits: number[] = [];

    const error = await publish(runner, report, { retries: 2, backoffMs: (n) => n * 10, wait: async (ms) => void waits.push(ms) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PublishError);
    expect((error as PublishError).kind).toBe('exhausted');
    expect((error as PublishError).message).toMatch(/gave up after 3 pushes to origin\/main: the branch kept moving/);
    expect((await readFile(count, 'utf8')).trim().split('\n')).toHaveLength(3);
    expect(waits).toEqual([10, 20]);

    const log = await history(remote.bare);
    expect(log.map((c) => c.subject)).toEqual(['busy', 'busy', 'busy', 'initial']);
    expect(log.some((c) => c.subject.startsWith('data:'))).toBe(false);
    // The runner keeps its commit on top of what it last saw; nothing half-done is left behind.
    expect((await history(runner))[0]!.subject).toMatch(/^data: 1 new/);
    expect(await git(['status', '--porcelain'], { cwd: runner })).toBe('');
    await expectOnlyFastForwards(remote.bare);
  });

  it('aborts a rebase that conflicts and fails clearly, with the remote untouched and the clone as it was', async () => {
    const { remote, runner, other } = await setup();
    // Both wrote the dataset's index since their common start.
    const theirs = await fakeRun(join(other, 'output'), { runId: 'their-run', added: [JAN19] });
    expect(theirs.changed).toBe(true);
    await git(['add', '--all'], { cwd: other });
    await git(['commit', '--quiet', '-m', 'data: their run'], { cwd: other });
    await git(['push', '--quiet', 'origin', 'HEAD:refs/heads/main'], { cwd: other });
    const remoteHead = await head(remote.bare, 'main');
    const report = await fakeRun(join(runner, 'output'), { runId: 'our-run', added: [JAN18] });

    const error = await publish(runner, report).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PublishError);
    expect((error as PublishError).kind).toBe('conflict');
    expect((error as PublishError).message).toMatch(/^rebase onto origin\/main conflicts in output\/changelog\.json, output\/index\.json: rebase aborted, nothing pushed, origin\/main is untouched/);

    expect(await head(remote.bare, 'main')).toBe(remoteHead);
    // The local commit still sits where the run made it, on the commit it started from.
    expect((await history(runner)).map((c) => c.subject)).toEqual(['data: 1 new, 0 revised, 0 withdrawn — dataset 2026.11.28.1', 'initial']);
    expect(existsSync(join(runner, '.git', 'rebase-merge'))).toBe(false);
    expect(existsSync(join(runner, '.git', 'rebase-apply'))).toBe(false);
    expect(await git(['status', '--porcelain'], { cwd: runner })).toBe('');
    await expectOnlyFastForwards(remote.bare);
  });

  it('does not retry a push the remote refuses for another reason than a race', async () => {
    const { remote, runner } = await setup();
    await installHook(remote.bare, 'pre-receive', 'echo "protected branch: pushes need a review" >&2\nexit 1');
    const report = await fakeRun(join(runner, 'output'), { runId: 'run-refused', added: [JAN18] });
    const before = await head(remote.bare, 'main');
    const waits: number[] = [];

    const error = await publish(runner, report, { wait: async (ms) => void waits.push(ms) }).catch((e: unknown) => e);
    expect((error as PublishError).kind).toBe('rejected');
    expect((error as PublishError).message).toContain('protected branch: pushes need a review');
    expect(waits).toEqual([]);
    expect(await head(remote.bare, 'main')).toBe(before);
  });

  it('pushes a commit an earlier publish could not push, even when the dataset has not changed since', async () => {
    const { remote, runner } = await setup();
    const report = await fakeRun(join(runner, 'output'), { runId: 'run-2', added: [JAN18] });
    await git(['add', '--all', 'output'], { cwd: runner });
    await git(['commit', '--quiet', '-m', 'data: committed, not pushed'], { cwd: runner });

    const { result } = await publish(runner, report);
    expect(result).toMatchObject({ committed: false, pushed: true, attempts: 1 });
    expect((await history(remote.bare))[0]!.subject).toBe('data: committed, not pushed');
  });

  it('refuses to sweep files staged outside the dataset into a data commit', async () => {
    const { remote, runner } = await setup();
    const report = await fakeRun(join(runner, 'output'), { runId: 'run-3', added: [JAN18] });
    await writeFile(join(runner, 'README.md'), '# staged by hand\n');
    await git(['add', 'README.md'], { cwd: runner });
    const before = await head(remote.bare, 'main');

    const error = await publish(runner, report).catch((e: unknown) => e);
    expect((error as PublishError).kind).toBe('outside');
    expect((error as PublishError).message).toContain('README.md');
    expect(await history(runner)).toHaveLength(1);
    expect(await head(remote.bare, 'main')).toBe(before);
  });
});
