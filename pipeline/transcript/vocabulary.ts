/**
 * The words questioner attribution reads, in one place: what can stand where a reporter's name
 * stands in a hand-over and is not a name, and the particles names are made of. Every list is
 * motivated by the real State and White House corpora (test/corpus/attribution.test.ts measures
 * the rules that use them); add a word here, not in a pattern.
 */

/** Lower-case particles inside names: "Ana Maria da Silva", "Ursula von der Leyen". */
export const NAME_PARTICLES = ['de', 'da', 'van', 'von', 'der', 'al', 'el', 'bin', 'dos', 'del', 'la', 'le'] as const;

/**
 * First words that never start a reporter's name in a hand-over. Greetings, answers and fillers
 * close a spokesperson's turn as often as a name does ("Yes.", "Sure.", "Mm-hmm.", "Correct.",
 * "Understood." before a question); pronouns, titles and function words open the phrases around it;
 * a host's reaction closes a turn too ("Awesome. Go ahead.", "Cute. (Laughter.)", "Huh? He what?").
 */
export const NOT_A_NAME_WORDS = new Set(
  `Please Thanks Thank Yes Yeah Yep Yup Okay OK Ok Sure Go Next Everyone Everybody Sir Ma’am Ma'am Mr Ms Mrs Dr Mr. Ms. Mrs.
Dr. Secretary Minister Ambassador The We I I’m I'm It It’s And So Now Right All One Last Final Great Well Good Let Let’s
Let's That This There Again Anyone Someone Somebody Hello Hi Hey Operator Moderator Question Questions Back Over Here You
Your What Why How Who When Where Can Could Just Also Then Of In On At To Very Sorry Alright Any Our My His Her Their
Mister Madam Excellent Perfect Absolutely Exactly No Nope Not Oh Ah Um Uh Mm Mm-hmm Mm-hm Uh-huh Foreign Prime President
Senior Special State Department Washington Correct Correctly Understood Indeed Agreed Noted Certainly Definitely Precisely
True Fine Fair Wow Geez Gosh Pardon Wait Congratulations Gracias Merci Godspeed Period Both Neither None Nothing Never
Always Sometimes Potentially Entirely Technically Shocking Wonderful Terrific Fantastic Cheers Welcome Goodbye Bye Morning
Afternoon Evening Tonight Today Tomorrow Yesterday Happy Some Many Most Few Thousands Hundreds Millions Fighters Reopening
But Or Nor If As For From With By About Me Us Them Him She He They Are Is Was Were Be Been Do Does Did Have Has Had Ten
Twenty Thirty Forty Fifty Two Three Four Five First Second Third Follow Follow-up Yours Mine Ours Big Small Congress
Senate House Mayor Governor Senator General Admiral Colonel Captain Chairman Leader Speaker Vice Deputy Assistant Press
Spokesperson Spokesman Team Folks Guys Ladies Gentlemen Friends Colleagues Media Reporters Journalists Audience Members
Caller Callers Monday Tuesday Wednesday Thursday Friday Saturday Sunday Awesome Cool Cute Huh Nice Lovely Beautiful
Amazing Brilliant Super Sweet Bingo Boom Whoa Hmm Aha Yikes Bye Bye-bye Oo-kay Okey-dokey Voilà`.split(/\s+/),
);

/** Places and bodies written as initials, which a hand-over's name pattern would take for a person's ("we have U.S. …"). */
export const PLACE_INITIALS = new Set(['U.S', 'U.K', 'U.N', 'E.U', 'D.C']);

/**
 * First names that are also English words. A one-word sentence closing a turn is taken for a
 * hand-over only when the transcript never uses it as a lower-case word, or it is one of these:
 * "Said." (Said Arikat) and "Will." are the State briefing room's most called names.
 */
export const WORD_NAMES = new Set(
  `Said Will Bill Mark Rich Grace Hope Faith Joy Frank Jack Pat Sue Dawn Summer June Rose Ray Guy Don Chase Drew Wade Dean Hunter Carol Iris Lane`.split(/\s+/),
);

/**
 * News organizations as hand-overs and introductions print them. Only needed where the phrase
 * itself does not say which words are the outlet: "Reuters, Michelle.", "AFP, go ahead.", "NBC."
 * ("… from Reuters" and "Name, Outlet." say it by their shape and take any outlet).
 */
export const OUTLET_NAMES: readonly string[] = [
  'Reuters', 'AFP', 'AP', 'Associated Press', 'Bloomberg', 'Bloomberg News', 'NBC', 'NBC News', 'CBS', 'CBS News', 'ABC',
  'ABC News', 'CNN', 'CNBC', 'MSNBC', 'Fox', 'Fox News', 'Fox Business', 'NPR', 'PBS', 'BBC', 'VOA', 'Voice of America',
  'Al Jazeera', 'Al Arabiya', 'Axios', 'Politico', 'Washington Post', 'New York Times', 'Wall Street Journal', 'Financial Times',
  'Los Angeles Times', 'USA Today', 'Time', 'Newsweek', 'The Hill', 'Yahoo News', 'HuffPost', 'Daily Mail', 'Newsmax',
  'Bloomberg Radio', 'CBN', 'EWTN', 'Sinclair', 'Nexstar', 'Univision', 'Telemundo', 'Kyodo', 'Kyodo News', 'NHK', 'Nikkei',
  'Yonhap', 'KBS', 'DPA', 'EFE', 'ANSA', 'TASS', 'RIA Novosti', 'Xinhua', 'Phoenix TV', 'Euronews', 'DW', 'Deutsche Welle',
  'France 24', 'RFI', 'Le Monde', 'Der Spiegel', 'ARD', 'ZDF', 'Sky News', 'ITV', 'Channel 4', 'The Guardian', 'The Times',
  'Radio Free Europe', 'RFE/RL', 'Radio Free Asia', 'RFA', 'Real America’s Voice', 'OAN', 'Daily Caller', 'Breitbart',
  'Blaze', 'Washington Times', 'Washington Examiner', 'National Journal', 'Roll Call', 'McClatchy', 'Bloomberg Government',
];

