import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { validateCommand } from '../../pipeline/commands/validate.ts';
import { validateDataset } from '../../pipeline/store/integrity.ts';
import type { Transcript } from '../../pipeline/schema/types.ts';
import { Dataset } from '../../pipeline/store/dataset.ts';
import { recordPath } from '../../pipeline/store/paths.ts';
import { entryFor, makeCrawlState, makeIndex, makeTranscript } from '../support/records.ts';
import { useTempDirs } from '../support/tmp.ts';

const tempDir = useTempDirs();
const RECORD = makeTranscript();
const RECORD_PATH = recordPath(RECORD.id);

/** A valid dataset: two records, their index, one crawl state. */
async function validDataset(): Promise<{ dir: string; dataset: Dataset; records: Transcript[] }> {
  const dir = await tempDir();
  const dataset = new Dataset(dir);
  const records = [
    RECORD,
    makeTranscript({ id: 'state/2021-12-01/department-press-briefing-december-1-2021', date: '2021-12-01' }),
  ];
  for (const record of records) await dataset.writeRecord(record);
  await dataset.writeIndex(makeIndex(records.map((record) => entryFor(record, recordPath(record.id)))));
  await dataset.writeCrawlState(makeCrawlState());
  return { dir, dataset, records };
}

/** Writes a file bypassing the store, as a broken or hand-edited dataset would have it. */
async function put(dir: string, rel: string, value: unknown): Promise<void> {
  await mkdir(join(dir, rel, '..'), { recursive: true });
  await writeFile(join(dir, rel), typeof value === 'string' ? value : JSON.stringify(value, null, 2));
}

