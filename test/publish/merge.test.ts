/**
 * `podium merge`: backfill shards folded into the dataset through the run's own store and revision
 * code, with one index rebuild and one changelog entry. Shards are made the way backfill.yml makes
 * them: each starts from a copy of the target's crawl state and writes only what it fetched.
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { mergeCommand } from '../../pipeline/commands/merge.ts';
import { validateDataset } from '../../pipeline/store/integrity.ts';
import { LockedError } from '../../pipeline/run/lock.ts';
import { MergeError, mergeShards } from '../../pipeline/run/merge.ts';
import { readReportFile } from '../../pipeline/run/report-file.ts';
import type { CrawledPage } from '../../pipeline/schema/types.ts';
import { Dataset } from '../../pipeline/store/dataset.ts';
import { recordPath } from '../../pipeline/store/paths.ts';
import { briefing, failure, fakeRun } from '../support/dataset-run.ts';
import { useTempDirs } from '../support/tmp.ts';

const tempDir = useTempDirs();

const B_SLUG = 'department-press-briefing-june-2-2021';
const A_SLUG = 'department-press-briefing-march-3-2022';
const oldB = briefing('2021-06-02', B_SLUG, ['Good afternoon.', 'Thank you.'], '2026-11-20T10:00:00Z');
const editedB = briefing('2021-06-02', B_SLUG, ['Good afternoon everyone.', 'Thank you.'], '2026-11-28T11:00:00Z');
const newA = briefing('2022-03-03', A_SLUG, ['Hello.', 'A question.'], '2026-11-28T11:30:00Z');
const newAAgain = { ...newA, source: { ...newA.source, fetchedAt: '2026-11-28T12:00:00Z' } };

const page = (url: string, extra: Partial<CrawledPage> = {}): CrawledPage => ({ url, verdict: 'not-transcript', reason: 'a press statement', lastmod: '2021-01-01', ...extra });
const STATEMENT = 'https://www.state.gov/press-statement-1/';
const OTHER = 'https://www.state.gov/press-statement-2/';

/** A target dataset holding B, and two shards seeded with its crawl state. */
async function backfill() {
  const root = await tempDir();
  const out = join(root, 'output');
  await fakeRun(out, {
    runId: 'scheduled-1', added: [oldB], now: new Date('2026-11-20T10:00:00Z'),
    pages: [page(oldB.url, { verdict: 'transcript', id: oldB.id, reason: undefined, lastmod: '2021-06-02' }), page(STATEMENT), page(OTHER)],
  });
  const shard = async (name: string) => {
    const dir = join(root, 'shards', name);
    await mkdir(dir, { recursive: true });
    await cp(join(out, 'state'), join(dir, 'state'), { recursive: true });
    return dir;
  };
  const s2022 = await shard('state-2022');
  await fakeRun(s2022, {
    runId: 'shard-2022', added: [newA], now: new Date('2026-11-28T11:30:00Z'),
    failures: [failure('https://www.state.gov/briefings/broken/', 'HTTP 503 after 3 tries', false, 'fetch')],
    pages: [page(newA.url, { verdict: 'transcript', id: newA.id, reason: undefined, lastmod: '2022-03-03' }), page(STATEMENT, { lastmod: '2022-05-05' })],
  });
  const s2021 = await shard('state-2021');
  await fakeRun(s2021, {
    runId: 'shard-2021', added: [editedB, newAAgain], now: new Date('2026-11-28T12:00:00Z'),
    pages: [page(oldB.url, { verdict: 'transcript', id: oldB.id, reason: undefined, lastmod: '2026-11-27' })],
  });
  return { root, out, shards: [s2022, s2021] };
}

const NOW = () => new Date('2026-11-29T09:00:00Z');

