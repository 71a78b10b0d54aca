import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Dataset, gzipDeterministic } from '../../pipeline/store/dataset.ts';
import { entryFor, makeCrawlState, makeIndex, makeTranscript } from '../support/records.ts';
import { useTempDirs } from '../support/tmp.ts';

const tempDir = useTempDirs();
const RECORD_PATH = 'transcripts/state/2022/2022-01-18-department-press-briefing-january-18-2022.json';

/** path -> mtimeMs of every file under dir. */
async function snapshot(dir: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.set(path, (await stat(path)).mtimeMs);
  }
  return out;
}

describe('Dataset records', () => {
  it('writes a record at the path its id gives, in schema key order, and reads it back', async () => {
    const dir = await tempDir();
    const dataset = new Dataset(dir);
    const record = makeTranscript();
    expect(await dataset.writeRecord(record)).toBe(true);
    const text = await readFile(join(dir, RECORD_PATH), 'utf8');
    expect(text.startsWith('{\n  "schemaVersion": "1.0.0",\n  "id": "state/2022-01-18/')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(await dataset.readRecord(record.id)).toEqual(record);
    expect(await dataset.readRecord('state/2022-01-19/missing')).toBeNull();
  });

  it('reports an unchanged record as unchanged and leaves the file alone', async () => {
    const dir = await tempDir();
    const dataset = new Dataset(dir);
    await dataset.writeRecord(makeTranscript());
    const before = await stat(join(dir, RECORD_PATH));
    // Same content built in another key order: still the same bytes.
    const reordered = Object.fromEntries(Object.entries(makeTranscript()).reverse()) as ReturnType<
      typeof makeTranscript
    >;
    expect(await dataset.writeRecord(reordered)).toBe(false);
    expect((await stat(join(dir, RECORD_PATH))).mtimeMs).toBe(before.mtimeMs);
    expect(await dataset.writeRecord(makeTranscript({ title: 'Changed' }))).toBe(true);
  });

  it('refuses a record whose id would leave the dataset, writing nothing', async () => {
    const dir = await tempDir();
    const dataset = new Dataset(join(dir, 'output'));
    await expect(dataset.writeRecord(makeTranscript({ id: 'state/2022-01-18/../../../escape' }))).rejects.toThrow(
      /unsafe record id/,
    );
    await expect(dataset.readRecord('/etc/passwd')).rejects.toThrow(/unsafe record id/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('lists record files sorted, skipping temp files and other files', async () => {
    const dir = await tempDir();
    const dataset = new Dataset(dir);
    expect(await dataset.listRecordFiles()).toEqual([]);
    await dataset.writeRecord(makeTranscript({ id: 'state/2022-01-19/b' }));
    await dataset.writeRecord(makeTranscript({ id: 'state/2021-12-01/a' }));
    await dataset.writeRecord(makeTranscript({ id: 'defense/2022-01-18/c' }));
    await writeFile(join(dir, 'transcripts/state/2022/.2022-01-19-b.json.abc123.tmp'), 'partial');
    await writeFile(join(dir, 'transcripts/state/2022/notes.txt'), 'x');
    expect(await dataset.listRecordFiles()).toEqual([
      'transcripts/defense/2022/2022-01-18-c.json',
      'transcripts/state/2021/2021-12-01-a.json',
      'transcripts/state/2022/2022-01-19-b.json',
    ]);
  });

  it('names the file when a record is not valid JSON', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'transcripts/state/2022'), { recursive: true });
    await writeFile(join(dir, RECORD_PATH), '{ broken');
    await expect(new Dataset(dir).readRecord(makeTranscript().id)).rejects.toThrow(
      /2022-01-18-department-press-briefing-january-18-2022\.json: invalid JSON/,
    );
  });
});

describe('Dataset index and crawl state', () => {
  it('writes the index sorted by id without changing the caller’s array', async () => {
    const dir = await tempDir();
    const dataset = new Dataset(dir);
    expect(await dataset.readIndex()).toBeNull();
    const a = makeTranscript({ id: 'state/2022-01-18/a' });
    const b = makeTranscript({ id: 'state/2022-01-18/b' });
    const entries = [
      entryFor(b, 'transcripts/state/2022/2022-01-18-b.json'),
      entryFor(a, 'transcripts/state/2022/2022-01-18-a.json'),
    ];
    expect(await dataset.writeIndex(makeIndex(entries))).toBe(true);
    expect(entries[0]?.id).toBe('state/2022-01-18/b');
    expect((await dataset.readIndex())?.transcripts.map((entry) => entry.id)).toEqual([
      'state/2022-01-18/a',
      'state/2022-01-18/b',
    ]);
    expect(await dataset.writeIndex(makeIndex([...entries].reverse()))).toBe(false);
    const text = await readFile(join(dir, 'index.json'), 'utf8');
    expect(text.indexOf('"schemaVersion"')).toBeLessThan(text.indexOf('"datasetVersion"'));
    expect(text.indexOf('"datasetVersion"')).toBeLessThan(text.indexOf('"transcripts"'));
  });

  it('writes state/<agency>.json with pages sorted by url', async () => {
    const dir = await tempDir();
    const dataset = new Dataset(dir);
    expect(await dataset.readCrawlState('state')).toBeNull();
    const state = makeCrawlState();
    state.pages.reverse();
    expect(await dataset.writeCrawlState(state)).toBe(true);
    const read = await dataset.readCrawlState('state');
    expect(read?.pages.map((page) => page.url)).toEqual([...state.pages.map((page) => page.url)].sort());
    expect(await dataset.writeCrawlState(makeCrawlState())).toBe(false);
    expect(await readdir(join(dir, 'state'))).toEqual(['state.json']);
  });

  it('refuses an agency id that is not path-safe', async () => {
    const dataset = new Dataset(await tempDir());
    await expect(dataset.readCrawlState('../x')).rejects.toThrow(/not an agency id/);
    await expect(dataset.writeCrawlState(makeCrawlState({ agency: '../../x' }))).rejects.toThrow(/not an agency id/);
  });
});

describe('Dataset raw pages', () => {
  const html = '<!DOCTYPE html><html><body><p><strong>MR PRICE:</strong> Good afternoon.</p></body></html>';
  const id = 'state/2022-01-18/department-press-briefing-january-18-2022';

  it('gzips with a deterministic header and reads back', async () => {
    const dir = await tempDir();
    const dataset = new Dataset(dir);
    expect(await dataset.writeRaw(id, html)).toBe(true);
    const bytes = await readFile(
      join(dir, 'raw/state/2022/2022-01-18-department-press-briefing-january-18-2022.html.gz'),
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0x1f, 0x8b, 8]);
    expect(bytes.readUInt32LE(4)).toBe(0); // mtime
    expect(bytes[9]).toBe(3); // OS: Unix, whatever wrote it
    expect(gunzipSync(bytes).toString('utf8')).toBe(html);
    expect(await dataset.readRaw(id)).toBe(html);
    expect(await dataset.readRaw('state/2022-01-18/missing')).toBeNull();
  });

  it('writes the same bytes for the same page, and nothing when it is unchanged', async () => {
    const one = new Dataset(await tempDir());
    const two = new Dataset(await tempDir());
    await one.writeRaw(id, html);
    await two.writeRaw(id, html);
    expect(
      await readFile(one.path('raw/state/2022/2022-01-18-department-press-briefing-january-18-2022.html.gz')),
    ).toEqual(await readFile(two.path('raw/state/2022/2022-01-18-department-press-briefing-january-18-2022.html.gz')));
    expect(await one.writeRaw(id, html)).toBe(false);
    expect(await one.writeRaw(id, `${html}\n`)).toBe(true);
    expect(gzipDeterministic(html)).toEqual(gzipDeterministic(html));
  });

  it('replaces a corrupt raw file instead of failing', async () => {
    const dir = await tempDir();
    const dataset = new Dataset(dir);
    await mkdir(join(dir, 'raw/state/2022'), { recursive: true });
    await writeFile(
      dataset.path('raw/state/2022/2022-01-18-department-press-briefing-january-18-2022.html.gz'),
      'not gzip',
    );
    expect(await dataset.writeRaw(id, html)).toBe(true);
    expect(await dataset.readRaw(id)).toBe(html);
  });
});

describe('an unchanged run', () => {
  it('writes no file at all', async () => {
    const dir = await tempDir();
    const dataset = new Dataset(dir);
    const record = makeTranscript();
    const writeAll = async () => [
      await dataset.writeRecord(record),
      await dataset.writeIndex(makeIndex([entryFor(record, RECORD_PATH)])),
      await dataset.writeCrawlState(makeCrawlState()),
      await dataset.writeRaw(record.id, '<p>page</p>'),
    ];
    expect(await writeAll()).toEqual([true, true, true, true]);
    const before = await snapshot(dir);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await writeAll()).toEqual([false, false, false, false]);
    expect(await snapshot(dir)).toEqual(before);
  });
});
