/**
 * Speaker labels. A label is an upper-case name or title followed by a colon at the start of a
 * paragraph ("MR PRICE:", "SENIOR STATE DEPARTMENT OFFICIAL ONE:", "FOREIGN MINISTER LE DRIAN:").
 * Set in bold it is trusted; in plain text it must also look like a label, because upper-case
 * words and a colon also open quotations ("SENATOR ROMNEY: “President Putin…”") and notes.
 */
import type { Block } from '../extract/blocks.ts';
import type { SpeakerRules } from '../agencies/types.ts';

/**
 * The default label shape: up to nine upper-case words (letters with marks, digits, periods,
 * apostrophes, hyphens; a few lower-case name particles), an optional stray `*`, then a colon.
 * At most two leading non-letters are tolerated: a real page has "`MR PRICE:".
 */
export const LABEL =
  /^[^\p{L}\d]{0,2}(?<label>\p{Lu}[\p{Lu}\p{M}\d.'’-]*(?: +(?:\p{Lu}[\p{Lu}\p{M}\d.'’-]*|&|de|del|la|le|al|bin|van|von|der|du|da|dos|el)){0,8}) ?\*? ?:(?= |$)/u;

/** First words that make an unbolded upper-case run with a colon a believable speaker label. */
const LABEL_HEADS = new Set([
  'Q', 'QUESTION', 'QUESTIONER', 'MODERATOR', 'OPERATOR', 'INTERPRETER', 'TRANSLATOR', 'PARTICIPANT', 'STAFF',
  'AUDIENCE', 'REPORTER', 'PRESS', 'MR', 'MS', 'MRS', 'MISS', 'DR', 'SECRETARY', 'DEPUTY', 'UNDER', 'ASSISTANT',
  'FOREIGN', 'PRIME', 'PRESIDENT', 'VICE', 'AMBASSADOR', 'SENATOR', 'SENIOR', 'SPECIAL', 'HIGH', 'MINISTER',
  'GENERAL', 'GEN', 'ADMIRAL', 'ADM', 'COLONEL', 'COL', 'LIEUTENANT', 'LT', 'MAJOR', 'CAPTAIN', 'CAPT', 'SEC',
  'CHAIRMAN', 'CHAIR', 'PREMIER', 'ACTING', 'PRINCIPAL', 'SPOKESPERSON', 'SPOKESMAN', 'ADMINISTRATOR',
  'DIRECTOR', 'COORDINATOR', 'CHANCELLOR', 'KING', 'QUEEN', 'PRINCE', 'SHEIKH', 'GOVERNOR', 'MAYOR',
  'REPRESENTATIVE', 'CONGRESSMAN', 'CONGRESSWOMAN', 'ENVOY', 'COMMISSIONER', 'ATTORNEY', 'JUDGE', 'JUSTICE',
  'SECRETARY-GENERAL', 'PRESIDENT-ELECT', 'FIRST', 'EXTERNAL', 'HIS', 'HER', 'SIR', 'DAME', 'LORD',
  // White House house style: staff and hosts ("AIDE:", "SPEAKER JOHNSON:", "SURGEON GENERAL MURTHY:").
  'AIDE', 'AIDES', 'PARTICIPANTS', 'SPEAKER', 'LEADER', 'MAJORITY', 'MINORITY', 'CHIEF', 'SURGEON', 'REVEREND', 'REV',
  'PASTOR', 'RABBI', 'BISHOP', 'CARDINAL', 'DELEGATE', 'COMMANDER', 'SERGEANT', 'SGT',
]);

/**
 * Words that may stand before a head without being one: "THE PRESIDENT", "THE VICE PRESIDENT",
 * "THE FIRST LADY", "STATE REPRESENTATIVE JONES", "FORMER PRESIDENT OBAMA".
 */
const LABEL_QUALIFIERS = new Set(['THE', 'STATE', 'FORMER']);

/** Labels that end in who the speaker is, whatever comes first: "POLISH AIDE", "ZAMBIAN OFFICIAL". */
const LABEL_TAIL = /\b(?:OFFICIALS?|AIDES?|STAFFERS?|CREW MEMBERS?)(?: (?:ONE|TWO|THREE|FOUR|FIVE|SIX|\d))?$/;

/**
 * Labels of a head of state or government: "THE PRESIDENT", "PRESIDENT RUTO", "THE VICE PRESIDENT",
 * "PRIME MINISTER KISHIDA". A principal who calls on reporters between answers at a press
 * conference or a cabinet meeting is still the one answering, never the moderator.
 */
