/** The worker of off-thread.ts: one pass over the records for one group of exports, then their results. */
import { parentPort, workerData } from 'node:worker_threads';
import { Dataset } from '../../store/dataset.ts';
import { missingRecord, readAhead } from '../read-ahead.ts';
import type { OffThreadContext, ExportResult } from './export.ts';
import { FileWriter } from '../writer.ts';
import { OFF_THREAD } from './index.ts';
import type { OffThreadJob } from './off-thread.ts';

const job = workerData as OffThreadJob;
const dataset = new Dataset(job.out);
const files = new FileWriter(job.dir);
const site: OffThreadContext = { dir: job.dir, dataset, order: job.order, files, ...(job.assets ? { assets: job.assets } : {}) };
const exports = OFF_THREAD[job.group](job.options);
for (const e of exports) await e.open(site);
for await (const [entry, t] of readAhead(dataset, job.order)) {
  if (!t) throw missingRecord(entry);
  for (const e of exports) await e.add(t);
}
// These exports read nothing closed before them (the pages that describe them close later, in the main thread).
const results: (ExportResult | null)[] = [];
for (const e of exports) results.push(await e.close([]));
await files.flush();
parentPort!.postMessage(results);
