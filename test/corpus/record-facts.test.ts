/**
 * Record-level facts measured on both real corpora: the day of the event (`heldOn`) and the kind.
 * Every State briefing whose title names its day must carry that day; every White House dateline
 * must be read; no stated day may lie after publication. The figures are printed for the notes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { state } from '../../pipeline/agencies/state.ts';
import { whitehouse } from '../../pipeline/agencies/whitehouse.ts';
import { extract } from '../../pipeline/extract/index.ts';
import { parseDate } from '../../pipeline/extract/text.ts';
import { PeopleBuilder } from '../../pipeline/people/index.ts';
import { recordFromPage } from '../../pipeline/record/from-page.ts';
import type { Transcript } from '../../pipeline/schema/types.ts';
import { corpusAvailable, corpusPage, loadCorpus } from '../support/corpus.ts';
import { loadWhiteHouseCorpus, whiteHouseCorpusAvailable, whiteHousePage } from '../support/whitehouse-corpus.ts';

const source = { via: 'page' as const, fetchedAt: '2026-01-01T00:00:00Z', etag: null, lastModified: null };
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;
const figures: string[] = [];
afterAll(() => console.log(figures.join('\n')));

function summary(name: string, records: Transcript[]): void {
  const set = records.filter((r) => r.heldOn);
  const count = new Map<string, number>();
  for (const r of records) count.set(r.kind, (count.get(r.kind) ?? 0) + 1);
  const kinds = [...count].map(([k, n]) => `${k} ${n}`).sort().join(', ');
  const officials = records.flatMap((r) => r.participants).filter((p) => p.role === 'official' || p.role === 'moderator');
  const from = new Map<string, number>();
  for (const p of officials) if (p.nameFrom) from.set(p.nameFrom, (from.get(p.nameFrom) ?? 0) + 1);
  figures.push(`${name}: ${records.length} records, heldOn set ${set.length} (${(100 * set.length / records.length).toFixed(1)} %), ` +
    `heldOn ≠ date ${set.filter((r) => r.heldOn !== r.date).length}; kinds: ${kinds}; ` +
    `officials and moderators named ${officials.filter((p) => p.name).length} of ${officials.length} (${[...from].map(([k, n]) => `${k} ${n}`).sort().join(', ')})`);
}

/** Officials' names: each says where it came from; the share named may only grow. */
function checkNames(records: Transcript[], minShare: number): void {
  // "THE PRESIDENT", "THE VICE PRESIDENT", "THE FIRST LADY" (labels since engine 2026.12.4) are an
  // office alone: a White House record prints no full name for them, so they are not in the share.
  const officials = records.flatMap((r) => r.participants)
    .filter((p) => (p.role === 'official' || p.role === 'moderator') && !/^THE /.test(p.label));
  for (const p of records.flatMap((r) => r.participants)) expect(p.nameFrom !== undefined, p.label).toBe(p.name !== null);
  expect(officials.filter((p) => p.name).length / officials.length).toBeGreaterThanOrEqual(minShare);
}

describe.runIf(corpusAvailable())('record facts on the real State corpus', () => {
  const items = loadCorpus().filter((i) => i.transcript);
  const records = items.map((item) => {
    const version = item.versions.at(-1)!;
    return recordFromPage(extract(corpusPage(item, version), state, item.url, item.url), state, item.url, item.url, source);
  });
  summary('state', records);

  it('every briefing whose title closes with a day is held on that day', () => {
    const dated = records.filter((r) => /^Department Press Briefing/i.test(r.title));
    expect(dated.length).toBeGreaterThanOrEqual(67);
    for (const r of dated) expect(r.heldOn, r.title).toBe(parseDate(r.title));
  });

  it('no stated day lies more than a day after publication, and every record has the field', () => {
    for (const r of records) {
      expect(r.heldOn, r.id).not.toBeUndefined();
      if (r.heldOn) expect(days(r.date, r.heldOn), r.id).toBeLessThanOrEqual(1);
    }
  });

  it('names officials from the byline, the title and their first mention ("Ms. Susan Cleary")', () => {
    checkNames(records, 0.65);
    const cleary = records.flatMap((r) => r.participants).filter((p) => p.label === 'MS CLEARY');
    expect(cleary.map((p) => [p.name, p.nameFrom])).toEqual([['Susan Cleary', 'turns']]);
  });

  it('the registry names MR PRICE from the other records\' bylines, and never merges two names', () => {
    const builder = new PeopleBuilder();
    for (const r of records) builder.add(r);
    const { people } = builder.build();
    const price = people.find((p) => p.name === 'Ned Price')!;
    const label = price.labels.find((l) => l.label === 'MR PRICE')!;
    const printed = records.filter((r) => r.participants.some((p) => p.label === 'MR PRICE')).length;
    figures.push(`state people.json: ${people.length} people, ${people.filter((p) => p.labels.some((l) => l.fromDataset)).length} named from other records; ` +
      `MR PRICE in ${printed} records: ${label.named} named in the record, ${label.fromDataset} from the dataset`);
    expect(label.named + label.fromDataset).toBe(printed);
    expect(label.fromDataset).toBeGreaterThanOrEqual(40);
  });

  it('TV programmes are interviews; opening remarks and briefings with officials are not', () => {
    const programmes = records.filter((r) => /’s This Week|State of the Union|Face the Nation|Morning Joe|Meet the Press/.test(r.title));
    expect(programmes.length).toBeGreaterThanOrEqual(12);
    for (const r of programmes) expect(r.kind, r.title).toBe('interview');
    for (const r of records.filter((r) => /^Opening Remarks|^Briefing with/i.test(r.title))) expect(r.kind, r.title).not.toBe('interview');
    for (const r of records.filter((r) => /Joint Press Availability/i.test(r.title))) expect(r.kind, r.title).toBe('press-availability');
  });
});

describe.runIf(whiteHouseCorpusAvailable())('record facts on the real White House corpus', () => {
  const records: Transcript[] = [];
  for (const item of loadWhiteHouseCorpus().filter((i) => i.transcript)) {
    try {
      records.push(recordFromPage(whiteHousePage(item), whitehouse, item.url, item.url, source));
    } catch {
      // A transcript the parser cannot read yet is the turn stages' measure, not this one's.
    }
  }
  summary('whitehouse', records);

  it('reads every dateline standing alone before the first label, and only those', () => {
    const datelined = records.filter((r) => r.preamble?.some((l) => /^\((?:[A-Z][a-z]+) \d{1,2}, \d{4}\)$/.test(l)));
    expect(datelined.length).toBeGreaterThanOrEqual(20);
    for (const r of datelined) expect(r.heldOn, r.id).toBe(parseDate(r.preamble!.find((l) => /^\(.*\)$/.test(l) && parseDate(l))!));
    for (const r of records) if (r.heldOn) expect(days(r.date, r.heldOn), r.id).toBeLessThanOrEqual(1);
  });

  it('names officials from the title and their first mention', () => checkNames(records, 0.6));

  it('joint press conferences are press availabilities; press calls are teleconferences', () => {
    for (const r of records.filter((r) => /\bPress Conference\b/.test(r.title))) expect(r.kind, r.title).toBe('press-availability');
    for (const r of records.filter((r) => /\bPress Call\b/.test(r.title) && !/Background|Senior Administration Officials?/i.test(r.title))) expect(r.kind, r.title).toBe('teleconference');
  });
});
