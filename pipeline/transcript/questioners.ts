/**
 * Who asked: the reporter a moderator or spokesperson names just before a question —
 * "let's go to the line of Shaun Tandon", "Go ahead, Said", "Michel?", "Take a final question
 * from Carsten Hoffmann, DPA", "Could we have Sarah Smith of the BBC, please." Only an announced
 * name counts; a question with none gets no askedBy.
 */

import { PLACES, PLACE_PHRASES } from './places.ts';

const NAME = String.raw`\p{Lu}[\p{L}\p{M}'’.-]*(?: (?:\p{Lu}[\p{L}\p{M}'’.-]*|de|da|van|von|al|el|bin|dos|del|la|le)){0,3}`;

/** Announcements that name the next questioner, strongest first. Each captures `name`. */
const ANNOUNCEMENTS: RegExp[] = [
  new RegExp(String.raw`\bline of (?<name>${NAME})`, 'u'),
  new RegExp(String.raw`\b(?:question|questions) (?:goes|go|will go|comes|come|is going) (?:to|from) (?<name>${NAME})`, 'u'),
  new RegExp(String.raw`\b(?:[Tt]ake|[Hh]ave|[Hh]ear|[Gg]et) (?:a |the |our |one )?(?:final |last |next |first |quick |couple )?(?:question|questions) (?:from|with) (?<name>${NAME})`, 'u'),
  new RegExp(String.raw`\b(?:Could|Can|May) we (?:have|hear from|go to) (?<name>${NAME})(?= of\b| from\b|,|\.|\?| please)`, 'u'),
  new RegExp(String.raw`\b(?:[Ll]et(?:'|’)s|[Ll]et me|[Ww]e(?:'|’)ll|I(?:'|’)ll|[Ww]e will|I will|[Ww]e can|[Ww]e(?:'|’)re going to|I(?:'|’)m going to|[Ww]e(?:'|’)d like to) (?:go|turn|move|come)(?: over| back)? to (?<name>${NAME})(?= of\b| from\b| at\b| with\b|, (?:with|from|of|at|please|go ahead)|[.?!]?$)`, 'u'),
  new RegExp(String.raw`\b[Gg]o ahead,? (?<name>${NAME})(?=[.?!,]|$)`, 'u'),
  new RegExp(String.raw`^(?:Yes|Yeah|Okay|OK|Sure|Right|Please|All right|Alright|And|Next|Then),? (?<name>${NAME})(?:,? (?:go ahead|please|you(?:'|’)re up|over to you))?[.?!]?$`, 'u'),
  new RegExp(String.raw`^(?<name>${NAME})(?:,? (?:go ahead|please|you(?:'|’)re up))?\?$`, 'u'),
  new RegExp(String.raw`(?:^|[.?!,] )(?<name>${NAME}),? go ahead`, 'u'),
  new RegExp(String.raw`\b(?:[Ff]inal|[Ll]ast|[Nn]ext|[Ff]irst) question,? (?:to |from |goes to |is from )?(?<name>${NAME})`, 'u'),
];

/** First words that are never a reporter's name in these phrases. */
const NOT_A_NAME =
  /^(?:Please|Thanks|Thank|Yes|Yeah|Okay|OK|Ok|Sure|Go|Next|Everyone|Everybody|Sir|Ma’am|Ma'am|Mr|Ms|Mrs|Dr|Mr\.|Ms\.|Mrs\.|Secretary|Minister|Ambassador|The|We|I|I’m|I'm|It|It’s|And|So|Now|Right|All|One|Last|Final|Great|Well|Good|Let|Let’s|Let's|That|This|There|Again|Anyone|Someone|Somebody|Hello|Hi|Operator|Moderator|Question|Questions|Back|Over|Here|You|Your|What|Why|How|Who|When|Where|Can|Could|Just|Also|Then|Of|In|On|At|To|Very|Sorry|Alright|Any|Our|My|His|Her|Their|Mister|Madam|Excellent|Perfect|Absolutely|Exactly|No|Not|Oh|Ah|Um|Uh|Foreign|Prime|President|Senior|Special|State|Department|Washington|Ukraine|Russia|China|Iran|Israel|America|United|Europe)$/;

/** The reporter named at the end of `text` (the turn before a question), or null. */
export function announcedQuestioner(text: string): string | null {
  // Only the end of the turn hands over; look at its last two sentences.
  const sentences = text.split(/(?<=[.?!])\s+(?=[\p{Lu}"“(])/u);
  const tail = sentences.slice(-2);
  for (let i = tail.length - 1; i >= 0; i--) {
    const sentence = tail[i]!.trim();
    for (const re of ANNOUNCEMENTS) {
      const m = re.exec(sentence);
      const name = m?.groups?.['name'] ? clean(m.groups['name']) : null;
      if (name) return name;
    }
  }
  return null;
}

function clean(raw: string): string | null {
  let words = raw.replace(/[.,]+$/, '').split(' ');
  // Cut a trailing outlet or particle that the NAME pattern swallowed ("Shaun Tandon Of").
  while (words.length > 1 && /^(?:de|da|van|von|al|el|bin|dos|del|la|le)$/.test(words.at(-1)!)) words = words.slice(0, -1);
  if (NOT_A_NAME.test(words[0]!)) return null;
  if (PLACES.has(words[0]!.replace(/[’']s$/, '')) || (words.length > 1 && PLACE_PHRASES.test(words[0]!))) return null;
  if (words.some((w) => /^\p{Lu}{2,}$/u.test(w) && w.length > 4)) return null; // an outlet or acronym, not a person
  const name = words.join(' ');
  return name.length >= 2 ? name : null;
}
