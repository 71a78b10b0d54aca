/**
 * What is printed among the turns but is not speech, on hand-made pages: the closing time line of
 * the White House (and a slides link after it), the lines between two parts of one event, an
 * editor's note inside a turn, and state.gov footnotes after an `<hr>` or with a back-link (↑).
 * Stage directions inside speech stay where they are.
 */
import { describe, expect, it } from 'vitest';
import { state } from '../../pipeline/agencies/state.ts';
import { extract } from '../../pipeline/extract/index.ts';
import { contentSha256, type HashedContent } from '../../pipeline/record/content-hash.ts';
import { classifyChange } from '../../pipeline/revisions/classify.ts';
import { parseTranscript } from '../../pipeline/transcript/index.ts';
import { statePage } from '../support/state-page.ts';
import { parseArchive } from '../support/whitehouse-page.ts';

describe('White House pages', () => {
  it('moves the closing time line and a slides link after it to the closing, and reads the end time', () => {
    const t = parseArchive('Press Briefing by the Example Response Team', [
      'Via Teleconference',
      '11:02 A.M. EDT',
      'MR. SAMPLE:  Good morning.  Three updates today. (Laughter.)',
      'Thank you, everybody.  We look forward to the next briefing.',
      '11:41 A.M. EDT',
      'To view the example briefing slides, visit: https://example.invalid/slides.pdf',
    ], 'Press Briefings');
    expect(t.turns[0]!.paragraphs).toEqual(['Good morning. Three updates today. (Laughter.)', 'Thank you, everybody. We look forward to the next briefing.']);
    expect(t.closing).toEqual(['11:41 A.M. EDT', 'To view the example briefing slides, visit: https://example.invalid/slides.pdf']);
    expect(t.time).toEqual({ start: '11:02 A.M. EDT', end: '11:41 A.M. EDT' });
    expect(t.notes).toBeUndefined();
  });

  it('never takes a time a speaker says, or a time followed by more speech, for the closing', () => {
    const t = parseArchive('Remarks by President Biden at an Example Event', [
      'THE PRESIDENT:  We start at —',
      '9:30 A.M. EDT',
      'That is when the plant opens.  And we will be there.',
    ]);
    expect(t.turns[0]!.paragraphs).toEqual(['We start at —', '9:30 A.M. EDT', 'That is when the plant opens. And we will be there.']);
    expect(t.closing).toEqual([]);
  });

  it('keeps the end and start lines between two parts of one event out of the turns, where they stood', () => {
    const t = parseArchive('Remarks by President Biden in Press Conference', [
      'THE PRESIDENT:  Thank you all.  That is the end of the first part.',
      '4:10 P.M. CEST',
      'Example Conference Center',
      'Exampletown, Exampleland',
      '5:02 P.M. CEST',
      'THE PRESIDENT:  Good evening again.',
      'Q    Mr. President —',
    ]);
    expect(t.turns.map((x) => x.paragraphs)).toEqual([['Thank you all. That is the end of the first part.'], ['Good evening again.'], ['Mr. President —']]);
    expect(t.notes).toEqual([
      { turn: 0, paragraph: 1, text: '4:10 P.M. CEST' },
      { turn: 0, paragraph: 1, text: 'Example Conference Center' },
      { turn: 0, paragraph: 1, text: 'Exampletown, Exampleland' },
      { turn: 0, paragraph: 1, text: '5:02 P.M. CEST' },
    ]);
  });

  it('keeps an editor\'s note inside a turn out of the speech, with its place', () => {
    const t = parseArchive('Press Briefing by Press Secretary Jen Example', [
      'MS. EXAMPLE:  The first item.',
      '[Editor’s note: The figure was later revised to 12.]',
      'The second item.  (Applause.)',
      'Q    Thank you.',
    ]);
    expect(t.turns[0]!.paragraphs).toEqual(['The first item.', 'The second item. (Applause.)']);
    expect(t.notes).toEqual([{ turn: 0, paragraph: 1, text: '[Editor’s note: The figure was later revised to 12.]' }]);
  });
});

describe('state.gov footnotes', () => {
  const url = 'https://www.state.gov/secretary-antony-example-at-a-joint-press-availability/';
  const parse = (bodyHtml: string) => parseTranscript(extract(statePage({
    title: 'Secretary Antony Example at a Joint Press Availability', docType: 'Remarks', date: 'May 2, 2026', byline: ['Antony Example, Secretary of State'], bodyHtml, url,
  }), state, url, url), state, url);

  it('puts a correction after an <hr> in the closing, not in the last turn', () => {
    const t = parse(`<p><strong>SECRETARY EXAMPLE:</strong> Thank you all.</p><p>Thanks, everyone.</p>
<div><hr /><div><p><a id="ftn1"></a> Correction: the example summit is in June.</p></div></div>`);
    expect(t.turns.at(-1)!.paragraphs).toEqual(['Thank you all.', 'Thanks, everyone.']);
    expect(t.closing).toEqual(['Correction: the example summit is in June.']);
  });

  it('puts footnotes with a back-link arrow out of the turn they follow', () => {
    const t = parse(`<p><strong>SECRETARY EXAMPLE:</strong> We met the ministers.</p><ol><li id="fn-1">The ministers of Exampleland <a href="#fn-ref-1">↑</a></li></ol>
<p><strong>QUESTION:</strong> Thank you.</p>`);
    expect(t.turns.map((x) => x.paragraphs)).toEqual([['We met the ministers.'], ['Thank you.']]);
    expect(t.notes).toEqual([{ turn: 0, paragraph: 1, text: 'The ministers of Exampleland ↑' }]);
  });
});

describe('notes in the content hash', () => {
  const turns: HashedContent['turns'] = [{ speaker: 'MR X', role: 'official', paragraphs: ['Hello.'] }];
  const base: HashedContent = { title: 'T', date: '2026-05-02', preamble: [], closing: [], turns };

  it('leaves the hash of a record without notes as it was, and counts a note edit as an edit', () => {
    expect(contentSha256({ ...base, notes: [] })).toBe(contentSha256(base));
    const a: HashedContent = { ...base, notes: [{ turn: 0, paragraph: 1, text: '[Editor’s note: one.]' }] };
    const b: HashedContent = { ...base, notes: [{ turn: 0, paragraph: 1, text: '[Editor’s note: two.]' }] };
    expect(contentSha256(a)).not.toBe(contentSha256(base));
    expect(contentSha256(a)).not.toBe(contentSha256(b));
    expect(classifyChange(a, b)).not.toBe('cosmetic');
    expect(classifyChange(a, { ...a, notes: [{ turn: 0, paragraph: 1, text: '[Editor’s Note: one.]' }] })).toBe('cosmetic');
  });
});
