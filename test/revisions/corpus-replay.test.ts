/**
 * Real version histories from the corpus, replayed through a local mirror and the real run:
 * serve every edited transcript's first version, run; serve the next version, run; and so on.
 * Asserts revision numbers, change classes, history files, the changelog and diff output.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { state } from '../../pipeline/agencies/state.ts';
import { validateDataset } from '../../pipeline/store/integrity.ts';
import { diffDatasets } from '../../pipeline/revisions/dataset-diff.ts';
import { diffTranscripts } from '../../pipeline/revisions/diff.ts';
import { renderText } from '../../pipeline/revisions/render.ts';
import { runPipeline, type RunReport } from '../../pipeline/run/index.ts';
import { Dataset } from '../../pipeline/store/dataset.ts';
import { corpusAvailable, corpusPage, loadCorpus, type CorpusItem } from '../support/corpus.ts';
import { startStateMirror, type StateMirror } from '../support/state-mirror.ts';

const available = corpusAvailable();
const edited = available ? loadCorpus().filter((i) => i.transcript && i.versions.length > 1) : [];
const FAST = { minDelayMs: 0, timeoutMs: 5000, retries: 1, backoffMs: 5 };

const pathOf = (item: CorpusItem) => new URL(item.url).pathname;
const idOf = (item: CorpusItem, out: Dataset) => out.readIndex().then((i) => i!.transcripts.find((e) => e.url === item.url)!.id);

describe.runIf(available)('replaying the corpus edit histories', () => {
  let mirror: StateMirror;
  let out: string;
  let snapshots: string[];
  let dir: string;
  const reports: RunReport[] = [];

  beforeAll(async () => {
    mirror = await startStateMirror([]);
    // One dataset shared by every test below: the replay is the expensive part.
    dir = await mkdtemp(join(tmpdir(), 'podium-replay-'));
    out = join(dir, 'output');
    snapshots = [];
    const rounds = Math.max(...edited.map((i) => i.versions.length));
    for (let round = 0; round < rounds; round++) {
      for (const item of edited) {
        const version = item.versions[Math.min(round, item.versions.length - 1)]!;
        mirror.publishHtml({ origin: 'www', path: pathOf(item), lastmod: version.observedAt, title: version.title }, corpusPage(item, version));
      }
      reports.push(await runPipeline({ agencies: [state], out, origins: mirror.originArgs, fetcher: FAST, now: () => new Date(Date.parse('2026-11-28T00:00:00Z') + round * 3_600_000) }));
      const snapshot = join(dir, `round-${round + 1}`);
      await cp(out, snapshot, { recursive: true });
      snapshots.push(snapshot);
    }
  }, 120_000);
  afterAll(async () => {
    await mirror?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('stores every edited transcript once, then revises it only when its content changed', async () => {
    expect(edited).toHaveLength(42);
    expect(reports.map((r) => r.failures)).toEqual(reports.map(() => []));
    expect(reports[0]!.added).toHaveLength(42);
    const classes: Record<string, number> = {};
    for (const r of reports.slice(1)) for (const rev of r.revised) classes[rev.change] = (classes[rev.change] ?? 0) + 1;
    const revisions = Object.values(classes).reduce((a, b) => a + b, 0);
    console.log(`corpus replay: ${edited.length} edited transcripts, ${edited.reduce((n, i) => n + i.versions.length - 1, 0)} observed edits -> ${revisions} revisions ${JSON.stringify(classes)}; the rest changed markup only`);
    // 44 observed edits; 6 change only markup (a link added, an anchor id, an empty paragraph).
    expect(revisions).toBe(38);
    expect(classes).toEqual({ cosmetic: 27, minor: 5, substantive: 6 });
    expect((await validateDataset(out)).failures).toEqual([]);
  });

  it('classifies known edits the way a reader would', async () => {
    const dataset = new Dataset(out);
    const byPath = async (path: string) => (await dataset.readRecord(await idOf(edited.find((i) => i.url.includes(path))!, dataset)))!;
    // "forces" corrected to "refugees" in one answer.
    expect((await byPath('department-press-briefing-july-27-2021')).revisions.map((r) => r.change)).toEqual(['initial', 'minor']);
    // The title's capitals fixed: "DEPARTMENT PRESS BRIEFING- JUNE 24, 2021".
    expect((await byPath('department-press-briefing-june-24-2021')).revisions.map((r) => r.change)).toEqual(['initial', 'cosmetic']);
    // Only a link added around existing words: no revision.
    expect((await byPath('department-press-briefing-july-13-2021')).revision).toBe(1);
  });

  it('keeps every earlier version and diffs them word by word', async () => {
    const dataset = new Dataset(out);
    const item = edited.find((i) => i.url.includes('department-press-briefing-july-27-2021'))!;
    const id = await idOf(item, dataset);
    const [v1, v2] = [await dataset.readHistory(id, 1), await dataset.readRecord(id)];
    const d = diffTranscripts(v1!, v2!);
    expect(d.summary.edited).toBe(1);
    expect(d.summary.added + d.summary.removed + d.summary.reattributed).toBe(0);
    expect(renderText(d)).toMatch(/\[-forces-\]\{\+refugees\+\}/);
  });

  it('tells two dataset snapshots apart', async () => {
    const d = await diffDatasets(snapshots[0]!, snapshots[1]!);
    expect(d.added).toEqual([]);
    expect(d.revised.length).toBe(reports[1]!.revised.length);
    expect(d.revised.every((r) => r.from === 1 && r.to === 2 && r.changes.length === 1)).toBe(true);
    const changelog = (await new Dataset(out).readChangelog())!;
    expect(changelog.entries.map((e) => e.counts.revised)).toEqual(reports.map((r) => r.revised.length));
  });
});
