/**
 * A turn-aware diff between two versions of a transcript: which turns were added, removed,
 * re-attributed (same words, another speaker) or edited, with word-level changes inside edited
 * turns. Turns are aligned with the `diff` package's array diff; words with its word diff.
 */
import { diffArrays, diffWordsWithSpace } from 'diff';
import type { Transcript, Turn } from '../schema/types.ts';

/** A run of words: unchanged, added or removed. */
export interface WordPart {
  op: 'same' | 'added' | 'removed';
  text: string;
}

export type TurnChange =
  | { op: 'added'; after: number; speaker: string; text: string }
  | { op: 'removed'; before: number; speaker: string; text: string }
  | { op: 'edited'; before: number; after: number; speaker: string; words: WordPart[] }
  | { op: 'reattributed'; before: number; after: number; from: string; to: string; words: WordPart[] };

export interface FieldChange {
  field: 'title' | 'date' | 'kind' | 'location' | 'preamble' | 'closing' | 'notes';
  words: WordPart[];
}

export interface TranscriptDiff {
  id: string;
  from: number;
  to: number;
  /** The change class recorded for the `to` revision (or the last one in between). */
  change: string | null;
  fields: FieldChange[];
  turns: TurnChange[];
  summary: { added: number; removed: number; edited: number; reattributed: number; unchanged: number };
}

/** Turns this similar (shared words / all words) are one turn edited, not one removed and one added. */
const SAME_TURN = 0.5;

const text = (t: Turn) => t.paragraphs.join('\n');

export function diffTranscripts(a: Transcript, b: Transcript): TranscriptDiff {
  const fields: FieldChange[] = [];
  const field = (name: FieldChange['field'], x: string, y: string) => {
    if (x !== y) fields.push({ field: name, words: diffText(x, y) });
  };
  field('title', a.title, b.title);
  field('date', a.date, b.date);
  field('kind', a.kind, b.kind);
  field('location', a.location ?? '', b.location ?? '');
  field('preamble', (a.preamble ?? []).join('\n'), (b.preamble ?? []).join('\n'));
  field('closing', (a.closing ?? []).join('\n'), (b.closing ?? []).join('\n'));
  field('notes', (a.notes ?? []).map((n) => n.text).join('\n'), (b.notes ?? []).map((n) => n.text).join('\n'));

  const turns: TurnChange[] = [];
  const summary = { added: 0, removed: 0, edited: 0, reattributed: 0, unchanged: 0 };
  let i = 0;
  let j = 0;
  const parts = diffArrays(a.turns, b.turns, { comparator: (x, y) => x.speaker === y.speaker && text(x) === text(y) });
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]!;
    if (!part.added && !part.removed) {
      i += part.value.length;
      j += part.value.length;
      summary.unchanged += part.value.length;
      continue;
    }
    // A removed run followed by an added run is a hunk: pair similar turns as edits.
    const removed = part.removed ? part.value : [];
    const added = part.removed && parts[k + 1]?.added ? parts[++k]!.value : part.added ? part.value : [];
    for (const change of pairHunk(removed, added, i, j)) {
      turns.push(change);
      summary[change.op]++;
    }
    i += removed.length;
    j += added.length;
  }
  const last = b.revisions.at(-1);
  return { id: b.id, from: a.revision, to: b.revision, change: last && b.revision > a.revision ? last.change : null, fields, turns, summary };
}

/** Pairs removed and added turns in order, when similar enough; the rest are added/removed. */
function pairHunk(removed: Turn[], added: Turn[], i0: number, j0: number): TurnChange[] {
  const out: TurnChange[] = [];
  let r = 0;
  let a = 0;
  while (r < removed.length || a < added.length) {
    const x = removed[r];
    const y = added[a];
    if (x && y && similarity(text(x), text(y)) >= SAME_TURN) {
      const words = diffText(text(x), text(y));
      out.push(
        x.speaker === y.speaker
          ? { op: 'edited', before: i0 + r, after: j0 + a, speaker: y.speaker, words }
          : { op: 'reattributed', before: i0 + r, after: j0 + a, from: x.speaker, to: y.speaker, words },
      );
      r++;
      a++;
    } else if (x && (!y || bestMatch(x, added, a) < 0)) {
      out.push({ op: 'removed', before: i0 + r, speaker: x.speaker, text: text(x) });
      r++;
    } else {
      out.push({ op: 'added', after: j0 + a, speaker: y!.speaker, text: text(y!) });
      a++;
    }
  }
  return out;
}

/** Index of a later added turn `x` pairs with, or -1: decides whether `x` was removed outright. */
function bestMatch(x: Turn, added: Turn[], from: number): number {
  for (let k = from; k < added.length; k++) if (similarity(text(x), text(added[k]!)) >= SAME_TURN) return k;
  return -1;
}

function similarity(x: string, y: string): number {
  const a = new Set(x.toLowerCase().split(/\W+/).filter(Boolean));
  const b = new Set(y.toLowerCase().split(/\W+/).filter(Boolean));
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.max(a.size, b.size);
}

function diffText(x: string, y: string): WordPart[] {
  return diffWordsWithSpace(x, y).map((p) => ({ op: p.added ? 'added' : p.removed ? 'removed' : 'same', text: p.value }));
}
