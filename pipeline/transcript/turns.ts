/**
 * Splits a body's blocks into the lines before the first label (preamble), speaker turns, and the
 * closing lines (end marks and what follows them). Paragraphs without a label continue the
 * current speaker. Nothing is dropped: every block lands in exactly one of the three.
 */
import type { Block } from '../extract/blocks.ts';
import type { SpeakerRules } from '../agencies/types.ts';
import type { LabelCandidate } from './labels.ts';
import { acceptLabel, isBareSurname, labelCandidate } from './labels.ts';
import { findName, nameWords } from './participants.ts';

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

/**
 * `header` is the title and bylines: where a bare surname label ("LEAVITT:") finds the full name
 * that makes it a label.
 */
export function segment(blocks: readonly Block[], rules: SpeakerRules, header: readonly string[] = []): Segments {
  // Pass 1: labels set in bold are trusted, and teach us this document's speakers.
  const candidates = blocks.map((block) => labelCandidate(block, rules));
  const known = new Set<string>();
  for (const c of candidates) if (c?.structural) known.add(c.speaker);
  acceptSurnames(candidates, known, rules, header);

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

/**
 * Adds to `known` the one-word labels that are the surname of a speaker the document labels
 * otherwise ("MS. LEAVITT:" then "LEAVITT:") or of a full name in its header.
 */
function acceptSurnames(
  candidates: readonly (LabelCandidate | null)[],
  known: Set<string>,
  rules: SpeakerRules,
  header: readonly string[],
): void {
  const titles = new Set(rules.titleWords ?? []);
  const surnames = new Set<string>();
  for (const c of candidates) {
    if (!c || !acceptLabel(c, known) || !c.speaker.includes(' ')) continue;
    const surname = nameWords(c.speaker, titles).at(-1);
    if (surname) surnames.add(surname);
  }
  const inHeader = new Map<string, boolean>();
  for (const c of candidates) {
    if (!c || c.trusted || known.has(c.speaker) || c.speaker.includes(' ')) continue;
    let named = inHeader.get(c.speaker);
    if (named === undefined) inHeader.set(c.speaker, (named = findName([c.speaker], header, titles) !== null));
    if (named) surnames.add(c.speaker);
    if (isBareSurname(c, surnames)) known.add(c.speaker);
  }
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
