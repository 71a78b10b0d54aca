/**
 * The rehearsal: a fork's first scheduled runs, against a three-agency mirror with real-world
 * volumes (rehearsal-site.ts) on 127.0.0.1. Every run is `podium run` as scrape.yml calls it —
 * every agency, its budget, the same output directory — in a child process; the mirror logs each
 * request's arrival. Time is scaled down by one factor: robots.txt's crawl-delay, the fetcher's
 * minimum gap and the budget are all divided by `scale`, so the run sees the real site's pacing
 * `scale` times faster, and every figure projects back by multiplying by it.
 *
 * It reports what a forker needs to know: whether run 1 commits data (records stored and an
 * index.json `podium validate` accepts), how many runs until the backlog is empty, what each run
 * stored, requests per stored transcript, and the highest request rate each host saw.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { runCommand } from '../pipeline/commands/run.ts';
import { measurePodium, ROOT } from './measure.ts';
import { hostRate, startRehearsalMirror, type MirrorHost } from './rehearsal-mirror.ts';
import { REAL_VOLUMES, type AgencyId, type RehearsalVolumes } from './rehearsal-site.ts';

/** Preloaded into each run: when every request left the crawler (see wire-probe.ts). */
const WIRE_PROBE = fileURLToPath(new URL('./wire-probe.ts', import.meta.url));

/** The bench's scale: 5 s of state.gov's crawl-delay become 25 ms on the mirror. */
export const BENCH_SCALE = 200;
/** The fetcher's minimum gap between two requests to one host when robots.txt names none (real ms). */
const MIN_DELAY_MS = 1000;
/**
 * Until `podium run` has a time budget: what a 90-minute budget would let one host serve at
 * state.gov's 5 s crawl-delay, passed as `--limit` (pages per agency, newest first).
 */
export const STANDIN_BUDGET_SECONDS = 90 * 60;

export interface RehearsalOptions {
  volumes: RehearsalVolumes;
  /** Real seconds per mirror second. */
  scale: number;
  /** The run's budget in real seconds; scrape.yml's `--max-duration` when absent. */
  budgetSeconds?: number;
  /** Stop after this many runs even when the backlog is not empty. */
  maxRuns: number;
  /** Agencies of each run (default: all, as the scheduled run does). */
  agencies?: AgencyId[];
  /** Dataset directory (default: a temp dir, removed afterwards). */
  out?: string;
}

export interface RehearsalRun {
  run: number;
  exitCode: number;
  /** Mirror-clock wall time of the `podium run` child, ms. */
  ms: number;
  /** Records new in this run (report `added`). */
  stored: number;
  storedByAgency: Record<string, number>;
  /** The report's backlog (candidates not attempted), when the report has one. */
  backlog: number | null;
  backlogByAgency: Record<string, number | null>;
  /** Candidate pages of each agency the mirror has never been asked for, after this run. */
  neverRequested: Record<string, number>;
  failures: { stage: string; agency: string | null; message: string }[];
  /** Requests each host received in this run. */
  requests: Record<string, number>;
  /** The longest the mirror's event loop was held up during the run, ms: the error of its arrival stamps. */
  mirrorLagMaxMs: number;
  /**
   * Each host's average rate between its first and last request of the run, as a share of its
   * ceiling: near 1 the run was paced by the crawl-delay (and projects to real time), well below
   * it by this machine's CPU (a real run would fetch more per run).
   */
  utilisation: Record<string, number | null>;
}

