/**
 * Who asked: the reporter a moderator or spokesperson names at the end of the turn before a
 * question. The house styles, all read on real transcripts: a bare name closing the turn ("Said.",
 * "Humeyra?"), "Tracy Wilkinson, please.", "Simon Lewis, Reuters. Your question, please.", "Let's
 * next go to Ted Hesson from Reuters.", "let's go to the line now of Simon Lewis", "Go ahead, Said",
 * "Take a final question from Carsten Hoffmann, DPA", "Could we have Sarah Smith of the BBC,
 * please.", "Mr. Haboush, your line is open." And the White House's: a press secretary's "With that,
 * Zeke, kick it off." or "Hi, Andrea." on a call; the President's "Anne Gearan, Washington Post.",
 * "Nancy, CBS.", "Next question is — goes to Trevor of Reuters."; operators' and moderators' "We
 * have Trevor Hunnicutt from Reuters.", "Zeke Miller, you're open.", "Michael Shear, your line is
 * unmuted.", "Go to Jeff Mason at Reuters.", "We will go to Danny next." Only an announced name
 * counts; a question with none gets no askedBy from here.
 */

import { PLACES, PLACE_PHRASES } from './places.ts';
import { NAME_PARTICLES, NOT_A_NAME_WORDS, PLACE_INITIALS, OUTLET_NAMES_PATTERN, isOutlet, looksLikeOutlet } from './vocabulary.ts';

const PARTICLES = NAME_PARTICLES.join('|');
const WORD = String.raw`\p{Lu}[\p{L}\p{M}'’.-]*`;
const NAME = String.raw`${WORD}(?: (?:${WORD}|${PARTICLES})){0,3}`;
/** An honorific before a surname ("Ms. Hansler"): kept out of the name. */
const HON = String.raw`(?:(?:Mr|Ms|Mrs|Miss|Dr|Herr|Frau|Monsieur|Madame)\.? )?`;
const N = String.raw`${HON}(?<name>${NAME})`;
const LET = String.raw`(?:[Ll]et(?:'|’)s|[Ll]et me|[Ww]e(?:'|’)ll|I(?:'|’)ll|[Ww]e will|I will|[Ww]e can|[Ww]e(?:'|’)re going to|I(?:'|’)m going to|[Ww]e(?:'|’)d like to|[Ww]hy don(?:'|’)t we)`;
/**
 * Where a reporter writes, as a hand-over prints it: capitalized words, digits and a few joiners,
 * never across a comma ("Reuters", "Kyodo News", "TV2", "Asharq al Awsat").
 */
const OUT_WORD = String.raw`[\p{Lu}\d][\p{L}\p{M}\d'’.&-]*`;
const OUTLET = String.raw`${OUT_WORD}(?: (?:${OUT_WORD}|of|and|for|de|al|el|&)){0,6}`;
/** A name's outlet in running text: "… from Reuters", "… at Kyodo News", "…, DPA", "… of the BBC". */
const O = String.raw`(?:(?:,? (?:from|of|with|at) (?:the )?|, )(?<outlet>${OUTLET})(?=[,.?!]|$| please| [-–—] | on the line))?`;
/** After a name (and outlet) in running text: where the hand-over's phrase ends. */
const END = String.raw`(?= of\b| from\b| at\b| with\b|,|[.?!]?$| [-–—] | please| next[.?!]?$)`;
const LEAD = String.raw`(?:Yes|Yeah|Okay|OK|Sure|Right|Please|All right|Alright|And|Next|Then|So|(?:And|So),? with that|With that|Great|Thank you|Thanks|Hi|Hey|Hello|First up|Next up)`;
/** What a moderator says to a reporter whose line or turn is open: "your line is unmuted", "you’re open", "kick us off". */
const OPEN = String.raw`(?:(?:please,? )?go ahead|your line is (?:open|unmuted)|you(?:'|’)re (?:open|unmuted)|you should (?:now )?be (?:able to )?unmute|you(?:'|’)re up|you(?:'|’)re good to go|over to you|you(?:'|’)re next|you have the floor|(?:(?:do )?you )?(?:want to|wanna) kick|why don(?:'|’)t you kick|kick (?:it|us) off|you have (?:a|the|our)(?: last| next| final)? question)`;

export interface Announcement {
  /** The reporter; null when the hand-over names only an outlet ("Reuters, go ahead."). */
  name: string | null;
  /** The outlet as the hand-over states it, or null. */
  outlet: string | null;
  /** The name stood alone as the turn's last sentence ("Said."): the weakest kind of hand-over. */
  bare: boolean;
}

