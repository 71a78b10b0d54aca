/**
 * What changed between two snapshots of a dataset (two checkouts of output/): transcripts added,
 * revised (with the change classes of the revisions in between), withdrawn and restored.
 */
import { Dataset } from '../store/dataset.ts';

export interface DatasetDiff {
  from: string | null;
  to: string | null;
  added: string[];
  revised: { id: string; from: number; to: number; changes: string[] }[];
  withdrawn: string[];
  restored: string[];
  /** In the first snapshot only: Podium never deletes, so this means the snapshots are unrelated or damaged. */
  missing: string[];
}

export async function diffDatasets(dirA: string, dirB: string): Promise<DatasetDiff> {
  const [a, b] = [new Dataset(dirA), new Dataset(dirB)];
  const [ia, ib] = [await a.readIndex(), await b.readIndex()];
  if (!ia) throw new Error(`${dirA}: no index.json, not a Podium dataset`);
  if (!ib) throw new Error(`${dirB}: no index.json, not a Podium dataset`);
  const before = new Map(ia.transcripts.map((e) => [e.id, e]));
  const after = new Map(ib.transcripts.map((e) => [e.id, e]));
  const out: DatasetDiff = { from: ia.datasetVersion, to: ib.datasetVersion, added: [], revised: [], withdrawn: [], restored: [], missing: [] };
  for (const [id, e] of after) {
    const old = before.get(id);
    if (!old) {
      out.added.push(id);
      continue;
    }
    if (e.revision !== old.revision) {
      const record = await b.readRecord(id);
      const changes = (record?.revisions ?? []).filter((r) => r.revision > old.revision).map((r) => r.change);
      out.revised.push({ id, from: old.revision, to: e.revision, changes });
    }
    if (e.status === 'withdrawn' && old.status !== 'withdrawn') out.withdrawn.push(id);
    if (old.status === 'withdrawn' && e.status !== 'withdrawn') out.restored.push(id);
  }
  for (const id of before.keys()) if (!after.has(id)) out.missing.push(id);
  return out;
}

export function renderDatasetDiff(d: DatasetDiff): string {
  const lines = [`dataset ${d.from} -> ${d.to}: ${d.added.length} added, ${d.revised.length} revised, ${d.withdrawn.length} withdrawn, ${d.restored.length} restored`];
  for (const id of d.added) lines.push(`+ ${id}`);
  for (const r of d.revised) lines.push(`~ ${r.id} (revision ${r.from} -> ${r.to}: ${r.changes.join(', ')})`);
  for (const id of d.withdrawn) lines.push(`- ${id} (withdrawn)`);
  for (const id of d.restored) lines.push(`^ ${id} (restored)`);
  for (const id of d.missing) lines.push(`! ${id} (missing from the second snapshot)`);
  return `${lines.join('\n')}\n`;
}
