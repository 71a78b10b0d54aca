/**
 * backfill.yml's politeness: the shard matrix is computed from the adapters, one job per host, so
 * no host is ever asked by two jobs at once (each would wait the full crawl-delay and together
 * double the host's rate). The plan and shard steps' own shell scripts run here under bash, with
 * `npm` replaced by a stub that runs the real CLI for `agencies` and records the `podium run` argv.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { backfillMatrix, type BackfillJob } from '../../pipeline/agencies/backfill-matrix.ts';
import { loadAgencies } from '../../pipeline/agencies/index.ts';
import type { Agency } from '../../pipeline/agencies/types.ts';
import { OriginMap } from '../../pipeline/discover/origins.ts';
import { originsByAgency } from '../../pipeline/run/origin-scope.ts';
import { useTempDirs } from '../support/tmp.ts';
import { stepRunner } from '../support/workflow-step.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const runStep = stepRunner(useTempDirs());

interface Step { id?: string; run?: string; env?: Record<string, string> }
const workflow = parse(await readFile(join(ROOT, '.github/workflows/backfill.yml'), 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
const step = (job: string, id: string) => workflow.jobs[job]!.steps.find((s) => s.id === id)!;

const hostsOf = (agencies: readonly Agency[]) => agencies.flatMap((a) => a.origins.map((o) => new URL(o.url).host));
const values = (argv: string[], flag: string) => argv.flatMap((a, i) => (argv[i - 1] === flag ? [a] : []));

describe('the backfill matrix', () => {
  it('has one job per host of every adapter, and no host twice', async () => {
    const agencies = await loadAgencies();
    const { include } = backfillMatrix(agencies);
    const hosts = include.map((j) => j.host);
    expect(new Set(hosts).size).toBe(hosts.length);
    expect([...hosts].sort()).toEqual([...new Set(hostsOf(agencies))].sort());
    expect(new Set(include.map((j) => j.shard)).size).toBe(include.length);
    // Today's adapters: two hosts each, none shared.
    expect(include).toHaveLength(6);
  });

  it('gives every job origins that reach its own host and no other', async () => {
    const agencies = await loadAgencies();
    for (const job of backfillMatrix(agencies).include) {
      const ids = job.agencies.split(' ');
      const scoped = originsByAgency(job.origins.split(' '), ids);
      for (const id of ids) {
        const agency = agencies.find((a) => a.id === id)!;
        expect([...new OriginMap(agency, scoped.get(id)!).allowedHosts()], `${job.shard} ${id}`).toEqual([job.host]);
      }
    }
  });

  it('puts origins of one host into one job, where one fetcher paces them', () => {
    const base = { discovery: [], candidates: { include: [] }, page: {} } as unknown as Agency;
    const a: Agency = { ...base, id: 'alpha', name: 'A', origins: [{ name: 'www', url: 'https://www.example.gov' }, { name: 'old', url: 'https://www.example.gov/archive' }] };
    const b: Agency = { ...base, id: 'beta', name: 'B', origins: [{ name: 'www', url: 'https://WWW.example.gov/beta' }, { name: 'x', url: 'https://x.example.gov' }] };
    expect(backfillMatrix([a, b]).include).toEqual<BackfillJob[]>([
      {
        host: 'www.example.gov',
        shard: 'www-example-gov',
        agencies: 'alpha beta',
        origins: 'alpha:www=https://www.example.gov alpha:old=https://www.example.gov/archive beta:www=https://WWW.example.gov/beta',
      },
      { host: 'x.example.gov', shard: 'x-example-gov', agencies: 'beta', origins: 'beta:x=https://x.example.gov' },
    ]);
  });
});

describe("backfill.yml's scripts", () => {
  it('plan: prints the matrix for the agencies asked, every adapter when none is', async () => {
    const script = step('plan', 'matrix').run!;
    const read = async (agencies: string) => {
      const { outputs } = await runStep(script, { AGENCIES: agencies });
      const line = outputs.split('\n').find((l) => l.startsWith('matrix='))!;
      return JSON.parse(line.slice('matrix='.length)) as { include: BackfillJob[] };
    };
    const state = await read('state');
    expect(state.include.map((j) => j.host)).toEqual(['2021-2025.state.gov', 'www.state.gov']);
    const all = await read('');
    expect(all).toEqual(backfillMatrix(await loadAgencies()));
  }, 30_000);

  it('shard: runs podium on its host only, each host in exactly one job', async () => {
    const script = step('shard', 'run').run!;
    const agencies = await loadAgencies();
    const { include } = backfillMatrix(agencies);
    const asked = new Map<string, string[]>();
    for (const job of include) {
      const { argv } = await runStep(script, { AGENCIES: job.agencies, ORIGINS: job.origins, SINCE: '2023-01-01', UNTIL: '', LIMIT: '5' });
      expect(argv, job.host).not.toBeNull();
      expect(values(argv!, '--agency')).toEqual(job.agencies.split(' '));
      expect(values(argv!, '--since')).toEqual(['2023-01-01']);
      expect(values(argv!, '--until')).toEqual([]);
      expect(values(argv!, '--limit')).toEqual(['5']);
      for (const origin of values(argv!, '--origin')) {
        const host = new URL(origin.replace(/^[a-z-]+:[a-z-]+=/, '')).host;
        asked.set(host, [...(asked.get(host) ?? []), job.shard]);
      }
    }
    expect([...asked.keys()].sort()).toEqual([...new Set(hostsOf(agencies))].sort());
    for (const [host, jobs] of asked) expect(jobs, host).toHaveLength(1);
  });
});
