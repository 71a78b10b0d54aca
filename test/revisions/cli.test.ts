/**
 * Revisions through the CLI on a local mirror: a flip-flop recorded as a revert, `podium diff` in
 * its three formats and on two snapshots, and `podium reprocess` turning a parser change into a
 * technical upgrade, offline.
 */
import { execFile } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { state } from '../../pipeline/agencies/state.ts';
import { validateDataset } from '../../pipeline/store/integrity.ts';
import { runPipeline } from '../../pipeline/run/index.ts';
import type { Transcript } from '../../pipeline/schema/types.ts';
import { Dataset } from '../../pipeline/store/dataset.ts';
import { recordPath } from '../../pipeline/store/paths.ts';
import { fixture, stateFixture } from '../support/fixtures.ts';
import { startStateMirror, type StateMirror } from '../support/state-mirror.ts';
import { useTempDirs } from '../support/tmp.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const tempDir = useTempDirs();
let mirror: StateMirror;
beforeEach(async () => {
  mirror = await startStateMirror();
});
afterEach(async () => {
  await mirror.close();
});

const DPB = stateFixture('department-press-briefing-january-18-2022');
const ID = 'state/2022-01-18/department-press-briefing-january-18-2022';
let clock = Date.parse('2026-11-28T10:00:00Z');
const run = (out: string) =>
  runPipeline({ agencies: [state], out, origins: mirror.originArgs, fetcher: { minDelayMs: 0, retries: 0 }, now: () => new Date((clock += 60_000)) });

