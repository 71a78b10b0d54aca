/**
 * Speaker labels on hand-made pages in the White House archive's markup (unbolded labels, `Q`
 * plus spaces): the President and Vice President, `PRESIDENT <NAME>`, aides and staff, the press
 * corps, and bare surnames only where the document itself shows them to be a speaker's.
 */
import { describe, expect, it } from 'vitest';
import { state } from '../../pipeline/agencies/state.ts';
import { whitehouse } from '../../pipeline/agencies/whitehouse.ts';
import { extract } from '../../pipeline/extract/index.ts';
import { parseTranscript } from '../../pipeline/transcript/index.ts';
import { parseArchive } from '../support/whitehouse-page.ts';

const speakers = (t: ReturnType<typeof parseArchive>) => t.turns.map((x) => `${x.speaker}/${x.role}`);

describe('White House labels', () => {
  it('reads THE PRESIDENT and THE VICE PRESIDENT as officials with their own turns', () => {
    const t = parseArchive('Remarks by President Biden Before Marine One Departure', [
      'South Lawn',
      '10:02 A.M. EDT',
      'THE PRESIDENT:  Good morning.  We are heading to the example plant today.',
      'Q    Mr. President, will you sign the example bill this week?',
      'THE PRESIDENT:  I will.  Ask the Vice President.',
      'THE VICE PRESIDENT:  He will sign it on Friday.',
      'Q    Thank you.',
      '10:06 A.M. EDT',
    ]);
    expect(speakers(t)).toEqual([
      'THE PRESIDENT/official', 'Q/journalist', 'THE PRESIDENT/official', 'THE VICE PRESIDENT/official', 'Q/journalist',
    ]);
    expect(t.turns[1]!.paragraphs).toEqual(['Mr. President, will you sign the example bill this week?']);
    expect(t.participants.map((p) => p.label)).toEqual(['THE PRESIDENT', 'Q', 'THE VICE PRESIDENT']);
  });

  it('keeps a president who calls on reporters at a joint press conference an official, not the moderator', () => {
    const t = parseArchive('Remarks by President Biden and President Example of Exampleland in Joint Press Conference', [
      'East Room',
      'PRESIDENT BIDEN:  Thank you.  We had a long and productive meeting today on trade, energy and the example corridor, and I am grateful to my friend for coming all this way to be with us.',
      'PRESIDENT EXAMPLE:  Thank you, Mr. President.  Our two countries have agreed on a new example partnership that will run for ten years and cover ports, rail and power lines.',
      'PRESIDENT BIDEN:  We’ll take a couple of questions.  Tom.',
      'Q    Thank you.  A question for both of you on the corridor.',
      'PRESIDENT EXAMPLE:  The corridor will open next year, and it will carry goods from the coast to the capital in half the time it takes today.',
      'PRESIDENT BIDEN:  Agreed.  Nancy.',
      'Q    And on energy?',
      'PRESIDENT EXAMPLE:  On energy, we will build two plants, and the first will be finished within three years.',
    ]);
    expect(t.participants.find((p) => p.label === 'PRESIDENT BIDEN')!.role).toBe('official');
  });

  it('gives aides, staff and crew their own turns as other voices', () => {
    const t = parseArchive('Press Gaggle by Press Secretary Karine Jean-Pierre Aboard Air Force One', [
      'Aboard Air Force One',
      'MS. JEAN-PIERRE:  Okay, one more.',
      'Q    On the trip —',
      'AIDE:  Thank you, everyone.',
      'WHITE HOUSE AIDE:  We have to go.',
      'AIR FORCE ONE CREW MEMBER:  Please take your seats.',
      'STAFF:  Thanks, all.',
    ]);
    expect(speakers(t)).toEqual([
      'MS JEAN-PIERRE/official', 'Q/journalist', 'AIDE/other', 'WHITE HOUSE AIDE/other', 'AIR FORCE ONE CREW MEMBER/other', 'STAFF/other',
    ]);
  });

  it('reads hosts and guests: SPEAKER, STATE REPRESENTATIVE, SURGEON GENERAL, THE FIRST LADY, PRESS CORPS', () => {
    const t = parseArchive('Remarks by President Biden at an Example Event', [
      'SPEAKER EXAMPLE:  Members will come to order.',
      'STATE REPRESENTATIVE SAMPLE:  Thank you for having us.',
      'SURGEON GENERAL TESTER:  I’m glad to be here.',
      'THE FIRST LADY:  Welcome, everyone.',
      'PRESS CORPS:  Happy birthday!',
    ]);
    expect(speakers(t)).toEqual([
      'SPEAKER EXAMPLE/official', 'STATE REPRESENTATIVE SAMPLE/official', 'SURGEON GENERAL TESTER/official',
      'THE FIRST LADY/official', 'PRESS CORPS/journalist',
    ]);
  });

  it('does not take a heading or a shout for a label', () => {
    const t = parseArchive('Remarks by President Biden at an Example Event', [
      'THE PRESIDENT:  Let me read you the headline.',
      'THE BOTTOM LINE:  it works.',
      'WASHINGTON:  a city of examples.',
      'NOTE:  the rest is prepared text.',
    ]);
    expect(speakers(t)).toEqual(['THE PRESIDENT/official']);
    expect(t.turns[0]!.paragraphs).toHaveLength(4);
  });

  it('reads a bare surname label when another label or the title names that speaker', () => {
    const t = parseArchive('Press Briefing by Press Secretary Karoline Sample', [
      'James S. Brady Press Briefing Room',
      'SAMPLE:  Good afternoon.',
      'Q    Thanks, Karoline.',
      'MS. SAMPLE:  Sure.',
      'EXAMPLE:  this word is nobody’s surname here.',
    ]);
    expect(speakers(t)).toEqual(['SAMPLE/official', 'Q/journalist', 'MS SAMPLE/official']);
    expect(t.turns[2]!.paragraphs).toEqual(['Sure.', 'EXAMPLE: this word is nobody’s surname here.']);
    expect(t.participants[0]).toMatchObject({ label: 'SAMPLE', aliases: ['MS SAMPLE'], name: 'Karoline Sample', role: 'official' });
  });

  it('reads a bare surname label on a state.gov page when the secretary is in the title', () => {
    const html = `<!doctype html><html><head><title>Secretary Antony Example At a Press Availability</title></head><body>
<main><h1 class="featured-content__headline">Secretary Antony Example At a Press Availability</h1>
<p class="article-meta__content-type">Remarks</p><p class="article-meta__publish-date">May 2, 2023</p>
<div class="entry-content"><p>EXAMPLE: Good morning, everyone.</p><p>QUESTION: Mr. Secretary, a question.</p><p>EXAMPLE: Go ahead.</p></div></main></body></html>`;
    const url = 'https://www.state.gov/secretary-antony-example-at-a-press-availability/';
    const t = parseTranscript(extract(html, state, url, url), state, url);
    expect(t.turns.map((x) => x.speaker)).toEqual(['EXAMPLE', 'QUESTION', 'EXAMPLE']);
    expect(t.participants[0]).toMatchObject({ label: 'EXAMPLE', name: 'Antony Example', role: 'official' });
  });
});
