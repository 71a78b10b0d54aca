/**
 * Participants: one per distinct speaker, with the full name where the page gives it and a role.
 * Names come from the bylines and the title ("Secretary Antony J. Blinken and Estonian Prime
 * Minister Kaja Kallas…"), matched by surname; a label that spells out a full name
 * ("PRESS SECRETARY JOHN F. KIRBY") names itself, and shorter labels of the same surname
 * ("MR KIRBY") become its aliases.
 */
import type { Participant, Role } from '../schema/types.ts';
import type { SpeakerRules } from '../agencies/types.ts';

/** Words in a label that are titles, not names. */
const TITLE_WORDS = new Set([
  'MR', 'MS', 'MRS', 'MISS', 'DR', 'SECRETARY', 'DEPUTY', 'UNDER', 'ASSISTANT', 'FOREIGN', 'PRIME', 'PRESIDENT',
  'VICE', 'AMBASSADOR', 'SENATOR', 'SENIOR', 'SPECIAL', 'HIGH', 'MINISTER', 'GENERAL', 'GEN', 'ADMIRAL', 'ADM',
  'COLONEL', 'COL', 'LIEUTENANT', 'LT', 'MAJOR', 'CAPTAIN', 'CAPT', 'SEC', 'CHAIRMAN', 'CHAIR', 'PREMIER', 'ACTING',
  'PRINCIPAL', 'SPOKESPERSON', 'SPOKESMAN', 'ADMINISTRATOR', 'DIRECTOR', 'COORDINATOR', 'CHANCELLOR', 'KING',
  'QUEEN', 'PRINCE', 'SHEIKH', 'GOVERNOR', 'MAYOR', 'REPRESENTATIVE', 'CONGRESSMAN', 'CONGRESSWOMAN', 'ENVOY',
  'COMMISSIONER', 'ATTORNEY', 'JUDGE', 'JUSTICE', 'PRESS', 'EXTERNAL', 'AFFAIRS', 'DEFENSE', 'STATE', 'OF', 'FOR',
  'THE', 'AND', 'CABINET', 'FIRST', 'LADY', 'SECRETARY-GENERAL', 'PRESIDENT-ELECT', 'HIS', 'HER', 'EXCELLENCY',
  'HONORABLE', 'SIR', 'DAME', 'LORD', 'REAR', 'ARMY', 'NAVY', 'AIR', 'FORCE', 'MARINE', 'CORPS', 'STAFF',
  'NATIONAL', 'SECURITY', 'ADVISOR', 'ADVISER', 'COUNSELOR', 'CHIEF', 'HEAD', 'OFFICIAL', 'OFFICIALS', 'ONE',
  'TWO', 'THREE', 'FOUR', 'FIVE', 'NUMBER', 'ENVIRONMENT', 'INDUSTRY', 'ECONOMY', 'TRADE', 'FINANCE', 'DEFENCE', 'INTERIOR', 'HEALTH', 'EDUCATION', 'ENERGY', 'GENERAL-SECRETARY', 'QUESTION', 'MODERATOR', 'OPERATOR', 'INTERPRETER', 'PARTICIPANT', 'Q',
  'ADMINISTRATIVE', 'EU', 'UN', 'NATO', 'US', 'U.S.', 'UK', 'DEPARTMENT', 'ADMINISTRATION', 'WHITE', 'HOUSE', 'SEN', 'REP', 'GOV',
]);

