/**
 * Growth: what `output/` weighs per transcript, part by part, and how fast the git repository that
 * holds it grows over a year of scheduled runs (one every two hours: 4 380), measured with real git.
 *
 * The dataset is written by the pipeline's own store and close code (storeObservation, closeRun,
 * Dataset), from pages the pipeline extracts, so the files and their bytes are what a run writes.
 * What a run fetches is simulated: new transcripts arrive and are edited at the rates the real
 * corpus shows (growth-model.ts), each edit is the corpus's own next version of that page, and the
 * crawl state's revalidation is the real planner's (planCrawl: every known transcript asked again
 * once a week, a share per run). Each run that changed a file is one commit, as scrape.yml's
 * publish step makes it. Bodies are the corpus's, each transcript's words made its own
 * (distinctText) so git cannot delta one synthetic transcript against another.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { state } from '../pipeline/agencies/state.ts';
import type { Candidate } from '../pipeline/discover/index.ts';
import { extract } from '../pipeline/extract/index.ts';
import { recordFromPage } from '../pipeline/record/from-page.ts';
import { observe } from '../pipeline/revisions/observe.ts';
import { closeRun } from '../pipeline/run/close.ts';
import type { Changes } from '../pipeline/run/changelog.ts';
import { planCrawl } from '../pipeline/run/order.ts';
import { storeObservation } from '../pipeline/run/store-observation.ts';
import type { CrawledPage, IndexEntry } from '../pipeline/schema/types.ts';
import { SCHEMA_VERSION } from '../pipeline/schema/version.ts';
import { Dataset } from '../pipeline/store/dataset.ts';
import { corpusAvailable, loadCorpus, pageDocType } from '../test/support/corpus.ts';
import { fixture, STATE_PAGES } from '../test/support/fixtures.ts';
import { statePage } from '../test/support/state-page.ts';
import { distinctText, observedRates, runsLater, type ObservedRates } from './growth-model.ts';
import { syntheticDate } from './synthetic.ts';

/** scrape.yml's schedule: `17 *\/2 * * *`. */
export const RUN_HOURS = 2;
const RUNS_PER_YEAR = (365 * 24) / RUN_HOURS;
/**
 * URLs that are not transcripts, per transcript, in the crawl state: state.gov's page sitemaps
 * list about ten URLs per transcript (bench/rehearsal-site.ts), each remembered as not-transcript.
 */
const RELEASES_PER_TRANSCRIPT = 9;
const HOUR_MS = 3_600_000;

export interface GrowthOptions {
  /** Transcripts in the dataset when the year starts. */
  initial: number;
  /** Scheduled runs simulated (4 380 is a year). */
  runs: number;
  /** Runs per commit: 1 is what scrape.yml does; more batches the year into fewer commits. */
  runsPerCommit: number;
  /** Times the repository is measured (`git gc`) during the year, besides its start and end. */
  checkpoints: number;
}

/** Bytes of a tree or a pack, split by the part of output/ they belong to. */
export type ByPart = Record<string, number>;

export interface RepoMeasure {
  run: number;
  days: number;
  commits: number;
  transcripts: number;
  revisions: number;
  /** `git count-objects -v` size-pack after `git gc`, bytes. */
  packBytes: number;
  /** The pack's bytes (objectsize:disk, deltas counted where they are stored) by part. */
  packByPart: ByPart;
  /** The working tree's output/ by part, bytes. */
  outputBytes: number;
  outputByPart: ByPart;
}

export interface GrowthResult {
  bodies: 'corpus' | 'fixtures';
  options: GrowthOptions;
  /** How the simulated rates were read off the corpus (observedRates). */
  rates: Omit<ObservedRates, 'editDelaysHours'> & { medianEditDelayHours: number; newPerRun: number };
  start: RepoMeasure;
  checkpoints: RepoMeasure[];
  end: RepoMeasure;
  /** end − start. */
  year: { runs: number; commits: number; added: number; edits: number; packBytes: number; packByPart: ByPart; ms: number };
  /** output/ bytes per transcript at the end, by part. */
  outputPerTranscript: ByPart & { total: number };
}

interface Sample {
  slug: string;
  docType: (title: string) => string;
  creator: string;
  versions: { title: string; bodyHtml: string; hoursAfterFirst: number }[];
}

