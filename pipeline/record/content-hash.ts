/**
 * The content hash that decides whether a transcript changed: title, date, kind, turns (speaker
 * and paragraphs) and the page text around them (preamble and closing lines: a corrected byline
 * or "Washington D.C." -> "Washington, DC" is an edit too), whitespace-folded. Raw HTML, markup,
 * scripts, tracking parameters, header validators and derived fields (roles, questioners, stats)
 * are left out, so a new fetch of the same words is not a new revision.
 */
import { createHash } from 'node:crypto';
import type { Transcript } from '../schema/types.ts';
import { foldSpaces } from '../extract/text.ts';

export type HashedContent = Pick<Transcript, 'title' | 'date' | 'kind' | 'turns' | 'preamble' | 'closing'>;

export function contentSha256(content: HashedContent): string {
  const canonical = JSON.stringify([
    foldSpaces(content.title),
    content.date,
    content.kind,
    content.turns.map((t) => [t.speaker, t.paragraphs.map(foldSpaces)]),
    (content.preamble ?? []).map(foldSpaces),
    (content.closing ?? []).map(foldSpaces),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
