/**
 * Question attribution: which reporter asked each question turn. A question gets the reporter
 * announced in the hand-over right before it (questioners.ts); the name is then written in the
 * fullest form the same transcript gives ("Simon" → "Simon Lewis" when the transcript names one
 * Simon Lewis and no other Simon).
 */
import type { Role } from '../schema/types.ts';
import type { Announcement } from './questioners.ts';
import { WORD_NAMES } from './vocabulary.ts';
import type { RawTurn } from './turns.ts';

export interface Attribution {
  askedBy: string;
}

/**
 * Attributions by turn index, for the journalist turns that have one. `announced(i)` is the
 * hand-over at the end of turn i; `words` holds every word of the transcript's text, so a bare
 * one-word "name" that the transcript also uses as an ordinary lower-case word ("Roughly.",
 * "Debt.") is not taken for a reporter, unless it is a first name that is also a word ("Said.").
 */
export function attributeQuestions(
  turns: readonly RawTurn[],
  roleOf: (speaker: string) => Role,
  announced: (turn: number) => Announcement | null,
): Map<number, Attribution> {
  const lowerWords = new Set<string>();
  for (const t of turns) for (const p of t.paragraphs) for (const w of p.match(/(?<![\p{L}’'])\p{Ll}[\p{L}’'-]*/gu) ?? []) lowerWords.add(w);
  const out = new Map<number, Attribution>();
  // Every name handed over, the ones an operator's shorter "Mr. Tandon" shadows included.
  const pool: string[] = [];
  turns.forEach((t, i) => {
    if (roleOf(t.speaker) !== 'journalist') return;
    for (const j of [i - 2, i - 1]) if (j >= 0 && roleOf(turns[j]!.speaker) !== 'journalist') pool.push(announced(j)?.name ?? '');
    const a = announcementBefore(turns, i, roleOf, announced);
    if (!a) return;
    if (a.bare && !a.name.includes(' ') && lowerWords.has(a.name.toLowerCase()) && !WORD_NAMES.has(a.name) && !addressed(turns, a.name)) return;
    out.set(i, { askedBy: a.name });
  });
  const full = fullestForms([...pool.filter(Boolean), ...[...out.values()].map((a) => a.askedBy)]);
  for (const a of out.values()) a.askedBy = full.get(a.askedBy) ?? a.askedBy;
  return out;
}

/**
 * Whether the transcript addresses `name` as a person somewhere — after a comma or before one
 * ("Thank you, Said.", "Said, go ahead") — so a name that is also a word ("Said", "Will") stays a name.
 */
function addressed(turns: readonly RawTurn[], name: string): boolean {
  const re = new RegExp(String.raw`(?:, ${name}(?=[.?!,])|(?:^|[.?!] )${name}, )`, 'u');
  return turns.some((t) => t.paragraphs.some((p) => re.test(p)));
}

/**
 * The hand-over before turn `i`: by the turn just before it, or — when an operator only opened
 * the line ("Your line is open") — by the moderator's turn before that. A journalist's own
 * preceding turn (a follow-up) announces nobody.
 */
function announcementBefore(
  turns: readonly RawTurn[],
  i: number,
  roleOf: (speaker: string) => Role,
  announced: (turn: number) => Announcement | null,
): Announcement | null {
  for (let j = i - 1; j >= 0 && j >= i - 2; j--) {
    const role = roleOf(turns[j]!.speaker);
    if (role === 'journalist') return null;
    const a = announced(j);
    if (a) return a;
    if (role !== 'operator') return null;
  }
  return null;
}

/**
 * Each short form's fullest form among `names`: a first name or a surname that exactly one longer
 * name of the transcript starts or ends with. Ambiguous short forms ("Nick" with Nick Wadhams and
 * Nick Schifrin) stay as printed.
 */
export function fullestForms(names: readonly string[]): Map<string, string> {
  const longer = [...new Set(names)].filter((n) => n.includes(' '));
  const out = new Map<string, string>();
  for (const name of new Set(names)) {
    const words = name.split(' ').length;
    const matches = longer.filter((l) => l.split(' ').length > words && (l.startsWith(`${name} `) || l.endsWith(` ${name}`)));
    if (matches.length === 1) out.set(name, matches[0]!);
  }
  return out;
}
