/**
 * Labels the agency evidently misprinted. The turn keeps the label as printed; the flag says what
 * it reads as, and the role and participant follow the reading. Three classes, each read on the
 * real corpora (test/corpus/misprints.test.ts):
 *
 * - `spelling`: a word of the label one slip from a label word the vocabulary knows ("SECREATRY
 *   MAYORKAS", "OPERTATOR", "COMMISIONER", "THE PRESIDNET", "FOREIGN MINISTESR KOFOD"), or a
 *   rare label one or two letters from a label the same document prints far more often ("MR
 *   SULLVIAN" once beside "MR SULLIVAN" 26 times, "PRESIDENT ZELENSKKY", "SENIOR ADMINISTRATION
 *   OFFIAL").
 * - `honorific`: an honorific that lost its first letter ("S. PSAKI" beside "MS. PSAKI") or swapped
 *   with the other one ("MR. JEAN-PIERRE" once beside "MS. JEAN-PIERRE" 59 times).
 * - `question-label`: an answer printed under the question label — a question turn that asks
 *   nothing (no question mark in 40 words or more) right after a question turn ending in one.
 *
 * Two different people can be one letter apart ("MR. SAMS", "MR. SACKS"): a document reading is
 * taken only for a label printed once or twice beside one printed far more often.
 */
import type { Turn } from '../schema/types.ts';
import { isLabelWord, LABEL_WORDS } from './labels.ts';

export type Misprint = NonNullable<Turn['misprint']>;

/** Honorifics that print before a surname, and what they become with their first letter lost. */
const HONORIFICS = ['MR', 'MS', 'MRS', 'DR'];
const CLIPPED = new Map(HONORIFICS.map((h) => [h.slice(1), h]));
/** Words before a title that leave the next word a title ("THE PRESIDENT", "FORMER PRESIDENT"). */
const ARTICLES = new Set(['THE', 'FORMER']);
const SWAPPED = new Map([['MR', 'MS'], ['MS', 'MR']]);

/**
 * A document reading needs a rare label (printed at most twice) and another printed at least three
 * times and twice as often; an honorific swap five times, for a Mr. and a Ms. Wright can both speak.
 */
const MAX_RARE = 2;
const MIN_OTHER = 3;
const MIN_SWAPPED = 5;
/** A question turn must ask nothing over this many words to be read as an answer. */
const ANSWER_WORDS = 40;

/**
 * What `label` reads as, given how often the document prints each label (`counts`), or null.
 * `label` need not be in `counts`: a candidate no rule accepted is read the same way.
 */
export function readMisprint(label: string, counts: ReadonlyMap<string, number>): Misprint | null {
  const used = counts.get(label) ?? 0;
  const words = label.split(' ');
  const printedOften = (other: string, min = MIN_OTHER) => {
    const n = counts.get(other) ?? 0;
    return used <= MAX_RARE && n >= min && n >= 2 * Math.max(used, 1);
  };

  // "S PSAKI" beside "MS PSAKI"; "MR JEAN-PIERRE" once beside "MS JEAN-PIERRE" 59 times.
  const rest = words.slice(1).join(' ');
  const clipped = CLIPPED.get(words[0]!.replace(/\.$/, ''));
  if (rest && clipped && counts.has(`${clipped} ${rest}`)) return { reads: `${clipped} ${rest}`, kind: 'honorific' };
  const swapped = SWAPPED.get(words[0]!);
  if (rest && swapped && printedOften(`${swapped} ${rest}`, MIN_SWAPPED)) return { reads: `${swapped} ${rest}`, kind: 'honorific' };

  // A title word one slip from a label word: "SECREATRY" → "SECRETARY", "THE PRESIDNET". The last
  // word after a title is a surname ("MR. PASTORE" is no pastor).
  const titled = words.slice(0, -1).some((w) => !ARTICLES.has(w));
  const fixed = words.map((w, i) => (w.length >= 6 && !(titled && i === words.length - 1) && !isLabelWord(w) ? (nearLabelWord(w) ?? w) : w));
  if (fixed.some((w, i) => w !== words[i])) return { reads: fixed.join(' '), kind: 'spelling' };

  // A rare label one or two letters from one the document prints far more often.
  for (const other of counts.keys()) {
    if (other === label || !printedOften(other)) continue;
    const theirs = other.split(' ');
    if (theirs.length !== words.length) continue;
    const differ = words.flatMap((w, i) => (w === theirs[i] ? [] : [[w, theirs[i]!] as const]));
    if (differ.length !== 1) continue;
    const [mine, right] = differ[0]!;
    if (isSlip(mine, right) && !(isLabelWord(mine) && isLabelWord(right))) return { reads: other, kind: 'spelling' };
  }
  return null;
}

/**
 * The label a question turn that asks nothing reads as: the answering speaker before it, when
 * the turn before is a question ending in a question mark. `isQuestion(i)` is whether turn i is
 * a question; `answering(i)` is whether its speaker answers questions (an official or a moderator).
 */
export function readQuestionLabel(
  i: number,
  turns: readonly { speaker: string; paragraphs: readonly string[] }[],
  isQuestion: (turn: number) => boolean,
  answering: (turn: number) => boolean,
): Misprint | null {
  const turn = turns[i]!;
  const before = turns[i - 1];
  if (!before || !isQuestion(i) || !isQuestion(i - 1) || before.speaker !== turn.speaker) return null;
  if (!before.paragraphs.at(-1)?.trimEnd().endsWith('?')) return null;
  const text = turn.paragraphs.join(' ');
  if (text.includes('?') || text.split(/\s+/).filter(Boolean).length < ANSWER_WORDS) return null;
  for (let j = i - 2; j >= 0; j--) if (answering(j)) return { reads: turns[j]!.speaker, kind: 'question-label' };
  return null;
}

/** A typing slip: one edit (two for words of six letters or more), never just a plural. */
function isSlip(a: string, b: string): boolean {
  if (a.length < 4 || b.length < 4 || a === `${b}S` || b === `${a}S`) return false;
  const d = editDistance(a, b, 2);
  return d === 1 || (d === 2 && Math.min(a.length, b.length) >= 6);
}

const LABEL_WORDS_LONG = [...LABEL_WORDS].filter((w) => w.length >= 6);

/** The label word `word` is one edit from (adjacent letters swapped counting as one), if exactly one. */
function nearLabelWord(word: string): string | null {
  if (/S$/.test(word) && isLabelWord(word.slice(0, -1))) return null;
  let found: string | null = null;
  for (const head of LABEL_WORDS_LONG) {
    if (Math.abs(head.length - word.length) > 1 || editDistance(word, head, 1) !== 1) continue;
    if (found) return null;
    found = head;
  }
  return found;
}

/** Optimal string alignment distance, or `limit + 1` once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    [before, prev] = [prev, row];
  }
  return prev[b.length]!;
}