/** Announcements that name the next questioner, strongest first. Each captures `name`, some `outlet`. */
interface Shape {
  re: RegExp;
  bare?: true;
  needsOutlet?: true;
  outletLook?: true;
}
const ANNOUNCEMENTS: Shape[] = [
  { re: new RegExp(String.raw`\bline (?:now )?of (?:[-–—] let(?:'|’)s see [-–—] )?${N}${O}`, 'u') },
  { re: new RegExp(String.raw`\bgo (?:to )?the line (?:now )?(?:of )?${N}${O}`, 'u') },
  // "Our next question will come from Camilo.", "Our next question, and unfortunately our last, will go to Nadia."
  { re: new RegExp(String.raw`\b(?:question|questions)(?:, [^,]{1,40},)? (?:goes|go|will go|comes|come|will come|is going to (?:come|go)|is going|will be|is) (?:to|from) ${N}${O}`, 'u') },
  { re: new RegExp(String.raw`\b(?:[Tt]ake|[Hh]ave|[Hh]ear|[Gg]et) (?:a |the |our |one |that )?(?:final |last |next |first |quick |couple |more )?(?:question|questions) (?:from|with|by) ${N}${O}`, 'u') },
  // "Next question is Aamer Madhani from the AP.", "Next question is — goes to Trevor of Reuters.", "Next in queue is …".
  { re: new RegExp(String.raw`\b(?:[Ff]inal|[Ll]ast|[Nn]ext|[Ff]irst|[Ss]econd|[Tt]hird|[Aa]nother|[Qq]uick),? (?:[\p{Ll}-]+,? )?(?:question|in (?:the )?queue),? (?:(?:is|was) (?:[-–—] )?)?(?:to |from |by |for |goes to |is from |will be from |comes from )?${N}${O}`, 'u') },
  { re: new RegExp(String.raw`\b(?:Could|Can|May) we (?:have|hear from|go to) ${N}${O}(?= of\b| from\b|,|\.|\?| please)`, 'u') },
  { re: new RegExp(String.raw`\b${LET} (?:next |now |then |first |quickly )?(?:go|turn|move|come|start|begin)(?: over| back| off| now| next| first)? (?:to|with) ${N}${O}${END}`, 'u') },
  // "Go to Jeff Mason at Reuters.", "Okay, moving on to X from Y."
  { re: new RegExp(String.raw`(?:^(?:${LEAD},? )?[Gg]o|\b[Mm]oving on|\b[Mm]ove on) to ${N}${O}${END}`, 'u') },
  // "We have Trevor Hunnicutt from Reuters.", "First up, we will have Jonathan Cohn, Huffington Post.", "Next we have Jennifer Jacobs, Bloomberg News."
  { re: new RegExp(String.raw`^(?:${LEAD},? )?[Ww]e (?:do )?(?:have|will have|(?:'|’)ll have)(?: next)? ${N}${O}(?=[.?!]|$| on the line)`, 'u') },
  { re: new RegExp(String.raw`\b[Ww]e have ${N}${O} (?:back )?on the line`, 'u') },
  { re: new RegExp(String.raw`\b[Gg]o ahead,? ${N}${O}(?=[.?!,]|$)`, 'u') },
  { re: new RegExp(String.raw`\b[Oo]ver to ${N}${O}(?=[.?!,]|$)`, 'u') },
  { re: new RegExp(String.raw`^${LEAD},? ${N}${O}(?:,? (?:go ahead|please|you(?:'|’)re up|over to you))?[.?!]?$`, 'u') },
  { re: new RegExp(String.raw`(?:^(?:${LEAD},? )?|[.?!,] )${N}${O},? ${OPEN}`, 'u') },
  { re: new RegExp(String.raw`(?:^|[.?!,] )${N}(?:’s|'s) line is open`, 'u') },
  // "Kristin Becker, ARD.", "Matteo Alviti from the Channel 1 news, Rai.": a full name and where they write.
  { re: new RegExp(String.raw`^(?:\(Via interpreter\) )?(?:${LEAD},? )?(?<name>${WORD}(?: (?:${WORD}|${PARTICLES})){1,3})(?:,| from| of| with| at) (?:the )?(?<outlet>${OUTLET})(?:, ${OUTLET}){0,2}[.?!]?$`, 'u'), needsOutlet: true },
  // "Nancy, CBS.", "Maureen, USA Today.", "How about Jen Epstein, Bloomberg?": a first name and an outlet by its look.
  { re: new RegExp(String.raw`^(?:${LEAD},? |How about )?${N}(?:,| from| of| with| at) (?:the )?(?<outlet>${OUTLET})[.?!]$`, 'u'), needsOutlet: true, outletLook: true },
  // "Nike, last question.", "Said, final question.": the floor and how much of it is left.
  { re: new RegExp(String.raw`^(?:${LEAD},? )?${N}, (?:(?:the|our|a) )?(?:last|final|next|first) (?:question|one)[.?!]$`, 'u') },
  // A name alone closing the turn: "Said.", "Humeyra?", "Tracy Wilkinson, please."
  { re: new RegExp(String.raw`^${N}(?:,? (?:go ahead|please|you(?:'|’)re up))?[.?!]$`, 'u'), bare: true },
];

