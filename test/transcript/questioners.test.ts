import { describe, expect, it } from 'vitest';
import type { Role } from '../../pipeline/schema/types.ts';
import { attributeQuestions, fullestForms } from '../../pipeline/transcript/attribution.ts';
import { state } from '../../pipeline/agencies/state.ts';
import { whitehouse } from '../../pipeline/agencies/whitehouse.ts';
import { handOver, readAnnouncement, readSelfIntroduction, readTitleInterviewer } from '../../pipeline/transcript/questioners.ts';

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

describe('hand-overs in the White House house styles', () => {
  // [text, name, outlet]: each read on the real corpus (counts in test/corpus/attribution.test.ts's notes).
  const cases: [string, string | null, string | null][] = [
    // The press secretary: a first name opening the floor, "kick us off", a greeting on a call.
    ['With that, Zeke, kick it off.', 'Zeke', null],
    ['And, Jonathan, why don’t you kick us off?', 'Jonathan', null],
    ['Okay. Mary, do you want to kick us off?', 'Mary', null],
    ['And with that, Darlene.', 'Darlene', null],
    ['Hi, Andrea.', 'Andrea', null],
    ['Go ahead, J.J.', 'J.J.', null],
    ['Okay, we have to wrap this up. Anita, you have the last question.', 'Anita', null],
    // The President: "Name, Outlet.", "Outlet, Name.", "Next question is …".
    ['Anne Gearan, Washington Post.', 'Anne Gearan', 'Washington Post'],
    ['Jordan Fabian, Bloomberg.', 'Jordan Fabian', 'Bloomberg'],
    ['But we’re not there yet. Nancy, CBS.', 'Nancy', 'CBS'],
    ['Thank you. Maureen, USA Today.', 'Maureen', 'USA Today'],
    ['How about Jen Epstein, Bloomberg?', 'Jen Epstein', 'Bloomberg'],
    ['Next question is — goes to Trevor of Reuters.', 'Trevor', 'Reuters'],
    ['I think the next question is Mary Bruce, ABC.', 'Mary Bruce', 'ABC'],
    ['The next question was to Bloomberg.', null, 'Bloomberg'],
    // Operators and moderators on calls.
    ['Thank you, Kelly. Next question is Aamer Madhani from the AP.', 'Aamer Madhani', 'AP'],
    ['Yes, we do have a final question in queue. We have Trevor Hunnicutt from Reuters.', 'Trevor Hunnicutt', 'Reuters'],
    ['All right. First up, we will have Jonathan Cohn, Huffington Post.', 'Jonathan Cohn', 'Huffington Post'],
    ['Next we have Jennifer Jacobs, Bloomberg News. You’re open.', 'Jennifer Jacobs', 'Bloomberg News'],
    ['Zeke Miller, you’re open. Please go ahead.', 'Zeke Miller', null],
    ['Michael Shear, your line is unmuted. Please go ahead.', 'Michael Shear', null],
    ['Kemi, please go ahead.', 'Kemi', null],
    ['Go to Jeff Mason at Reuters.', 'Jeff Mason', 'Reuters'],
    ['Cheyenne Haslett at ABC News.', 'Cheyenne Haslett', 'ABC News'],
    ['We will go to Danny next. You should be unmuted now.', 'Danny', null],
    ['And our final question will come from Camilo. You should be unmuted now.', 'Camilo', null],
    ['Our next question, and unfortunately our last, will go to Nadia. Nadia, you should be able to unmute yourself.', 'Nadia', null],
    ['Thank you. Our next question will go to MJ with CNN.', 'MJ', 'CNN'],
    ['For our next question we’ll go to Phil Stewart from Reuters. Phil, you should be able to unmute yourself.', 'Phil Stewart', 'Reuters'],
    ['Our next question will go to Tamara with NPR. Tam, you should be able to unmute yourself.', 'Tamara', 'NPR'],
    ['Our next question will come from the line of Matt Viser of The Washington Post. Please, go ahead.', 'Matt Viser', 'The Washington Post'],
    // The phrasings, one pattern each with those above.
    ['Our next question is Ted Hesson from Reuters.', 'Ted Hesson', 'Reuters'],
    ['Next in queue is Ted Hesson from Reuters.', 'Ted Hesson', 'Reuters'],
    ['We have Ted Hesson from Reuters on the line.', 'Ted Hesson', 'Reuters'],
    ['Okay, moving on to Ted Hesson from Reuters.', 'Ted Hesson', 'Reuters'],
    ['Our next caller, Ted Hesson, Reuters.', 'Ted Hesson', 'Reuters'],
    ['Ted Hesson with Reuters, please go ahead.', 'Ted Hesson', 'Reuters'],
    ['Ted, your line is open.', 'Ted', null],
    // Not hand-overs: a thanks to the one who asked, a line opened for nobody named, days and places.
    ['Caller, your line is unmuted.', null, null],
    ['Friday with the POTUS.', null, null],
    ['We have U.S. forces there.', null, null],
    ['It does not sound like we have Nick.', null, null],
    ['Thanks, Michael. Go ahead.', null, null],
    // A host's reaction, a contraction, an acronym: no reporter. The floor's last question is.
    ['Awesome. Go ahead.', null, null],
    ['Huh? He what?', null, null],
    ['Mm-hmm. APRA-H?', null, null],
    ['And for our last question, I’ll turn it over to Akayla Gardner.', 'Akayla Gardner', null],
    ['Joey, last question.', 'Joey', null],
  ];
  for (const [text, name, outlet] of cases) {
    it(text, () => {
      // The White House adapter's own phrasing ("Our next caller, …") comes in through its hook.
      const a = readAnnouncement(text, whitehouse.handOvers);
      expect([a?.name ?? null, a?.outlet ?? null]).toEqual([name, outlet]);
    });
  }
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
    const got = attributeQuestions({ turns, roleAt: (i) => role(turns[i]!.speaker), announced: (i) => readAnnouncement(turns[i]!.paragraphs.join(' ')), title: '', interview: false, isOfficial: () => false });
    expect([...got].map(([i, a]) => [i, a.askedBy, a.askedByEvidence])).toEqual([[3, 'Said', 'called'], [5, 'Simon Lewis', 'called'], [7, 'Simon Lewis', 'called']]);
  });
});

