/**
 * Question attribution: who asked each question turn, for which outlet, and how it is known
 * (`askedByEvidence`):
 *
 * - `self`: the reporter introduces themselves at the top of the question ("Hi, Shaun Tandon,
 *   AFP."). It outranks a hand-over: the one speaking says who they are.
 * - `called`: the hand-over right before the question names them or their outlet (questioners.ts).
 * - `title`: in an interview, the one interviewer the title names ("… With Andrea Mitchell of NBC").
 * - `follow-up`: a question with none of those, inside an exchange that has a questioner. An
 *   exchange starts at an attributed question and ends at the first of: a new hand-over (named
 *   or not: "Yes, in the back.", or a floor phrase closing an answer), an operator opening a line,
 *   another reporter introducing themselves, or a question that follows up on someone else's
 *   ("to follow up on Shaun's question"). The rule is measured in test/corpus/attribution.test.ts.
 *
 * Names are then written in the fullest form the transcript gives ("Simon" → "Simon Lewis" when
 * it names one Simon Lewis and no other Simon), and a person's outlet, stated once, holds for
 * all their questions in the transcript.
 */
import type { Role, Turn } from '../schema/types.ts';
import { readAnnouncement, readSelfIntroduction, readTitleInterviewer, type Announcement } from './questioners.ts';
import type { RawTurn } from './turns.ts';
import { PLACES } from './places.ts';
import { FLOOR_CLOSING, LINE_OPENED, NEW_FLOOR, NOT_A_NAME_WORDS, OTHERS_QUESTION, THANKS_ONLY, WORD_NAMES } from './vocabulary.ts';

export type Evidence = NonNullable<Turn['askedByEvidence']>;

export interface Attribution {
  askedBy?: string;
  askedByOutlet?: string;
  askedByEvidence: Evidence;
}

export interface AttributionContext {
  turns: readonly RawTurn[];
  /** The role of turn i's speaker (a misprinted label's turn has the role of what it reads as). */
  roleAt: (turn: number) => Role;
  /** The hand-over at the end of turn i (cached by the caller, who also reads it for roles). */
  announced: (turn: number) => Announcement | null;
  title: string;
  /** Whether the transcript is an interview: only then does the title's interviewer ask. */
  interview: boolean;
  /** Whether a name is an official's or moderator's: an official is never a questioner. */
  isOfficial: (name: string) => boolean;
}

