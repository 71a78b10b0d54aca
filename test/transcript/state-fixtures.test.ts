/**
 * The parser on hand-made state.gov pages covering the label variants of
 * page-structure.md §3: bold, split, NBSP inside and after, <b> with a span, unbolded, topic
 * anchors, placeholders, stage directions, end marks.
 */
import { describe, expect, it } from 'vitest';
import { state } from '../../pipeline/agencies/state.ts';
import { extract, ExtractError } from '../../pipeline/extract/index.ts';
import { parseTranscript } from '../../pipeline/transcript/index.ts';
import { CHROME_MARKERS } from '../support/state-page.ts';
import { stateFixture, stateFixturePage } from '../support/fixtures.ts';

function parse(pathPart: string) {
  const f = stateFixture(pathPart);
  return parseTranscript(extract(stateFixturePage(f), state, f.path, null), state, f.path);
}

describe('department press briefing', () => {
  const t = parse('department-press-briefing-january-18-2022');

  it('reads the header', () => {
    expect(t.title).toBe('Department Press Briefing – January 18, 2022');
    expect(t.date).toBe('2022-01-18');
    expect(t.kind).toBe('press-briefing');
    expect(t.docType).toBe('Department Press Briefing');
    expect(t.location).toBe('Washington, D.C.');
    expect(t.time).toEqual({ start: '2:12 p.m. EST', end: '2:41 p.m.' });
    expect(t.byline).toEqual(['Ned Price, Department Spokesperson']);
    expect(t.preamble).toEqual(['Ned Price, Department Spokesperson', 'Washington, D.C.', '2:12 p.m. EST']);
    expect(t.closing).toEqual(['(The briefing was concluded at 2:41 p.m.)', '# # #']);
  });

  it('splits every label variant into turns', () => {
    expect(t.turns.map((x) => x.speaker)).toEqual([
      'MR PRICE', 'QUESTION', 'MR PRICE', 'QUESTION', 'MR PRICE', 'OPERATOR', 'QUESTION', 'MR PRICE', 'QUESTION',
      'MR PRICE', 'QUESTION', 'MR PRICE',
    ]);
    // NBSP inside the bold label, split label, <b> + span, unbolded label in a span.
    expect(t.turns[3]!.paragraphs).toEqual(['And is there a readout planned?']);
    expect(t.turns[4]!.paragraphs[0]).toBe('There will be a readout. (Laughter.) There always is.');
    expect(t.turns[6]!.paragraphs[0]).toMatch(/^Hi, Ned\. Thanks for doing this\./);
    expect(t.turns[8]!.paragraphs).toEqual(['Thank you. One more on Berlin, if I may.']);
  });

  it('keeps unlabelled paragraphs with the current speaker, topic anchors included', () => {
    expect(t.turns[0]!.paragraphs).toHaveLength(4);
    expect(t.turns[0]!.paragraphs[1]).toMatch(/^First, the Secretary departs tonight/);
  });

  it('names questioners where they were announced, and follow-ups in the same exchange', () => {
    const questions = t.turns.filter((x) => x.role === 'journalist');
    expect(questions.map((q) => [q.askedBy ?? null, q.askedByEvidence ?? null])).toEqual([
      ['Matt', 'called'], ['Matt', 'follow-up'], ['Shaun Tandon', 'called'], ['Humeyra', 'called'], ['Humeyra', 'follow-up'],
    ]);
  });

  it('gives roles and participants', () => {
    expect(t.participants).toEqual([
      { label: 'MR PRICE', name: 'Ned Price', nameFrom: 'byline', role: 'official' },
      { label: 'QUESTION', name: null, role: 'journalist' },
      { label: 'OPERATOR', name: null, role: 'operator' },
    ]);
    expect(t.stats.questions).toBe(5);
    expect(t.stats.turns).toBe(12);
    expect(t.groundRules).toEqual({ attribution: 'on-record', embargo: null, basis: 'implied' });
  });

  it('lets no site chrome in', () => {
    const json = JSON.stringify(t);
    for (const marker of CHROME_MARKERS) expect(json).not.toContain(marker);
    expect(json).not.toContain('data-filter');
  });
});

describe('background briefing', () => {
  const t = parse('a-senior-state-department-official');

  it('reads ground rules from the moderator', () => {
    expect(t.groundRules).toEqual({ attribution: 'on-background', embargo: 'until the end of the call', basis: 'stated' });
    expect(t.kind).toBe('background-briefing');
    expect(t.location).toBe('Via Teleconference');
  });

  it('keeps the briefer placeholder as text and never as a speaker', () => {
    expect(t.turns[0]!.paragraphs[1]).toContain('[Senior State Department Official]');
    expect(t.participants.map((p) => p.label)).toEqual([
      'MODERATOR', 'SENIOR STATE DEPARTMENT OFFICIAL', 'OPERATOR', 'QUESTION', 'SENIOR STATE DEPARTMENT OFFICIAL TWO',
    ]);
  });

  it('takes questioners from the moderator, across the operator opening the line', () => {
    expect(t.turns.filter((x) => x.role === 'journalist').map((q) => q.askedBy)).toEqual(['Nick Wadhams', 'Jennifer Hansler']);
  });
});

