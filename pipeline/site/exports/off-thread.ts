/**
 * Exports built in worker threads, a group to a worker (OFF_THREAD in index.ts): the bulk downloads
 * (every record serialized into NDJSON, CSV and SQLite twice — whole and per year — plus FTS5 and
 * gzip) and the search index, the two largest costs of the deployed build, while the main thread
 * renders the pages. Each worker (worker.ts) reads the records itself, in the same catalog order,
 * and runs the same exports, so the files are the ones a single thread writes. Here each export is
 * a stand-in with the same description: the first `open` starts the group's worker, `add` has
 * nothing to do, `close` returns what the worker's export returned.
 */
import { Worker } from 'node:worker_threads';
import type { IndexEntry } from '../../schema/types.ts';
import type { OffThreadContext, ExportResult, SiteContext, SiteExport } from './export.ts';
import { OFF_THREAD, type ExportOptions, type OffThreadGroup } from './index.ts';

/** What the worker is told: enough to rebuild the same exports and the same pass. */
export interface OffThreadJob {
  out: string;
  dir: string;
  assets?: { dir: string; url: string; cache?: string };
  order: readonly IndexEntry[];
  group: OffThreadGroup;
  options: ExportOptions;
}

/** Stand-ins for the exports of one group (exports/index.ts OFF_THREAD), built by a worker of its own. */
export function offThread(group: OffThreadGroup, options: ExportOptions): SiteExport[] {
  const exports: readonly SiteExport<OffThreadContext>[] = OFF_THREAD[group](options);
  let run: { worker: Worker; results: Promise<(ExportResult | null)[]> } | null = null;
  return exports.map((e, i) => ({
    ...e,
    async open(site: SiteContext) {
      run ??= start({ out: site.dataset.root, dir: site.dir, ...(site.assets ? { assets: site.assets } : {}), order: site.order, group, options });
    },
    async add() {},
    async close() {
      // Held by the build from here on: until now a failed main pass may exit without waiting for it.
      run!.worker.ref();
      return (await run!.results)[i] ?? null;
    },
  }));
}

function start(job: OffThreadJob): { worker: Worker; results: Promise<(ExportResult | null)[]> } {
  const entry = new URL('./worker.ts', import.meta.url).href;
  // A worker thread does not inherit tsx's loader on Node 20: it loads the entry through tsx's API,
  // found from this file (an eval'd worker would resolve a bare name from the working directory).
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`;
  const worker = new Worker(code, { eval: true, workerData: job });
  worker.unref();
  const results = new Promise<(ExportResult | null)[]>((resolve, reject) => {
    worker.once('message', (m: (ExportResult | null)[]) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`site: the ${job.group} worker thread exited with code ${code} before it finished`)));
  });
  results.catch(() => {}); // reported by `close`, or moot when the main pass failed first
  return { worker, results };
}
