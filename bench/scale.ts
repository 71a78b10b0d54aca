/**
 * Scale: a synthetic dataset of realistic records, timed through `podium validate`, the site build
 * exactly as pages.yml deploys it (`site (deployed)`), `podium diff --dataset`, and the deployed build
 * again after ten transcripts were revised, with the first build's shard cache (`site (deployed, 10
 * changed)`, what a scheduled run does), with the peak RSS
 * of each child process and the deployed site's weight — at full size (20 000) and at one and a half
 * times it (30 000, the north star), so the table shows what grows with the dataset.
 */
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatasetIndex, Transcript } from '../pipeline/schema/types.ts';
import { recordPath } from '../pipeline/store/paths.ts';
import { deployedSiteArgs } from './deployed.ts';
import { measurePodium, type CommandMeasure } from './measure.ts';
import { siteWeight, type SiteWeight } from './site-weight.ts';
import { corpusAvailable } from '../test/support/corpus.ts';
import { writeSyntheticDataset } from './synthetic.ts';

export interface ScaleStep {
  command: string;
  ms: number;
  peakRssMiB: number;
}

export interface ScaleSize {
  transcripts: number;
  steps: ScaleStep[];
  /** The site as pages.yml builds and uploads it (the `site (deployed)` step). */
  deployed: SiteWeight;
  /** What that build wrote for the release job (bulk downloads and per-year shards), when it writes any. */
  releaseAssets: { files: number; totalBytes: number };
}

export interface ScaleResult extends ScaleSize {
  /** The same steps at 1.5× the transcripts. */
  larger: ScaleSize;
  /**
   * Where the record bodies came from: the real corpus, or the small fixtures when it is not found
   * (a checkout without ../shared/corpus, e.g. a git worktree, and no $PODIUM_CORPUS) — fixture-sized
   * records make the site a sixth of its real size and several times faster, so say which.
   */
  bodies: 'corpus' | 'fixtures';
}

/** The step name checks look for: the site build exactly as pages.yml runs it. */
export const DEPLOYED = 'site (deployed)';

/** The same build after a run that revised CHANGED transcripts, with the first build's shard cache (--assets-cache). */
export const INCREMENTAL = 'site (deployed, 10 changed)';
const CHANGED = 10;

const step = (command: string, m: CommandMeasure): ScaleStep => {
  if (m.code !== 0) throw new Error(`podium ${command} exited ${m.code}: ${(m.stderr || m.stdout).slice(0, 500)}`);
  return { command, ms: m.ms, peakRssMiB: m.peakRssMiB };
};

async function measureSize(n: number): Promise<ScaleSize> {
  const root = await mkdtemp(join(tmpdir(), 'podium-bench-scale-'));
  try {
    const a = join(root, 'a');
    await writeSyntheticDataset(a, n);
    const steps = [step('validate', await measurePodium(['validate', '--out', a]))];
    const dest = join(root, 'site');
    const assets = join(root, 'assets');
    steps.push(step(DEPLOYED, await measurePodium(deployedSiteArgs(a, dest, assets))));
    const deployed = await siteWeight(dest);
    const assetFiles = await readdir(assets).catch(() => []);
    const releaseAssets = { files: assetFiles.length, totalBytes: (await Promise.all(assetFiles.map(async (f) => (await stat(join(assets, f))).size))).reduce((x, y) => x + y, 0) };
    await rm(assets, { recursive: true, force: true });
    // The site is as big as the dataset; free the disk before the diff copies it.
    await rm(dest, { recursive: true, force: true });

    // A second snapshot: 1 % of records revised, as a later checkout of output/ would be.
    const b = join(root, 'b');
    await cp(a, b, { recursive: true });
    const index = JSON.parse(await readFile(join(b, 'index.json'), 'utf8')) as DatasetIndex;
    for (const entry of index.transcripts.filter((_, i) => i % 100 === 7)) {
      const file = join(b, recordPath(entry.id));
      const record = JSON.parse(await readFile(file, 'utf8')) as Transcript;
      record.revision += 1;
      record.revisions.push({ ...record.revisions.at(-1)!, revision: record.revision, change: 'minor' });
      entry.revision = record.revision;
      await writeFile(file, JSON.stringify(record, null, 2));
    }
    await writeFile(join(b, 'index.json'), JSON.stringify(index, null, 2));
    steps.push(step('diff --dataset', await measurePodium(['diff', '--dataset', a, b, '--format', 'json'])));

    // A scheduled run's build: the 10 newest transcripts revised, the previous build's year shards in the cache.
    await rm(b, { recursive: true, force: true });
    const newest = [...index.transcripts].sort((x, y) => (x.date === y.date ? (x.id < y.id ? -1 : 1) : x.date < y.date ? 1 : -1)).slice(0, CHANGED);
    for (const entry of newest) {
      const file = join(a, recordPath(entry.id));
      const record = JSON.parse(await readFile(file, 'utf8')) as Transcript;
      record.turns[0].paragraphs[0] += ' (revised)';
      await writeFile(file, JSON.stringify(record, null, 2));
    }
    steps.push(step(INCREMENTAL, await measurePodium(deployedSiteArgs(a, dest, assets))));
    return { transcripts: n, steps, deployed, releaseAssets };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

export async function benchScale(quick: boolean): Promise<ScaleResult> {
  const n = quick ? 200 : 20_000;
  const full = await measureSize(n);
  return { ...full, larger: await measureSize(Math.round(n * 1.5)), bodies: corpusAvailable() ? 'corpus' : 'fixtures' };
}