async function podium(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('npx', ['tsx', 'pipeline/cli.ts', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A dataset where the briefing went v1 -> v2 -> v1 (a flip-flop). */
async function flipFlop(): Promise<{ out: string; snapshot: string }> {
  const out = await tempDir();
  await run(out);
  const snapshot = join(await tempDir(), 'before');
  await cp(out, snapshot, { recursive: true });
  mirror.publish({ ...DPB, lastmod: '2022-01-19T00:00:00+00:00' }, fixture(DPB.body).replace('I expect he will, yes.', 'I expect he will not.'));
  await run(out);
  mirror.publish({ ...DPB, lastmod: '2022-01-20T00:00:00+00:00' });
  await run(out);
  return { out, snapshot };
}

describe('a flip-flop', () => {
  it('records the return to the first text as a revert of revision 1', async () => {
    const { out } = await flipFlop();
    const record = (await new Dataset(out).readRecord(ID))!;
    expect(record.revisions.map((r) => [r.revision, r.change, r.revertOf])).toEqual([
      [1, 'initial', undefined],
      [2, 'minor', undefined],
      [3, 'revert', 1],
    ]);
    expect(record.source.contentSha256).toBe(record.revisions[0]!.contentSha256);
    const changelog = (await new Dataset(out).readChangelog())!;
    expect(changelog.entries.at(-1)!.revised).toEqual([{ id: ID, revision: 3, change: 'revert', revertOf: 1 }]);
  });
});

describe('podium diff', () => {
  it('shows word changes as text, JSON and escaped HTML', async () => {
    const { out } = await flipFlop();
    const text = await podium('diff', ID, '--out', out, '--from', '1', '--to', '2');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`${ID}: revision 1 -> 2 (minor)`);
    expect(text.stdout).toContain('he will[-,-] [-yes-]{+not+}. We will');
    expect(text.stdout).not.toContain('\u001b['); // not a terminal: no colour
    const json = JSON.parse((await podium('diff', ID, '--out', out, '--from', '1', '--to', '2', '--format', 'json')).stdout);
    expect(json.summary).toMatchObject({ edited: 1, added: 0, removed: 0, unchanged: 11 });
    const html = (await podium('diff', ID, '--out', out, '--format', 'html')).stdout;
    expect(html).toContain('<section class="diff" data-from="2" data-to="3">');
    expect(html).toContain('<del>not</del><ins>yes</ins>');
  });

  it('compares two dataset snapshots', async () => {
    const { out, snapshot } = await flipFlop();
    const d = await podium('diff', '--dataset', snapshot, out);
    expect(d.code).toBe(0);
    expect(d.stdout).toContain('0 added, 1 revised, 0 withdrawn, 0 restored');
    expect(d.stdout).toContain(`~ ${ID} (revision 1 -> 3: minor, revert)`);
  });

  it('explains what it cannot do', async () => {
    const { out } = await flipFlop();
    expect((await podium('diff', 'state/2022-01-18/nope', '--out', out)).stderr).toMatch(/no transcript "state\/2022-01-18\/nope"/);
    expect((await podium('diff', ID, '--out', out, '--from', '3', '--to', '2')).code).toBe(64);
    expect((await podium('diff', ID, '--out', out, '--format', 'pdf')).code).toBe(64);
  });
});

describe('podium reprocess', () => {
  it('turns a parser change into a reprocessed revision, offline, keeping provenance', async () => {
    const out = await tempDir();
    await run(out);
    await mirror.close(); // offline from here: only the stored raw pages are read
    // Pretend an older Podium wrote this record without questioners and with a wrong role.
    const file = join(out, recordPath(ID));
    const stored = JSON.parse(await readFile(file, 'utf8')) as Transcript;
    const older = { ...stored, turns: stored.turns.map(({ askedBy: _, askedByOutlet: _o, askedByEvidence: _e, ...t }) => ({ ...t, role: t.role === 'operator' ? 'other' : t.role })) };
    await writeFile(file, `${JSON.stringify(older, null, 2)}\n`);

    const first = await podium('reprocess', '--out', out);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/5 records checked, 1 reprocessed, 0 failed/);
    const record = (await new Dataset(out).readRecord(ID))!;
    expect(record.revisions.at(-1)).toMatchObject({ revision: 2, change: 'reprocessed' });
    expect(record.turns.find((t) => t.speaker === 'OPERATOR')!.role).toBe('operator');
    expect(record.turns.filter((t) => t.askedByEvidence === 'called').map((t) => t.askedBy)).toEqual(['Matt', 'Shaun Tandon', 'Humeyra']);
    expect(record.source).toEqual(stored.source);
    const entry = (await new Dataset(out).readChangelog())!.entries.at(-1)!;
    expect(entry).toMatchObject({ reprocessed: [ID], revised: [], counts: { reprocessed: 1, revised: 0 } });
    expect((await validateDataset(out)).failures).toEqual([]);

    // A second pass finds nothing to do and writes nothing.
    const again = await podium('reprocess', '--out', out);
    expect(again.stdout).toMatch(/0 reprocessed, 0 failed — no file changed/);
    mirror = await startStateMirror(); // for afterEach
  });

  it('--outdated rebuilds only the records an older engine made, then does nothing', async () => {
    const out = await tempDir();
    await run(out);
    await mirror.close();
    const current = await podium('reprocess', '--outdated', '--out', out);
    expect(current.stdout).toMatch(/0 reprocessed, 0 failed — no file changed/);

    // An older engine made this record: no engine field, no heldOn, a different kind.
    const file = join(out, recordPath(ID));
    const { engine: _, heldOn: __, ...stored } = JSON.parse(await readFile(file, 'utf8')) as Transcript;
    await writeFile(file, `${JSON.stringify({ ...stored, kind: 'remarks' }, null, 2)}\n`);
    const first = await podium('reprocess', '--outdated', '--out', out);
    expect(first.stdout).toMatch(/1 reprocessed, 0 failed/);
    const record = (await new Dataset(out).readRecord(ID))!;
    expect(record).toMatchObject({ kind: 'press-briefing', heldOn: '2022-01-18', revisions: [{ change: 'initial' }, { change: 'reprocessed' }] });
    expect(record.engine).toMatch(/\S/);
    expect((await podium('reprocess', '--outdated', '--out', out)).stdout).toMatch(/0 reprocessed/);
    mirror = await startStateMirror(); // for afterEach
  });
});
