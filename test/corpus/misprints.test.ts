/**
 * Misprinted labels on both real corpora (issue 13): the classes misprints.ts reads, each found
 * where the corpus prints it, and never a reading a document does not support. The figures are
 * printed for the notes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Transcript } from '../../pipeline/schema/types.ts';
import { corpusAvailable } from '../support/corpus.ts';
import { stateCorpusRecords, whiteHouseCorpusRecords } from '../support/corpus-records.ts';
import { whiteHouseCorpusAvailable } from '../support/whitehouse-corpus.ts';

const figures: string[] = [];
afterAll(() => console.log(figures.join('\n')));

type Flag = [speaker: string, reads: string, kind: string];

function flags(records: Transcript[]): Flag[] {
  return records.flatMap((r) => r.turns.flatMap((t): Flag[] => (t.misprint ? [[t.speaker, t.misprint.reads, t.misprint.kind]] : [])));
}

function check(name: string, records: Transcript[], expected: Flag[]): void {
  const all = flags(records);
  const kinds = new Map<string, number>();
  for (const [, , kind] of all) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  figures.push(`${name} misprints: ${all.length} turns (${[...kinds].map(([k, n]) => `${k} ${n}`).sort().join(', ')}) in ${records.filter((r) => r.turns.some((t) => t.misprint)).length} records`);

  it('flags the misprints the corpus prints, each read as the label it means', () => {
    for (const flag of expected) expect(all, flag.join(' → ')).toContainEqual(flag);
  });

  it('reads a spelling or honorific slip only as a label printed in the same record or a vocabulary fix, and gives the turn that role', () => {
    for (const r of records) {
      for (const t of r.turns) {
        if (!t.misprint || t.misprint.kind === 'question-label') continue;
        const participant = r.participants.find((p) => p.label === t.speaker || p.aliases?.includes(t.speaker))!;
        expect(participant.role, `${r.id} ${t.speaker}`).toBe(t.role);
        expect(t.misprint.reads, r.id).not.toBe(t.speaker);
      }
    }
  });

  it('reads an answer under the question label as an official or moderator who spoke before it', () => {
    for (const r of records) {
      r.turns.forEach((t, i) => {
        if (t.misprint?.kind !== 'question-label') return;
        expect(t.role === 'official' || t.role === 'moderator', r.id).toBe(true);
        expect(r.turns.slice(0, i).some((u) => u.speaker === t.misprint!.reads), r.id).toBe(true);
        expect(t.askedBy).toBeUndefined();
      });
    }
  });
}

describe.runIf(corpusAvailable())('misprinted labels on the real State corpus', () => {
  check('state', stateCorpusRecords(), [
    ['FOREIGN MINISTESR KOFOD', 'FOREIGN MINISTER KOFOD', 'spelling'],
    ['SECRETAR BLINKEN', 'SECRETARY BLINKEN', 'spelling'],
    ['MS BAITTO', 'MS BAIETTO', 'spelling'],
    // Meet the Press and a daily briefing: the Secretary's and the spokesperson's answers under QUESTION.
    ['QUESTION', 'SECRETARY BLINKEN', 'question-label'],
    ['QUESTION', 'MR PRICE', 'question-label'],
  ]);
});

describe.runIf(whiteHouseCorpusAvailable())('misprinted labels on the real White House corpus', () => {
  check('whitehouse', whiteHouseCorpusRecords(), [
    ['S. PSAKI', 'MS PSAKI', 'honorific'],
    ['SECREATRY MAYORKAS', 'SECRETARY MAYORKAS', 'spelling'],
    ['OPERTATOR', 'OPERATOR', 'spelling'],
    ['COMMISIONER MCGONIGLE', 'COMMISSIONER MCGONIGLE', 'spelling'],
    ['PRESIDEN HICHILEMA', 'PRESIDENT HICHILEMA', 'spelling'],
    ['THE PRESIDNET', 'THE PRESIDENT', 'spelling'],
    ['MR SULLVIAN', 'MR SULLIVAN', 'spelling'],
    ['MR JEAN-PIERRE', 'MS JEAN-PIERRE', 'honorific'],
    ['Q', 'MR SAMS', 'question-label'],
  ]);
});
