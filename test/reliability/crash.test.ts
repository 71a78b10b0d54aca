/**
 * 13. A run killed with SIGKILL between any two files it writes leaves a dataset the next run
 * finds consistent: valid, every record indexed, no record lost, no revision counted twice.
 * The kill is real: a child `podium run` process dies right after its Nth atomic write.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { state } from '../../pipeline/agencies/state.ts';
import { validateDataset } from '../../pipeline/store/integrity.ts';
import { runPipeline } from '../../pipeline/run/index.ts';
import { Dataset } from '../../pipeline/store/dataset.ts';
import { fixture, stateFixture } from '../support/fixtures.ts';
import { startStateMirror, type StateMirror } from '../support/state-mirror.ts';
import { useTempDirs } from '../support/tmp.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PRELOAD = fileURLToPath(new URL('../support/kill-after-renames.ts', import.meta.url));
const tempDir = useTempDirs();
let mirror: StateMirror;
beforeAll(async () => {
  mirror = await startStateMirror();
});
afterAll(async () => {
  await mirror.close();
});

/** Runs `podium run` in a child process killed after `renames` renames; resolves to its signal. */
function killedRun(out: string, renames: number): Promise<NodeJS.Signals | null> {
  const args = ['--import', 'tsx', '--import', PRELOAD, 'pipeline/cli.ts', 'run', '--agency', 'state', '--out', out, '--delay', '0', ...mirror.originArgs.flatMap((o) => ['--origin', o])];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: ROOT, env: { ...process.env, PODIUM_TEST_KILL_AFTER_RENAMES: String(renames) } }, (error) => {
      resolve((error as { signal?: NodeJS.Signals } | null)?.signal ?? null);
    });
  });
}

const FAST = { minDelayMs: 0, timeoutMs: 2000, retries: 1, backoffMs: 5 };
const finish = (out: string) => runPipeline({ agencies: [state], out, origins: mirror.originArgs, fetcher: FAST });

async function expectWhole(out: string, ids: number) {
  expect((await validateDataset(out)).failures).toEqual([]);
  const index = (await new Dataset(out).readIndex())!;
  expect(index.transcripts).toHaveLength(ids);
}

describe('13. SIGKILL between two files', () => {
  // A first run writes 13 files: 5 records, 5 raw pages, the index, the changelog, the crawl state.
  it.each([1, 2, 5, 10, 11, 12])('during a first run, after write %i', async (n) => {
    const out = await tempDir();
    expect(await killedRun(out, n)).toBe('SIGKILL');
    // The lock of the dead run is stale and taken over; the next run completes the dataset.
    const report = await finish(out);
    expect(report.failures).toEqual([]);
    await expectWhole(out, 5);
  }, 30_000);

  it.each([1, 2, 3, 4])('during a run that revises a page, after write %i: no revision lost or counted twice', async (n) => {
    const out = await tempDir();
    await finish(out);
    const page = stateFixture('department-press-briefing-january-18-2022');
    mirror.publish({ ...page, lastmod: `2022-02-0${n}T00:00:00+00:00` }, fixture(page.body).replace('Happy Tuesday.', `Happy Tuesday ${n}.`));
    try {
      expect(await killedRun(out, n)).toBe('SIGKILL');
      await finish(out);
      await expectWhole(out, 5);
      const record = (await new Dataset(out).readRecord('state/2022-01-18/department-press-briefing-january-18-2022'))!;
      expect(record.revision).toBe(2);
      expect(record.revisions.map((r) => r.change)).toEqual(['initial', 'minor']);
      expect(record.turns[0]!.paragraphs[0]).toContain(`Happy Tuesday ${n}.`);
      expect((await new Dataset(out).readHistory(record.id, 1))!.turns[0]!.paragraphs[0]).toContain('Happy Tuesday.');
      const entry = (await new Dataset(out).readIndex())!.transcripts.find((e) => e.id === record.id)!;
      expect(entry.revision).toBe(2);
    } finally {
      mirror.publish(page);
    }
  }, 30_000);

  it('leaves no file half-written: every JSON file parses', async () => {
    const out = await tempDir();
    expect(await killedRun(out, 7)).toBe('SIGKILL');
    const files = (await readdir(out, { recursive: true })).filter((f) => f.endsWith('.json') && !basename(f).startsWith('.'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(() => JSON.parse(readFileSync(join(out, file), 'utf8')), file).not.toThrow();
  }, 30_000);
});