describe('validateDataset', () => {
  it('passes a valid dataset, counting every JSON file', async () => {
    const { dir } = await validDataset();
    expect(await validateDataset(dir)).toEqual({ files: 4, failures: [] });
  });

  it('reports a record with a missing field at the field', async () => {
    const { dir } = await validDataset();
    const { title: _title, ...rest } = RECORD;
    await put(dir, RECORD_PATH, rest);
    expect((await validateDataset(dir)).failures).toEqual([
      { file: RECORD_PATH, pointer: '/title', message: 'is required' },
    ]);
  });

  it('reports a bad enum with the allowed values', async () => {
    const { dir } = await validDataset();
    await put(dir, RECORD_PATH, { ...RECORD, status: 'deleted' });
    expect((await validateDataset(dir)).failures).toEqual([
      { file: RECORD_PATH, pointer: '/status', message: 'must be one of "active", "withdrawn", "restored"' },
    ]);
  });

  it('reports a bad id in the record and the index', async () => {
    const { dir, dataset, records } = await validDataset();
    const bad = { ...RECORD, id: 'state/2022-01-18/Bad_Slug' };
    await put(dir, RECORD_PATH, bad);
    await dataset.writeIndex(
      makeIndex([entryFor(bad, RECORD_PATH), entryFor(records[1] as Transcript, recordPath(records[1]?.id as string))]),
    );
    const failures = (await validateDataset(dir)).failures;
    expect(failures).toContainEqual({
      file: RECORD_PATH,
      pointer: '/id',
      message: expect.stringMatching(/must match pattern/),
    });
    expect(failures).toContainEqual({
      file: 'index.json',
      pointer: '/transcripts/1/id',
      message: expect.stringMatching(/unsafe record id "state\/2022-01-18\/Bad_Slug"/),
    });
    expect(failures.every((failure) => failure.pointer.endsWith('/id') || failure.pointer === '')).toBe(true);
  });

  it('reports a record that is not at the path its id gives', async () => {
    const { dir } = await validDataset();
    const moved = 'transcripts/state/2022/2022-01-18-somewhere-else.json';
    await put(dir, moved, RECORD);
    const failures = (await validateDataset(dir)).failures;
    expect(failures).toContainEqual({
      file: moved,
      pointer: '/id',
      message: `id ${RECORD.id} belongs at ${RECORD_PATH}`,
    });
    expect(failures).toContainEqual({ file: moved, pointer: '', message: 'is not listed in index.json' });
    expect(failures).toHaveLength(2);
  });

  it('reports an index entry whose file is missing, or whose path disagrees with its id', async () => {
    const { dir, dataset } = await validDataset();
    await rm(join(dir, RECORD_PATH));
    let failures = (await validateDataset(dir)).failures;
    expect(failures).toEqual([
      { file: 'index.json', pointer: '/transcripts/1/path', message: `${RECORD_PATH} does not exist` },
    ]);

    await dataset.writeRecord(RECORD);
    const index = await dataset.readIndex();
    if (index === null) throw new Error('no index');
    const entry = index.transcripts[1];
    if (entry === undefined) throw new Error('no entry');
    entry.path = recordPath('state/2021-12-01/department-press-briefing-december-1-2021');
    await dataset.writeIndex(index);
    failures = (await validateDataset(dir)).failures;
    expect(failures).toContainEqual({
      file: 'index.json',
      pointer: '/transcripts/1/path',
      message: expect.stringMatching(/belongs at transcripts\/state\/2022\//),
    });
    expect(failures).toContainEqual({
      file: 'index.json',
      pointer: '/transcripts/1/id',
      message: expect.stringMatching(/holds id state\/2021-12-01\//),
    });
    expect(failures).toContainEqual({ file: RECORD_PATH, pointer: '', message: 'is not listed in index.json' });
  });

  it('reports an index that disagrees with its records or is out of order', async () => {
    const { dir, records } = await validDataset();
    const [first, second] = records.map((record) => entryFor(record, recordPath(record.id)));
    if (first === undefined || second === undefined) throw new Error('no entries');
    await put(dir, 'index.json', makeIndex([{ ...first, revision: 2, title: 'Other' }, second]));
    expect((await validateDataset(dir)).failures).toEqual([
      {
        file: 'index.json',
        pointer: '/transcripts/0/title',
        message: `"Other" differs from the record's "${first.title}"`,
      },
      { file: 'index.json', pointer: '/transcripts/0/revision', message: `2 differs from the record's 1` },
      { file: 'index.json', pointer: '/transcripts/1/id', message: `not sorted by id (comes after ${first.id})` },
    ]);
  });

  it('reports invalid JSON, a missing index and crawl-state problems', async () => {
    const { dir } = await validDataset();
    await rm(join(dir, 'index.json'));
    await put(dir, RECORD_PATH, '{ "schemaVersion": ');
    const state = makeCrawlState();
    await put(dir, 'state/defense.json', { ...state, pages: [...state.pages].reverse() });
    const failures = (await validateDataset(dir)).failures;
    expect(failures).toEqual([
      { file: 'index.json', pointer: '', message: 'is missing' },
      { file: RECORD_PATH, pointer: '', message: expect.stringMatching(/^invalid JSON: /) },
      { file: 'state/defense.json', pointer: '/agency', message: 'agency state belongs in state/state.json' },
      { file: 'state/defense.json', pointer: '/pages/1/url', message: expect.stringMatching(/^not sorted by url/) },
    ]);
  });

  it('reports a dataset directory that does not exist', async () => {
    const dir = join(await tempDir(), 'nope');
    expect(await validateDataset(dir)).toEqual({
      files: 0,
      failures: [{ file: '.', pointer: '', message: `dataset directory ${dir} does not exist` }],
    });
  });
});

describe('validateCommand', () => {
  let out: string[] = [];
  let err: string[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    out = [];
    err = [];
  });
  function capture() {
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
    // Usage errors go through console.error, as every command's do.
    vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void err.push(`${parts.join(' ')}\n`));
  }

  it('has the command shape the CLI registers', () => {
    expect(validateCommand.name).toBe('validate');
    expect(validateCommand.summary.length).toBeGreaterThan(0);
    expect(validateCommand.usage).toContain('--out <dir>');
    expect(validateCommand.usage).toContain('--help');
  });

  it('exits 0 on a valid dataset with a one-line summary', async () => {
    const { dir } = await validDataset();
    capture();
    expect(await validateCommand.run(['--out', dir])).toBe(0);
    expect(out).toEqual([`validate: ${dir}: 4 files checked, valid\n`]);
  });

  it('exits 1 and prints <file>: <pointer>: <message> per failure', async () => {
    const { dir } = await validDataset();
    await put(dir, RECORD_PATH, { ...RECORD, kind: 'briefing' });
    await put(dir, 'state/state.json', '[');
    capture();
    expect(await validateCommand.run([`--out=${dir}`])).toBe(1);
    expect(out).toEqual([
      `${dir}/${RECORD_PATH}: /kind: must be one of "press-briefing", "background-briefing", "special-briefing", "remarks", "interview", "press-availability", "teleconference", "other"\n`,
      expect.stringMatching(new RegExp(`^${dir}/state/state\\.json: \\(root\\): invalid JSON: `)),
      `validate: ${dir}: 3 files checked, 2 failures\n`,
    ]);
  });

  it('defaults to ./output', async () => {
    const cwd = process.cwd();
    const parent = await tempDir();
    await put(parent, 'output/.keep', '');
    process.chdir(parent);
    try {
      capture();
      expect(await validateCommand.run([])).toBe(1);
      expect(out.at(-1)).toBe('validate: output: 0 files checked, 1 failure\n');
      expect(out[0]).toBe('output/index.json: (root): is missing\n');
    } finally {
      process.chdir(cwd);
    }
  });

  it('prints help and exits 0', async () => {
    capture();
    expect(await validateCommand.run(['--help'])).toBe(0);
    expect(out.join('')).toBe(`${validateCommand.usage}\n`);
  });

  it('exits 64 (usage) on an unknown option or a stray argument', async () => {
    capture();
    expect(await validateCommand.run(['--outt', 'x'])).toBe(64);
    // One line naming the option and where the usage is, not the whole help.
    expect(err.join('')).toBe("podium validate: unknown option '--outt' (see podium validate --help)\n");
    err = [];
    expect(await validateCommand.run(['output'])).toBe(64);
    expect(err.join('')).toMatch(/Unexpected argument 'output'|positional/i);
  });
});
