/**
 * Synthetic data with the shapes of the real corpus: pages for a large mirror, and a large
 * dataset written straight to disk. Bodies come from the State Department corpus when it is
 * present (../shared/corpus or $PODIUM_CORPUS), else from the committed fixtures.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { state } from '../pipeline/agencies/state.ts';
import { extract } from '../pipeline/extract/index.ts';
import { contentSha256 } from '../pipeline/record/content-hash.ts';
import { recordFromPage } from '../pipeline/record/from-page.ts';
import { indexEntry } from '../pipeline/run/index.ts';
import { loadSchema } from '../pipeline/schema/schemas.ts';
import type { Changelog, DatasetIndex, Transcript } from '../pipeline/schema/types.ts';
import { SCHEMA_VERSION } from '../pipeline/schema/version.ts';
import { stableJson } from '../pipeline/store/json.ts';
import { historyDir, makeId, recordPath } from '../pipeline/store/paths.ts';
import { corpusAvailable, corpusPage, loadCorpus } from '../test/support/corpus.ts';
import { fixture, STATE_PAGES, stateFixturePage } from '../test/support/fixtures.ts';
import { statePage } from '../test/support/state-page.ts';

export interface SamplePage {
  url: string;
  html: string;
  title: string;
  bodyHtml: string;
  docType: string;
}

/** Real transcript pages (every corpus version) or, without the corpus, the fixture pages. */
export function samplePages(): SamplePage[] {
  if (corpusAvailable()) {
    return loadCorpus()
      .filter((i) => i.transcript)
      .flatMap((item) =>
        item.versions.map((v) => {
          const html = corpusPage(item, v);
          return { url: item.url, html, title: v.title, bodyHtml: v.bodyHtml, docType: /Department Press Briefing/.test(v.title) ? 'Department Press Briefing' : 'Remarks' };
        }),
      );
  }
  return STATE_PAGES.filter((p) => p.docType !== 'Press Statement').map((p) => {
    const html = stateFixturePage(p);
    return { url: `https://www.state.gov${p.path}`, html, title: p.title, bodyHtml: fixture(p.body), docType: p.docType };
  });
}

/** Spreads n items over 2009–2026 deterministically. */
export function syntheticDate(i: number): { iso: string; printed: string } {
  const year = 2009 + (i % 18);
  const month = 1 + ((i * 7) % 12);
  const day = 1 + ((i * 13) % 28);
  const d = new Date(Date.UTC(year, month - 1, day));
  return {
    iso: d.toISOString().slice(0, 10),
    printed: d.toLocaleDateString('en-US', { timeZone: 'UTC', month: 'long', day: 'numeric', year: 'numeric' }),
  };
}

/** Page i of a synthetic state.gov mirror: a real body under a new title, slug and date. */
export function syntheticPage(samples: SamplePage[], i: number): { path: string; html: string; lastmod: string } {
  const sample = samples[i % samples.length]!;
  const { printed, iso } = syntheticDate(i);
  const path = `/synthetic-briefing-${i}/`;
  const html = statePage({ title: `${sample.title} (${i})`, docType: sample.docType, date: printed, byline: [], bodyHtml: sample.bodyHtml, url: `https://www.state.gov${path}` });
  return { path, html, lastmod: `${iso}T12:00:00+00:00` };
}

/**
 * n realistic records without a pipeline run (one parse per sample, records cloned with new ids and
 * dates): every `revisedEvery`-th record comes with a second revision, its first in `previous`.
 */
export function* syntheticRecords(n: number, revisedEvery = 50): Generator<{ record: Transcript; previous?: Transcript }> {
  const samples = samplePages();
  const parsed = samples.map((s) =>
    recordFromPage(extract(s.html, state, s.url, s.url), state, s.url, s.url, { via: 'page', fetchedAt: '2026-01-01T00:00:00.000Z', etag: null, lastModified: null }),
  );
  for (let i = 0; i < n; i++) {
    const base = parsed[i % parsed.length]!;
    const { iso } = syntheticDate(i);
    const id = makeId('state', iso, `synthetic-briefing-${i}`);
    const content = { ...base, title: `${base.title} (${i})`, date: iso };
    const hash = contentSha256(content);
    const record: Transcript = {
      ...content,
      id,
      url: `https://www.state.gov/synthetic-briefing-${i}/`,
      source: { ...base.source, contentSha256: hash },
      revisions: [{ revision: 1, observedAt: '2026-01-01T00:00:00.000Z', contentSha256: hash, change: 'initial' }],
    };
    if (i % revisedEvery !== 1) {
      yield { record };
      continue;
    }
    const edited = { ...record, title: `${record.title} (corrected)` };
    const editedHash = contentSha256(edited);
    yield {
      previous: record,
      record: {
        ...edited,
        source: { ...edited.source, contentSha256: editedHash },
        revision: 2,
        revisions: [...record.revisions, { revision: 2, observedAt: '2026-02-01T00:00:00.000Z', contentSha256: editedHash, change: 'cosmetic' }],
      },
    };
  }
}

/**
 * Writes an n-transcript dataset of syntheticRecords to `dir` with plain writes: a fixture for the
 * scale benchmarks, not a pipeline run.
 */
export async function writeSyntheticDataset(dir: string, n: number, revisedEvery = 50): Promise<void> {
  const schema = loadSchema('transcript.schema.json');
  const entries: DatasetIndex['transcripts'] = [];
  for (const { record, previous } of syntheticRecords(n, revisedEvery)) {
    if (previous) await put(join(dir, historyDir(record.id), '1.json'), stableJson(previous, schema));
    await put(join(dir, recordPath(record.id)), stableJson(record, schema));
    entries.push(indexEntry(record));
  }
  entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index: DatasetIndex = { schemaVersion: SCHEMA_VERSION, datasetVersion: '2026.11.28.1', transcripts: entries };
  await put(join(dir, 'index.json'), stableJson(index, loadSchema('index.schema.json')));
  const changelog: Changelog = {
    schemaVersion: SCHEMA_VERSION,
    entries: [{ runId: 'synthetic', time: '2026-11-28T00:00:00.000Z', datasetVersion: '2026.11.28.1', counts: { added: n, revised: 0, withdrawn: 0, restored: 0, reprocessed: 0, failed: 0 }, added: entries.map((e) => e.id), revised: [], withdrawn: [], restored: [], reprocessed: [], failures: [] }],
  };
  await put(join(dir, 'changelog.json'), stableJson(changelog, loadSchema('changelog.schema.json')));
}

async function put(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}
