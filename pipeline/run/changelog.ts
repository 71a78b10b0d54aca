/** Appends one entry to output/changelog.json for a run (or a reprocess) that changed the dataset. */
import type { Changelog, ChangelogEntry } from '../schema/types.ts';
import { SCHEMA_VERSION } from '../schema/version.ts';
import type { Dataset } from '../store/dataset.ts';

/** What a run or a reprocess did, as far as the changelog is concerned. */
export interface Changes {
  changed: boolean;
  datasetVersion: string | null;
  added: string[];
  revised: { id: string; revision: number; change: string; revertOf?: number }[];
  reprocessed: string[];
  withdrawn: string[];
  restored: string[];
  failures: { url: string; stage: 'discover' | 'fetch' | 'extract'; message: string }[];
}

type EditClass = 'cosmetic' | 'minor' | 'substantive' | 'revert';

export async function appendChangelog(dataset: Dataset, changes: Changes, runId: string, time: Date): Promise<boolean> {
  const changelog: Changelog = (await dataset.readChangelog()) ?? { schemaVersion: SCHEMA_VERSION, entries: [] };
  const failures = changes.failures.map((f) => ({ url: f.url, stage: f.stage, message: f.message })).sort((a, b) => a.url.localeCompare(b.url));
  const last = changelog.entries.at(-1);
  // The same pages failing again in a run that changed nothing is not news.
  if (!changes.changed && (!failures.length || (last && sameUrls(last.failures, failures)))) return false;
  const entry: ChangelogEntry = {
    runId,
    time: time.toISOString(),
    datasetVersion: changes.datasetVersion ?? '',
    counts: {
      added: changes.added.length,
      revised: changes.revised.length,
      withdrawn: changes.withdrawn.length,
      restored: changes.restored.length,
      reprocessed: changes.reprocessed.length,
      failed: failures.length,
    },
    added: [...changes.added].sort(),
    revised: [...changes.revised]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((r) => ({ id: r.id, revision: r.revision, change: r.change as EditClass, ...(r.revertOf ? { revertOf: r.revertOf } : {}) })),
    withdrawn: [...changes.withdrawn].sort(),
    restored: [...changes.restored].sort(),
    reprocessed: [...changes.reprocessed].sort(),
    failures,
  };
  changelog.entries.push(entry);
  return dataset.writeChangelog(changelog);
}

function sameUrls(a: { url: string }[], b: { url: string }[]): boolean {
  return a.map((f) => f.url).sort().join('\n') === b.map((f) => f.url).sort().join('\n');
}
