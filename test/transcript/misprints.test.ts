/**
 * Labels the agency misprinted (misprints.ts), on hand-made White House pages shaped like the
 * real ones in the corpus: the turn keeps the label as printed, carries what it reads as, and
 * takes that speaker's role and participant. Different people a letter apart stay apart.
 */
import { describe, expect, it } from 'vitest';
import { editDistance, readMisprint } from '../../pipeline/transcript/misprints.ts';
import { parseArchive } from '../support/whitehouse-page.ts';

const briefing = (lines: string[]) => parseArchive('Press Briefing by Press Secretary Example Person', lines, 'Press Briefings');
const counts = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('misprinted labels', () => {
  it('reads a clipped honorific as the label the document prints, and the turn joins that participant', () => {
    const t = briefing([
      'MS. SAMPLE:  Good afternoon, everyone. Go ahead, Kristen.',
      'Q:  Thank you. Any calls to read out?',
      'S. SAMPLE:  I don’t have any calls to read out for you.',
      'Q:  And a second one?',
      'MS. SAMPLE:  We will see.',
    ]);
    expect(t.turns.map((x) => x.speaker)).toEqual(['MS SAMPLE', 'Q', 'S. SAMPLE', 'Q', 'MS SAMPLE']);
    expect(t.turns[2]).toMatchObject({ role: t.turns[0]!.role, misprint: { reads: 'MS SAMPLE', kind: 'honorific' } });
    expect(t.participants.find((p) => p.label === 'MS SAMPLE')!.aliases).toEqual(['S. SAMPLE']);
    expect(t.turns[1]!.paragraphs).toEqual(['Thank you. Any calls to read out?']);
  });

  it('reads a title word one slip from the vocabulary, and an operator misspelt is still the operator', () => {
    const t = briefing([
      'SECREATRY EXAMPLE:  Thank you all for coming.',
      'OPERTATOR:  Our next question comes from Jane Doe of Example News. Your line is open.',
      'Q:  Thank you, Secretary. Why now?',
      'SECRETARY EXAMPLE:  Because it is time.',
    ]);
    expect(t.turns.map((x) => [x.speaker, x.role, x.misprint?.reads ?? null])).toEqual([
      ['SECREATRY EXAMPLE', 'official', 'SECRETARY EXAMPLE'],
      ['OPERTATOR', 'operator', 'OPERATOR'],
      ['Q', 'journalist', null],
      ['SECRETARY EXAMPLE', 'official', null],
    ]);
    expect(t.turns[2]).toMatchObject({ askedBy: 'Jane Doe', askedByOutlet: 'Example News' });
  });

  it('reads an answer printed under the question label as the answering official', () => {
    const answer = 'I dispute that characterization, because it is not accurate. And I think the report spoke to that very clearly last night, and I will leave it there for now, because there is nothing more that I can add to what has already been said from this podium about the matter at hand today.';
    const t = briefing([
      'MS. SAMPLE:  Go ahead.',
      'Q:  Do you think the report was fair?',
      `Q:  ${answer}`,
      'Q:  So there were no lapses?',
      'MS. SAMPLE:  None.',
    ]);
    expect(t.turns[2]).toMatchObject({ speaker: 'Q', role: 'official', misprint: { reads: 'MS SAMPLE', kind: 'question-label' } });
    expect(t.turns[2]!.askedBy).toBeUndefined();
    expect(t.turns[3]!.misprint).toBeUndefined();
    expect(t.stats.questions).toBe(2);
  });

  it('keeps two people a letter apart when both are printed often, a Mr. and a Ms. alike', () => {
    expect(readMisprint('MR SAMS', counts({ 'MR SAMS': 4, 'MR SACKS': 9 }))).toBeNull();
    expect(readMisprint('MS WRIGHT', counts({ 'MS WRIGHT': 4, 'MR WRIGHT': 9 }))).toBeNull();
    expect(readMisprint('MR WEST', counts({ 'MR WEST': 1, 'MS WEST': 3 }))).toBeNull();
    expect(readMisprint('MR SULLVIAN', counts({ 'MR SULLVIAN': 1, 'MR SULLIVAN': 26 }))).toEqual({ reads: 'MR SULLIVAN', kind: 'spelling' });
    expect(readMisprint('MR JEAN-PIERRE', counts({ 'MR JEAN-PIERRE': 1, 'MS JEAN-PIERRE': 59 }))).toEqual({ reads: 'MS JEAN-PIERRE', kind: 'honorific' });
  });

  it('never reads a plural, a real label word, or a surname as a slip', () => {
    expect(readMisprint('AUDIENCE MEMBERS', counts({ 'AUDIENCE MEMBERS': 1, 'AUDIENCE MEMBER': 12 }))).toBeNull();
    expect(readMisprint('OPERATOR', counts({ OPERATOR: 1, MODERATOR: 13 }))).toBeNull();
    expect(readMisprint('MR PASTORE', counts({ 'MR PASTORE': 1 }))).toBeNull();
    expect(readMisprint('FOREIGN MINISTRY SPOKESPERSON', counts({}))).toBeNull();
    expect(readMisprint('THE PRESIDNET', counts({}))).toEqual({ reads: 'THE PRESIDENT', kind: 'spelling' });
  });

  it('counts an adjacent swap as one edit and stops early past the limit', () => {
    expect(editDistance('SECREATRY', 'SECRETARY', 2)).toBe(1);
    expect(editDistance('MINISTRY', 'MINISTER', 1)).toBe(2);
    expect(editDistance('BARNETT', 'BARTLETT', 2)).toBe(2);
  });
});