export interface RehearsalHost {
  host: string;
  agency: string;
  /** robots.txt crawl-delay on the real site, s (null: none, the fetcher's 1 s minimum applies). */
  crawlDelaySeconds: number | null;
  /** The gap the mirror asks for, ms on the mirror clock. */
  gapMs: number;
  /** 1000 / gapMs: the most requests per mirror second a polite crawler may send. */
  ceilingPerSecond: number;
  /**
   * The highest rate seen in any run (see `hostRate`), requests per mirror second, by the mirror's
   * arrival stamps: what the site sees, plus the mirror's own event-loop lag (`mirrorLagMaxMs`).
   */
  peakPerSecond: number;
  minGapMs: number;
  /** The same over the moments the crawler wrote each request to its socket (wire-probe.ts). */
  wire: { requests: number; peakPerSecond: number; minGapMs: number };
  requests: number;
  /** Requests by the status the mirror answered. */
  statuses: Record<string, number>;
  /** URLs the host lists, candidates among them (the adapter's URL filter), transcripts among those. */
  listed: number;
  candidates: number;
  transcripts: number;
}

export interface RehearsalResult {
  scale: number;
  budget: { realSeconds: number; via: '--max-duration' | '--limit'; args: string[] };
  /** How often scrape.yml runs, hours (its cron). */
  scheduleHours: number;
  agencies: AgencyId[];
  hosts: RehearsalHost[];
  runs: RehearsalRun[];
  firstRun: { stored: number; indexValid: boolean; validateOutput: string };
  /** The run after which nothing was left to fetch, or null if `maxRuns` ran out first. */
  runsUntilEmpty: number | null;
  /** Transcripts in the dataset at the end, per agency. */
  transcripts: Record<string, number>;
  /** Requests (all hosts of the agency, every run) per transcript in the dataset. */
  requestsPerTranscript: Record<string, number | null>;
}

const SCRAPE = join(ROOT, '.github/workflows/scrape.yml');

/** `--max-duration` as scrape.yml passes it, in seconds, or null when it passes none. */
export async function workflowBudgetSeconds(): Promise<number | null> {
  const text = await readFile(SCRAPE, 'utf8');
  // The Scrape step's default budget: `MAX_DURATION: ${{ inputs.max_duration || vars.PODIUM_MAX_DURATION || '90m' }}`.
  const m = /MAX_DURATION: .*\|\| '(\d+)([smh])' \}\}/.exec(text) ?? /--max-duration[ =]"?(\d+)([smh])/.exec(text);
  if (!m) return null;
  return Number(m[1]) * { s: 1, m: 60, h: 3600 }[m[2] as 's' | 'm' | 'h'];
}

async function scheduleHours(): Promise<number> {
  const cron = /cron: '([^']+)'/.exec(await readFile(SCRAPE, 'utf8'))?.[1] ?? '';
  const every = /^\S+ \*\/(\d+) /.exec(cron);
  return every ? Number(every[1]) : 24;
}

