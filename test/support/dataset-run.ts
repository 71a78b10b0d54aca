/**
 * What a `podium run` leaves behind, written through the same store code a run uses (records,
 * index, changelog, crawl state), without fetching anything: publish tests need a dataset that
 * changed and the report that says how, not a web server.
 */
import { contentSha256 } from '../../pipeline/record/content-hash.ts';
import { appendChangelog } from '../../pipeline/run/changelog.ts';
import { nextDatasetVersion } from '../../pipeline/run/dataset-version.ts';
import { indexEntry } from '../../pipeline/run/index-entry.ts';
import type { AgencyReport, PageFailure } from '../../pipeline/run/index.ts';
import type { ReportFile } from '../../pipeline/run/report-file.ts';
import type { CrawledPage, Transcript, Turn } from '../../pipeline/schema/types.ts';
import { SCHEMA_VERSION } from '../../pipeline/schema/version.ts';
import { Dataset } from '../../pipeline/store/dataset.ts';
import { makeTranscript } from './records.ts';

/** A valid record for a briefing on `date` (YYYY-MM-DD) with the given turns' words; its hash is real. */
export function briefing(date: string, slug: string, paragraphs: string[] = ['Good afternoon.', 'Thank you.'], fetchedAt = `${date}T20:00:00Z`): Transcript {
  const turns = paragraphs.map((p, i): Turn => ({
    speaker: i % 2 ? 'QUESTION' : 'MR PRICE',
    role: i % 2 ? 'journalist' : 'official',
    paragraphs: [p],
  }));
  if (!turns.length) throw new Error('a briefing has at least one turn');
  const base = makeTranscript({
    id: `state/${date}/${slug}`,
    url: `https://www.state.gov/briefings/${slug}/`,
    title: `Department Press Briefing – ${date}`,
    date,
    turns: turns as [Turn, ...Turn[]],
    stats: { words: paragraphs.join(' ').split(/\s+/).length, turns: turns.length, questions: Math.floor(turns.length / 2) },
  });
  const hash = contentSha256(base);
  return {
    ...base,
    source: { ...base.source, fetchedAt, contentSha256: hash },
    revisions: [{ revision: 1, observedAt: fetchedAt, contentSha256: hash, change: 'initial' }],
  };
}

export interface FakeRun {
  runId: string;
  added?: Transcript[];
  failures?: PageFailure[];
  /** Crawl state pages to remember (the run's validators). */
  pages?: CrawledPage[];
  now?: Date;
  agency?: Partial<AgencyReport>;
}

/** Stores the run's records and bookkeeping in `out` as `runPipeline` does, and returns its report file. */
export async function fakeRun(out: string, run: FakeRun): Promise<ReportFile> {
  const now = run.now ?? new Date('2026-11-28T10:00:00Z');
  const dataset = new Dataset(out);
  const index = await dataset.readIndex();
  const entries = new Map((index?.transcripts ?? []).map((e) => [e.id, e]));
  let changed = false;
  for (const record of run.added ?? []) {
    changed = (await dataset.writeRecord(record)) || changed;
    await dataset.writeRaw(record.id, `<html><body data-fetched="${record.source.fetchedAt}">${record.title}</body></html>`);
    entries.set(record.id, indexEntry(record));
  }
  const failures = run.failures ?? [];
  const report: ReportFile = {
    kind: 'run',
    scope: { agencies: ['state'], origins: [], since: null, until: null, limit: null },
    runId: run.runId,
    agencies: [{ agency: 'state', channels: [], candidates: 40, requested: 10, skipped: 30, notModified: 2, notTranscripts: 1, unchanged: 3, backlog: 0, ...run.agency }],
    added: (run.added ?? []).map((r) => r.id),
    revised: [], reprocessed: [], withdrawn: [], restored: [],
    failures,
    changed,
    datasetVersion: null,
    exitCode: failures.length ? 2 : 0,
    backlog: 0,
  };
  if (changed) {
    report.datasetVersion = nextDatasetVersion(index?.datasetVersion, now);
    await dataset.writeIndex({ schemaVersion: SCHEMA_VERSION, datasetVersion: report.datasetVersion, transcripts: [...entries.values()] });
  } else {
    report.datasetVersion = index?.datasetVersion ?? null;
  }
  if (changed || failures.length) await appendChangelog(dataset, report, run.runId, now);
  if (run.pages) {
    const state = (await dataset.readCrawlState('state')) ?? { schemaVersion: SCHEMA_VERSION, agency: 'state', pages: [] };
    const pages = new Map(state.pages.map((p) => [p.url, p]));
    for (const p of run.pages) pages.set(p.url, p);
    await dataset.writeCrawlState({ ...state, pages: [...pages.values()] });
  }
  return report;
}

/** A failure of the kind `podium run` reports. */
export function failure(url: string, message: string, templateChange = false, stage: PageFailure['stage'] = 'extract'): PageFailure {
  return { agency: 'state', url, stage, message: `${url}: ${message}`, templateChange };
}