/** Attributions by turn index, for the journalist turns that have one. */
export function attributeQuestions(ctx: AttributionContext): Map<number, Attribution> {
  const { turns, roleAt } = ctx;
  const lowerWords = new Set<string>();
  for (const t of turns) for (const p of t.paragraphs) for (const w of p.match(/(?<![\p{L}’'])\p{Ll}[\p{L}’'-]*/gu) ?? []) lowerWords.add(w);
  const official = (name: string | null) => name !== null && ctx.isOfficial(name);
  const called = (i: number): Announcement | null => {
    const a = announcementBefore(ctx, i);
    if (!a) return null;
    if (official(a.name)) return a.outlet ? { ...a, name: null } : null;
    const word = a.name && !a.name.includes(' ') && lowerWords.has(a.name.toLowerCase());
    if (a.bare && word && !WORD_NAMES.has(a.name!) && !addressed(turns, a.name!)) return null;
    return a;
  };
  const interviewer = ctx.interview ? readTitleInterviewer(ctx.title) : null;

  const out = new Map<number, Attribution>();
  // Every name handed over, the ones an operator's shorter "Mr. Tandon" shadows included.
  const pool: string[] = [];
  let exchange: Attribution | null = null;
  let lastQuestion = -1;
  turns.forEach((t, i) => {
    const role = roleAt(i);
    const next = turns[i + 1];
    if (role !== 'journalist' && next && roleAt(i + 1) === 'operator') pool.push(ctx.announced(i)?.name ?? '');
    if (role !== 'journalist') {
      if (role === 'operator' || ctx.announced(i) || endsExchange(t, turns[lastQuestion])) exchange = null;
      // "Matt, we are working on this…": the answer is to someone else than the exchange's reporter.
      const to = addressee(t);
      if (to && exchange?.askedBy && !samePerson(to, exchange.askedBy) && !official(to)) {
        if (lastQuestion >= 0 && out.get(lastQuestion)?.askedByEvidence === 'follow-up') out.delete(lastQuestion);
        exchange = null;
      }
      return;
    }
    lastQuestion = i;
    const first = t.paragraphs.find((p) => p.trim()) ?? '';
    const self = readSelfIntroduction(first);
    const call = called(i);
    let own: Attribution | null = null;
    if (interviewer && !official(interviewer.name)) {
      // The interviewee addresses the host ("Thanks, Chuck"); nobody hands the floor over.
      own = attribution(interviewer.name, interviewer.outlet, 'title');
    } else if (self && self.name && !official(self.name)) {
      own = attribution(self.name, self.outlet ?? (call && samePerson(call.name, self.name) ? call.outlet : null), 'self');
    } else if (call) {
      own = attribution(call.name, call.outlet, 'called');
    }
    if (own) {
      out.set(i, own);
      exchange = own;
    } else if (OTHERS_QUESTION.test(first)) {
      exchange = null;
    } else if (exchange) {
      out.set(i, attribution(exchange.askedBy ?? null, exchange.askedByOutlet ?? null, 'follow-up')!);
    }
    // "Thank you." alone: the reporter is done.
    if (THANKS_ONLY.test(t.paragraphs.join(' ').trim())) exchange = null;
  });

  // Fullest forms and outlets, from every name the transcript's hand-overs and introductions give.
  const full = fullestForms([...pool.filter((n) => n && !official(n)), ...[...out.values()].flatMap((a) => (a.askedBy ? [a.askedBy] : []))]);
  const outlets = new Map<string, Set<string>>();
  for (const a of out.values()) {
    if (!a.askedBy) continue;
    a.askedBy = full.get(a.askedBy) ?? a.askedBy;
    if (a.askedByOutlet) outlets.set(a.askedBy, (outlets.get(a.askedBy) ?? new Set()).add(a.askedByOutlet));
  }
  for (const a of out.values()) {
    const known = a.askedBy ? outlets.get(a.askedBy) : undefined;
    if (!a.askedByOutlet && known?.size === 1) a.askedByOutlet = [...known][0]!;
  }
  // Keys in schema order: records are compared as JSON with stored ones.
  for (const [i, a] of out) out.set(i, attribution(a.askedBy ?? null, a.askedByOutlet ?? null, a.askedByEvidence)!);
  return out;
}

function attribution(name: string | null, outlet: string | null, evidence: Evidence): Attribution | null {
  if (!name && !outlet) return null;
  return { ...(name ? { askedBy: name } : {}), ...(outlet ? { askedByOutlet: outlet } : {}), askedByEvidence: evidence };
}

/**
 * Whether a non-journalist turn gives the floor to someone new without naming them: a floor
 * phrase pointing at a new person ("Yes, in the back.", "Anyone else?"); a floor phrase ("Yes.",
 * "Please.", "Go ahead.") closing a turn that first answered; or a turn that is only a floor
 * phrase when the last question was not a question ("Thank you." then "Yes."). After a question
 * or a sentence broken off ("Can I follow up?", "But —"), "Yes." or "Sure." answers and continues.
 */
function endsExchange(t: RawTurn, lastQuestion: RawTurn | undefined): boolean {
  const text = t.paragraphs.join(' ').trim();
  const sentences = text.split(/(?<=[.?!])\s+/u);
  const last = sentences.at(-1) ?? '';
  if (sentences.slice(-2).some((sentence) => LINE_OPENED.test(sentence))) return true;
  if (NEW_FLOOR.test(last) || (sentences.length > 1 && NEW_FLOOR.test(sentences.at(-2)!))) return true;
  if (!FLOOR_CLOSING.test(last)) return false;
  if (sentences.length > 1) return true;
  const asked = (lastQuestion?.paragraphs.join(' ').trim() ?? '').replace(/\s*\((?:Laughter|Inaudible|Off-mike|Crosstalk)\.?\)$/i, '');
  return !/[?—–-]$/u.test(asked);
}

/** The one-word name an answer opens by addressing ("Matt, we are…", "Well, Said, …", "Matt —"). */
function addressee(t: RawTurn): string | null {
  const m = /^(?:(?:Well|Again|Look|So|And|But|Yes|No|Sure|Okay|Thank you|Thanks),? )?(?<name>\p{Lu}\p{Ll}[\p{L}’'-]*)(?:, | —$| –$)/u.exec(t.paragraphs[0]?.trim() ?? '');
  const name = m?.groups?.['name'];
  if (!name || NOT_A_NAME_WORDS.has(name) || PLACES.has(name)) return null;
  return name;
}

function samePerson(a: string | null, b: string): boolean {
  if (!a) return false;
  const words = b.split(' ');
  return a === b || a === words[0] || a === words.at(-1) || b.startsWith(`${a} `);
}

/**
 * Whether the transcript addresses `name` as a person somewhere — after a comma or before one
 * ("Thank you, Said.", "Said, go ahead") — so a name that is also a word stays a name.
 */
function addressed(turns: readonly RawTurn[], name: string): boolean {
  const re = new RegExp(String.raw`(?:, ${name}(?=[.?!,])|(?:^|[.?!] )${name}, )`, 'u');
  return turns.some((t) => t.paragraphs.some((p) => re.test(p)));
}

/**
 * The hand-over before turn `i`: by the turn just before it, or — when an operator only opened
 * the line ("Your line is open") — by the moderator's turn before that. A journalist's own
 * preceding turn announces nobody.
 */
function announcementBefore(ctx: AttributionContext, i: number): Announcement | null {
  for (let j = i - 1; j >= 0 && j >= i - 2; j--) {
    const role = ctx.roleAt(j);
    if (role === 'journalist') return null;
    const a = ctx.announced(j);
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
