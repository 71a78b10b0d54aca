/**
 * The scheduled workflow's steps end to end, as scrape.yml chains them: a real run against the
 * local state.gov mirror into a clone's output/, the report file, `podium alert`, then
 * `podium publish` to a bare remote. Four runs: a first scrape, an unchanged one, an edited page,
 * and a redesigned page the selectors no longer match.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { state } from '../../pipeline/agencies/state.ts';
import { alertCommand } from '../../pipeline/commands/alert.ts';
import { publishCommand } from '../../pipeline/commands/publish.ts';
import { validateDataset } from '../../pipeline/store/integrity.ts';
import { runPipeline } from '../../pipeline/run/index.ts';
import { writeReportFile } from '../../pipeline/run/report-file.ts';
import { Dataset } from '../../pipeline/store/dataset.ts';
import { fixture, stateFixture, stateFixturePage } from '../support/fixtures.ts';
import { history, makeRemote, useGitSandbox } from '../support/git.ts';
import { startStateMirror, type StateMirror } from '../support/state-mirror.ts';
import { useTempDirs } from '../support/tmp.ts';

useGitSandbox();
const tempDir = useTempDirs();
let mirror: StateMirror;
beforeEach(async () => {
  mirror = await startStateMirror();
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await mirror.close();
});

const FAST = { minDelayMs: 0, timeoutMs: 2000, retries: 1, backoffMs: 5, maxRetryAfterMs: 100 };
const DPB = 'state/2022-01-18/department-press-briefing-january-18-2022';

/** Runs a command object quietly; returns its exit code and what it printed. */
async function quietly(run: () => Promise<number>): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void out.push(String(line)));
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    return { code: await run(), out: out.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

// Real git and real runs: dozens of child processes per test, slow on a busy 2-CPU runner.
describe('a scheduled run, step by step', { timeout: 60_000 }, () => {
  it('publishes new and revised transcripts, nothing for a quiet run, and alerts when the template changes', async () => {
    const root = await tempDir();
    const remote = await makeRemote(root);
    const runner = await remote.clone('runner');
    const out = join(runner, 'output');
    const report = join(root, 'podium', 'run-report.json');
    const previous = join(root, 'podium-baseline', 'report.json');
    const alert = (n: number) => ({ title: join(root, `alert-${n}`, 'title.txt'), body: join(root, `alert-${n}`, 'body.md') });
    let clock = Date.parse('2026-11-28T10:00:00Z');

    /** One pass of scrape.yml's steps; the report is kept as the next pass's previous one. */
    const scheduled = async (n: number, runId: string) => {
      const result = await runPipeline({ agencies: [state], out, origins: mirror.originArgs, fetcher: FAST, now: () => new Date(clock), runId });
      await writeReportFile(report, { kind: 'run', scope: { agencies: ['state'], origins: [], since: null, until: null, limit: null }, ...result });
      const files = alert(n);
      const alerted = await quietly(() => alertCommand.run(['--report', report, '--previous', previous, '--title-file', files.title, '--body-file', files.body]));
      expect((await validateDataset(out)).failures).toEqual([]);
      const published = await quietly(() => publishCommand.run(['--report', report, '--out', out]));
      await writeReportFile(previous, { kind: 'run', scope: { agencies: ['state'], origins: [], since: null, until: null, limit: null }, ...result });
      clock += 2 * 3_600_000;
      return { result, alert: alerted.out, code: published.code, log: await history(remote.bare) };
    };

    const first = await scheduled(1, '1001');
    expect(first.code).toBe(0);
    expect(first.alert).toBe('');
    expect(first.log).toHaveLength(2);
    expect(first.log[0]!.subject).toBe('data: 5 new, 0 revised, 0 withdrawn — dataset 2026.11.28.1');
    expect(first.log[0]!.body).toContain(`  ${DPB}\n`);
    expect(first.log[0]!.body.endsWith('Podium-Run: 1001')).toBe(true);
    expect(first.log[0]!.files).toEqual(expect.arrayContaining(['output/index.json', 'output/changelog.json', 'output/state/state.json']));

    const quiet = await scheduled(2, '1002');
    expect(quiet.code).toBe(0);
    expect(quiet.result.changed).toBe(false);
    expect(quiet.log).toHaveLength(2);

    const page = stateFixture('department-press-briefing-january-18-2022');
    mirror.publish({ ...page, lastmod: '2026-11-28T13:00:00+00:00' }, fixture(page.body).replace('We will have more to say about that soon.', 'We will have more to share about that soon.'));
    const edited = await scheduled(3, '1003');
    expect(edited.code).toBe(0);
    expect(edited.log[0]!.subject).toBe('data: 0 new, 1 revised (minor), 0 withdrawn — dataset 2026.11.28.2');
    expect(edited.log[0]!.body).toBe(`Revised (1):\n  ${DPB} r2 minor\n\nPodium-Run: 1003`);
    expect(edited.log[0]!.files.sort()).toEqual([
      'output/changelog.json',
      'output/history/state/2022-01-18-department-press-briefing-january-18-2022/1.json',
      'output/index.json',
      'output/raw/state/2022/2022-01-18-department-press-briefing-january-18-2022.html.gz',
      'output/state/state.json',
      'output/transcripts/state/2022/2022-01-18-department-press-briefing-january-18-2022.json',
    ]);

    // A redesign: the article body moved to markup the selectors do not know.
    const redesign = stateFixturePage(page).replace('<div class="entry-content">', '<div class="post-body-2027">');
    mirror.publishHtml({ ...page, lastmod: '2026-11-28T17:00:00+00:00' }, redesign);
    const redesigned = await scheduled(4, '1004');
    expect(redesigned.result.failures).toEqual([expect.objectContaining({ url: `https://www.state.gov${page.path}`, stage: 'extract', templateChange: true })]);
    expect(redesigned.code).toBe(2); // published, then red so someone looks
    expect(redesigned.log[0]!.subject).toBe('data: 0 new, 0 revised, 0 withdrawn — dataset 2026.11.28.2');
    expect(redesigned.log[0]!.body).toMatch(/^No transcript changed\.\n\nFailed, stored records kept \(1\):\n {2}\[extract\] .*no article body found/);
    expect(redesigned.alert).toMatch(/^Extraction alert: the state site template may have changed\n/);
    expect(await readFile(alert(4).body, 'utf8')).toContain('1 page failed the way a template change makes pages fail');
    // The stored record was kept as it was.
    expect((await new Dataset(out).readRecord(DPB))!.turns[2]!.paragraphs[0]).toContain('more to share');
    expect(redesigned.log).toHaveLength(4);

    // The same page failing the same way next time is not news.
    const again = await scheduled(5, '1005');
    expect(again.result.failures).toHaveLength(1);
    expect(again.alert).toBe('');
  });
});