export async function rehearse(options: RehearsalOptions): Promise<RehearsalResult> {
  const { scale } = options;
  const agencies = options.agencies ?? ['defense', 'state', 'whitehouse'];
  const hasBudget = runCommand.usage.includes('--max-duration');
  const budgetSeconds = options.budgetSeconds ?? (await workflowBudgetSeconds()) ?? STANDIN_BUDGET_SECONDS;
  const budgetArgs = hasBudget
    ? ['--max-duration', `${Math.max(1, Math.round(budgetSeconds / scale))}s`]
    : ['--limit', String(Math.max(1, Math.floor(budgetSeconds / 5)))];

  const mirror = await startRehearsalMirror(options.volumes, scale);
  const out = options.out ?? (await mkdtemp(join(tmpdir(), 'podium-rehearsal-')));
  const work = await mkdtemp(join(tmpdir(), 'podium-rehearsal-reports-'));
  const inRun = mirror.hosts.filter((h) => agencies.includes(h.site.agency));
  const hostName = (h: MirrorHost) => new URL(h.site.canonical).host;
  const gapMs = (h: MirrorHost) => Math.max(MIN_DELAY_MS, (h.site.crawlDelaySeconds ?? 0) * 1000) / scale;
  const peaks = new Map<MirrorHost, { peak: number; minGap: number; wire: { requests: number; peak: number; minGap: number } }>();
  const runs: RehearsalRun[] = [];
  let firstRun: RehearsalResult['firstRun'] = { stored: 0, indexValid: false, validateOutput: '' };
  let runsUntilEmpty: number | null = null;
  try {
    for (let n = 1; n <= options.maxRuns; n++) {
      const before = new Map(inRun.map((h) => [h, h.log.length]));
      const reportFile = join(work, `run-${n}.json`);
      const args = [
        'run', '--out', out, '--report', reportFile,
        ...agencies.flatMap((a) => ['--agency', a]),
        ...mirror.originArgs.filter((o) => agencies.includes(o.split(':')[0] as AgencyId)).flatMap((o) => ['--origin', o]),
        '--delay', String(MIN_DELAY_MS / scale),
        ...budgetArgs,
      ];
      const wireFile = join(work, `wire-${n}.json`);
      const lag = monitorEventLoopDelay({ resolution: 1 });
      lag.enable();
      const m = await measurePodium(args, { PODIUM_WIRE_FILE: wireFile }, [WIRE_PROBE]);
      lag.disable();
      const wire = JSON.parse(await readFile(wireFile, 'utf8').catch(() => '[]')) as [string, number][];
      const report = JSON.parse(await readFile(reportFile, 'utf8').catch(() => 'null')) as Report | null;
      const requests: Record<string, number> = {};
      const utilisation: Record<string, number | null> = {};
      for (const h of inRun) {
        const slice = h.log.slice(before.get(h));
        requests[hostName(h)] = slice.length;
        const span = slice.length > 1 ? slice.at(-1)!.at - slice[0]!.at : 0;
        utilisation[hostName(h)] = span > 0 ? (slice.length - 1) / span * gapMs(h) : null;
        // A window of about half a mirror second, so that arrival jitter at its two ends is small.
        const rate = hostRate(slice, Math.max(10, Math.ceil(500 / gapMs(h))));
        const sent = wire.filter(([origin]) => origin === h.url).map(([, at]) => ({ at, path: '', status: 0 }));
        const atWire = hostRate(sent, Math.max(10, Math.ceil(500 / gapMs(h))));
        const seen = peaks.get(h) ?? { peak: 0, minGap: Infinity, wire: { requests: 0, peak: 0, minGap: Infinity } };
        peaks.set(h, {
          peak: Math.max(seen.peak, rate.peakPerSecond),
          minGap: rate.requests > 1 ? Math.min(seen.minGap, rate.minGapMs) : seen.minGap,
          wire: {
            requests: seen.wire.requests + sent.length,
            peak: Math.max(seen.wire.peak, atWire.peakPerSecond),
            minGap: sent.length > 1 ? Math.min(seen.wire.minGap, atWire.minGapMs) : seen.wire.minGap,
          },
        });
      }
      const neverRequested = Object.fromEntries(agencies.map((a) => [a, inRun.filter((h) => h.site.agency === a).reduce((s, h) => s + h.candidates.size - h.requested.size, 0)]));
      const added = report?.added ?? [];
      const perAgency = (a: string) => report?.agencies.find((x) => x.agency === a);
      runs.push({
        run: n,
        exitCode: m.code,
        ms: m.ms,
        stored: added.length,
        storedByAgency: Object.fromEntries(agencies.map((a) => [a, added.filter((id) => id.startsWith(`${a}/`)).length])),
        backlog: typeof report?.backlog === 'number' ? report.backlog : null,
        backlogByAgency: Object.fromEntries(agencies.map((a) => [a, typeof perAgency(a)?.backlog === 'number' ? perAgency(a)!.backlog! : null])),
        neverRequested,
        failures: (report?.failures ?? []).map((f) => ({ stage: f.stage, agency: f.agency ?? null, message: f.message })),
        requests,
        mirrorLagMaxMs: lag.max / 1e6,
        utilisation,
      });
      if (n === 1) {
        const v = await measurePodium(['validate', '--out', out]);
        firstRun = { stored: added.length, indexValid: v.code === 0, validateOutput: (v.stdout + v.stderr).trim().split('\n').slice(-3).join('\n') };
      }
      const last = runs.at(-1)!;
      const left = last.backlog ?? Object.values(neverRequested).reduce((s, x) => s + x, 0);
      if (left === 0 && m.code !== 1) {
        runsUntilEmpty = n;
        break;
      }
      // Two runs in a row that neither stored anything nor asked for a new page: it is stuck.
      const prev = runs.at(-2);
      if (prev && last.stored === 0 && prev.stored === 0 && JSON.stringify(prev.neverRequested) === JSON.stringify(neverRequested)) break;
    }
    const index = JSON.parse(await readFile(join(out, 'index.json'), 'utf8').catch(() => '{"transcripts":[]}')) as { transcripts: { id: string }[] };
    const transcripts = Object.fromEntries(agencies.map((a) => [a, index.transcripts.filter((t) => t.id.startsWith(`${a}/`)).length]));
    const requestsPerTranscript = Object.fromEntries(
      agencies.map((a) => {
        const total = inRun.filter((h) => h.site.agency === a).reduce((s, h) => s + h.log.length, 0);
        return [a, transcripts[a] ? total / transcripts[a]! : null];
      }),
    );
    return {
      scale,
      budget: { realSeconds: budgetSeconds, via: hasBudget ? '--max-duration' : '--limit', args: budgetArgs },
      scheduleHours: await scheduleHours(),
      agencies,
      hosts: inRun.map((h) => ({
        host: hostName(h),
        agency: h.site.agency,
        crawlDelaySeconds: h.site.crawlDelaySeconds,
        gapMs: gapMs(h),
        ceilingPerSecond: 1000 / gapMs(h),
        peakPerSecond: peaks.get(h)?.peak ?? 0,
        minGapMs: Number.isFinite(peaks.get(h)?.minGap ?? Infinity) ? peaks.get(h)!.minGap : 0,
        wire: {
          requests: peaks.get(h)?.wire.requests ?? 0,
          peakPerSecond: peaks.get(h)?.wire.peak ?? 0,
          minGapMs: Number.isFinite(peaks.get(h)?.wire.minGap ?? Infinity) ? peaks.get(h)!.wire.minGap : 0,
        },
        requests: h.log.length,
        statuses: h.log.reduce<Record<string, number>>((c, r) => ((c[r.status] = (c[r.status] ?? 0) + 1), c), {}),
        listed: h.site.items.length,
        candidates: h.candidates.size,
        transcripts: h.transcripts.size,
      })),
      runs,
      firstRun,
      runsUntilEmpty,
      transcripts,
      requestsPerTranscript,
    };
  } finally {
    await mirror.close();
    await rm(work, { recursive: true, force: true });
    if (!options.out) await rm(out, { recursive: true, force: true });
  }
}

/** The parts of `podium run --report` the rehearsal reads (backlog once runs have a budget). */
interface Report {
  added: string[];
  backlog?: number;
  agencies: { agency: string; backlog?: number }[];
  failures: { stage: string; agency?: string; message: string }[];
}

/** `npm run bench -- --only rehearsal`: the real volumes at BENCH_SCALE; `--quick` a small one. */
export function benchRehearsal(quick: boolean): Promise<RehearsalResult> {
  return rehearse(
    quick
      ? { volumes: QUICK_VOLUMES, scale: 1000, budgetSeconds: 60_000, maxRuns: 8 }
      : { volumes: REAL_VOLUMES, scale: BENCH_SCALE, maxRuns: 30 },
  );
}

/** Small enough for the test suite: about 70 candidate pages per state origin, 40 on the White House's. */
export const QUICK_VOLUMES: RehearsalVolumes = {
  state: { www: { pages: 80, briefings: 4 }, archive: { pages: 100, briefings: 6 } },
  whitehouse: { www: { posts: 30 }, archive: { posts: 40 } },
};
