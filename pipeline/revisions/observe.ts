/**
 * What a fresh extraction means for the stored record: nothing (same content), a first record,
 * a new revision of a source edit (classified), a revert to an earlier revision's content, or a
 * technical upgrade (`reprocessed`: a newer Podium read the same page differently). Pure.
 */
import type { Revision, Transcript } from '../schema/types.ts';
import { classifyChange } from './classify.ts';

export type Observation =
  | { kind: 'added'; record: Transcript }
  | { kind: 'unchanged'; record: Transcript }
  | { kind: 'revised'; record: Transcript; change: Revision['change']; previous: Transcript }
  | { kind: 'restored'; record: Transcript; previous: Transcript };

export interface ObserveOptions {
  /** Re-extraction of stored raw HTML: differences are Podium's, not the agency's. */
  reprocess?: boolean;
  /** When the content was observed; defaults to the fresh record's fetch time. */
  observedAt?: string;
}

export function observe(existing: Transcript | null, fresh: Transcript, options: ObserveOptions = {}): Observation {
  if (!existing) return { kind: 'added', record: fresh };
  const found = foundAt(existing, fresh);
  const observation = observeContent(existing, fresh, options);
  // One briefing at several addresses is one record: the first address stays `url`, each new one
  // is added to `urls`. A new address alone is not a revision (the words did not change).
  return { ...observation, record: { ...observation.record, ...found } } as Observation;
}

/** `url` and `urls` of the stored record once `fresh` has been seen. */
function foundAt(existing: Transcript, fresh: Transcript): Pick<Transcript, 'url' | 'urls'> {
  const urls: NonNullable<Transcript['urls']> = existing.urls ? [...existing.urls] : [existing.url];
  for (const url of fresh.urls ?? [fresh.url]) if (!urls.includes(url)) urls.push(url);
  return { url: existing.url, urls };
}

function observeContent(existing: Transcript, fresh: Transcript, options: ObserveOptions): Observation {
  const observedAt = options.observedAt ?? fresh.source.fetchedAt;
  const hash = fresh.source.contentSha256;
  const sameContent = hash === existing.source.contentSha256;
  const wasWithdrawn = existing.status === 'withdrawn';

  if (options.reprocess) {
    if (sameRecord(existing, fresh)) return { kind: 'unchanged', record: existing };
    return revise(existing, fresh, { change: 'reprocessed' }, observedAt, existing.source);
  }
  if (sameContent) {
    if (!wasWithdrawn) return { kind: 'unchanged', record: existing };
    // Back with the same words: restored, no new revision.
    const { withdrawnAt: _, ...rest } = existing;
    return { kind: 'restored', record: { ...rest, status: 'restored' }, previous: existing };
  }
  // Flip-flop guard: content an earlier revision already had is a revert, not a new text.
  const earlier = [...existing.revisions].reverse().find((r) => r.contentSha256 === hash);
  const change: Pick<Revision, 'change' | 'revertOf'> = earlier
    ? { change: 'revert', revertOf: earlier.revision }
    : { change: classifyChange(existing, fresh) };
  return revise(existing, fresh, change, observedAt, fresh.source);
}

function revise(
  existing: Transcript,
  fresh: Transcript,
  change: Pick<Revision, 'change' | 'revertOf'>,
  observedAt: string,
  source: Transcript['source'],
): Observation {
  const revision = existing.revision + 1;
  const entry: Revision = { revision, observedAt, contentSha256: fresh.source.contentSha256, ...change };
  const { withdrawnAt: _, ...content } = fresh;
  const reprocessed = change.change === 'reprocessed';
  const record: Transcript = {
    ...content,
    id: existing.id,
    source: reprocessed ? { ...source, contentSha256: fresh.source.contentSha256 } : source,
    // A re-extraction says nothing about the page being back; a new fetch does.
    status: reprocessed || existing.status !== 'withdrawn' ? existing.status : 'restored',
    ...(reprocessed && existing.withdrawnAt ? { withdrawnAt: existing.withdrawnAt } : {}),
    revision,
    revisions: [...existing.revisions, entry],
  };
  return { kind: 'revised', record, change: change.change, previous: existing };
}

/** Equal as records, ignoring provenance, addresses and revision bookkeeping. */
function sameRecord(a: Transcript, b: Transcript): boolean {
  const strip = ({ source: _s, revisions: _r, revision: _n, status: _st, withdrawnAt: _w, id: _i, url: _u, urls: _us, ...rest }: Transcript) => rest;
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}