/** Title-case words that precede a name in running text and are not part of it. */
const TITLE_CASE_STOP = /^(?:Secretary|Minister|Ambassador|President|Premier|Chancellor|Senator|Governor|Director|Envoy|Coordinator|Administrator|Representative|Spokesperson|Spokesman|Advisor|Adviser|General|Admiral|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Sheikh|King|Queen|Prince|With|and|And|of|Of|the|The|on|On|at|At|for|For|by|By|Deputy|Assistant|Under|Acting|Foreign|Prime|Vice|High|Special|Principal|Press|Chief|Counselor|Commissioner|Cabinet|External|Affairs|Defense|State|Homeland|Security|Commerce|Department|Kingdom|Republic|Minister’s|Secretary’s|Dr|Excellency|Ministers|Doctors|Drs\.?|PM|Madam|Madame|Congresswoman|Congressman|Mayor|Justice|Whip|I’m|I'm)$/;

export interface SpeakerFacts {
  speaker: string;
  turns: number;
  /** Median words per turn. */
  medianWords: number;
  /** Share of this speaker's turns that are followed by a journalist's turn. */
  handsToJournalist: number;
}

/** Role by the agency's label rules; labels matching none are officials. */
export function roleOf(speaker: string, rules: SpeakerRules): Role {
  for (const r of rules.roles) if (r.pattern.test(speaker)) return r.role;
  return 'official';
}

const NO_WORDS: ReadonlySet<string> = new Set();

/**
 * The words of a label that are a name: "FOREIGN MINISTER LE DRIAN" -> ["LE", "DRIAN"].
 * `agencyTitles` adds an adapter's own title words (`SpeakerRules.titleWords`).
 */
export function nameWords(speaker: string, agencyTitles: ReadonlySet<string> = NO_WORDS): string[] {
  const isTitle = (w: string) => TITLE_WORDS.has(w) || agencyTitles.has(w);
  const words = speaker.split(' ');
  let i = 0;
  while (i < words.length && isTitle(words[i]!)) i++;
  const rest = words.slice(i);
  return rest.some((w) => !isTitle(w)) ? rest : [];
}

/**
 * Finds the full name for a label's name words in the given texts: the surname preceded by up to
 * three name-like words ("Antony J. Blinken"). Null when the texts never mention it.
 */
export function findName(
  words: readonly string[],
  texts: readonly string[] | NameTexts,
  agencyTitles: ReadonlySet<string> = NO_WORDS,
): string | null {
  if (words.length === 0) return null;
  const sources = texts instanceof NameTexts ? texts : new NameTexts(texts);
  // Labels are upper case, running text is not: the surname is matched case- and accent-insensitively.
  const needle = fold(words.join(' ')).toLowerCase();
  for (const { text, lower } of sources.entries) {
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      if (LETTER.test(lower[at - 1] ?? ' ') || LETTER.test(lower[end] ?? ' ')) continue;
      const given = text.slice(0, at).trimEnd().split(' ').slice(-3);
      // Keep only the name-like words nearest the surname: "Management and Resources Brian P.
      // McKeon" -> "Brian P." (at most two given names plus initials).
      const kept: string[] = [];
      for (let k = given.length - 1; k >= 0; k--) {
        const token = given[k]!;
        if (!GIVEN.test(token) || TITLE_CASE_STOP.test(token) || NOT_GIVEN.test(token)) break;
        if (agencyTitles.has(token.toUpperCase())) break; // "Maj. Gen. Pat Ryder" is Pat Ryder
        if (!INITIAL.test(token) && kept.filter((t) => !INITIAL.test(t)).length >= 2) break;
        kept.unshift(token);
      }
      if (kept.length === 0 && words.length === 1) continue; // a bare surname is not a full name
      return [...kept, text.slice(at, end)].join(' ').replace(/[,;:]$/, '');
    }
  }
  return null;
}

/** Texts to find names in, folded and lower-cased once per transcript. */
export class NameTexts {
  readonly entries: { text: string; lower: string }[];
  constructor(texts: readonly string[]) {
    this.entries = [];
    for (const text of texts) {
      const lower = fold(text).toLowerCase();
      // Lower-casing keeps offsets for all but a few letters (İ); skip a text where it would not.
      if (lower.length === text.length) this.entries.push({ text, lower });
    }
  }
}

const LETTER = /[\p{L}\p{M}]/u;
const INITIAL = /^\p{Lu}\.$/u;