/**
 * Words that make a phrase an outlet rather than a person ("Wall Street Journal, William Mauldin."
 * names the outlet first): the press's own nouns.
 */
const OUTLET_WORDS =
  /\b(?:News|Times|Post|Journal|Press|Radio|Television|TV|Zeitung|Agency|Daily|Channel|Network|Broadcasting|Gazette|Tribune|Herald|Magazine|Newspaper|Media|Wire|Report|Monitor|Observer|Express|Telegraph|Mail|Globe|Chronicle)\b/u;

/** Whether a phrase reads as an outlet: one the vocabulary knows, an acronym, or press words. */
export function looksLikeOutlet(text: string): boolean {
  return isOutlet(text) || /^\p{Lu}{2,}[\p{Lu}\d]*$/u.test(text) || OUTLET_WORDS.test(text);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** OUTLET_NAMES as a regular-expression alternation, longest first. */
export const OUTLET_NAMES_PATTERN = [...OUTLET_NAMES].sort((a, b) => b.length - a.length).map(escape).join('|');
const OUTLET_SET = new Set(OUTLET_NAMES.map((o) => o.toLowerCase()));
/** Whether `text` is an outlet the vocabulary knows (case-insensitive, a leading "the" ignored). */
export function isOutlet(text: string): boolean {
  return OUTLET_SET.has(text.replace(/^the /i, '').toLowerCase());
}

/**
 * The last (or next-to-last) sentence of a turn that gives the floor to someone new without naming
 * them: "Yes, in the back.", "Anyone else?", "Next question.", "Let's take a couple more."
 */
export const NEW_FLOOR =
  /^(?:(?:Yes|Okay|Sure|Please|All right|Go ahead),? )?(?:(?:in|over) (?:the )?(?:back|front|middle|corner|aisle|second row|third row|there)|(?:anyone|anybody|someone|somebody|who) else|(?:any )?(?:other|more|further) questions?|(?:next|another|last|final|one more|a couple more|a few more)(?: quick)? questions?|(?:(?:let(?:’|')s|I(?:’|')ll|we(?:’|')ll) )?take (?:a |one |the |our )?(?:couple|few|last|final|next|one more|another)|(?:I(?:’|')m )?happy to take (?:your |some )?questions|(?:sir|ma(?:’|')am|(?:the )?gentleman|(?:the )?lady)(?:,? (?:please|go ahead|in the back))?)\b[^.?!]{0,40}[.?!]?$/i;

/**
 * A moderator or operator opening a line, named or not: "Caller, your line is unmuted.", "You're
 * open.", "Please state your name and outlet.", "We'll go to the next caller in queue.", "You
 * should be able to unmute yourself." Whoever speaks next is a new questioner.
 */
export const LINE_OPENED =
  /\b(?:your line is (?:now )?(?:open|unmuted)|you(?:’|')re (?:open|unmuted)|state your name|next caller|(?:should|will) (?:now )?be (?:able to )?unmute|unmute yourself|you should be unmuted)\b/i;

/** A floor phrase closing an answer ("…in the region. Yes."): after an answer, the next reporter. */
export const FLOOR_CLOSING = /^(?:Yes|Yes, please|Please|Go ahead|Yes, go ahead|Please, go ahead|Sure|Okay|All right)[.!]?$/;

/**
 * A question that follows up on someone else's: "To follow up on Shaun's question", "Following on
 * from Said's point", "just to follow my colleague". It starts an exchange of its own.
 */
export const OTHERS_QUESTION =
  /\b(?:follow(?:ing)?(?:-| )?up|follow(?:ing)? on|go(?:ing)? back to|build(?:ing)? on|pick(?:ing)? up on|add(?:ing)? to)(?: on| from| to)? (?:(?:\p{Lu}[\p{L}’'-]+ ){0,2}\p{Lu}[\p{L}’'-]*(?:’s|'s) (?:\p{Ll}+ )?(?:question|point|line)|(?:my|our|your) (?:colleague|friend)|(?:his|her|their) (?:question|point))/u;

/** A question turn that only thanks ("Thank you.", "Thanks, Ned."): the reporter's exchange is over. */
export const THANKS_ONLY = /^(?:(?:Okay|OK|All right|Great|Yes|Yeah)[.,!]? )?(?:Thank you|Thanks)(?: (?:so much|very much|a lot|again))?(?:, \p{Lu}[\p{L}’'.-]*)?[.!]$/u;
