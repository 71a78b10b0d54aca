/**
 * Scale: a synthetic dataset of realistic records, timed through `podium validate`,
 * `podium site` (with every export) and `podium diff --dataset`, with peak RSS — at full size and
 * at a quarter of it, so the table shows whether memory grows with the dataset.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS } from '../pipeline/cli.ts';
import type { DatasetIndex, Transcript } from '../pipeline/schema/types.ts';
import { recordPath } from '../pipeline/store/paths.ts';
import { measurePodium, type CommandMeasure } from './measure.ts';
import { siteWeight, type SiteWeight } from './site-weight.ts';
import { writeSyntheticDataset } from './synthetic.ts';

export interface ScaleStep {
  command: string;
  ms: number;
  peakRssMiB: number;
}

export interface ScaleResult {
  transcripts: number;
  steps: ScaleStep[];
  /** What `podium site` wrote, when the command exists. */
  site?: SiteWeight;
  /** The same, built with --data-url and --gzip-exports. */
  leanSite?: SiteWeight;
  /** The same steps on a dataset a quarter the size. */
  quarter: { transcripts: number; steps: ScaleStep[] };
}

const step = (command: string, m: CommandMeasure): ScaleStep => {
  if (m.code !== 0) throw new Error(`podium ${command} exited ${m.code}: ${(m.stderr || m.stdout).slice(0, 500)}`);
  return { command, ms: m.ms, peakRssMiB: m.peakRssMiB };
};

/** The site step with the options that keep it small. */
export const LEAN_SITE = 'site --data-url --gzip-exports';

async function stepsFor(n: number): Promise<{ steps: ScaleStep[]; site?: SiteWeight; leanSite?: SiteWeight }> {
  const root = await mkdtemp(join(tmpdir(), 'podium-bench-scale-'));
  try {
    const a = join(root, 'a');
    await writeSyntheticDataset(a, n);
    const steps = [step('validate', await measurePodium(['validate', '--out', a]))];
    let site: SiteWeight | undefined;
    let leanSite: SiteWeight | undefined;
    if (COMMANDS.some((c) => c.name === 'site')) {
      const dest = join(root, 'site');
      steps.push(step('site', await measurePodium(['site', '--out', a, '--dest', dest, '--base-url', '/podium/'])));
      site = await siteWeight(dest);
      // As pages.yml can deploy it: records linked, not copied; downloads gzipped.
      steps.push(step(LEAN_SITE, await measurePodium(['site', '--out', a, '--dest', dest, '--base-url', '/podium/', '--data-url', 'https://raw.githubusercontent.com/o/r/sha/output/', '--gzip-exports'])));
      leanSite = await siteWeight(dest);
      // The site is as big as the dataset; free the disk before the diff copies it.
      await rm(dest, { recursive: true, force: true });
    }

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
    return site && leanSite ? { steps, site, leanSite } : { steps };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

export async function benchScale(quick: boolean): Promise<ScaleResult> {
  const n = quick ? 200 : 20_000;
  const full = await stepsFor(n);
  const quarter = Math.round(n / 4);
  return { transcripts: n, ...full, quarter: { transcripts: quarter, steps: (await stepsFor(quarter)).steps } };
}
