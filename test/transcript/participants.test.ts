import { describe, expect, it } from 'vitest';
import { buildParticipants } from '../../pipeline/transcript/participants.ts';
import { parseArchive } from '../support/whitehouse-page.ts';

const roles = (entries: Record<string, 'official' | 'moderator' | 'journalist'>) => new Map(Object.entries(entries));

describe('participant names and where they were read', () => {
  it('prefers the byline, then the title, then the preamble, then the first mention in the turns', () => {
    const { participants } = buildParticipants(
      ['MR PRICE', 'MS CLEARY', 'FOREIGN MINISTER LAPID', 'PRESS SECRETARY JOHN F. KIRBY'],
      roles({ 'MR PRICE': 'moderator', 'MS CLEARY': 'official', 'FOREIGN MINISTER LAPID': 'official', 'PRESS SECRETARY JOHN F. KIRBY': 'official' }),
      {
        byline: ['Ned Price, Department Spokesperson'],
        title: ['Secretary Blinken and Foreign Minister Yair Lapid at a Joint Press Availability'],
        preamble: ['Washington, D.C.'],
        turns: ['Good afternoon. Our briefer today is Ms. Susan Cleary, who leads the office.', 'Thank you, Ned Price.'],
      },
    );
    expect(participants.map((p) => [p.label, p.name, p.nameFrom])).toEqual([
      ['MR PRICE', 'Ned Price', 'byline'],
      ['MS CLEARY', 'Susan Cleary', 'turns'],
      ['FOREIGN MINISTER LAPID', 'Yair Lapid', 'title'],
      ['PRESS SECRETARY JOHN F. KIRBY', 'John F. Kirby', 'label'],
    ]);
  });

  it('takes no name from the spoken text when it is a title, a label or lower case', () => {
    const { participants } = buildParticipants(
      ['MAYOR BASS', 'PRESIDENT TRUMP', 'SENIOR ADMINISTRATIVE OFFICIAL'],
      roles({ 'MAYOR BASS': 'official', 'PRESIDENT TRUMP': 'official', 'SENIOR ADMINISTRATIVE OFFICIAL': 'official' }),
      { turns: ['Thank you, Mayor Bass.', 'And then PRESIDENT TRUMP: We will see.', 'as the senior administrative official said'] },
    );
    for (const p of participants) {
      expect(p.name, p.label).toBeNull();
      expect(p.nameFrom, p.label).toBeUndefined();
    }
  });

  it('a list of texts still reads as bylines (the old call)', () => {
    const { participants } = buildParticipants(['MR PRICE'], roles({ 'MR PRICE': 'official' }), ['Ned Price, Department Spokesperson']);
    expect(participants[0]).toEqual({ label: 'MR PRICE', name: 'Ned Price', nameFrom: 'byline', role: 'official' });
  });
});

describe('a speaker the title names', () => {
  const lines = (label: string) => [`${label}:  Thank you. Let me walk you through the request, line by line.`, 'Q:  Why so large?', `${label}:  Because the need is large.`];
  it('is the interviewer when the title names them bare after "with"', () => {
    const t = parseArchive('Interview of the Secretary With Margaret Sample of Example News', ['THE SECRETARY:  Glad to be here.', ...lines('MS. SAMPLE')]);
    expect(t.participants.find((p) => p.label === 'MS SAMPLE')!.role).toBe('journalist');
  });
  it('is an official when the title gives them an office ("… Deputy Administrator for Management and Resources Pat Sample")', () => {
    const t = parseArchive('Briefing with Deputy Secretary Jane Roe, Example Agency Deputy Administrator for Management and Resources Pat Sample, and Experts', ['MR. ROE:  Welcome.', ...lines('MS. SAMPLE')]);
    expect(t.participants.find((p) => p.label === 'MS SAMPLE')).toMatchObject({ name: 'Pat Sample', role: 'official' });
  });
});
