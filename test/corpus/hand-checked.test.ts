/**
 * Question attribution against a hand-checked sample (issue 13): 25 question turns from each real
 * corpus — 15 drawn by hash from every question turn, 10 from those engine 2026.12.9 attributed as
 * follow-ups — each read by a person, who wrote down who asked as the transcript shows it (or
 * null when it names nobody) and why, in hand-checked.json (facts only: no corpus text). Turns the
 * reader could not settle are marked `unsure` and left out of every figure.
 *
 * Measured: precision (attributions that name the right person), recall (people the transcript
 * names that the record names), follow-up precision (the exchange rule), and abstentions (no
 * name where the transcript gives none). The figures are printed for the notes and asserted as
 * floors, so they may only improve.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Transcript } from '../../pipeline/schema/types.ts';
import { corpusAvailable } from '../support/corpus.ts';
import { samePerson, stateCorpusRecords, whiteHouseCorpusRecords } from '../support/corpus-records.ts';
import { whiteHouseCorpusAvailable } from '../support/whitehouse-corpus.ts';

interface Checked {
  corpus: 'state' | 'whitehouse';
  url: string;
  /** The turn's number, from 1 (`#tN`). */
  turn: number;
  stratum: 'drawn' | 'follow-up';
  askedBy: string | null;
  why: string;
  unsure?: true;
}

const SAMPLE = JSON.parse(readFileSync(new URL('./hand-checked.json', import.meta.url), 'utf8')) as Checked[];
const figures: string[] = [];
afterAll(() => console.log(figures.join('\n')));
const pct = (n: number, of: number) => `${n}/${of} (${of ? ((100 * n) / of).toFixed(1) : '0.0'} %)`;

interface Floors {
  precision: number;
  recall: number;
  followUps: number;
  abstentions: number;
}

function check(corpus: Checked['corpus'], records: Transcript[], floors: Floors): void {
  const byUrl = new Map(records.map((r) => [r.url, r]));
  const sample = SAMPLE.filter((c) => c.corpus === corpus);

  it('has 25 turns, each a question turn of a record the corpus holds', () => {
    expect(sample).toHaveLength(25);
    for (const c of sample) expect(byUrl.get(c.url)?.turns[c.turn - 1]?.role, `${c.url}#t${c.turn}`).toBe('journalist');
  });

  it('attributes as the hand check says, within the floors', () => {
    const settled = sample.filter((c) => !c.unsure).map((c) => ({ c, got: byUrl.get(c.url)!.turns[c.turn - 1]! }));
    const right = (c: Checked, name: string | undefined) => (name && c.askedBy ? samePerson(name, c.askedBy) : !name && !c.askedBy);
    const attributed = settled.filter(({ got }) => got.askedBy);
    const named = settled.filter(({ c }) => c.askedBy);
    const followUps = attributed.filter(({ got }) => got.askedByEvidence === 'follow-up');
    const nobody = settled.filter(({ c }) => !c.askedBy);
    const precision = attributed.filter(({ c, got }) => right(c, got.askedBy)).length;
    const recall = named.filter(({ c, got }) => right(c, got.askedBy)).length;
    const followUpRight = followUps.filter(({ c, got }) => right(c, got.askedBy)).length;
    const abstained = nobody.filter(({ got }) => !got.askedBy).length;
    figures.push(`${corpus} hand-checked (${settled.length} settled of ${sample.length}): precision ${pct(precision, attributed.length)}, ` +
      `recall ${pct(recall, named.length)}, follow-up precision ${pct(followUpRight, followUps.length)}, no name where none is given ${pct(abstained, nobody.length)}`);
    for (const { c, got } of settled) if (!right(c, got.askedBy)) figures.push(`  ${c.url}#t${c.turn}: ${got.askedBy ?? '—'} (${got.askedByEvidence ?? 'none'}), checked ${c.askedBy ?? '—'}: ${c.why}`);
    expect(precision / attributed.length).toBeGreaterThanOrEqual(floors.precision);
    expect(recall / named.length).toBeGreaterThanOrEqual(floors.recall);
    expect(followUpRight / followUps.length).toBeGreaterThanOrEqual(floors.followUps);
    expect(abstained / nobody.length).toBeGreaterThanOrEqual(floors.abstentions);
  });
}

describe.runIf(corpusAvailable())('hand-checked attribution on the real State corpus', () => {
  check('state', stateCorpusRecords(), { precision: 0.8, recall: 0.5, followUps: 0.7, abstentions: 0.8 });
});

describe.runIf(whiteHouseCorpusAvailable())('hand-checked attribution on the real White House corpus', () => {
  check('whitehouse', whiteHouseCorpusRecords(), { precision: 0.8, recall: 0.8, followUps: 0.7, abstentions: 0.8 });
});
