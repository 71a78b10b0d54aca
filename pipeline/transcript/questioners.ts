/**
 * Who asked: the reporter a moderator or spokesperson names at the end of the turn before a
 * question. The house styles, all read on real transcripts: a bare name closing the turn ("Said.",
 * "Humeyra?"), "Tracy Wilkinson, please.", "Simon Lewis, Reuters. Your question, please.", "Let's
 * next go to Ted Hesson from Reuters.", "let's go to the line now of Simon Lewis", "Go ahead, Said",
 * "Take a final question from Carsten Hoffmann, DPA", "Could we have Sarah Smith of the BBC,
 * please.", "Mr. Haboush, your line is open." Only an announced name counts; a question with none
 * gets no askedBy from here.
 */

import { PLACES, PLACE_PHRASES } from './places.ts';
import { NAME_PARTICLES, NOT_A_NAME_WORDS } from './vocabulary.ts';

const PARTICLES = NAME_PARTICLES.join('|');
const WORD = String.raw`\p{Lu}[\p{L}\p{M}'’.-]*`;
const NAME = String.raw`${WORD}(?: (?:${WORD}|${PARTICLES})){0,3}`;
/** An honorific before a surname ("Ms. Hansler"): kept out of the name. */
const HON = String.raw`(?:(?:Mr|Ms|Mrs|Miss|Dr)\.? )?`;
const N = String.raw`${HON}(?<name>${NAME})`;
const LET = String.raw`(?:[Ll]et(?:'|’)s|[Ll]et me|[Ww]e(?:'|’)ll|I(?:'|’)ll|[Ww]e will|I will|[Ww]e can|[Ww]e(?:'|’)re going to|I(?:'|’)m going to|[Ww]e(?:'|’)d like to|[Ww]hy don(?:'|’)t we)`;
/** Where a reporter writes, as a hand-over prints it: "Reuters", "the Channel 1 news, Rai". */
const OUT_WORD = String.raw`[\p{Lu}\d][\p{L}\p{M}\d'’.&-]*`;
const OUTLET = String.raw`(?:the )?${OUT_WORD}(?:,? (?:${OUT_WORD}|the|of|and|for|de|news|agency|&)){0,7}`;
/** After a name in running text: where the name ends. */
const END = String.raw`(?= of\b| from\b| at\b| with\b|, |[.?!]?$| [-–—] )`;

export interface Announcement {
  name: string;
  /** The name stood alone as the turn's last sentence ("Said."): the weakest kind of hand-over. */
  bare: boolean;
}

/** Announcements that name the next questioner, strongest first. Each captures `name`. */
const ANNOUNCEMENTS: { re: RegExp; bare?: true }[] = [
  { re: new RegExp(String.raw`\bline (?:now )?of (?:[-–—] let(?:'|’)s see [-–—] )?${N}`, 'u') },
  { re: new RegExp(String.raw`\bgo (?:to )?the line (?:now )?(?:of )?${N}`, 'u') },
  { re: new RegExp(String.raw`\b(?:question|questions) (?:goes|go|will go|comes|come|is going|will be|is) (?:to|from) ${N}`, 'u') },
  { re: new RegExp(String.raw`\b(?:[Tt]ake|[Hh]ave|[Hh]ear|[Gg]et) (?:a |the |our |one |that )?(?:final |last |next |first |quick |couple |more )?(?:question|questions) (?:from|with|by) ${N}`, 'u') },
  { re: new RegExp(String.raw`\b(?:[Ff]inal|[Ll]ast|[Nn]ext|[Ff]irst|[Ss]econd|[Tt]hird|[Aa]nother|[Qq]uick),? (?:[\p{Ll}-]+,? )?question,? (?:to |from |by |goes to |is from |will be from |comes from )?${N}`, 'u') },
  { re: new RegExp(String.raw`\b(?:Could|Can|May) we (?:have|hear from|go to) ${N}(?= of\b| from\b|,|\.|\?| please)`, 'u') },
  { re: new RegExp(String.raw`\b${LET} (?:next |now |then |first |quickly )?(?:go|turn|move|come|start|begin)(?: over| back| off| now| next)? (?:to|with) ${N}${END}`, 'u') },
  { re: new RegExp(String.raw`\b[Ww]e have ${N} (?:back )?on the line`, 'u') },
  { re: new RegExp(String.raw`\b[Gg]o ahead,? ${N}(?=[.?!,]|$)`, 'u') },
  { re: new RegExp(String.raw`\b[Oo]ver to ${N}(?=[.?!,]|$)`, 'u') },
  { re: new RegExp(String.raw`^(?:Yes|Yeah|Okay|OK|Sure|Right|Please|All right|Alright|And|Next|Then|So|With that|Great),? ${N}(?:,? (?:go ahead|please|you(?:'|’)re up|over to you))?[.?!]?$`, 'u') },
  { re: new RegExp(String.raw`(?:^|[.?!,] )${N},? (?:go ahead|your line is open|over to you|you(?:'|’)re next|you have the floor)`, 'u') },
  // "Kristin Becker, ARD.", "Matteo Alviti from the Channel 1 news, Rai.": a full name and where they write.
  { re: new RegExp(String.raw`^(?:\(Via interpreter\) )?(?<name>${WORD}(?: (?:${WORD}|${PARTICLES})){1,3})(?:,| from| of) ${OUTLET}[.?!]?$`, 'u') },
  // A name alone closing the turn: "Said.", "Humeyra?", "Tracy Wilkinson, please."
  { re: new RegExp(String.raw`^${N}(?:,? (?:go ahead|please|you(?:'|’)re up))?[.?!]$`, 'u'), bare: true },
];

/** The reporter named at the end of `text` (the turn before a question), or null. */
export function announcedQuestioner(text: string): string | null {
  return readAnnouncement(text)?.name ?? null;
}

/** The hand-over at the end of `text`, or null. */
export function readAnnouncement(text: string): Announcement | null {
  // Only the end of the turn hands over; look at its last two sentences.
  const sentences = text.split(/(?<=[.?!])\s+(?=[\p{Lu}"“(])/u);
  const tail = sentences.slice(-2);
  for (let i = tail.length - 1; i >= 0; i--) {
    const sentence = tail[i]!.trim();
    for (const { re, bare } of ANNOUNCEMENTS) {
      const m = re.exec(sentence);
      const name = m?.groups?.['name'] ? clean(m.groups['name']) : null;
      if (name) return { name, bare: bare === true };
    }
  }
  return null;
}

const PARTICLE = new RegExp(`^(?:${PARTICLES})$`);

function clean(raw: string): string | null {
  let words = raw.replace(/[.,]+$/, '').split(' ');
  // Cut a trailing particle the NAME pattern swallowed ("Shaun Tandon de").
  while (words.length > 1 && PARTICLE.test(words.at(-1)!)) words = words.slice(0, -1);
  if (NOT_A_NAME_WORDS.has(words[0]!)) return null;
  if (PLACES.has(words[0]!.replace(/[’']s$/, '')) || (words.length > 1 && PLACE_PHRASES.test(words[0]!))) return null;
  // An outlet or acronym ("NBC", "AFP"), not a person.
  if (words.some((w) => /^\p{Lu}{2,}\.?$/u.test(w))) return null;
  const name = words.join(' ');
  return name.length >= 2 ? name : null;
}
