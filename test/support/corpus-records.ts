/**
 * The records Podium makes from the latest version of every transcript in the real corpora, as
 * the corpus suites measure them. Built once per test file.
 */
import { state } from '../../pipeline/agencies/state.ts';
import { whitehouse } from '../../pipeline/agencies/whitehouse.ts';
import { extract } from '../../pipeline/extract/index.ts';
import { recordFromPage } from '../../pipeline/record/from-page.ts';
import type { Transcript } from '../../pipeline/schema/types.ts';
import { corpusPage, loadCorpus } from './corpus.ts';
import { loadWhiteHouseCorpus, whiteHousePage } from './whitehouse-corpus.ts';

const source = { via: 'page' as const, fetchedAt: '2026-01-01T00:00:00Z', etag: null, lastModified: null };

export function stateCorpusRecords(): Transcript[] {
  return loadCorpus()
    .filter((i) => i.transcript)
    .map((item) => recordFromPage(extract(corpusPage(item, item.versions.at(-1)!), state, item.url, item.url), state, item.url, item.url, source));
}

/** White House records; a transcript the parser cannot read yet is the turn suites' measure, skipped here. */
export function whiteHouseCorpusRecords(): Transcript[] {
  const records: Transcript[] = [];
  for (const item of loadWhiteHouseCorpus().filter((i) => i.transcript)) {
    try {
      records.push(recordFromPage(whiteHousePage(item), whitehouse, item.url, item.url, source));
    } catch {
      continue;
    }
  }
  return records;
}

/** The same person: equal, or one a first name or surname of the other ("Simon" / "Simon Lewis"). */
export function samePerson(a: string, b: string): boolean {
  const [x, y] = a.length <= b.length ? [a, b] : [b, a];
  return x === y || y.startsWith(`${x} `) || y.endsWith(` ${x}`) || x.split(' ')[0] === y.split(' ')[0];
}
