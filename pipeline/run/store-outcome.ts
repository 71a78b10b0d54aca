/** Applies one page outcome to the dataset: a stored record, a tombstone, or a failure in the report. */
import type { Transcript, IndexEntry } from '../schema/types.ts';
import type { Dataset } from '../store/dataset.ts';
import { indexEntry } from './index-entry.ts';
import type { PageOutcome } from './page.ts';
import { storeObservation } from './store-observation.ts';
import type { RunReport } from './types.ts';

/** Returns whether any file (or, through `entries`, the index) changed. */
export async function storeOutcome(
  o: PageOutcome,
  agency: string,
  dataset: Dataset,
  entries: Map<string, IndexEntry>,
  report: RunReport,
  now: () => Date,
): Promise<boolean> {
  if (o.kind === 'failed') {
    report.failures.push({ agency, url: o.url, stage: o.stage, message: o.message, templateChange: o.templateChange });
    return false;
  }
  if (o.kind === 'gone') return withdraw(o, agency, dataset, entries, report, now);
  if (o.kind !== 'stored') return false;
  return storeObservation(o.observation, o.raw, dataset, entries, report);
}

/** A page gone (404/410): its record becomes a tombstone. */
async function withdraw(
  o: Extract<PageOutcome, { kind: 'gone' }>,
  agency: string,
  dataset: Dataset,
  entries: Map<string, IndexEntry>,
  report: RunReport,
  now: () => Date,
): Promise<boolean> {
  const id = o.page?.verdict === 'transcript' ? o.page.id : undefined;
  const record = id ? await dataset.readRecord(id) : null;
  if (!record) {
    if (o.kind === 'gone') report.failures.push({ agency, url: o.url, stage: 'fetch', message: `${o.url}: HTTP ${o.status ?? 404}: the page is gone`, templateChange: false });
    return false;
  }
  if (record.status === 'withdrawn') return false;
  const tombstone: Transcript = { ...record, status: 'withdrawn', withdrawnAt: now().toISOString() };
  entries.set(tombstone.id, indexEntry(tombstone));
  report.withdrawn.push(tombstone.id);
  return dataset.writeRecord(tombstone);
}
