/**
 * Splits a body's blocks into the lines before the first label (preamble), speaker turns, and the
 * closing lines (end marks and what follows them). Paragraphs without a label continue the
 * current speaker. Nothing is dropped: every block lands in exactly one of the three.
 */
import type { Block } from '../extract/blocks.ts';
import type { SpeakerRules } from '../agencies/types.ts';
import type { LabelCandidate } from './labels.ts';
import { acceptLabel, isBareSurname, labelCandidate, looksLikeLabel, normalizeLabel } from './labels.ts';
import { readMisprint, type Misprint } from './misprints.ts';
import { findName, nameWords } from './participants.ts';

export interface RawTurn {
  speaker: string;
  paragraphs: string[];
  corrections: { paragraph: number; struck: string; inserted: string | null }[];
  /** The label the printed one evidently misspells (misprints.ts); the speaker stays as printed. */
  misprint?: Misprint;
}

/** A line printed among the turns that is not speech; it stood before paragraph `paragraph` of turn `turn`. */
export interface Note {
  turn: number;
  paragraph: number;
  text: string;
}

export interface Segments {
  preamble: string[];
  turns: RawTurn[];
  closing: string[];
  /** Editor's notes, footnotes and the lines between two parts of one event, kept out of the turns. */
  notes: Note[];
  /** Labels seen in the document, structural or not, for diagnostics. */
  labels: string[];
}

/** A bare time line, "2:20 P.M. EST", "1:32 P.M.": how most White House transcripts end. */
export const TIME_LINE = /^\d{1,2}:\d{2} *[AaPp]\.? ?[Mm]\.?(?: +[A-Z]{2,5})?$/;

