/**
 * A run: for each agency, discover -> fetch -> extract -> parse -> validate -> store (agency-run.ts),
 * then the close: the index, the changelog and the crawl state (close.ts). Pages are independent:
 * one failing page never stops the others and never touches what the dataset already holds for
 * it. Agencies are independent too: one agency's outage is a failure in the report, and the close
 * runs whatever failed.
 *
 * Write order keeps a crash (even SIGKILL) recoverable: records, history and raw pages first
 * (each atomic), then the index, then the changelog, then the crawl state. A crash before the
 * index leaves records the next run reconciles; a crash before the crawl state only means those
 * pages are fetched again next run and found unchanged.
 */
import type { CrawlState } from '../schema/types.ts';
import { Dataset } from '../store/dataset.ts';
import { AgencyRun } from './agency-run.ts';
import { Budget } from './budget.ts';
import { closeRun, reconcileIndex } from './close.ts';
import { acquireLock } from './lock.ts';
import { resolveRunOrigins } from './origin-scope.ts';
import { storeOutcome } from './store-outcome.ts';
import type { RunOptions, RunReport } from './types.ts';

export { indexEntry } from './index-entry.ts';
export { MIN_LISTED_SHARE } from './absences.ts';
export { REVALIDATE_DAYS, REVALIDATE_SHARE } from './order.ts';
export type { AgencyReport, PageFailure, RunOptions, RunReport } from './types.ts';

/**
 * Runs every agency of `options` into the dataset.
 *
 * @throws OriginScopeError for unusable `--origin` values (before anything is read or written);
 *   LockedError when another run holds the dataset.
 */
export async function runPipeline(options: RunOptions): Promise<RunReport> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => {});
  const progress = options.progress ?? (() => {});
  const startedAt = now();
  const origins = resolveRunOrigins(options.agencies, options.origins ?? []);
  const dataset = new Dataset(options.out);
  const lock = await acquireLock(options.out);
  try {
    const runId = options.runId ?? startedAt.toISOString();
    const report: RunReport = {
      runId, agencies: [], added: [], revised: [], reprocessed: [], withdrawn: [], restored: [], failures: [],
      changed: false, datasetVersion: null, exitCode: 0, backlog: 0,
    };
    const budget = new Budget(options.maxDurationMs, options.clock);
    const index = await dataset.readIndex();
    const entries = new Map((index?.transcripts ?? []).map((e) => [e.id, e]));

    const runs: AgencyRun[] = [];
    for (const [i, agency] of options.agencies.entries()) {
      const run = new AgencyRun(agency, {
        deadline: budget.share(options.agencies.length - i),
        options, origins: origins.get(agency.id)!, dataset, now, log, progress,
        store: async (o) => {
          report.changed = (await storeOutcome(o, agency.id, dataset, entries, report, now)) || report.changed;
        },
        fail: (failure) => void report.failures.push(failure),
      });
      await run.run();
      runs.push(run);
    }
    // Time an agency did not need goes to those the budget stopped: one more pass, fair shares again.
    const behind = runs.filter((r) => r.hasBacklog);
    for (const [i, run] of behind.entries()) await run.resume(budget.share(behind.length - i));

    const states: CrawlState[] = [];
    let discovered = 0;
    for (const run of runs) {
      report.agencies.push(run.report);
      report.backlog += run.report.backlog;
      const state = run.state();
      if (state) states.push(state);
      if (run.discovered) discovered++;
    }

    // Last, so it also catches a record this run wrote before an exception stopped its agency.
    const reconciled = await reconcileIndex(dataset, entries);
    if (reconciled.length) {
      report.reconciled = reconciled;
      report.changed = true;
      log(`index: ${reconciled.length} records on disk were not in the index (a run stopped early); indexed again`);
    }
    // Nothing could be done at all: no agency was discovered and no file changed. Nothing is
    // written either (not even a changelog entry for the outage), so the dataset stays as it was.
    if (discovered === 0 && options.agencies.length > 0 && !report.changed) {
      report.datasetVersion = index?.datasetVersion ?? null;
      report.exitCode = 1;
      return report;
    }
    await closeRun({ dataset, previousVersion: index?.datasetVersion, entries, changes: report, runId, now, states });
    report.exitCode = report.failures.length ? 2 : 0;
    return report;
  } finally {
    await lock.release();
  }
}
