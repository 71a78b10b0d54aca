/**
 * Turn boundaries on hand-made White House archive pages: several turns printed in one `<p>`
 * (separated by `<br>` or `<br>&nbsp;<br>`), a label run into the middle of a line, and what is
 * never split (a one-word or unknown upper-case run mid-sentence).
 */
import { describe, expect, it } from 'vitest';
import { parseArchive } from '../support/whitehouse-page.ts';

const speakers = (t: ReturnType<typeof parseArchive>) => t.turns.map((x) => x.speaker);

describe('several turns in one paragraph', () => {
  it('splits a paragraph at every line break that opens a label', () => {
    const t = parseArchive('Press Briefing by Press Secretary Jen Example', [
      'MS. EXAMPLE:  Good afternoon.  Two items at the top.',
      'Q    Thanks, Jen.  On the example bill —<br>MS. EXAMPLE:  Sure.<br>&nbsp;<br>Q    — will he sign it?<br>MS. EXAMPLE:  He will.',
      'Q    And on the trip?',
      'MS. EXAMPLE:  Tomorrow.',
    ]);
    expect(speakers(t)).toEqual(['MS EXAMPLE', 'Q', 'MS EXAMPLE', 'Q', 'MS EXAMPLE', 'Q', 'MS EXAMPLE']);
    expect(t.turns.map((x) => x.paragraphs)).toEqual([
      ['Good afternoon. Two items at the top.'], ['Thanks, Jen. On the example bill —'], ['Sure.'], ['— will he sign it?'],
      ['He will.'], ['And on the trip?'], ['Tomorrow.'],
    ]);
  });

  it('splits a line where a label the document prints at paragraph starts was run in', () => {
    const t = parseArchive('Press Briefing by Press Secretary Jen Example', [
      'MS. EXAMPLE:  Good afternoon.',
      'Q    Is the President traveling on Friday?  MS. EXAMPLE:  He is, to the example plant.',
      'Q    Thank you.',
      'MS. EXAMPLE:  Thanks, everyone.',
    ]);
    expect(speakers(t)).toEqual(['MS EXAMPLE', 'Q', 'MS EXAMPLE', 'Q', 'MS EXAMPLE']);
    expect(t.turns[1]!.paragraphs).toEqual(['Is the President traveling on Friday?']);
    expect(t.turns[2]!.paragraphs).toEqual(['He is, to the example plant.']);
  });

  it('keeps a correction with the turn that prints it', () => {
    const t = parseArchive('Press Briefing by Press Secretary Jen Example', [
      'MS. EXAMPLE:  Good afternoon.',
      'Q    When is the trip?  MS. EXAMPLE:  It is <s>Monday</s> [Tuesday].',
      'MS. EXAMPLE:  Thanks.',
    ]);
    expect(t.turns[1]).toMatchObject({ paragraphs: ['When is the trip?'] });
    expect(t.turns[1]!.corrections).toBeUndefined();
    expect(t.turns[2]!).toMatchObject({ paragraphs: ['It is [Tuesday].'], corrections: [{ paragraph: 0, struck: 'Monday', inserted: 'Tuesday' }] });
  });

  it('never splits at a one-word run, an unknown label or a label printed only once', () => {
    const t = parseArchive('Press Briefing by Press Secretary Jen Example', [
      'MS. EXAMPLE:  Good afternoon.',
      'Q    On NATO: is the alliance united?  And on the EXAMPLE ACT: when is the vote?',
      'MS. EXAMPLE:  Next week.',
      'Q    You said earlier, MS. EXAMPLE: soon.  Is that still so?',
      'MR. GUEST:  Only here once.  MS. OTHER: not a speaker here.',
    ]);
    expect(speakers(t)).toEqual(['MS EXAMPLE', 'Q', 'MS EXAMPLE', 'Q', 'MS EXAMPLE', 'MR GUEST']);
    expect(t.turns[1]!.paragraphs).toEqual(['On NATO: is the alliance united? And on the EXAMPLE ACT: when is the vote?']);
    expect(t.turns[5]!.paragraphs).toEqual(['Only here once. MS. OTHER: not a speaker here.']);
  });
});