describe('self-introductions and interviewers', () => {
  it('reads a reporter introducing themselves at the top of a question', () => {
    expect(readSelfIntroduction('Hi, Shaun Tandon, AFP. A question on Iran.')).toEqual({ name: 'Shaun Tandon', outlet: 'AFP' });
    expect(readSelfIntroduction('Thank you, Ned. Janne Pak with USA Journal Korea. On North Korea —')).toEqual({ name: 'Janne Pak', outlet: 'USA Journal Korea' });
    expect(readSelfIntroduction('Hi, my name is Yangsoon Kim from KBS. Welcome.')).toEqual({ name: 'Yangsoon Kim', outlet: 'KBS' });
    expect(readSelfIntroduction('Thank you very much. I am Patricia from SPC.')).toEqual({ name: 'Patricia', outlet: 'SPC' });
    expect(readSelfIntroduction('Hi, this is Laurie Mylroie. Can you hear me?')).toEqual({ name: 'Laurie Mylroie', outlet: null });
    // Addressing the briefer, or a sentence that goes on, is not an introduction.
    expect(readSelfIntroduction('Secretary Blinken, thank you for doing this.')).toBeNull();
    expect(readSelfIntroduction('Antony Blinken, the French people know you well, since the photo.')).toBeNull();
    expect(readSelfIntroduction('Hunter Biden, I think, is the question.')).toBeNull();
  });

  it('reads the one interviewer a title names, and the outlet', () => {
    expect(readTitleInterviewer('Secretary Blinken With Andrea Mitchell of NBC')).toEqual({ name: 'Andrea Mitchell', outlet: 'NBC' });
    expect(readTitleInterviewer('Secretary Antony J. Blinken With Margaret Brennan of CBS’s Face the Nation')).toEqual({ name: 'Margaret Brennan', outlet: 'CBS' });
    expect(readTitleInterviewer('Secretary Antony J. Blinken on ABC’s This Week with George Stephanopoulos')).toEqual({ name: 'George Stephanopoulos', outlet: 'ABC' });
    expect(readTitleInterviewer('Secretary Antony J. Blinken On NBC Meet the Press with Chuck Todd')).toEqual({ name: 'Chuck Todd', outlet: 'NBC' });
    expect(readTitleInterviewer('Interview of President Trump by Jamie Little, “Fox Sports”')).toEqual({ name: 'Jamie Little', outlet: 'Fox Sports' });
    expect(readTitleInterviewer('Secretary Blinken With Mika Brzezinski and Willie Geist of MSNBC’s Morning Joe')).toEqual({ name: null, outlet: 'MSNBC' });
    expect(readTitleInterviewer('Department Press Briefing – July 5, 2022')).toBeNull();
  });
});