/** A capitalized word, an initial, or a name particle. */
const GIVEN = /^(?:\p{Lu}[\p{L}\p{M}’'.-]*|de|van|von|al|bin|el|da)$/u;

/** Capitalized words that are offices, topics or places in titles, not given names. */
const NOT_GIVEN =
  /^(?:Resources|Management|Affairs|Refugees|Force|Task|Triangle|Northern|Southern|Defeat|ISIS|Conversation|Youth|Industry|Environment|Economy|Trade|Number|Humanitarian|Security|Health|Global|Human|Rights|Labor|Democracy|Energy|Climate|Report|Release|Release|Launch|Initiative|Summit|Meeting|Dialogue|Program|Office|Bureau|Agency|Council|Union|Nations|States|United|Kingdom|Republic|People’s|Democratic|Federal|Foreign|Secretary’s|Minister’s|Upcoming|Travel|Trip|Visit|Remarks|Briefing|Special|Press|Availability|Joint|Statement|Interview|Discussion|Panel|Roundtable|Event|Ceremony|Celebration|Centennial|Conference|Forum|Week|This|With|Before|After|During|At|On|In|Of|And|The|Day|Morning|Evening|News|Tonight|Nation|Union|Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Envoy|Coordinator|Administrator|Representative|Advisor|Director|Counselor|Chief|Under|Deputy|Assistant|Acting|Principal|Ambassador|President|Premier|Chancellor|General|Admiral|Senator|Governor|Operations|Stabilization|Services)$/;

/** Title-cases a label's name words when no text spells the name: "JOHN F. KIRBY" -> "John F. Kirby". */
export function titleCase(words: readonly string[]): string {
  return words
    .map((w) => w.toLowerCase().replace(/(^|[-’'])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase()))
    .join(' ');
}

/** Where a participant's name was read (`Participant.nameFrom`). */
export type NameSource = NonNullable<Participant['nameFrom']>;

/**
 * The texts names are looked for in, most reliable first: the bylines ("Ned Price, Department
 * Spokesperson"), the title, the preamble, then the spoken text, where a moderator introduces the
 * briefer ("our briefer today is Ms. Susan Cleary"). A text list alone counts as bylines.
 */
export type NameSources = Partial<Record<Exclude<NameSource, 'label'>, readonly string[]>>;

const SOURCE_ORDER = ['byline', 'title', 'preamble', 'turns'] as const;

/**
 * Builds participants in order of first appearance, merging labels that name the same person
 * (same surname, one label spelling the full name); a misprinted label (`readsAs`) joins the one it
 * reads as.
 */
export function buildParticipants(
  speakers: readonly string[],
  roles: ReadonlyMap<string, Role>,
  texts: readonly string[] | NameSources,
  agencyTitles: ReadonlySet<string> = NO_WORDS,
  readsAs: ReadonlyMap<string, string> = new Map(),
): { participants: Participant[]; canonical: Map<string, string> } {
  const participants: Participant[] = [];
  const canonical = new Map<string, string>();
  const given: NameSources = Array.isArray(texts) ? { byline: texts } : (texts as NameSources);
  const sources = SOURCE_ORDER.filter((k) => given[k]?.length).map((k) => [k, new NameTexts(given[k]!)] as const);
  const named = (p: Participant, found: { name: string; from: NameSource } | null) => {
    if (!found) return;
    p.name = found.name;
    p.nameFrom = found.from;
  };
  const bySurname = new Map<string, Participant>();
  const byLabel = new Map<string, Participant>();
  // Misprinted labels last, so the label they read as is already a participant they can join.
  const ordered = [...speakers.filter((s) => !readsAs.has(s)), ...speakers.filter((s) => readsAs.has(s))];
  for (const speaker of ordered) {
    const reading = readsAs.get(speaker);
    const read = reading ? byLabel.get(canonical.get(reading) ?? reading) : undefined;
    if (read) {
      (read.aliases ??= []).push(speaker);
      canonical.set(speaker, read.label);
      continue;
    }
    const words = nameWords(reading ?? speaker, agencyTitles);
    const surname = words.at(-1);
    const role = roles.get(speaker) ?? 'other';
    const found = surname ? bySurname.get(surname) : undefined;
    // A bare surname label ("LEAVITT") joins a longer one of the same surname, in either order.
    if (found && found.role === role && (speaker.includes(' ') || found.label.includes(' '))) {
      (found.aliases ??= []).push(speaker);
      canonical.set(speaker, found.label);
      if (!found.name) named(found, nameFor(words, sources, agencyTitles));
      continue;
    }
    const p: Participant = { label: speaker, name: null, role };
    named(p, nameFor(words, sources, agencyTitles));
    participants.push(p);
    byLabel.set(speaker, p);
    canonical.set(speaker, speaker);
    if (surname && role !== 'journalist') bySurname.set(surname, p);
  }
  // Keys in schema order: records are compared as JSON (revisions/observe.ts) with stored ones.
  const inSchemaOrder = participants.map(({ label, aliases, name, nameFrom, role }): Participant => ({
    label, ...(aliases ? { aliases } : {}), name, ...(nameFrom ? { nameFrom } : {}), role,
  }));
  return { participants: inSchemaOrder, canonical };
}

function nameFor(
  words: readonly string[],
  sources: readonly (readonly [NameSource, NameTexts])[],
  agencyTitles: ReadonlySet<string>,
): { name: string; from: NameSource } | null {
  if (words.length === 0) return null;
  for (const [from, texts] of sources) {
    // A label that spells the full name is the agency's own print: it outranks a mention in speech.
    if (from === 'turns' && words.length >= 2) break;
    const name = findName(words, texts, agencyTitles);
    // Spoken text is not edited like a header: "the senior administrative official" is no name.
    if (name && (from !== 'turns' || name.split(' ').every((w) => /^\p{Lu}(?:\.|.*\p{Ll})/u.test(w)))) return { name, from };
  }
  return words.length >= 2 ? { name: titleCase(words), from: 'label' } : null;
}

/**
 * Strips accents from precomposed Latin letters one UTF-16 unit for one, so offsets in the folded
 * string are offsets in the original ("LIPAVSKY" finds "Lipavský").
 */
function fold(s: string): string {
  return s.replace(/[\u00C0-\u024F\u1E00-\u1EFF]/g, (c) => c.normalize('NFD')[0] ?? c);
}
