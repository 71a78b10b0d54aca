/**
 * The White House adapter on hand-built pages of both sites (page-structure.md §4): the 2025+
 * block theme and the Biden-era archive. House style: `MS. PSAKI:`, `Q` + spaces without a colon,
 * `[senior administration official]`, Brady Room and time lines, `END` lines, `<s>…</s> […]`.
 */
import { describe, expect, it } from 'vitest';
import { whitehouse } from '../../pipeline/agencies/whitehouse.ts';
import { decoyPage, extract, ExtractError } from '../../pipeline/extract/index.ts';
import { parseTranscript } from '../../pipeline/transcript/index.ts';
import { fixture } from '../support/fixtures.ts';

const LEAVITT = 'whitehouse/www/briefings-statements/2025/03/press-briefing-by-press-secretary-karoline-leavitt-2/index.html';
const PSAKI = 'whitehouse/archive/briefing-room/press-briefings/2022/01/18/press-briefing-by-press-secretary-jen-psaki-january-18-2022/index.html';
const BACKGROUND = 'whitehouse/archive/briefing-room/press-briefings/2022/01/19/background-press-call-by-senior-administration-officials-on-the-example-summit/index.html';
const STATEMENT = 'whitehouse/www/briefings-statements/2025/03/statement-on-the-national-day-of-examplestan/index.html';

function parse(path: string) {
  return parseTranscript(extract(fixture(path), whitehouse, path, null), whitehouse, path);
}

describe('whitehouse.gov 2025+ block theme', () => {
  const t = parse(LEAVITT);

  it('reads the header from the post blocks, not the chrome', () => {
    expect(t.title).toBe('Press Briefing by Press Secretary Karoline Leavitt');
    expect(t.date).toBe('2025-03-11');
    expect(t.docType).toBe('Briefings & Statements');
    expect(t.kind).toBe('press-briefing');
    expect(t.location).toBe('James S. Brady Press Briefing Room');
    expect(t.time).toEqual({ start: '1:06 P.M. EDT', end: '1:31 P.M. EDT' });
    expect(t.preamble).toEqual(['James S. Brady Press Briefing Room', '1:06 P.M. EDT']);
    expect(t.closing).toEqual(['END 1:31 P.M. EDT']);
  });

  it('splits `Q` + spaces (no colon) and `MS. LEAVITT:` into turns', () => {
    expect(t.turns.map((x) => `${x.speaker}/${x.role}`)).toEqual([
      'MS LEAVITT/official', 'Q/journalist', 'MS LEAVITT/official', 'Q/journalist', 'MS LEAVITT/official',
      'Q/journalist', 'MS LEAVITT/official', 'Q/journalist', 'MS LEAVITT/official',
    ]);
    expect(t.turns[1]!.paragraphs).toEqual(['Thanks, Karoline. On the trip: who is going with the President?']);
    expect(t.turns[1]!.askedBy).toBe('Steve');
    expect(t.turns[5]!.paragraphs).toEqual(['Karoline, a follow-up on the Cabinet meeting —']);
    expect(t.stats).toMatchObject({ turns: 9, questions: 4 });
  });

  it('keeps an in-text correction as struck and inserted words', () => {
    expect(t.turns[2]!.paragraphs[0]).toBe('The Secretary of State and the National Security Advisor will join him. The delegation will be announced [tomorrow].');
    expect(t.turns[2]!.corrections).toEqual([{ paragraph: 0, struck: 'today', inserted: 'tomorrow' }]);
  });

  it('names the press secretary from the title', () => {
    expect(t.participants).toEqual([
      { label: 'MS LEAVITT', name: 'Karoline Leavitt', nameFrom: 'title', role: 'official' },
      { label: 'Q', name: null, role: 'journalist' },
    ]);
  });

  it('never lets navigation, share buttons or the footer into the record', () => {
    const all = JSON.stringify(t);
    for (const chrome of ['Share this page', 'Copy Link', 'Pennsylvania', 'Subscribe', 'Administration', 'Next:']) expect(all).not.toContain(chrome);
  });

  it('refuses a statement: no speaker labels', () => {
    expect(() => parse(STATEMENT)).toThrow(ExtractError);
    expect(() => parse(STATEMENT)).toThrow(/not a transcript/);
  });
});

describe('bidenwhitehouse.archives.gov', () => {
  it('reads a press briefing: unbolded labels, the Brady Room, corrections in two turns', () => {
    const t = parse(PSAKI);
    expect(t).toMatchObject({
      title: 'Press Briefing by Press Secretary Jen Psaki, January 18, 2022',
      date: '2022-01-18',
      docType: 'Press Briefings',
      kind: 'press-briefing',
      location: 'James S. Brady Press Briefing Room',
      time: { start: '1:24 P.M. EST', end: '1:48 P.M. EST' },
      groundRules: { attribution: 'on-record', embargo: null, basis: 'implied' },
    });
    expect(t.turns.map((x) => x.speaker)).toEqual(['MS PSAKI', 'Q', 'MS PSAKI', 'Q', 'MS PSAKI', 'Q', 'MS PSAKI']);
    expect(t.participants).toEqual([
      { label: 'MS PSAKI', name: 'Jen Psaki', nameFrom: 'title', role: 'official' },
      { label: 'Q', name: null, role: 'journalist' },
    ]);
    expect(t.turns[0]!.corrections).toEqual([{ paragraph: 1, struck: 'upon', inserted: 'until' }]);
    expect(t.turns[5]!.corrections).toEqual([{ paragraph: 0, struck: 'progam', inserted: 'program' }]);
    expect(t.turns[5]!.askedBy).toBe('Kristen');
    expect(t.closing).toEqual(['END 1:48 P.M. EST']);
    expect(JSON.stringify(t)).not.toMatch(/frozen in time|Share this page|Privacy Policy/);
  });

  it('reads a background call: placeholders kept, ground rules, moderator and numbered officials', () => {
    const t = parse(BACKGROUND);
    expect(t.kind).toBe('background-briefing');
    expect(t.location).toBe('Via Teleconference');
    expect(t.groundRules).toEqual({ attribution: 'on-background', embargo: 'until the end of the call', basis: 'stated' });
    expect(t.participants).toEqual([
      { label: 'MODERATOR', name: null, role: 'moderator' },
      { label: 'SENIOR ADMINISTRATION OFFICIAL ONE', name: null, role: 'official' },
      { label: 'SENIOR ADMINISTRATION OFFICIAL TWO', name: null, role: 'official' },
      { label: 'Q', name: null, role: 'journalist' },
    ]);
    expect(t.turns[0]!.paragraphs[1]).toContain('we have [senior administration official] and [senior administration official].');
    expect(t.turns[4]).toMatchObject({ speaker: 'Q', role: 'journalist', askedBy: 'Aamer Madhani' });
  });
});

describe('bot walls', () => {
  it('names the Akamai "Access Denied" page as a decoy, not a missing body', () => {
    expect(() => extract(fixture('whitehouse/access-denied.html'), whitehouse, 'x', null)).toThrow(/decoy page/);
    expect(decoyPage(fixture('whitehouse/access-denied.html'), whitehouse)).toMatch(/title "Access Denied"/);
    expect(decoyPage(fixture(PSAKI), whitehouse)).toBeNull();
  });
});
