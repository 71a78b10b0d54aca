/**
 * `podium extract` on text pasted from a browser: a State background briefing copied with the
 * .gov banner, the navigation, the share buttons, the tags, related articles and the footer, and
 * without the page's date line — so the date comes from `--date`. The record must hold every
 * turn, speaker and questioner, and nothing of the chrome. The fixture is our own text in the
 * shape a copy of a state.gov page takes (test/fixtures/state/pasted-background.txt).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractCommand } from '../../pipeline/commands/extract.ts';
import { foldSpaces } from '../../pipeline/extract/text.ts';
import type { Transcript } from '../../pipeline/schema/types.ts';
import { FIXTURES } from '../support/fixtures.ts';
import { useTempDirs } from '../support/tmp.ts';
import { capture } from './capture.ts';

const PASTE = `${FIXTURES}state/pasted-background.txt`;
const URL = 'https://www.state.gov/senior-state-department-officials-on-the-secretarys-upcoming-travel-to-the-northern-coast-forum/';
const TITLE = 'Senior State Department Officials on the Secretary’s Upcoming Travel to the Northern Coast Forum';

const tempDir = useTempDirs();
const lines = (await readFile(PASTE, 'utf8')).split('\n').map(foldSpaces).filter(Boolean);
const titleAt = lines.indexOf(TITLE);
const tagsAt = lines.indexOf('Tags');
/** What the page shows around the article: above the title, the share buttons, and from the tags on. */
const chrome = [...lines.slice(0, titleAt), 'Share', 'Copy Link', ...lines.slice(tagsAt)];
const content = lines.slice(titleAt, tagsAt).filter((line) => line !== 'Share' && line !== 'Copy Link');
/** Chrome that is not also a line of the article ("Office of the Spokesperson" is both). */
const chromeOnly = chrome.filter((line) => !content.includes(line));

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

async function extractRecord(...args: string[]): Promise<{ record: Transcript; stderr: string[] }> {
  const { code, stdout, stderr } = await capture(() => extractCommand.run(args));
  expect(code, stderr.join('\n')).toBe(0);
  return { record: JSON.parse(stdout) as Transcript, stderr };
}

describe('extract on a background briefing pasted from a browser', () => {
  it('without a date line or --date: one line saying to pass --date, nothing on stdout', async () => {
    const { code, stdout, stderr } = await capture(() => extractCommand.run([PASTE, '--url', URL]));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toBe(`podium extract: ${PASTE}: no publication date found in the page header; give the briefing's date with --date YYYY-MM-DD`);
  });

  it('with --date: the header, every turn, speaker and questioner', async () => {
    const { record, stderr } = await extractRecord(PASTE, '--url', URL, '--date', '2022-03-04');
    expect(stderr).toEqual([]);
    expect(record).toMatchObject({
      id: 'state/2022-03-04/senior-state-department-officials-on-the-secretarys-upcoming-travel-to-the-northern-coast-forum',
      date: '2022-03-04',
      title: TITLE,
      docType: 'Background Briefing',
      kind: 'background-briefing',
      location: 'Via Teleconference',
      groundRules: { attribution: 'on-background', embargo: 'until the end of the call' },
      preamble: ['Office of the Spokesperson', 'Via Teleconference'],
    });
    expect(record.turns.map((t) => [t.speaker, t.role])).toEqual([
      ['MODERATOR', 'moderator'],
      ['SENIOR STATE DEPARTMENT OFFICIAL ONE', 'official'],
      ['SENIOR STATE DEPARTMENT OFFICIAL TWO', 'official'],
      ['MODERATOR', 'moderator'],
      ['OPERATOR', 'operator'],
      ['QUESTION', 'journalist'],
      ['SENIOR STATE DEPARTMENT OFFICIAL ONE', 'official'],
      ['QUESTION', 'journalist'],
      ['SENIOR STATE DEPARTMENT OFFICIAL ONE', 'official'],
      ['MODERATOR', 'moderator'],
      ['QUESTION', 'journalist'],
      ['SENIOR STATE DEPARTMENT OFFICIAL TWO', 'official'],
      ['MODERATOR', 'moderator'],
    ]);
    // The moderator names each questioner, across the operator opening the line.
    expect(record.turns[5]!.askedBy).toBe('Rosa Lindqvist');
    expect(record.turns[10]!.askedBy).toBe('Tomás Okafor');
    // Continuation paragraphs stay with their speaker; the placeholder stays as text.
    expect(record.turns[0]!.paragraphs).toHaveLength(2);
    expect(record.turns[0]!.paragraphs[1]).toContain('[Senior State Department Official One]');
    expect(record.turns[1]!.paragraphs).toEqual([
      'Thanks, and thanks to all of you for joining on short notice. The Secretary leaves Sunday for the Northern Coast Forum, his second visit to the region this year.',
      'The forum will take up fisheries, shipping lanes and the new weather-station network.',
    ]);
    expect(record.stats).toMatchObject({ turns: 13, questions: 3 });
  });

  it('accounts for every line of the article and lets no line of the chrome in', async () => {
    const { record } = await extractRecord(PASTE, '--url', URL, '--date', '2022-03-04');
    const text = [record.title, record.docType, ...(record.preamble ?? []), ...record.turns.flatMap((t) => t.paragraphs), ...(record.closing ?? [])];
    for (const line of content) {
      const withoutLabel = line.replace(/^[A-Z][A-Z ]+: /, '');
      expect(text.some((t) => t === withoutLabel), `line not in the record: ${line}`).toBe(true);
    }
    expect(chromeOnly.length).toBeGreaterThan(25);
    const found = strings(record);
    for (const line of chromeOnly) {
      expect(found.some((s) => s === line || (line.length > 12 && s.includes(line))), `chrome in the record: ${line}`).toBe(false);
    }
  });

  it('reads the same record when the copy holds the date line, and the printed date wins over --date', async () => {
    const dir = await tempDir();
    const dated = join(dir, 'dated.txt');
    const text = await readFile(PASTE, 'utf8');
    await writeFile(dated, text.replace('\nVia Teleconference\n', '\nVia Teleconference\n\nMarch 4, 2022\n'));
    const fromFlag = (await extractRecord(PASTE, '--url', URL, '--date', '2022-03-04')).record;
    const fromPage = (await extractRecord(dated, '--url', URL)).record;
    // Provenance is each file's modification time; everything read from the text must agree.
    const content = ({ source: _s, revisions: _r, ...rest }: Transcript) => rest;
    expect(content(fromPage)).toEqual(content(fromFlag));
    expect(fromPage.source.contentSha256).toBe(fromFlag.source.contentSha256);

    const conflict = await extractRecord(dated, '--url', URL, '--date', '2022-03-05');
    expect(conflict.record.date).toBe('2022-03-04');
    expect(conflict.stderr).toEqual([`podium extract: ${dated}: the page prints the date 2022-03-04; --date 2022-03-05 is not used`]);
  });

  it('refuses a --date that is not a calendar day, as a usage error', async () => {
    for (const bad of ['2022-02-30', '4 March 2022', '2022-3-4']) {
      const { code, stderr } = await capture(() => extractCommand.run([PASTE, '--url', URL, '--date', bad]));
      expect(code).toBe(64);
      expect(stderr).toEqual([`podium extract: --date wants YYYY-MM-DD, got "${bad}"`]);
    }
  });
});