describe('joint press availability (2025 block theme)', () => {
  const t = parse('joint-press-availability');

  it('reads the body inside .classic-block-wrapper', () => {
    expect(t.kind).toBe('press-availability');
    expect(t.location).toBe('Berlin, Germany');
    expect(t.turns[0]).toMatchObject({ speaker: 'FOREIGN MINISTER BAERBOCK', role: 'official' });
    expect(t.turns[0]!.paragraphs[0]).toMatch(/^\(Via interpreter\) Dear Tony/);
  });

  it('finds full names in the title and byline, and the spokesperson moderating', () => {
    expect(t.participants).toEqual([
      { label: 'FOREIGN MINISTER BAERBOCK', name: 'Annalena Baerbock', nameFrom: 'title', role: 'official' },
      { label: 'SECRETARY BLINKEN', name: 'Antony J. Blinken', nameFrom: 'byline', role: 'official' },
      { label: 'MR PRICE', name: null, role: 'moderator' },
      { label: 'QUESTION', name: null, role: 'journalist' },
    ]);
    expect(t.turns.filter((x) => x.role === 'journalist').map((q) => q.askedBy)).toEqual(['Jane Roe', 'Max Mustermann']);
  });
});

describe('interview', () => {
  const t = parse('jane-doe-of-example-news');
  it('makes the named interviewer a journalist', () => {
    expect(t.kind).toBe('interview');
    expect(t.participants).toEqual([
      { label: 'MS DOE', name: 'Jane Doe', nameFrom: 'title', role: 'journalist' },
      { label: 'SECRETARY BLINKEN', name: 'Antony J. Blinken', nameFrom: 'byline', role: 'official' },
    ]);
    expect(t.stats.questions).toBe(3);
  });
});

describe('pages that are not transcripts', () => {
  it('refuses a press statement with a one-line reason', () => {
    expect(() => parse('national-day-of-examplestan')).toThrow(ExtractError);
    expect(() => parse('national-day-of-examplestan')).toThrow(/not a transcript: the page is a "Press Statement"/);
  });

  it('refuses a release with no speaker labels even without a doc type', () => {
    const f = stateFixture('national-day-of-examplestan');
    const page = extract(stateFixturePage({ ...f, docType: '' }), state, f.path, null);
    expect(() => parseTranscript(page, state, f.path)).toThrow(/no speaker labels in 3 paragraphs/);
  });

  it('calls a briefing page without recognizable speakers a template problem', () => {
    const f = stateFixture('department-press-briefing-january-18-2022');
    const page = extract(stateFixturePage(f, '<p>Just one paragraph.</p>'), state, f.path, null);
    try {
      parseTranscript(page, state, f.path);
      expect.unreachable();
    } catch (error) {
      expect((error as ExtractError).code).toBe('no-speakers');
      expect((error as ExtractError).templateChange).toBe(true);
    }
  });

  it('names the missing body selectors', () => {
    expect(() => extract('<html><body><h1 class="featured-content__headline">T</h1><main>no body</main></body></html>', state, 'page.html', null)).toThrow(
      /page\.html: no article body found \(tried div\.entry-content, div\.classic-block-wrapper, div\.report__content\)/,
    );
  });

  it('recognizes the "Technical Difficulties" decoy', () => {
    const decoy = '<html><head><title>Technical Difficulties</title></head><body><h1>Technical Difficulties</h1><p>We are sorry.</p></body></html>';
    expect(() => extract(decoy, state, 'decoy.html', null)).toThrow(/decoy page/);
  });
});

describe('plain text pasted from a page', () => {
  it('drops banner, navigation and footer lines and reads the header', async () => {
    const { fixture } = await import('../support/fixtures.ts');
    const page = extract(fixture('state/pasted-dpb.txt'), state, 'pasted-dpb.txt', null);
    const t = parseTranscript(page, state, 'pasted-dpb.txt');
    expect(t.title).toBe('Department Press Briefing – March 3, 2022');
    expect(t.date).toBe('2022-03-03');
    expect(t.kind).toBe('press-briefing');
    expect(t.byline).toEqual(['Ned Price, Department Spokesperson']);
    expect(t.location).toBe('Washington, D.C.');
    expect(t.time).toEqual({ start: '2:05 p.m. EST', end: '2:19 p.m.' });
    expect(t.turns.map((x) => x.speaker)).toEqual(['MR PRICE', 'QUESTION', 'MR PRICE', 'QUESTION', 'MR PRICE']);
    expect(t.turns[1]!.askedBy).toBe('Said');
    expect(t.closing).toEqual(['(The briefing was concluded at 2:19 p.m.)']);
    const json = JSON.stringify(t);
    for (const chrome of ['official website', 'Skip to content', 'Subscribe', 'Copy Link', 'Related Articles', 'Privacy Policy', 'FOIA']) {
      expect(json).not.toContain(chrome);
    }
  });
});
