/**
 * What a run changed, as it will be published: the run report checked against the dataset it
 * describes. The ids come from the run's entry in `changelog.json` (sorted, exactly what consumers
 * of the dataset read) and the version from `index.json`, so the commit message can never
 * disagree with the files it commits.
 */
import type { ChangelogEntry } from '../schema/types.ts';
import type { ReportFile } from '../run/report-file.ts';
import { Dataset } from '../store/dataset.ts';

/** The changes a publish step talks about. Lists are sorted. */
export interface PublishedChanges {
  runId: string;
  /** `index.json`'s datasetVersion, or null for a dataset without an index. */
  datasetVersion: string | null;
  added: string[];
  revised: ChangelogEntry['revised'];
  withdrawn: string[];
  restored: string[];
  reprocessed: string[];
  failures: ChangelogEntry['failures'];
}

/** The report does not describe the dataset it is published with. */
export class ReportMismatchError extends Error {
  override readonly name = 'ReportMismatchError';
}

/**
 * Reads `index.json` and `changelog.json` of the dataset and the run's entry in it.
 *
 * @throws ReportMismatchError when the report says the dataset changed but the dataset holds no
 *   changelog entry for its run, or a different version: publishing that would write a commit
 *   message about some other run.
 */
export async function publishedChanges(report: ReportFile, out: string): Promise<PublishedChanges> {
  const dataset = new Dataset(out);
  const index = await dataset.readIndex();
  const changelog = await dataset.readChangelog();
  const entry = changelog?.entries.findLast((e) => e.runId === report.runId);
  const datasetVersion = index?.datasetVersion ?? null;
  if (report.changed) {
    if (!entry) throw new ReportMismatchError(`${out}/changelog.json has no entry for run ${report.runId}: the report does not describe this dataset`);
    if (report.datasetVersion !== datasetVersion) {
      throw new ReportMismatchError(`${out}/index.json is at dataset ${datasetVersion ?? '(none)'} but the report of run ${report.runId} says ${report.datasetVersion}`);
    }
  }
  if (entry) {
    return {
      runId: report.runId, datasetVersion,
      added: entry.added, revised: entry.revised, withdrawn: entry.withdrawn, restored: entry.restored,
      reprocessed: entry.reprocessed, failures: entry.failures,
    };
  }
  // No entry: the run changed no record (the crawl state may still have changed).
  const sorted = (ids: string[]) => [...ids].sort(compare);
  return {
    runId: report.runId, datasetVersion,
    added: sorted(report.added),
    revised: [...report.revised].sort((a, b) => compare(a.id, b.id)).map((r) => ({
      id: r.id, revision: r.revision, change: r.change as ChangelogEntry['revised'][number]['change'],
      ...(r.revertOf ? { revertOf: r.revertOf } : {}),
    })),
    withdrawn: sorted(report.withdrawn),
    restored: sorted(report.restored),
    reprocessed: sorted(report.reprocessed),
    failures: [...report.failures].sort((a, b) => compare(a.url, b.url)).map((f) => ({ url: f.url, stage: f.stage, message: f.message })),
  };
}

/** Counts of revised records per change class, mildest first: `1 minor, 2 substantive`. */
export function revisionClasses(revised: PublishedChanges['revised']): string {
  const order = ['cosmetic', 'minor', 'substantive', 'revert'];
  const counts = new Map<string, number>();
  for (const r of revised) counts.set(r.change, (counts.get(r.change) ?? 0) + 1);
  const classes = [...counts.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  // "1 revised (minor)", not "1 revised (1 minor)": with one class the count is already there.
  if (classes.length === 1) return classes[0]!;
  return classes.map((c) => `${counts.get(c)} ${c}`).join(', ');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
