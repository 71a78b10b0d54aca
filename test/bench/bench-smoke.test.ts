/**
 * The benchmark script still works: a quick run of every section. No timing is asserted here
 * (benchmarks are not unit tests); only that each section ran and reported sane counts.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { useTempDirs } from '../support/tmp.ts';

const tempDir = useTempDirs();
const ROOT = new URL('../../', import.meta.url).pathname;

it('npm run bench -- --quick runs every section', async () => {
  const out = join(await tempDir(), 'results.json');
  const { stdout } = await promisify(execFile)('npx', ['tsx', 'bench/run.ts', '--quick', '--out', out], { cwd: ROOT, timeout: 150_000 });
  expect(stdout).toContain('## Extraction');
  const r = JSON.parse(await readFile(out, 'utf8'));
  expect(r.extraction.pages).toBeGreaterThan(0);
  expect(r.extraction.podiumPagesPerSecond).toBeGreaterThan(0);
  // Nothing changed between the runs: nothing may be written, and no page fetched in full.
  expect(r.incremental.warmByLastmod).toMatchObject({ pageRequests: 0, filesWritten: 0 });
  expect(r.incremental.warmConditional.filesWritten).toBe(0);
  expect(r.incremental.warmConditional.notModified).toBe(r.incremental.warmConditional.pageRequests);
  expect(r.scale.steps.map((s: { command: string }) => s.command)).toEqual(['validate', 'site', 'site --data-url --gzip-exports', 'diff --dataset']);
  expect(r.scale.site.totalBytes).toBeGreaterThan(0);
  expect(r.scale.leanSite.totalBytes).toBeLessThan(r.scale.site.totalBytes);
  expect(r.scale.site.home.gzipBytes).toBeLessThan(r.scale.site.home.bytes);
  expect(stdout).toContain('### podium site output');
  for (const c of r.politeness) expect(c.maxInFlight).toBeLessThanOrEqual(c.concurrency);
}, 180_000);
