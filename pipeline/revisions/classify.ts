/**
 * Change classes for a source edit, from the content before and after (see schemas/README.md):
 *
 * - cosmetic: only case, punctuation, whitespace or typography differ (curly quotes, dashes,
 *   "Washington D.C." -> "Washington, DC"), in the title, the turns or the lines around them;
 * - minor: the same turns by the same speakers, and at most MINOR_MAX_WORDS words (and at most
 *   MINOR_MAX_SHARE of all words) changed in the title, the turns and the lines around them;
 * - substantive: turns added, removed or re-attributed, a changed date, or more words. The kind
 *   is Podium's reading, not the agency's print, so it never classes an edit.
 */
import { diffArrays } from 'diff';
import type { HashedContent } from '../record/content-hash.ts';

export type ChangeClass = 'cosmetic' | 'minor' | 'substantive';

/** Most words a minor edit may touch (added plus removed). */
export const MINOR_MAX_WORDS = 12;
/** Largest share of the transcript's words a minor edit may touch. */
export const MINOR_MAX_SHARE = 0.02;

/** Text with case, punctuation, typography and spacing folded away. */
export function cosmeticKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    // Periods and apostrophes inside words vanish ("D.C." = "DC", ’ = '); other marks separate.
    .replace(/[.'’‘`]/g, '')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function words(text: string): string[] {
  const key = cosmeticKey(text);
  return key ? key.split(' ') : [];
}

export function classifyChange(before: HashedContent, after: HashedContent): ChangeClass {
  if (before.date !== after.date) return 'substantive';
  const speakersBefore = before.turns.map((t) => t.speaker);
  const speakersAfter = after.turns.map((t) => t.speaker);
  if (speakersBefore.join('\n') !== speakersAfter.join('\n')) return 'substantive';

  let changed = 0;
  let total = 0;
  // The title, each turn, and the lines around and among the turns (preamble, closing, notes) are compared as
  // separate texts, so words never align across a turn boundary.
  const texts = (c: HashedContent) => [
    c.title, ...c.turns.map((t) => t.paragraphs.join(' ')), (c.preamble ?? []).join(' '), (c.closing ?? []).join(' '),
    (c.notes ?? []).map((n) => n.text).join(' '),
  ];
  const textsAfter = texts(after);
  let cosmetic = true;
  texts(before).forEach((text, i) => {
    const a = words(text);
    const b = words(textsAfter[i]!);
    total += Math.max(a.length, b.length);
    if (a.join(' ') === b.join(' ')) return;
    cosmetic = false;
    changed += countChanged(a, b);
  });
  if (cosmetic) return 'cosmetic';
  return changed <= MINOR_MAX_WORDS && changed <= Math.max(1, total * MINOR_MAX_SHARE) ? 'minor' : 'substantive';
}

/** Words added plus words removed between two word lists. */
function countChanged(a: string[], b: string[]): number {
  let n = 0;
  for (const part of diffArrays(a, b)) if (part.added || part.removed) n += part.count ?? part.value.length;
  return n;
}
