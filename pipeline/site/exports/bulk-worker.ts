/** The worker of off-thread.ts: one pass over the records for the bulk downloads, then their results. */
import { parentPort, workerData } from 'node:worker_threads';
import { Dataset } from '../../store/dataset.ts';
import { missingRecord, readAhead } from '../read-ahead.ts';
import type { BulkContext, ExportResult } from './export.ts';
import { bulkExports } from './index.ts';
import type { BulkJob } from './off-thread.ts';

const job = workerData as BulkJob;
const dataset = new Dataset(job.out);
const site: BulkContext = { dir: job.dir, dataset, order: job.order, ...(job.assets ? { assets: job.assets } : {}) };
const exports = bulkExports(job.options);
for (const e of exports) await e.open(site);
for await (const [entry, t] of readAhead(dataset, job.order)) {
  if (!t) throw missingRecord(entry);
  for (const e of exports) await e.add(t);
}
// Bulk downloads read nothing closed before them (the pages that describe them close later, in the main thread).
const results: (ExportResult | null)[] = [];
for (const e of exports) results.push(await e.close([]));
parentPort!.postMessage(results);