describe('exchanges', () => {
  const turn = (speaker: string, ...paragraphs: string[]) => ({ speaker, paragraphs, corrections: [] });
  const role = (s: string): Role => (s === 'QUESTION' ? 'journalist' : s === 'OPERATOR' ? 'operator' : 'official');
  const attribute = (turns: ReturnType<typeof turn>[], title = '', interview = false) =>
    [...attributeQuestions({ turns, roleAt: (i) => role(turns[i]!.speaker), announced: (i) => readAnnouncement(turns[i]!.paragraphs.join(' ')), title, interview, isOfficial: (n) => n === 'Tony' })]
      .map(([i, a]) => [i, a.askedBy ?? null, a.askedByOutlet ?? null, a.askedByEvidence]);

  it('carries the questioner through follow-ups until the floor changes hands', () => {
    expect(attribute([
      turn('MR PRICE', 'Let’s go to Simon Lewis from Reuters.'),
      turn('QUESTION', 'On Iran, is there a deal?'),
      turn('MR PRICE', 'Not yet.'),
      turn('QUESTION', 'And when?'),
      turn('MR PRICE', 'We will see. Yes, in the back.'),
      turn('QUESTION', 'On Cuba.'),
      turn('MR PRICE', 'Humeyra.'),
      turn('QUESTION', 'To follow up on Simon’s question, what about sanctions?'),
      turn('MR PRICE', 'Sanctions stay.'),
      turn('QUESTION', 'Hi, Shaun Tandon, AFP. On Ethiopia.'),
      turn('MR PRICE', 'Shaun, we have said so.'),
      turn('QUESTION', 'Thank you.'),
      turn('QUESTION', 'Can I ask about Peru?'),
    ])).toEqual([
      [1, 'Simon Lewis', 'Reuters', 'called'],
      [3, 'Simon Lewis', 'Reuters', 'follow-up'],
      [7, 'Humeyra', null, 'called'],
      [9, 'Shaun Tandon', 'AFP', 'self'],
      [11, 'Shaun Tandon', 'AFP', 'follow-up'],
    ]);
  });

  it('ends an exchange when the answer turns to another reporter, and drops the follow-up it misread', () => {
    expect(attribute([
      turn('MR PRICE', 'Said.'),
      turn('QUESTION', 'On Gaza.'),
      turn('MR PRICE', 'We are engaged.'),
      turn('QUESTION', 'But why?'),
      turn('MR PRICE', 'Matt, as I said, we are engaged.'),
      turn('QUESTION', 'Okay.'),
    ])).toEqual([[1, 'Said', null, 'called']]);
  });

  it('gives every question of an interview to the interviewer the title names', () => {
    expect(attribute([
      turn('QUESTION', 'Mr. Secretary, welcome.'),
      turn('SECRETARY BLINKEN', 'Thanks, Chuck. Good to be with you.'),
      turn('QUESTION', 'On Ukraine?'),
    ], 'Secretary Antony J. Blinken With Chuck Todd of NBC’s Meet the Press', true)).toEqual([
      [0, 'Chuck Todd', 'NBC', 'title'], [2, 'Chuck Todd', 'NBC', 'title'],
    ]);
  });

  it('ends an exchange at a line opened for a reporter nobody names', () => {
    expect(attribute([
      turn('MODERATOR', 'Let’s go to Zeke with AP.'),
      turn('QUESTION', 'On tariffs?'),
      turn('MR DEESE', 'We will see.'),
      turn('QUESTION', 'And when?'),
      turn('MODERATOR', 'We’ll go to the next caller in queue. Caller, your line is unmuted.'),
      turn('QUESTION', 'On rates?'),
    ])).toEqual([[1, 'Zeke', 'AP', 'called'], [3, 'Zeke', 'AP', 'follow-up']]);
  });

  it('never takes an official handed the floor for a questioner', () => {
    expect(attribute([turn('MR PRICE', 'Go ahead, Tony.'), turn('QUESTION', 'Yes?')])).toEqual([]);
  });
});

describe('an agency’s own hand-over phrasing', () => {
  it('is read only through the adapter’s declared hook, with the core’s name and outlet rules', () => {
    expect(readAnnouncement('Our next caller, Kevin Liptak, CNN.')).toBeNull();
    expect(readAnnouncement('Our next caller, Kevin Liptak, CNN.', whitehouse.handOvers)).toEqual({ name: 'Kevin Liptak', outlet: 'CNN', bare: false });
    expect(readAnnouncement('Next caller is from Reuters.', whitehouse.handOvers)).toEqual({ name: null, outlet: 'Reuters', bare: false });
    expect(readAnnouncement('Our next caller, Kevin Liptak, CNN.', state.handOvers)).toBeNull();
  });

  it('refuses a pattern that captures no name', () => {
    expect(() => handOver(String.raw`\bnext caller`)).toThrow(/must capture the name/);
  });
});
