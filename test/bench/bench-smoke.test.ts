/**
 * The benchmark script still works: a quick run of every section. No timing is asserted here
 * (benchmarks are not unit tests); only that each section ran and reported sane counts.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { useTempDirs } from '../support/tmp.ts';

const tempDir = useTempDirs();
const ROOT = new URL('../../', import.meta.url).pathname;

it('npm run bench -- --quick runs every section', async () => {
  const out = join(await tempDir(), 'results.json');
  await writeFile(out, JSON.stringify({ rehearsal: { kept: true } }));
  const { stdout } = await promisify(execFile)('npx', ['tsx', 'bench/run.ts', '--quick', '--out', out], { cwd: ROOT, timeout: 150_000 });
  expect(stdout).toContain('## Extraction');
  const r = JSON.parse(await readFile(out, 'utf8'));
  expect(r.extraction.pages).toBeGreaterThan(0);
  expect(r.extraction.podiumPagesPerSecond).toBeGreaterThan(0);
  // Nothing changed between the runs: nothing may be written, and no page fetched in full.
  expect(r.incremental.warmByLastmod).toMatchObject({ pageRequests: 0, filesWritten: 0 });
  expect(r.incremental.warmConditional.filesWritten).toBe(0);
  expect(r.incremental.warmConditional.notModified).toBe(r.incremental.warmConditional.pageRequests);
  // The contract other checks read: transcripts, steps with a "site (deployed)" one, the deployed bytes.
  expect(r.scale.transcripts).toBe(200);
  expect(r.scale.steps.map((s: { command: string }) => s.command)).toEqual(['validate', 'site (deployed)', 'diff --dataset', 'site (deployed, 10 changed)']);
  for (const s of [...r.scale.steps, ...r.scale.larger.steps]) {
    expect(s.ms).toBeGreaterThan(0);
    // A node child's peak RSS is tens of MiB at least; 0 would mean it was not measured.
    expect(s.peakRssMiB).toBeGreaterThan(20);
  }
  expect(r.scale.larger.transcripts).toBe(300);
  expect(r.scale.deployed.totalBytes).toBeGreaterThan(0);
  expect(r.scale.larger.deployed.totalBytes).toBeGreaterThan(r.scale.deployed.totalBytes);
  expect(r.scale.deployed.home.gzipBytes).toBeLessThan(r.scale.deployed.home.bytes);
  // As pages.yml deploys it: the bulk downloads are release assets, not on the site.
  expect(r.scale.releaseAssets.totalBytes).toBeGreaterThan(0);
  for (const bulk of ['transcripts.ndjson', 'turns.csv', 'podium.sqlite', 'transcripts.ndjson.gz', 'podium.sqlite.gz']) expect(r.scale.deployed.parts[bulk]).toBeUndefined();
  expect(stdout).toContain('### site (deployed)');
  // Keys written by other scripts survive a bench run.
  expect(r.rehearsal).toEqual({ kept: true });
  for (const c of r.politeness) expect(c.maxInFlight).toBeLessThanOrEqual(c.concurrency);
}, 180_000);
