import { describe, expect, it } from 'vitest';
import type { Role } from '../../pipeline/schema/types.ts';
import { attributeQuestions, fullestForms } from '../../pipeline/transcript/attribution.ts';
import { readAnnouncement } from '../../pipeline/transcript/questioners.ts';

describe('hand-overs in every State house style', () => {
  const cases: [string, string | null][] = [
    ['That is all I have at the top. Said.', 'Said'],
    ['We will see. Humeyra?', 'Humeyra'],
    ['Tracy Wilkinson, please.', 'Tracy Wilkinson'],
    ['Simon Lewis, Reuters. Your question, please.', 'Simon Lewis'],
    ['Kristin Becker, ARD.', 'Kristin Becker'],
    ['Let’s next go to Ted Hesson from Reuters.', 'Ted Hesson'],
    ['Okay, let’s go to the line now of Simon Lewis.', 'Simon Lewis'],
    ['The next question will be from Frederikke Ingemann, TV2, Denmark.', 'Frederikke Ingemann'],
    ['Thank you. Second question by Rich Edson from Fox News.', 'Rich Edson'],
    ['Time for one final, quick question from Andrea.', 'Andrea'],
    ['And Ms. Hansler, your line is open. Go ahead, please.', 'Hansler'],
    ['Why don’t we go to Soyoung Kim?', 'Soyoung Kim'],
    ['I think we’ll start off with Karen DeYoung.', 'Karen DeYoung'],
    ['We have time for one final question. Kylie.', 'Kylie'],
    ['(Via interpreter) Thank you. Over to Anna Rossi, the Italian news agency, ANSA.', 'Anna Rossi'],
    // Answers and fillers that close a turn as often as a name does.
    ['Correct.', null],
    ['Mm-hmm.', null],
    ['Understood.', null],
    ['Good afternoon.', null],
    ['Lebanon?', null],
    ['NBC.', null],
    ['On Hunter Biden, I have nothing for you.', null],
    ['That is the Secretary’s view, and it has been for some time.', null],
  ];
  for (const [text, name] of cases) it(text, () => expect(readAnnouncement(text)?.name ?? null).toBe(name));

  it('marks a name standing alone as the weakest kind', () => {
    expect(readAnnouncement('Said.')?.bare).toBe(true);
    expect(readAnnouncement('Go ahead, Said.')?.bare).toBe(false);
  });
});

describe('fullest forms', () => {
  it('writes a first name or surname as the one full name the transcript gives', () => {
    const full = fullestForms(['Simon', 'Simon Lewis', 'Tandon', 'Shaun Tandon', 'Nick', 'Nick Wadhams', 'Nick Schifrin']);
    expect(full.get('Simon')).toBe('Simon Lewis');
    expect(full.get('Tandon')).toBe('Shaun Tandon');
    expect(full.has('Nick')).toBe(false); // two Nicks: ambiguous, kept as printed
  });
});

describe('attribution', () => {
  const turn = (speaker: string, ...paragraphs: string[]) => ({ speaker, paragraphs, corrections: [] });
  const role = (s: string): Role => (s === 'QUESTION' ? 'journalist' : 'official');
  it('takes a one-word sentence for a name only when the transcript does not use it as a word', () => {
    const turns = [
      turn('MR PRICE', 'Roughly.'), turn('QUESTION', 'And the rest of it, roughly?'),
      turn('MR PRICE', 'Said.'), turn('QUESTION', 'You said something else yesterday.'),
      turn('MR PRICE', 'Let’s go to Simon Lewis.'), turn('QUESTION', 'Thanks.'),
      turn('MR PRICE', 'Simon.'), turn('QUESTION', 'One more.'),
    ];
    const got = attributeQuestions(turns, role, (i) => readAnnouncement(turns[i]!.paragraphs.join(' ')));
    expect([...got].map(([i, a]) => [i, a.askedBy])).toEqual([[3, 'Said'], [5, 'Simon Lewis'], [7, 'Simon Lewis']]);
  });
});
