/** Measuring helpers: medians of repeated timings, and wall time + peak RSS of a child command. */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RSS_PRELOAD = fileURLToPath(new URL('./rss-probe.ts', import.meta.url));

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `fn` `repeats` times (after one warm-up) and returns the median wall time in ms. */
export async function timeMedian(repeats: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

export interface CommandMeasure {
  code: number;
  ms: number;
  /** Peak resident set size of the child, MiB. */
  peakRssMiB: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `podium <args>` in a child process and reports its exit code, wall time and peak RSS;
 * `preloads` are more modules for the child to `--import` first (probes such as wire-probe.ts).
 */
export async function measurePodium(args: string[], env: Record<string, string> = {}, preloads: string[] = []): Promise<CommandMeasure> {
  const dir = await mkdtemp(join(tmpdir(), 'podium-rss-'));
  const rssFile = join(dir, 'rss');
  const start = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', RSS_PRELOAD, ...preloads.flatMap((p) => ['--import', p]), 'pipeline/cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, PODIUM_RSS_FILE: rssFile },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  const ms = performance.now() - start;
  const kb = Number(await readFile(rssFile, 'utf8').catch(() => '0'));
  await rm(dir, { recursive: true, force: true });
  return { code, ms, peakRssMiB: kb / 1024, stdout, stderr };
}