/** The corpus's transcripts with every version, or (without it) the fixtures, each one version. */
function loadSamples(): { samples: Sample[]; rates: ObservedRates | null } {
  if (corpusAvailable()) {
    const items = loadCorpus();
    const samples = items.filter((i) => i.transcript).map((item): Sample => {
      const first = Date.parse(item.versions[0]!.observedAt);
      return {
        slug: new URL(item.url).pathname.replace(/^\/|\/$/g, '').slice(0, 80),
        docType: (title) => pageDocType(item, title),
        creator: item.creator,
        versions: item.versions.map((v) => ({ title: v.title, bodyHtml: v.bodyHtml, hoursAfterFirst: (Date.parse(v.observedAt) - first) / HOUR_MS })),
      };
    });
    return { samples, rates: observedRates(items) };
  }
  const samples = STATE_PAGES.filter((p) => p.docType !== 'Press Statement').map((p): Sample => ({
    slug: p.path.replace(/^\/|\/$/g, ''),
    docType: () => p.docType,
    creator: '',
    versions: [{ title: p.title, bodyHtml: fixture(p.body), hoursAfterFirst: 0 }],
  }));
  return { samples, rates: null };
}

/** The page a synthetic transcript `n` serves in its version `v`. */
function syntheticPage(sample: Sample, v: number, n: number, printedDate: string): { url: string; html: string } {
  const version = sample.versions[v]!;
  const url = `https://www.state.gov/${sample.slug}-${n}/`;
  const title = distinctText(version.title, n);
  const html = statePage({ title, docType: sample.docType(version.title), date: printedDate, byline: sample.creator ? [sample.creator] : [], bodyHtml: distinctText(version.bodyHtml, n), url });
  return { url, html };
}

const printed = (d: Date) => d.toLocaleDateString('en-US', { timeZone: 'UTC', month: 'long', day: 'numeric', year: 'numeric' });
const day = (d: Date) => d.toISOString().slice(0, 10);

function emptyChanges(): Changes & { revised: { id: string; revision: number; change: string }[] } {
  return { changed: false, datasetVersion: null, added: [], revised: [], reprocessed: [], withdrawn: [], restored: [], failures: [] };
}

