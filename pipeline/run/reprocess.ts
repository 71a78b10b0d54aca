/**
 * Re-extracts every stored record from its kept raw page, offline. Differences are Podium's own
 * (a parser improvement), so they become `reprocessed` revisions — a technical upgrade kept apart
 * from source edits in the changelog — and the content's provenance (fetch time, validators) stays.
 */
import { ENGINE_VERSION } from '../record/engine.ts';
import type { Agency } from '../agencies/types.ts';
import { extract, type ExtractedPage } from '../extract/index.ts';
import { extractFragment } from '../extract/fragment.ts';
import { recordFromPage } from '../record/from-page.ts';
import { observe } from '../revisions/observe.ts';
import type { Transcript } from '../schema/types.ts';
import { Dataset } from '../store/dataset.ts';
import type { Changes } from './changelog.ts';
import { closeRun } from './close.ts';
import { indexEntry } from './index.ts';
import { acquireLock } from './lock.ts';

export interface ReprocessOptions {
  out: string;
  agencies: Agency[];
  now?: () => Date;
  runId?: string;
  /** Only records an older engine made (`engine` ≠ ENGINE_VERSION): a no-op when none did. */
  outdated?: boolean;
}

export interface ReprocessReport extends Changes {
  checked: number;
}

export async function reprocessDataset(options: ReprocessOptions): Promise<ReprocessReport> {
  const now = options.now ?? (() => new Date());
  const dataset = new Dataset(options.out);
  const lock = await acquireLock(options.out);
  try {
    const index = await dataset.readIndex();
    const report: ReprocessReport = { checked: 0, changed: false, datasetVersion: index?.datasetVersion ?? null, added: [], revised: [], reprocessed: [], withdrawn: [], restored: [], failures: [] };
    if (!index) return report;
    const agencies = new Map(options.agencies.map((a) => [a.id, a]));
    const entries = new Map(index.transcripts.map((e) => [e.id, e]));
    for (const entry of index.transcripts) {
      const agency = agencies.get(entry.agency);
      if (!agency) continue;
      report.checked++;
      const record = await dataset.readRecord(entry.id);
      if (options.outdated && record?.engine === ENGINE_VERSION) continue;
      const raw = await dataset.readRaw(entry.id);
      if (!record || raw === null) {
        report.failures.push({ url: entry.url, stage: 'extract', message: `${entry.id}: no ${record ? 'raw page' : 'record'} stored, cannot reprocess` });
        continue;
      }
      try {
        const fresh = recordFromPage(readRaw(raw, record, agency), agency, entry.id, record.url, record.source, record.id);
        const obs = observe(record, fresh, { reprocess: true, observedAt: now().toISOString() });
        if (obs.kind !== 'revised') continue;
        await dataset.writeHistory(obs.previous);
        await dataset.writeRecord(obs.record);
        entries.set(obs.record.id, indexEntry(obs.record));
        report.reprocessed.push(obs.record.id);
        report.changed = true;
      } catch (error) {
        report.failures.push({ url: entry.url, stage: 'extract', message: (error as Error).message });
      }
    }
    await closeRun({ dataset, previousVersion: index.datasetVersion, entries, changes: report, runId: options.runId ?? `reprocess ${now().toISOString()}`, now });
    return report;
  } finally {
    await lock.release();
  }
}

/** The stored raw body read the way it was read when fetched (`source.via`). */
function readRaw(raw: string, record: Transcript, agency: Agency): ExtractedPage {
  if (record.source.via === 'rest-api') {
    const channel = agency.fallbacks?.find((f) => f.via === 'rest-api');
    if (!channel) throw new Error(`${record.id}: came through a REST API the ${agency.id} adapter no longer declares`);
    const post = channel.read(raw, new URL(record.url));
    return 'html' in post ? extract(post.html, agency, record.id, record.url, 'text/html') : extractFragment(post, agency, record.id);
  }
  return extract(raw, agency, record.id, record.url, record.source.via === 'file' ? null : 'text/html');
}