/**
 * An agency's own hand-over phrasing (`Agency.handOvers`), written with the core's name and outlet
 * parts: `handOver(String.raw\`\\b[Nn]ext caller,? ${HANDOVER_NAME}${HANDOVER_OUTLET}\`)`. It is
 * tried before the shared shapes and read the same way (an outlet alone, a place, a title are no
 * reporter).
 */
export const HANDOVER_NAME = N;
export const HANDOVER_OUTLET = O;
export function handOver(source: string): RegExp {
  const re = new RegExp(source, 'u');
  if (!source.includes('(?<name>')) throw new Error(`a hand-over pattern must capture the name: ${source}`);
  return re;
}

/** The hand-over at the end of `text`, or null; `extra` are the agency's own shapes. */
export function readAnnouncement(text: string, extra: readonly RegExp[] = []): Announcement | null {
  // Only the end of the turn hands over; look at its last two sentences.
  const sentences = text.split(/(?<=[.?!])\s+(?=[\p{Lu}"“(])/u);
  const tail = sentences.slice(-2);
  const shapes = extra.length ? [...extra.map((re) => ({ re })), ...ANNOUNCEMENTS] : ANNOUNCEMENTS;
  const last = tail.length > 1 ? readSentence(tail[1]!, true, shapes) : null;
  const before = readSentence(tail[0]!, tail.length === 1, shapes);
  if (!last) return before;
  // "For our next question we'll go to Phil Stewart from Reuters. Phil, you should be able to
  // unmute yourself.", "… Tamara with NPR. Tam, …": the sentence before gives the fuller form of the same person.
  if (before?.name && last.name && (before.name === last.name || before.name.split(' ')[0]!.startsWith(last.name))) {
    return { name: before.name, outlet: last.outlet ?? before.outlet, bare: false };
  }
  return last;
}

/** Thanks to the reporter who just asked ("Thank you, Kelly."): a hand-over only when nothing follows it. */
const THANKS = /^(?:(?:Okay|OK|All right|Great),? )?(?:Thank you|Thanks)\b/u;

function readSentence(raw: string, closing: boolean, shapes: readonly Shape[]): Announcement | null {
  const sentence = raw.trim().replace(/^\((?:Via interpreter|In [A-Z][a-z]+)\.?\)\s*/i, '');
  if (!closing && THANKS.test(sentence)) return null;
  for (const { re, bare, needsOutlet, outletLook } of shapes) {
    const m = re.exec(sentence);
    if (!m?.groups?.['name']) continue;
    let [rawName, rawOutlet] = [m.groups['name'], m.groups['outlet']?.replace(/[.,]+$/, '')];
    // "Wall Street Journal, William Mauldin.": the outlet came first.
    if (rawOutlet && looksLikeOutlet(rawName) && !looksLikeOutlet(rawOutlet)) [rawName, rawOutlet] = [rawOutlet.replace(/^(?:Herr|Frau|Mr\.?|Ms\.?|Mrs\.?) /, ''), rawName];
    const outlet = rawOutlet ? cleanOutlet(rawOutlet) : null;
    if (needsOutlet && !outlet) continue;
    if (outletLook && !looksLikeOutlet(outlet!)) continue;
    // With an outlet beside it, a name may open with a place ("Jordan Fabian, Bloomberg.") or
    // initials ("MJ with CNN").
    const name = clean(rawName, outlet !== null && looksLikeOutlet(outlet));
    if (name) return { name, outlet, bare: bare === true };
    // "NBC.", "Reuters, go ahead.": the outlet is called, not a person.
    const only = cleanOutlet(m.groups['name']);
    if (only && isOutlet(only)) return { name: null, outlet: only, bare: bare === true };
  }
  const first = OUTLET_FIRST.exec(sentence);
  if (first?.groups) {
    const name = first.groups['name'] ? clean(first.groups['name']) : null;
    return { name, outlet: first.groups['outlet']!, bare: false };
  }
  return null;
}

/** "Reuters, Michelle.", "AFP, go ahead.": an outlet the vocabulary knows, then maybe a name. */
const OUTLET_FIRST = new RegExp(
  String.raw`^(?:${LEAD},? )?(?:(?:the|The) )?(?<outlet>${OUTLET_NAMES_PATTERN})(?:,? (?<name>${NAME}))?(?:,? (?:go ahead|please|you(?:'|’)re up))?[.?!]$`,
  'u',
);

const PARTICLE = new RegExp(`^(?:${PARTICLES})$`);

function clean(raw: string, besideOutlet = false): string | null {
  let words = raw.replace(/[.,]+$/, '').replace(/[’']s$/, '').split(' ');
  // Cut a trailing particle the NAME pattern swallowed ("Shaun Tandon de").
  while (words.length > 1 && PARTICLE.test(words.at(-1)!)) words = words.slice(0, -1);
  if (NOT_A_NAME_WORDS.has(words[0]!)) return null;
  // "I’ll", "We’ll": a contraction, never a name ("… last question, I’ll turn it over to …").
  if (words.some((w) => /[’'](?:ll|re|ve|d|m)$/i.test(w))) return null;
  const place = PLACES.has(words[0]!.replace(/[’']s$/, '')) || (words.length > 1 && PLACE_PHRASES.test(words[0]!));
  if (place && !(besideOutlet && words.length > 1 && !PLACES.has(words.join(' ')))) return null;
  // An outlet or acronym ("NBC", "AFP"), not a person; two capitals beside an outlet are initials ("MJ Lee with CNN").
  // "U.S." — not "J.J." or "M.J." ("Go ahead, J.J.").
  if (words.some((w) => PLACE_INITIALS.has(w.replace(/\.$/, '')))) return null;
  if (words.some((w) => /^\p{Lu}{2,}(?:-[\p{Lu}\d]+)*\.?$/u.test(w) && !(besideOutlet && /^\p{Lu}{2}$/u.test(w) && !isOutlet(w)))) return null;
  // "J.J.", "Kelly O.": the period the sentence split off belongs to the initials.
  if (/^(?:\p{Lu}\.)*\p{Lu}$/u.test(words.at(-1)!) && (words.length > 1 || words[0]!.length > 1)) words[words.length - 1] += '.';
  const name = words.join(' ');
  if (isOutlet(name)) return null;
  return name.length >= 2 ? name : null;
}

function cleanOutlet(raw: string): string | null {
  const outlet = raw.replace(/[.,]+$/, '').trim();
  if (!outlet) return null;
  // "Washington Post" opens with a word that is no outlet alone.
  if ((PLACES.has(outlet) || NOT_A_NAME_WORDS.has(outlet.split(' ')[0]!)) && !looksLikeOutlet(outlet)) return null;
  return outlet;
}

export interface Questioner {
  name: string | null;
  outlet: string | null;
}

/** Words a reporter's outlet may hold besides capitalized ones ("Asharq al Awsat newspaper"). */
const OUTLET_JOINERS = String.raw`of|and|for|de|del|al|el|&|news|agency|newspaper|television|tv|radio|magazine|daily|channel|network|service|online|digital|media|journal|times|post|press`;
const FREE_OUTLET = String.raw`(?:the )?${OUT_WORD}(?: (?:${OUT_WORD}|${OUTLET_JOINERS})){0,7}`;
const FULL_NAME = String.raw`${WORD}(?: (?:${WORD}|${PARTICLES})){1,3}`;
const GREETING = String.raw`(?:(?:Hi|Hello|Hey|Yes|Yeah|Okay|Thank you|Thanks|Good (?:morning|afternoon|evening))(?:,? (?:so much|very much|sir|ma’am|ma'am|there|everyone|again|\p{Lu}[\p{L}’'.-]*)){0,3}[,.!] )`;
const INTRO = String.raw`(?:[Mm]y name is|[Tt]his is|I am|I’m|I'm)`;

/**
 * A reporter's introduction at the top of their question: "Hi, Shaun Tandon, AFP.", "Muath Alamri
 * from Asharq al Awsat newspaper.", "Hi, my name is Yangsoon Kim from KBS.", "I am Patricia from
 * SPC." The sentence must hold only the greeting, the name and the outlet (a place may follow:
 * "Jahanzaib Ali from ARY News, Pakistan."); a full name with an outlet, or any name after "my
 * name is"/"this is"/"I am".
 */
const SELF: RegExp[] = [
  new RegExp(String.raw`^${GREETING}?(?:${INTRO} )?(?<name>${FULL_NAME})(?:,| from| with| of| at) (?<outlet>${FREE_OUTLET})(?:, ${OUTLET}){0,2}[.!]?$`, 'u'),
  new RegExp(String.raw`^${GREETING}?${INTRO} (?<name>${NAME})(?:(?:,| from| with| of| at) (?<outlet>${FREE_OUTLET})(?:, ${OUTLET}){0,2})?[.!,]?$`, 'u'),
];

/** The introduction in the first three sentences of a question's first paragraph, or null. */
export function readSelfIntroduction(paragraph: string): Questioner | null {
  const sentences = paragraph.split(/(?<=[.?!])\s+/u).slice(0, 3);
  for (const sentence of sentences) {
    for (const re of SELF) {
      const m = re.exec(sentence.trim());
      if (!m?.groups?.['name']) continue;
      const name = clean(m.groups['name']);
      if (!name) continue;
      const outlet = m.groups['outlet'] ? cleanOutlet(m.groups['outlet'].replace(/^the /, '')) : null;
      return { name, outlet };
    }
  }
  return null;
}

/**
 * The one interviewer an interview's title names, and their outlet: "Secretary Blinken With
 * Andrea Mitchell of NBC", "… With Margaret Brennan of CBS’s Face the Nation" (outlet CBS), "… on
 * ABC’s This Week with George Stephanopoulos" (outlet ABC). Null for two interviewers ("with X
 * and Y") or none.
 */
export function readTitleInterviewer(title: string): Questioner | null {
  const text = title.replace(/\s+/g, ' ').trim();
  // "… with X of Y" (the last "with"), or the White House's "Interview of … by X, “Outlet”".
  let at = text.search(/ [Ww]ith (?!.* [Ww]ith )/u);
  let skip = 6;
  if (at < 0 && /^Interview\b/.test(text)) ((at = text.search(/ by (?!.* by )/u)), (skip = 4));
  if (at < 0) return null;
  const after = text.slice(at + skip);
  const m = new RegExp(String.raw`^(?<name>${FULL_NAME})(?<rest>.*)$`, 'u').exec(after);
  if (!m?.groups) return null;
  // NAME takes capitalized words only, so "of", "on" and "and" end it.
  const rest = m.groups['rest']!.trim();
  if (/^(?:and|&|,)\s/.test(rest) && !/^, [“"]/.test(rest)) {
    // Several interviewers ("With Mika Brzezinski and Willie Geist of MSNBC’s Morning Joe"): the outlet only.
    const outlet = / of (?:the )?(?<outlet>[^,]+?)(?:(?:’s|'s)\b.*)?$/u.exec(rest)?.groups?.['outlet'];
    return outlet ? { name: null, outlet } : null;
  }
  const name = clean(m.groups['name']!);
  if (!name) return null;
  const of = /^(?:of|from) (?:the )?(?<outlet>.+?)(?: on .*)?$/u.exec(rest)?.groups?.['outlet'];
  const quoted = /^, [“"](?<outlet>[^”"]+)[”"]$/u.exec(rest)?.groups?.['outlet'];
  const before = text.slice(0, at + 1);
  const on =
    new RegExp(String.raw`\b[Oo]n (?<outlet>[\p{Lu}\d][\p{L}\p{M}\d&.-]*(?: [\p{Lu}\d][\p{L}\p{M}\d&.-]*){0,3})(?:’s|'s) `, 'u').exec(before)?.groups?.['outlet'] ??
    new RegExp(String.raw`\b[Oo]n (?<outlet>${OUTLET_NAMES_PATTERN})\b`, 'u').exec(before)?.groups?.['outlet'];
  let outlet = of ?? quoted ?? on ?? null;
  if (outlet) outlet = outlet.replace(/(?:’s|'s)\b.*$/u, '').trim() || null;
  return { name, outlet };
}
