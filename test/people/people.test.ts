import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PeopleBuilder, writePeople } from '../../pipeline/people/index.ts';
import type { Transcript } from '../../pipeline/schema/types.ts';
import { validatePeople } from '../../pipeline/schema/validate.ts';
import { Dataset } from '../../pipeline/store/dataset.ts';
import { validateDataset } from '../../pipeline/store/integrity.ts';
import { recordPath } from '../../pipeline/store/paths.ts';
import { entryFor, makeIndex, makeTranscript } from '../support/records.ts';
import { useTempDirs } from '../support/tmp.ts';

const tempDir = useTempDirs();

/** A briefing on `date` whose spokesperson is printed as MR PRICE, named or not. */
function briefing(date: string, name: string | null, extra: Partial<Transcript> = {}): Transcript {
  return makeTranscript({
    id: `state/${date}/department-press-briefing`,
    date,
    participants: [
      { label: 'MR PRICE', name, ...(name ? { nameFrom: 'byline' as const } : {}), role: 'official' },
      { label: 'QUESTION', name: null, role: 'journalist' },
    ],
    ...extra,
  });
}

const people = (records: Transcript[]) => {
  const b = new PeopleBuilder();
  for (const r of records) b.add(r);
  return b.build();
};

describe('the people registry', () => {
  it('names a bare label from other records of the agency, and counts it apart', () => {
    const built = people([briefing('2022-01-18', 'Ned Price'), briefing('2022-03-01', null), briefing('2022-02-01', 'Ned Price')]);
    expect(validatePeople(built).ok).toBe(true);
    const price = built.people.find((p) => p.name === 'Ned Price')!;
    expect(price.labels).toEqual([{ agency: 'state', label: 'MR PRICE', named: 2, fromDataset: 1 }]);
    expect(price).toMatchObject({ records: 3, turns: 3, first: '2022-01-18', last: '2022-03-01', roles: ['official'], agencies: ['state'] });
  });

  it('does not name a label two people were named under, nor one far outside their dates, nor at another agency', () => {
    const two = people([briefing('2022-01-18', 'Ned Price'), briefing('2022-01-19', 'Tom Price'), briefing('2022-01-20', null)]);
    expect(two.people.flatMap((p) => p.labels).every((l) => l.fromDataset === 0)).toBe(true);
    const late = people([briefing('2021-01-18', 'Ned Price'), briefing('2023-06-01', null)]);
    expect(late.people[0]!.labels[0]!.fromDataset).toBe(0);
    const elsewhere = people([briefing('2022-01-18', 'Ned Price'), briefing('2022-01-20', null, { agency: 'defense', id: 'defense/2022-01-20/x' })]);
    expect(elsewhere.people[0]!.records).toBe(1);
  });

  it('merges spellings that fold to one name, and only those', () => {
    const built = people([
      briefing('2022-01-18', 'Antony J. Blinken'),
      briefing('2022-01-19', 'ANTONY J BLINKEN'),
      briefing('2022-01-20', 'Antony J. Blinken'),
      briefing('2022-01-21', 'Tony Blinken'),
    ]);
    expect(built.people.map((p) => [p.name, p.aliases, p.records])).toEqual([
      ['Antony J. Blinken', ['ANTONY J BLINKEN'], 3],
      ['Tony Blinken', [], 1],
    ]);
  });

  it('counts questioners and the outlets they asked for', () => {
    const record = briefing('2022-01-18', 'Ned Price', {
      turns: [
        { speaker: 'MR PRICE', role: 'official', paragraphs: ['Shaun.'] },
        { speaker: 'QUESTION', role: 'journalist', paragraphs: ['Thanks.'], askedBy: 'Shaun Tandon', ...({ askedByOutlet: 'AFP' } as object) },
        { speaker: 'QUESTION', role: 'journalist', paragraphs: ['And?'], askedBy: 'Shaun Tandon' },
      ],
    });
    const shaun = people([record]).people.find((p) => p.name === 'Shaun Tandon')!;
    expect(shaun).toMatchObject({ roles: ['journalist'], questions: 2, turns: 0, outlets: [{ outlet: 'AFP', questions: 1 }] });
  });

  it('gives the same registry whatever order the records come in', () => {
    const records = [briefing('2022-01-18', 'Ned Price'), briefing('2022-03-01', null), briefing('2022-01-21', 'ANTONY J BLINKEN'), briefing('2022-01-19', 'Antony J. Blinken')];
    expect(JSON.stringify(people(records))).toBe(JSON.stringify(people([...records].reverse())));
  });
});

describe('people.json in the dataset', () => {
  it('is written from the records and checked by the integrity check, which catches a stale one', async () => {
    const dir = await tempDir();
    const dataset = new Dataset(dir);
    const records = [briefing('2022-01-18', 'Ned Price'), briefing('2022-03-01', null)];
    for (const r of records) await dataset.writeRecord(r);
    await dataset.writeIndex(makeIndex(records.map((r) => entryFor(r, recordPath(r.id)))));
    expect(await writePeople(dataset, records.map((r) => r.id))).toBe(true);
    expect(await writePeople(dataset, records.map((r) => r.id))).toBe(false); // same bytes: not rewritten
    expect((await validateDataset(dir)).failures).toEqual([]);

    const file = join(dir, 'people.json');
    const stored = JSON.parse(await readFile(file, 'utf8'));
    expect(stored.people[0].labels[0]).toEqual({ agency: 'state', label: 'MR PRICE', named: 1, fromDataset: 1 });
    stored.people[0].records = 7;
    await writeFile(file, JSON.stringify(stored));
    expect((await validateDataset(dir)).failures).toEqual([
      { file: 'people.json', pointer: '', message: expect.stringContaining('is not what the records give') },
    ]);
  });
});
