/**
 * Splits a body's blocks into the lines before the first label (preamble), speaker turns, and the
 * closing lines (end marks and what follows them). Paragraphs without a label continue the
 * current speaker. Nothing is dropped: every block lands in exactly one of the three.
 */
import type { Block } from '../extract/blocks.ts';
import type { SpeakerRules } from '../agencies/types.ts';
import { acceptLabel, labelCandidate } from './labels.ts';

export interface RawTurn {
  speaker: string;
  paragraphs: string[];
  corrections: { paragraph: number; struck: string; inserted: string | null }[];
}

export interface Segments {
  preamble: string[];
  turns: RawTurn[];
  closing: string[];
  /** Labels seen in the document, structural or not, for diagnostics. */
  labels: string[];
}

/** "(The briefing was concluded at 2:59 p.m.)", "END 2:31 P.M. EDT", "# # #", "###". */
export const END_MARK =
  /^(?:\(\s*The (?:(?:daily |press |special |background )?briefing|call|press conference|interview|event|meeting|conference call|teleconference|availability)[^)]{0,40}?(?:was )?(?:concluded|ended|adjourned)\b[^)]*\)|END(?: OF (?:TRANSCRIPT|BRIEFING))?(?: +\d{1,2}:\d{2} *[AaPp]\.? ?[Mm]\.?(?: +[A-Z]{2,4})?)?|#\s*#\s*#|\*\s*\*\s*\*)\.?$/;

export function segment(blocks: readonly Block[], rules: SpeakerRules): Segments {
  // Pass 1: labels set in bold are trusted, and teach us this document's speakers.
  const candidates = blocks.map((block) => labelCandidate(block, rules));
  const known = new Set<string>();
  for (const c of candidates) if (c?.structural) known.add(c.speaker);

  const preamble: string[] = [];
  const turns: RawTurn[] = [];
  const labels = new Set<string>();
  for (const [i, block] of blocks.entries()) {
    const c = candidates[i];
    const label = c && acceptLabel(c, known) ? c : null;
    if (label) {
      labels.add(label.speaker);
      turns.push({ speaker: label.speaker, paragraphs: [], corrections: [] });
    }
    const text = label ? label.rest : block.text;
    const turn = turns.at(-1);
    if (!turn) {
      preamble.push(block.text);
      continue;
    }
    if (!text && block.corrections.length === 0) continue;
    const paragraph = turn.paragraphs.length;
    turn.paragraphs.push(text);
    for (const c of block.corrections) turn.corrections.push({ paragraph, ...c });
  }

  return { preamble, turns, closing: splitClosing(turns), labels: [...labels] };
}

/** Moves a trailing end mark, and every paragraph after it, off the last turn. */
function splitClosing(turns: RawTurn[]): string[] {
  const last = turns.at(-1);
  if (!last) return [];
  const at = last.paragraphs.findIndex((p) => END_MARK.test(p));
  if (at < 0) return [];
  const closing = last.paragraphs.splice(at);
  last.corrections = last.corrections.filter((c) => c.paragraph < at);
  return closing;
}
