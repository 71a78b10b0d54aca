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
 * "Understood." before a question); pronouns, titles and function words open the phrases around it.
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
Spokesperson Spokesman Team Folks Guys Ladies Gentlemen Friends Colleagues Media Reporters Journalists Audience Members`.split(/\s+/),
);

/**
 * First names that are also English words. A one-word sentence closing a turn is taken for a
 * hand-over only when the transcript never uses it as a lower-case word, or it is one of these:
 * "Said." (Said Arikat) and "Will." are the State briefing room's most called names.
 */
export const WORD_NAMES = new Set(
  `Said Will Bill Mark Rich Grace Hope Faith Joy Frank Jack Pat Sue Dawn Summer June Rose Ray Guy Don Chase Drew Wade Dean Hunter Carol Iris Lane`.split(/\s+/),
);
