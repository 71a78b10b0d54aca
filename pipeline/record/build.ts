/** Assembles a full transcript record from parsed content plus identity and provenance. */
import type { Source, Transcript } from '../schema/types.ts';
import { SCHEMA_VERSION } from '../schema/version.ts';
import { ENGINE_VERSION } from './engine.ts';
import type { TranscriptContent } from '../transcript/index.ts';
import { contentSha256 } from './content-hash.ts';

export interface Identity {
  id: string;
  agency: string;
  /** Canonical URL. */
  url: string;
}

/** A first revision: `observedAt` is when this content was fetched. */
export function newRecord(content: TranscriptContent, identity: Identity, source: Omit<Source, 'contentSha256'>): Transcript {
  const hash = contentSha256(content);
  return {
    schemaVersion: SCHEMA_VERSION,
    id: identity.id,
    agency: identity.agency,
    url: identity.url,
    urls: [identity.url],
    ...content,
    engine: ENGINE_VERSION,
    source: { ...source, contentSha256: hash },
    status: 'active',
    revision: 1,
    revisions: [{ revision: 1, observedAt: source.fetchedAt, contentSha256: hash, change: 'initial' }],
  };
}
