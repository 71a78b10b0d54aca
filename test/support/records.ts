/**
 * Hand-built dataset values that satisfy the schemas, for store and validation tests.
 */
import type { CrawlState, DatasetIndex, IndexEntry, Transcript } from '../../pipeline/schema/types.ts';

const SHA = 'a'.repeat(64);

/** A small but complete daily-briefing record. */
export function makeTranscript(overrides: Partial<Transcript> = {}): Transcript {
  return {
    schemaVersion: '1.0.0',
    id: 'state/2022-01-18/department-press-briefing-january-18-2022',
    agency: 'state',
    url: 'https://www.state.gov/briefings/department-press-briefing-january-18-2022/',
    title: 'Department Press Briefing – January 18, 2022',
    kind: 'press-briefing',
    docType: 'Department Press Briefing',
    date: '2022-01-18',
    location: 'Washington, D.C.',
    time: { start: '2:12 p.m. EST', end: '2:59 p.m. EST' },
    byline: ['Ned Price, Department Spokesperson'],
    preamble: ['Ned Price, Department Spokesperson', 'Washington, D.C.', '2:12 p.m. EST'],
    closing: ['(The briefing was concluded at 2:59 p.m.)'],
    groundRules: { attribution: 'on-record', embargo: null },
    participants: [
      { label: 'MR PRICE', name: 'Ned Price', role: 'official' },
      { label: 'QUESTION', name: null, role: 'journalist' },
    ],
    turns: [
      { speaker: 'MR PRICE', role: 'official', paragraphs: ['Good afternoon.', 'Just one element at the top.'] },
      { speaker: 'QUESTION', role: 'journalist', paragraphs: ['Thank you, Ned.'] },
    ],
    stats: { words: 11, turns: 2, questions: 1 },
    source: {
      via: 'page',
      fetchedAt: '2022-01-19T03:00:00Z',
      etag: '"abc"',
      lastModified: null,
      contentSha256: SHA,
    },
    status: 'active',
    revision: 1,
    revisions: [{ revision: 1, observedAt: '2022-01-19T03:00:00Z', contentSha256: SHA, change: 'initial' }],
    ...overrides,
  };
}

/** The index entry describing a record. */
export function entryFor(record: Transcript, path: string): IndexEntry {
  return {
    id: record.id,
    agency: record.agency,
    url: record.url,
    title: record.title,
    date: record.date,
    kind: record.kind,
    status: record.status,
    revision: record.revision,
    path,
    contentSha256: record.source.contentSha256,
  };
}

export function makeIndex(entries: IndexEntry[]): DatasetIndex {
  return { schemaVersion: '1.0.0', datasetVersion: '2022.01.19.1', transcripts: entries };
}

export function makeCrawlState(overrides: Partial<CrawlState> = {}): CrawlState {
  return {
    schemaVersion: '1.0.0',
    agency: 'state',
    pages: [
      {
        url: 'https://www.state.gov/briefings/department-press-briefing-january-18-2022/',
        verdict: 'transcript',
        id: 'state/2022-01-18/department-press-briefing-january-18-2022',
        lastmod: '2022-01-18T23:01:02+00:00',
      },
      { url: 'https://www.state.gov/press-statement/', verdict: 'not-transcript', reason: 'doc type Press Statement' },
    ],
    ...overrides,
  };
}
