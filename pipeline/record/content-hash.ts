/**
 * The content hash that decides whether a transcript changed: what the agency printed — title,
 * date, turns (speaker label and paragraphs) and the page text around them (preamble, closing and notes: a corrected byline
 * or "Washington D.C." -> "Washington, DC" is an edit too), whitespace-folded. Raw HTML, markup,
 * scripts, tracking parameters, header validators and what Podium derives (kind, roles,
 * questioners, names, stats: a better rule is a `reprocessed` revision, never an agency edit) are left out, so a new fetch of the same words is not a new revision. Text is already
 * whitespace-folded by the extractor (every block goes through foldSpaces), so it is hashed as is.
 */
import { createHash } from 'node:crypto';
import type { Transcript } from '../schema/types.ts';

export type HashedContent = Pick<Transcript, 'title' | 'date' | 'turns' | 'preamble' | 'closing' | 'notes'>;

export function contentSha256(content: HashedContent): string {
  const canonical = JSON.stringify([
    content.title,
    content.date,
    content.turns.map((t) => [t.speaker, t.paragraphs]),
    content.preamble ?? [],
    content.closing ?? [],
    // Notes (since 1.1.0) are printed words too; hashed only when present, so a record without any keeps its hash.
    ...(content.notes?.length ? [content.notes.map((n) => [n.turn, n.paragraph, n.text])] : []),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
