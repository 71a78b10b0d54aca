/**
 * The corpus suite: every real State Department transcript body (every observed version) wrapped
 * in a state.gov page skeleton and run through the real extractor, parser and schema check.
 * Runs when the corpus exists ($PODIUM_CORPUS, default ../shared/corpus); .ci/run always has it.
 */
import { load } from 'cheerio/slim';
import { afterAll, describe, expect, it } from 'vitest';
import { state } from '../../pipeline/agencies/state.ts';
import { extract, ExtractError } from '../../pipeline/extract/index.ts';
import { foldSpaces } from '../../pipeline/extract/text.ts';
import { recordFromPage } from '../../pipeline/record/from-page.ts';
import type { Transcript } from '../../pipeline/schema/types.ts';
import { CHROME_MARKERS } from '../support/state-page.ts';
import { CORPUS_FILE, corpusAvailable, corpusPage, loadCorpus, type CorpusItem, type CorpusVersion } from '../support/corpus.ts';

const available = corpusAvailable();
const items = available ? loadCorpus() : [];
const transcripts = items.filter((i) => i.transcript);
const releases = items.filter((i) => !i.transcript);

const counts = { transcripts: 0, versions: 0, turns: 0, paragraphs: 0, labelsChecked: 0, releasesRejected: 0, releasesWithDialogue: 0 };

function run(item: CorpusItem, version: CorpusVersion): Transcript {
  const html = corpusPage(item, version);
  const page = extract(html, state, item.url, item.url);
  return recordFromPage(page, state, item.url, item.url, { via: 'page', fetchedAt: version.observedAt, etag: null, lastModified: null });
}

/** Source lines read independently of the extractor: tags become line breaks, entities decoded. */
function sourceLines(bodyHtml: string): string[] {
  const broken = bodyHtml.replace(/<br\s*\/?>|<\/(?:p|li|h\d|div|td|th|tr|blockquote)>/gi, '\n');
  return load(`<div>${broken}</div>`)('div').first().text().split('\n').map(foldSpaces).filter(Boolean);
}

/** Speakers printed in bold at the start of a paragraph, per normalized label. */
function boldLabels(bodyHtml: string): Map<string, number> {
  const found = new Map<string, number>();
  const re = /<p[^>]*>(?:\s|&nbsp;|<span[^>]*>|<a [^>]*><\/a>)*<(strong|b)>([^<]*?)<\/\1>(?:<a [^>]*><\/a>)?(?:<\1>([^<]*)<\/\1>)?/g;
  for (const m of bodyHtml.matchAll(re)) {
    const text = load(`<i>${m[2]}${m[3] ?? ''}</i>`)('i').text().replace(/\u00a0/g, ' ');
    const label = /^\W{0,2}([A-Z][A-Z.'’\- ]+?)\s*\*?\s*:\s*$/.exec(text.trim() + (text.includes(':') ? '' : ':'))?.[1];
    if (!label || !text.includes(':') && !/^\s*:/.test(bodyHtml.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 3))) continue;
    const speaker = label.replace(/\b(MR|MS|MRS|DR)\./g, '$1').replace(/\s+/g, ' ').trim();
    found.set(speaker, (found.get(speaker) ?? 0) + 1);
  }
  return found;
}

it('finds the corpus when CI requires it (PODIUM_REQUIRE_CORPUS=1)', () => {
  expect(available || process.env['PODIUM_REQUIRE_CORPUS'] !== '1', `no corpus at ${CORPUS_FILE}`).toBe(true);
});

describe.runIf(available)('real State Department corpus', () => {
  afterAll(() => {
    console.log(`corpus: ${counts.transcripts} transcripts, ${counts.versions} versions, ${counts.turns} turns, ` +
      `${counts.paragraphs} source lines accounted for, ${counts.labelsChecked} bold labels checked; ` +
      `${counts.releasesRejected} of ${releases.length} other releases rejected as not transcripts, ` +
      `${counts.releasesWithDialogue} extracted because they carry speaker dialogue`);
  });

  it('holds 219 transcripts and 40 other releases', () => {
    expect(transcripts).toHaveLength(219);
    expect(releases).toHaveLength(40);
  });

  describe.each(transcripts.map((item) => [item.url.replace('https://www.state.gov', ''), item] as const))('%s', (_name, item) => {
    it.each(item.versions.map((v, i) => [i + 1, v] as const))('version %i', (_n, version) => {
      const record = run(item, version);
      counts.versions++;
      if (version === item.versions[0]) counts.transcripts++;
      counts.turns += record.turns.length;

      // Every body line is accounted for: in the preamble, a turn (label removed), the closing or a note.
      const recordText = [...(record.preamble ?? []), ...record.turns.flatMap((t) => t.paragraphs), ...(record.closing ?? []), ...(record.notes ?? []).map((n) => n.text)].join('\n');
      for (const line of sourceLines(version.bodyHtml)) {
        const withoutLabel = line.replace(/^\W{0,2}[\p{Lu}][\p{Lu}\p{M}\d.'’ -]*\*? ?:\s*/u, '');
        expect(recordText, `line not accounted for: ${line.slice(0, 80)}`).toContain(withoutLabel);
        counts.paragraphs++;
      }

      // Every bold label starts a turn of that speaker; no label is left inside a turn.
      const speakers = new Map<string, number>();
      for (const t of record.turns) speakers.set(t.speaker, (speakers.get(t.speaker) ?? 0) + 1);
      for (const [label, n] of boldLabels(version.bodyHtml)) {
        expect(speakers.get(label) ?? 0, `turns of ${label}`).toBeGreaterThanOrEqual(n);
        counts.labelsChecked += n;
      }
      for (const t of record.turns) {
        for (const p of t.paragraphs) {
          const leftover = /^([A-Z][A-Z.'’ -]{2,}):/.exec(p)?.[1];
          if (leftover) expect(speakers.has(leftover), `label left in text: ${p.slice(0, 60)}`).toBe(false);
        }
        expect(t.speaker).not.toMatch(/^(?:UNKNOWN|\s*)$/);
      }

      // No site chrome reaches the record.
      const json = JSON.stringify(record);
      for (const marker of CHROME_MARKERS) {
        if (!version.bodyHtml.includes(marker) && !version.title.includes(marker)) expect(json).not.toContain(marker);
      }
    });
  });

  it.each(releases.map((item) => [item.versions[0]!.title.slice(0, 70), item] as const))('other release: %s', (_title, item) => {
    for (const version of item.versions) {
      try {
        const record = run(item, version);
        // The corpus files a few multi-speaker remarks as releases; those carry real dialogue.
        expect(new Set(record.turns.map((t) => t.speaker)).size).toBeGreaterThanOrEqual(2);
        expect(record.turns.length).toBeGreaterThanOrEqual(2);
        counts.releasesWithDialogue++;
      } catch (error) {
        expect(error).toBeInstanceOf(ExtractError);
        expect((error as ExtractError).code).toBe('not-transcript');
        counts.releasesRejected++;
      }
    }
  });
});