/** An editor's note: "[Editor's note: …]", "(Editor’s Note: …)", or a footnote ending in its back-link "↑". */
export const EDITORS_NOTE = /^(?:[[(]\s*)?Editor['’]s note\b|↑$/i;

/**
 * A line that can follow an end mark without being speech: a time, a place, a link ("To view the
 * COVID Press Briefing slides, visit: https://…").
 */
const AFTER_MARK = /^(?:\d{1,2}:\d{2} *[AaPp]\.? ?[Mm]\.?(?: +[A-Z]{2,5})?|[^.?!]{0,80}https?:\/\/\S+|[^.?!…—]{1,60}(?<![.?!…—]))$/u;

/** "(The briefing was concluded at 2:59 p.m.)", "END 2:31 P.M. EDT", "# # #", "###". */
export const END_MARK =
  /^(?:\(\s*The (?:(?:daily |press |special |background )?briefing|call|press conference|interview|event|meeting|conference call|teleconference|availability)[^)]{0,40}?(?:was )?(?:concluded|ended|adjourned)\b[^)]*\)|END(?: OF (?:TRANSCRIPT|BRIEFING))?(?: +\d{1,2}:\d{2} *[AaPp]\.? ?[Mm]\.?(?: +[A-Z]{2,4})?)?|#\s*#\s*#|\*\s*\*\s*\*)\.?$/;

/**
 * `header` is the title and bylines: where a bare surname label ("LEAVITT:") finds the full name
 * that makes it a label.
 */
export function segment(blocks: readonly Block[], rules: SpeakerRules, header: readonly string[] = []): Segments {
  // Pass 1: labels set in bold are trusted, and teach us this document's speakers.
  let candidates = blocks.map((block) => labelCandidate(block, rules));
  const known = new Set<string>();
  for (const c of candidates) if (c?.structural) known.add(c.speaker);
  acceptSurnames(candidates, known, rules, header);
  [blocks, candidates] = splitRunTogether(blocks, candidates, known, rules);
  const misprintOf = misprintReader(candidates, known);

  const preamble: string[] = [];
  const turns: RawTurn[] = [];
  const labels = new Set<string>();
  // Paragraphs (by turn) that follow an <hr>: the start of the page's footnotes.
  const afterRule = new Map<RawTurn, number>();
  for (const [i, block] of blocks.entries()) {
    const c = candidates[i];
    const misprint = c ? misprintOf(c) : null;
    const label = c && (acceptLabel(c, known) || misprint) ? c : null;
    if (label) {
      labels.add(label.speaker);
      turns.push({ speaker: label.speaker, paragraphs: [], corrections: [], ...(misprint ? { misprint } : {}) });
    }
    const text = label ? label.rest : block.text;
    const turn = turns.at(-1);
    if (!turn) {
      preamble.push(block.text);
      continue;
    }
    if (!text && block.corrections.length === 0) continue;
    const paragraph = turn.paragraphs.length;
    if (block.afterRule && !label && !afterRule.has(turn)) afterRule.set(turn, paragraph);
    turn.paragraphs.push(text);
    for (const c of block.corrections) turn.corrections.push({ paragraph, ...c });
  }

  const closing = splitClosing(turns, afterRule);
  return { preamble, turns, closing, notes: splitNotes(turns), labels: [...labels] };
}

/**
 * What a candidate label evidently misspells, read once per label against how often the document
 * prints each accepted label. A candidate no rule accepted becomes a label only through a reading
 * that is one ("S. PSAKI:" beside "MS. PSAKI:", "SECREATRY MAYORKAS:").
 */
function misprintReader(candidates: readonly (LabelCandidate | null)[], known: ReadonlySet<string>): (c: LabelCandidate) => Misprint | null {
  const counts = new Map<string, number>();
  for (const c of candidates) if (c && acceptLabel(c, known)) counts.set(c.speaker, (counts.get(c.speaker) ?? 0) + 1);
  const read = new Map<string, Misprint | null>();
  return (c) => {
    const key = `${acceptLabel(c, known) ? 1 : 0}${c.speaker}`;
    let m = read.get(key);
    if (m === undefined) {
      m = readMisprint(c.speaker, counts);
      if (m && !acceptLabel(c, known) && !counts.has(m.reads) && !looksLikeLabel(m.reads)) m = null;
      read.set(key, m);
    }
    return m;
  };
}

/** Whether paragraphs from `at` on are an end mark or time line and what may follow one. */
function isInterval(paragraphs: readonly string[], at: number): boolean {
  return (END_MARK.test(paragraphs[at]!) || TIME_LINE.test(paragraphs[at]!)) && paragraphs.slice(at + 1).every((p) => AFTER_MARK.test(p));
}

/** Removes paragraphs `from`… of a turn, with their corrections. */
function cut(turn: RawTurn, from: number): string[] {
  const removed = turn.paragraphs.splice(from);
  turn.corrections = turn.corrections.filter((c) => c.paragraph < from);
  return removed;
}

/**
 * Moves what is not speech out of the turns (the last turn's tail is the closing's): editor's
 * notes and footnotes, and the end and start lines between two parts of one event ("9:54 P.M.
 * CEST", "NATO Headquarters", "Brussels, Belgium", "9:28 P.M. CEST" before the next label). A
 * turn keeps its first paragraph, what the label introduced.
 */
function splitNotes(turns: RawTurn[]): Note[] {
  const notes: Note[] = [];
  for (const [t, turn] of turns.entries()) {
    const interval = t < turns.length - 1 ? turn.paragraphs.findIndex((_, i) => i > 0 && isInterval(turn.paragraphs, i)) : -1;
    const isNote = (p: string, i: number) => i > 0 && ((interval > 0 && i >= interval) || EDITORS_NOTE.test(p));
    if (!turn.paragraphs.some(isNote)) continue;
    const kept: string[] = [];
    const moved = new Map<number, number>();
    turn.paragraphs.forEach((p, i) => {
      if (isNote(p, i)) notes.push({ turn: t, paragraph: kept.length, text: p });
      else moved.set(i, kept.push(p) - 1);
    });
    turn.paragraphs = kept;
    turn.corrections = turn.corrections.filter((c) => moved.has(c.paragraph)).map((c) => ({ ...c, paragraph: moved.get(c.paragraph)! }));
  }
  return notes;
}

/** An upper-case run of two to six words and a colon after a space, inside a line. */
const INLINE_LABEL = /(?<=\s)(\p{Lu}[\p{Lu}\p{M}.'’-]*(?: \p{Lu}[\p{Lu}\p{M}.'’-]*){1,5}) ?:(?= \S)/gu;

/**
 * Splits lines in which a second turn was run into the first ("… he conveyed MS. PSAKI: Well, I
 * don’t know …"). The evidence is structural: the label is one this document prints at the start
 * of at least two paragraphs, and it has two words or more (`Q` or a lone surname mid-sentence is
 * too common in speech to be evidence). The tail becomes a block of its own.
 */
function splitRunTogether(
  blocks: readonly Block[],
  candidates: (LabelCandidate | null)[],
  known: ReadonlySet<string>,
  rules: SpeakerRules,
): [readonly Block[], (LabelCandidate | null)[]] {
  const opened = new Map<string, number>();
  for (const c of candidates) if (c && acceptLabel(c, known) && c.speaker.includes(' ')) opened.set(c.speaker, (opened.get(c.speaker) ?? 0) + 1);
  const labels = new Set([...opened].filter(([, n]) => n >= 2).map(([speaker]) => speaker));
  if (labels.size === 0) return [blocks, candidates];
  let changed = false;
  const outBlocks: Block[] = [];
  const outCandidates: (LabelCandidate | null)[] = [];
  for (const [i, block] of blocks.entries()) {
    const cuts: number[] = [];
    for (const m of block.text.matchAll(INLINE_LABEL)) {
      if (m.index > 0 && labels.has(normalizeLabel(m[1]!))) cuts.push(m.index);
    }
    if (cuts.length === 0) {
      outBlocks.push(block);
      outCandidates.push(candidates[i]!);
      continue;
    }
    changed = true;
    const pieces = [0, ...cuts].map((from, k) => block.text.slice(from, cuts[k] ?? block.text.length).trim());
    for (const [k, text] of pieces.entries()) {
      // A correction goes with the piece that prints its inserted words; otherwise with the first.
      const corrections = block.corrections.filter((c) => {
        const home = pieces.findIndex((p) => c.inserted !== null && p.includes(`[${c.inserted}]`));
        return (home < 0 ? 0 : home) === k;
      });
      const piece: Block = { text, boldPrefix: k === 0 ? Math.min(block.boldPrefix, text.length) : 0, tag: block.tag, corrections };
      outBlocks.push(piece);
      outCandidates.push(labelCandidate(piece, rules));
    }
  }
  return changed ? [outBlocks, outCandidates] : [blocks, candidates];
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

/**
 * Moves the end of the last turn that is not speech off it: from the first end mark, the first
 * paragraph after an <hr> (state.gov's footnotes), or a closing time line followed only by what may
 * follow one ("2:20 P.M. EST", a slides link), to the end.
 */
function splitClosing(turns: RawTurn[], afterRule: ReadonlyMap<RawTurn, number>): string[] {
  const last = turns.at(-1);
  if (!last) return [];
  const marks = [
    last.paragraphs.findIndex((p) => END_MARK.test(p)),
    afterRule.get(last) ?? -1,
    // A time line is a closing only after speech, never what a label introduced.
    last.paragraphs.findIndex((p, i) => i > 0 && TIME_LINE.test(p) && isInterval(last.paragraphs, i)),
  ].filter((i) => i >= 0);
  return marks.length ? cut(last, Math.min(...marks)) : [];
}