export async function runGrowth(options: GrowthOptions): Promise<GrowthResult> {
  const { samples, rates } = loadSamples();
  const newPerDay = rates?.newPerDay ?? 0.78;
  const newPerRun = (newPerDay * RUN_HOURS) / 24;
  const root = await mkdtemp(join(tmpdir(), 'podium-bench-growth-'));
  const repo = join(root, 'repo');
  const out = join(repo, 'output');
  await mkdir(out, { recursive: true });
  const dataset = new Dataset(out);
  const entries = new Map<string, IndexEntry>();
  const known = new Map<string, CrawledPage>();
  const start = new Date('2027-01-01T00:17:00.000Z');
  let datasetVersion: string | null = null;
  let revisions = 0;

  const store = async (sample: Sample, v: number, n: number, date: Date, now: Date, changes: ReturnType<typeof emptyChanges>, existingId?: string) => {
    const { url, html } = syntheticPage(sample, v, n, printed(date));
    const fresh = recordFromPage(extract(html, state, url, url), state, url, url, { via: 'page', fetchedAt: now.toISOString(), etag: null, lastModified: null }, existingId);
    const obs = observe(existingId ? await dataset.readRecord(existingId) : null, fresh);
    changes.changed = (await storeObservation(obs, html, dataset, entries, changes)) || changes.changed;
    if (obs.kind !== 'unchanged') revisions++;
    known.set(url, { url, verdict: 'transcript', id: fresh.id, lastmod: now.toISOString(), checkedAt: day(now) });
    return fresh.id;
  };
  const listReleases = (n: number, now: Date) => {
    for (let j = 0; j < RELEASES_PER_TRANSCRIPT; j++) {
      const url = `https://www.state.gov/release-${n}-${j}/`;
      known.set(url, { url, verdict: 'not-transcript', reason: 'not a transcript: no speaker labels in 6 paragraphs', judgedBy: state.version ?? '0', lastmod: now.toISOString(), checkedAt: day(now) });
    }
  };
  const close = async (changes: ReturnType<typeof emptyChanges>, now: Date) => {
    const pages = [...known.values()];
    await closeRun({ dataset, previousVersion: datasetVersion, entries, changes, runId: now.toISOString(), now: () => now, states: [{ schemaVersion: SCHEMA_VERSION, agency: state.id, pages }] });
    datasetVersion = changes.datasetVersion;
  };

  try {
    await git(repo, ['init', '--quiet', '--initial-branch=main']);
    // The starting dataset: older transcripts, as a first backfill leaves them (their last version).
    const initialChanges = emptyChanges();
    for (let n = 0; n < options.initial; n++) {
      const sample = samples[n % samples.length]!;
      const { iso } = syntheticDate(n);
      const seen = new Date(start.getTime() - (1 + (n % 7)) * 24 * HOUR_MS);
      await store(sample, sample.versions.length - 1, n, new Date(`${iso}T12:00:00Z`), seen, initialChanges);
      listReleases(n, seen);
    }
    revisions = 0;
    await close(initialChanges, new Date(start.getTime() - HOUR_MS));
    let commits = 0;
    commits += (await commit(repo, start, 'backfill')) ? 1 : 0;
    const startMeasure = await measure(repo, 0, commits, entries.size, revisions);

    // The year: one run every RUN_HOURS.
    const began = performance.now();
    const edits = new Map<number, { sample: Sample; v: number; n: number; id: string; date: Date }[]>();
    let arrivals = 0;
    let added = 0;
    let edited = 0;
    let next = options.initial;
    const checkpoints: RepoMeasure[] = [];
    const every = options.checkpoints > 0 ? Math.ceil(options.runs / (options.checkpoints + 1)) : Infinity;
    for (let run = 1; run <= options.runs; run++) {
      const now = new Date(start.getTime() + run * RUN_HOURS * HOUR_MS);
      const changes = emptyChanges();
      for (arrivals += newPerRun; arrivals >= 1; arrivals--) {
        const n = next++;
        const sample = samples[n % samples.length]!;
        const id = await store(sample, 0, n, now, now, changes);
        listReleases(n, now);
        added++;
        for (let v = 1; v < sample.versions.length; v++) {
          const at = run + runsLater(sample.versions[v]!.hoursAfterFirst, RUN_HOURS);
          edits.set(at, [...(edits.get(at) ?? []), { sample, v, n, id, date: now }]);
        }
      }
      for (const e of edits.get(run) ?? []) {
        await store(e.sample, e.v, e.n, e.date, now, changes, e.id);
        edited++;
      }
      edits.delete(run);
      // Revalidation: the planner picks the transcripts due this run; each answers 304 today.
      const candidates: Candidate[] = [...known.values()].map((p) => ({ url: p.url, channels: ['sitemap'], ...(p.lastmod ? { lastmod: p.lastmod } : {}) }));
      const plan = planCrawl(candidates, known, state.version ?? '0', now);
      for (const url of plan.ask) known.set(url, { ...known.get(url)!, checkedAt: day(now) });
      await close(changes, now);
      if (run % options.runsPerCommit === 0 || run === options.runs) commits += (await commit(repo, now, `run ${run}`)) ? 1 : 0;
      if (run % every === 0 && run < options.runs) checkpoints.push(await measure(repo, run, commits, entries.size, revisions));
    }
    const ms = performance.now() - began;
    const end = await measure(repo, options.runs, commits, entries.size, revisions);
    const packByPart = Object.fromEntries(Object.keys({ ...startMeasure.packByPart, ...end.packByPart }).map((k) => [k, (end.packByPart[k] ?? 0) - (startMeasure.packByPart[k] ?? 0)]));
    const outputPerTranscript = { ...Object.fromEntries(Object.entries(end.outputByPart).map(([k, b]) => [k, b / end.transcripts])), total: end.outputBytes / end.transcripts };
    return {
      bodies: rates ? 'corpus' : 'fixtures',
      options,
      rates: rates
        ? { transcripts: rates.transcripts, observedDays: rates.observedDays, newPerDay, editsPerTranscript: rates.editsPerTranscript, medianEditDelayHours: medianOf(rates.editDelaysHours), newPerRun }
        : { transcripts: samples.length, observedDays: 0, newPerDay, editsPerTranscript: 0, medianEditDelayHours: 0, newPerRun },
      start: startMeasure,
      checkpoints,
      end,
      year: { runs: options.runs, commits: commits - startMeasure.commits, added, edits: edited, packBytes: end.packBytes - startMeasure.packBytes, packByPart, ms },
      outputPerTranscript,
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** `npm run bench -- --only growth`: a year from 2 000 transcripts; `--quick` a month from 200. */
export function benchGrowth(quick: boolean): Promise<GrowthResult> {
  const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
  return runGrowth(
    quick
      ? { initial: 200, runs: 360, runsPerCommit: 1, checkpoints: 0 }
      : { initial: env('GROWTH_INITIAL', 2_000), runs: env('GROWTH_RUNS', RUNS_PER_YEAR), runsPerCommit: env('GROWTH_RUNS_PER_COMMIT', 1), checkpoints: env('GROWTH_CHECKPOINTS', 3) },
  );
}

/** Commits output/ when it changed (as publish does), dated at the run. */
async function commit(repo: string, when: Date, message: string): Promise<boolean> {
  await git(repo, ['add', '--all', '--', 'output']);
  const staged = await git(repo, ['diff', '--cached', '--quiet'], true);
  if (staged.code === 0) return false;
  await git(repo, ['commit', '--quiet', '--no-verify', '-m', message], false, when);
  return true;
}

async function measure(repo: string, run: number, commits: number, transcripts: number, revisions: number): Promise<RepoMeasure> {
  await git(repo, ['gc', '--quiet']);
  const counts = (await git(repo, ['count-objects', '-v'])).stdout;
  const packBytes = Number(/size-pack: (\d+)/.exec(counts)![1]) * 1024;
  const outputByPart = await treeByPart(join(repo, 'output'));
  return { run, days: (run * RUN_HOURS) / 24, commits, transcripts, revisions, packBytes, packByPart: await packByPart(repo), outputBytes: sum(outputByPart), outputByPart };
}

/** The part of output/ a path belongs to: its first directory, or the file itself at the top. */
export function partOf(path: string): string {
  const rel = path.replace(/^output\//, '');
  const slash = rel.indexOf('/');
  return slash < 0 ? rel : `${rel.slice(0, slash)}/`;
}

/** Every object in the pack, by the part of the first path that names it; trees and commits apart. */
async function packByPart(repo: string): Promise<ByPart> {
  const paths = new Map<string, string>();
  for (const line of (await git(repo, ['rev-list', '--objects', '--all'])).stdout.split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0) paths.set(line.slice(0, space), line.slice(space + 1));
  }
  const parts: ByPart = {};
  const objects = (await git(repo, ['cat-file', '--batch-all-objects', '--batch-check=%(objectname) %(objecttype) %(objectsize:disk)'])).stdout;
  for (const line of objects.split('\n')) {
    const [name, type, size] = line.split(' ');
    if (!name) continue;
    const part = type === 'blob' ? partOf(paths.get(name) ?? 'unreachable') : `(${type}s)`;
    parts[part] = (parts[part] ?? 0) + Number(size);
  }
  return parts;
}

async function treeByPart(dir: string, rel = 'output'): Promise<ByPart> {
  const parts: ByPart = {};
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) for (const [k, b] of Object.entries(await treeByPart(path, `${rel}/${entry.name}`))) parts[k] = (parts[k] ?? 0) + b;
    else if (entry.isFile()) {
      const part = partOf(`${rel}/${entry.name}`);
      parts[part] = (parts[part] ?? 0) + (await stat(path)).size;
    }
  }
  return parts;
}

const sum = (parts: ByPart) => Object.values(parts).reduce((a, b) => a + b, 0);

function medianOf(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : 0;
}

/** git with a fixed identity and, for a commit, the run's time as its date (the same run, the same hash). */
function git(cwd: string, args: string[], allowFailure = false, when?: Date): Promise<{ code: number; stdout: string }> {
  const date = when?.toISOString() ?? '2027-01-01T00:00:00Z';
  return new Promise((resolve, reject) => {
    // No automatic gc between commits: the repository is measured after an explicit one.
    const child = spawn('git', ['-c', 'gc.auto=0', ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.invalid', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.invalid', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd, LC_ALL: 'C' },
    });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0 && !allowFailure) reject(new Error(`git ${args.join(' ')} exited ${code}: ${err.trim()}`));
      else resolve({ code: code ?? 1, stdout: Buffer.concat(out).toString('utf8') });
    });
  });
}