describe('mergeShards', () => {
  it('observes every shard record against the dataset, and writes the index and one changelog entry once', async () => {
    const { out, shards } = await backfill();
    const target = new Dataset(out);
    const changelogBefore = (await target.readChangelog())!.entries.length;

    const shardRaw = await new Dataset(shards[1]!).readRaw(oldB.id);
    expect(await target.readRaw(oldB.id)).not.toBe(shardRaw);

    const report = await mergeShards({ out, shards, now: NOW, runId: 'backfill-77' });
    expect(report.added).toEqual([newA.id]);
    expect(report.revised).toEqual([{ id: oldB.id, revision: 2, change: 'minor' }]);
    expect(report.records).toBe(3);
    expect(report.changed).toBe(true);
    expect(report.datasetVersion).toBe('2026.11.29.1');
    expect(report.failures).toEqual([{ agency: 'state', url: 'https://www.state.gov/briefings/broken/', stage: 'fetch', message: 'https://www.state.gov/briefings/broken/: HTTP 503 after 3 tries', templateChange: false }]);
    expect(report.exitCode).toBe(2);

    const index = (await target.readIndex())!;
    expect(index.datasetVersion).toBe('2026.11.29.1');
    expect(index.transcripts.map((e) => [e.id, e.revision])).toEqual([[oldB.id, 2], [newA.id, 1]]);
    const changelog = (await target.readChangelog())!;
    expect(changelog.entries).toHaveLength(changelogBefore + 1);
    expect(changelog.entries.at(-1)).toMatchObject({
      runId: 'backfill-77', datasetVersion: '2026.11.29.1', added: [newA.id],
      revised: [{ id: oldB.id, revision: 2, change: 'minor' }],
      counts: { added: 1, revised: 1, withdrawn: 0, restored: 0, reprocessed: 0, failed: 1 },
    });

    // The edit became revision 2 with the old words kept in history/, and the shard's raw page.
    const b = (await target.readRecord(oldB.id))!;
    expect(b.turns[0]!.paragraphs).toEqual(['Good afternoon everyone.']);
    expect(b.revisions.map((r) => [r.revision, r.change, r.observedAt])).toEqual([[1, 'initial', '2026-11-20T10:00:00Z'], [2, 'minor', '2026-11-28T11:00:00Z']]);
    expect(await target.readHistory(oldB.id, 1)).toEqual(oldB);
    expect(await target.readRaw(oldB.id)).toBe(shardRaw);
    // Seen by both shards with the same words: one record, first observation kept (a record
    // written before schema 1.1.0 gains its `urls` when next stored).
    expect(await target.readRecord(newA.id)).toEqual({ ...newA, urls: [newA.url] });

    // Crawl state: what each shard learned, and nothing a shard merely carried from the seed.
    const state = (await target.readCrawlState('state'))!;
    expect(state.pages.map((p) => [p.url, p.lastmod])).toEqual([
      [OTHER, '2021-01-01'],
      [STATEMENT, '2022-05-05'],
      [newA.url, '2022-03-03'],
      [oldB.url, '2026-11-27'],
    ].sort((x, y) => (x[0]! < y[0]! ? -1 : 1)));

    expect((await validateDataset(out)).failures).toEqual([]);
  });

  it('changes nothing when the same shards are merged again', async () => {
    const { out, shards } = await backfill();
    await mergeShards({ out, shards, now: NOW, runId: 'backfill-77' });
    const target = new Dataset(out);
    const index = await readFile(target.path('index.json'), 'utf8');
    const entries = (await target.readChangelog())!.entries.length;

    const again = await mergeShards({ out, shards, now: () => new Date('2026-11-30T09:00:00Z'), runId: 'backfill-78' });
    expect(again).toMatchObject({ changed: false, added: [], revised: [], datasetVersion: '2026.11.29.1' });
    expect(await readFile(target.path('index.json'), 'utf8')).toBe(index);
    // The same failures as last time are not news: no new changelog entry.
    expect((await target.readChangelog())!.entries).toHaveLength(entries);
  });

  it('skips shard records that fail the schema or sit at the wrong path, and merges the rest', async () => {
    const { out, shards } = await backfill();
    const shard = new Dataset(shards[0]!);
    const bad = shard.path('transcripts/state/2022/2022-03-04-broken.json');
    await writeFile(bad, JSON.stringify({ ...newA, id: 'state/2022-03-04/broken', turns: 'not turns' }));
    const misfiled = shard.path('transcripts/state/2022/2022-03-05-elsewhere.json');
    await writeFile(misfiled, JSON.stringify(newA));

    const report = await mergeShards({ out, shards, now: NOW });
    expect(report.added).toEqual([newA.id]);
    const messages = report.failures.map((f) => f.message);
    expect(messages).toContainEqual(expect.stringMatching(/2022-03-04-broken\.json: record fails the schema: \/turns/));
    expect(messages).toContainEqual(`${shards[0]}/transcripts/state/2022/2022-03-05-elsewhere.json: id ${newA.id} belongs at ${recordPath(newA.id)}`);
    expect((await validateDataset(out)).failures).toEqual([]);
  });

  it('refuses a missing shard and the dataset itself as a shard', async () => {
    const { out, shards, root } = await backfill();
    await expect(mergeShards({ out, shards: [...shards, join(root, 'nope')] })).rejects.toThrow(MergeError);
    await expect(mergeShards({ out, shards: [out] })).rejects.toThrow(/is the target dataset itself/);
  });
});

describe('podium merge', () => {
  it('writes a report podium publish reads, and exits 2 when a shard had failures', async () => {
    const { root, out, shards } = await backfill();
    const reportPath = join(root, 'merge-report.json');
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const code = await mergeCommand.run([...shards, '--out', out, '--report', reportPath]);
    const printed = log.mock.calls.map((c) => String(c[0]));
    log.mockRestore();
    expect(code).toBe(2);
    expect(printed[0]).toMatch(/^merge: 2 shards, 3 records read — 1 new, 1 revised, 0 restored, 1 failed — dataset \d{4}\.\d{2}\.\d{2}\.1$/);
    const report = await readReportFile(reportPath);
    expect(report).toMatchObject({ kind: 'merge', scope: null, added: [newA.id], exitCode: 2 });
    expect((await new Dataset(out).readChangelog())!.entries.at(-1)!.runId).toBe(report.runId);
  });

  it('wants at least one shard', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await mergeCommand.run(['--out', 'output'])).toBe(64);
    error.mockRestore();
  });

  it('refuses a dataset a run is writing, and merges once the run is over', async () => {
    const { out, shards } = await backfill();
    const lock = join(out, '.podium.lock');
    await writeFile(lock, `${process.pid}\n`); // a live process holds it
    await expect(mergeShards({ out, shards, now: NOW })).rejects.toThrow(LockedError);
    await rm(lock);
    await expect(mergeShards({ out, shards, now: NOW })).resolves.toMatchObject({ added: [newA.id] });
  });
});