export const PRINCIPAL = /^(?:THE )?(?:VICE )?(?:PRESIDENT|PRIME MINISTER|CHANCELLOR|PREMIER)\b/;

/** Every word the vocabulary knows in a label: heads, qualifiers and the words that end one. */
export const LABEL_WORDS: ReadonlySet<string> = new Set([
  ...LABEL_HEADS, ...LABEL_QUALIFIERS, 'OFFICIAL', 'OFFICIALS', 'STAFFER', 'STAFFERS', 'MEMBER', 'MEMBERS', 'CREW',
]);

export function isLabelWord(word: string): boolean {
  return LABEL_WORDS.has(word);
}

/** Normalizes a printed label: upper case, no colon, honorific periods dropped, spaces folded. */
export function normalizeLabel(printed: string): string {
  let normal = normalized.get(printed);
  if (normal === undefined) {
    normal = printed
      .replace(/^[^\p{L}\d]+/u, '')
      .replace(/[\s*]*:?\s*$/u, '')
      .toLocaleUpperCase('en-US')
      .replace(/\b(MR|MS|MRS|DR|SEC|GEN|LT|COL|ADM|CAPT|SGT|AMB|REP|SEN|GOV|PRES|HON|ST)\.(?=\s|$)/g, '$1')
      .replace(/\s+/g, ' ')
      .trim();
    // A document repeats a handful of labels hundreds of times; the cap bounds a long run.
    if (normalized.size >= 10_000) normalized.clear();
    normalized.set(printed, normal);
  }
  return normal;
}
const normalized = new Map<string, string>();

export interface LabelMatch {
  /** Normalized label (the turn's `speaker`). */
  speaker: string;
  /** The paragraph text after the label. */
  rest: string;
  /** True when the label was set off in bold. */
  structural: boolean;
}

/** A label-shaped opening, before deciding whether this document's speakers make it a label. */
export interface LabelCandidate extends LabelMatch {
  /** Bold, a bare label, or an unbolded run that reads as a label on its own. */
  trusted: boolean;
}

/**
 * Whether a candidate is a label, given `known`: the labels this document set in bold, so the same
 * speaker printed without bold later is still a label.
 */
export function acceptLabel(c: LabelCandidate, known: ReadonlySet<string>): boolean {
  return c.trusted || known.has(c.speaker);
}

/**
 * Whether an untrusted one-word label is a bare surname ("LEAVITT:", "BLINKEN:"): only on the
 * document's own evidence — the surname of another label it prints ("MS. LEAVITT:"), or the
 * surname of a full name in its title or byline ("… Press Secretary Karoline Leavitt"). A lone
 * upper-case word with a colon is otherwise a heading or a shout ("NOTE:", "WASHINGTON:").
 */
export function isBareSurname(c: LabelCandidate, surnames: ReadonlySet<string>): boolean {
  return !c.trusted && /^[\p{Lu}][\p{Lu}\p{M}'’-]+$/u.test(c.speaker) && surnames.has(c.speaker);
}

/** The label-shaped opening of `block`, or null; independent of the rest of the document. */
export function labelCandidate(block: Block, rules: SpeakerRules): LabelCandidate | null {
  const text = block.text;
  for (const bare of rules.bareLabels ?? []) {
    const m = bare.pattern.exec(text);
    if (m) return { speaker: bare.speaker, rest: text.slice(m[0].length).trim(), structural: block.boldPrefix > 0, trusted: true };
  }
  const m = rules.label.exec(text);
  if (!m?.groups?.['label']) return null;
  const speaker = normalizeLabel(m.groups['label']);
  if (!speaker || rules.notLabels.some((re) => re.test(speaker))) return null;
  const labelEnd = m.index + m[0].indexOf(m.groups['label']) + m.groups['label'].length;
  const structural = block.boldPrefix >= labelEnd;
  return { speaker, rest: text.slice(m[0].length).trim(), structural, trusted: structural || looksLikeLabel(speaker) };
}

/** Whether an unbolded upper-case run reads as a speaker label rather than a heading or a shout. */
export function looksLikeLabel(speaker: string): boolean {
  const words = speaker.split(' ');
  if (words.length > 8) return false;
  if (LABEL_HEADS.has(words[0]!)) return true;
  if (LABEL_QUALIFIERS.has(words[0]!) && words.length <= 5 && LABEL_HEADS.has(words[1] ?? '')) return true;
  return LABEL_TAIL.test(speaker);
}
