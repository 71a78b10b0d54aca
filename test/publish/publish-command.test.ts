/**
 * `podium publish` as the scrape workflow calls it: a run report, a dataset in a clone, a bare
 * remote, and the files GitHub Actions reads back (step summary, step outputs).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { publishCommand } from '../../pipeline/commands/publish.ts';
import { git } from '../../pipeline/publish/git.ts';
import { writeReportFile, type ReportFile } from '../../pipeline/run/report-file.ts';
import { briefing, failure, fakeRun } from '../support/dataset-run.ts';
import { history, makeRemote, useGitSandbox } from '../support/git.ts';
import { useTempDirs } from '../support/tmp.ts';

useGitSandbox();
const tempDir = useTempDirs();
afterEach(() => vi.unstubAllEnvs());

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void out.push(String(line)));
  const error = vi.spyOn(console, 'error').mockImplementation((line: unknown) => void err.push(String(line)));
  try {
    return { code: await publishCommand.run(args), out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

async function workspace() {
  const root = await tempDir();
  const remote = await makeRemote(root);
  const runner = await remote.clone('runner');
  const summary = join(root, 'summary.md');
  const outputs = join(root, 'outputs.txt');
  vi.stubEnv('GITHUB_STEP_SUMMARY', summary);
  vi.stubEnv('GITHUB_OUTPUT', outputs);
  return { root, remote, runner, out: join(runner, 'output'), reportPath: join(root, 'report.json'), summary, outputs };
}

// Real git and real runs: dozens of child processes per test, slow on a busy 2-CPU runner.
describe('podium publish', { timeout: 30_000 }, () => {
  it('commits and pushes what a partial run saved, then exits 2 so the job is marked failed', async () => {
    const w = await workspace();
    const report = await fakeRun(w.out, {
      runId: '4242',
      added: [briefing('2022-01-18', 'department-press-briefing-january-18-2022')],
      failures: [failure('https://www.state.gov/briefings/x/', 'HTTP 503 after 3 tries', false, 'fetch')],
    });
    expect(report.exitCode).toBe(2);
    await writeReportFile(w.reportPath, report);

    const { code, out, err } = await run(['--report', w.reportPath, '--out', w.out]);
    expect(code).toBe(2);
    expect(out).toContain('publish: committed');
    expect(out).toMatch(/publish: pushed [0-9a-f]{12} to origin\/main/);
    expect(err).toContain('the run was partial (1 pages failed); what succeeded is published, exiting 2');

    const [top] = await history(w.remote.bare);
    expect(top!.subject).toBe('data: 1 new, 0 revised, 0 withdrawn — dataset 2026.11.28.1');
    expect(top!.body).toContain('Failed, stored records kept (1):\n  [fetch] https://www.state.gov/briefings/x/: HTTP 503 after 3 tries');
    expect(await readFile(w.outputs, 'utf8')).toBe(`committed=true\npushed=true\ncommit=${top!.sha}\n`);
    const summary = await readFile(w.summary, 'utf8');
    expect(summary).toContain('## Podium run 4242 — dataset 2026.11.28.1');
    expect(summary).toContain(`Committed \`${top!.sha.slice(0, 12)}\``);
    expect(summary).toContain('### Failed pages (1)');
    expect(summary).toContain('**This run is marked failed because some pages failed.**');
  });

  it('exits 0 and pushes nothing when the run changed nothing', async () => {
    const w = await workspace();
    await writeReportFile(w.reportPath, await fakeRun(w.out, { runId: 'quiet' }));
    const before = (await history(w.remote.bare))[0]!.sha;
    const { code } = await run(['--report', w.reportPath, '--out', w.out]);
    expect(code).toBe(0);
    expect((await history(w.remote.bare))[0]!.sha).toBe(before);
    expect(await readFile(w.outputs, 'utf8')).toBe('committed=false\npushed=false\ncommit=\n');
    expect(await readFile(w.summary, 'utf8')).toContain('No dataset file changed: nothing committed.');
  });

  it('refuses a report that does not describe the dataset, and commits nothing', async () => {
    const w = await workspace();
    const report = await fakeRun(w.out, { runId: 'real-run', added: [briefing('2022-01-18', 'department-press-briefing-january-18-2022')] });
    const wrong: ReportFile = { ...report, runId: 'another-run' };
    await writeReportFile(w.reportPath, wrong);
    const { code, err } = await run(['--report', w.reportPath, '--out', w.out]);
    expect(code).toBe(1);
    expect(err).toContain('changelog.json has no entry for run another-run: the report does not describe this dataset');
    expect(await history(w.runner)).toHaveLength(1);
    expect(await git(['status', '--porcelain', '--', 'output'], { cwd: w.runner })).not.toBe('');
  });

  it('exits 1 and says why in the step summary when the push cannot be made', async () => {
    const w = await workspace();
    await writeReportFile(w.reportPath, await fakeRun(w.out, { runId: 'r', added: [briefing('2022-01-18', 'department-press-briefing-january-18-2022')] }));
    const { code, err } = await run(['--report', w.reportPath, '--out', w.out, '--remote', 'nowhere']);
    expect(code).toBe(1);
    expect(err).toMatch(/podium publish: nowhere refused the push to main/);
    expect(await readFile(w.summary, 'utf8')).toContain('**Publishing failed:** nowhere refused the push to main');
    expect(await readFile(w.outputs, 'utf8')).toBe('committed=false\npushed=false\ncommit=\n');
  });

  it('rejects bad options before touching git', async () => {
    expect((await run([])).code).toBe(64);
    expect((await run(['--report', 'r.json', '--retries', 'many'])).code).toBe(64);
    expect((await run(['--report', 'r.json', '--retries=-1'])).code).toBe(64);
    // A name git would read as an option.
    expect((await run(['--report', 'r.json', '--branch=--force'])).code).toBe(64);
    expect((await run(['--report', 'r.json', '--remote=-x'])).code).toBe(64);
  });
});
