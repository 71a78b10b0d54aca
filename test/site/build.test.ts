/**
 * `podium site` without a browser: the same dataset gives byte-identical sites, hostile text is
 * escaped, and the downloads hold what they claim (CSV quoting, an FTS query on the SQLite file,
 * the Data Package and the Atom feed checked structurally, schema $ids that resolve on the site).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { gunzipSync, gzipSync } from 'node:zlib';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_DIR, SCHEMA_FILES } from '../../pipeline/schema/files.ts';
import { csvField } from '../../pipeline/site/exports/csv.ts';
import { ENUMS, TURNS } from '../../pipeline/site/exports/tables.ts';
import type { Changelog, Transcript } from '../../pipeline/schema/types.ts';
import { lastChanged } from '../../pipeline/site/page-sets.ts';
import { validateTranscript } from '../../pipeline/schema/validate.ts';
import { atomFeed, FEED_ENTRIES } from '../../pipeline/site/exports/feed.ts';
import { buildSite, catalogOrder, normalizeBase, siteAddress } from '../../pipeline/site/index.ts';
import { OFF_THREAD } from '../../pipeline/site/exports/index.ts';
import { FileWriter } from '../../pipeline/site/writer.ts';
import { readAhead } from '../../pipeline/site/read-ahead.ts';
import { Dataset } from '../../pipeline/store/dataset.ts';
import { decodePostings, shardOf, tokenize } from '../../pipeline/site/search-index.ts';
import { HOSTILE, HOSTILE_ID, KNOWN_PHRASE, REVISED_ID, SPEECH_ID, writeSiteFixture } from './fixture.ts';

let root: string;
let site: string;
const read = (rel: string) => readFile(join(site, rel), 'utf8');

async function treeHash(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    out[relative(dir, file)] = createHash('sha256').update(await readFile(file)).digest('hex');
  }
  return out;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'podium-site-'));
  await writeSiteFixture(join(root, 'output'));
  site = join(root, '_site');
  await buildSite({ out: join(root, 'output'), dest: site, baseUrl: '/podium/' });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('podium site', () => {
  it('builds the same bytes from the same dataset, replacing the previous site', async () => {
    const first = await treeHash(site);
    await buildSite({ out: join(root, 'output'), dest: site, baseUrl: '/podium/' });
    expect(await treeHash(site)).toEqual(first);
    expect(Object.keys(first)).toEqual(expect.arrayContaining([
      'index.html', 'browse/index.html', 'use-the-data/index.html', 'catalog/meta.json', 'catalog/0.json', 'catalog/facets.json', 'catalog/speakers.json', 'feed.atom', 'datapackage.json',
      'transcripts.ndjson', 'turns.csv', 'podium.sqlite', `t/${REVISED_ID}/index.html`, `t/${REVISED_ID}/revisions/index.html`,
      `t/${REVISED_ID}/diff/1-2/index.html`, 'data/index.json', 'data/changelog.json', 'schemas/v1/transcript.schema.json',
    ]));
    expect(existsSync(`${site}.building`) || existsSync(`${site}.old`)).toBe(false);
  });

  it('writes in its worker threads the files the same exports write in this one', async () => {
    // The bulk downloads and the search index run off the main thread (exports/off-thread.ts); run them here, in order, and compare.
    const here = join(root, 'here');
    const dataset = new Dataset(join(root, 'output'));
    const order = catalogOrder((await dataset.readIndex())!.transcripts);
    const files = new FileWriter(here);
    const exports = [...OFF_THREAD.bulk({ gzip: false }), ...OFF_THREAD.search({ gzip: false })];
    for (const e of exports) await e.open({ dir: here, dataset, order, files });
    for await (const [, t] of readAhead(dataset, order)) for (const e of exports) await e.add(t!);
    for (const e of exports) await e.close([]);
    await files.flush();
    expect(exports.map((e) => e.path)).toEqual(['transcripts.ndjson', 'transcripts.csv', 'turns.csv', 'participants.csv', 'podium.sqlite', 'search/']);
    const mine = await treeHash(here);
    const built = await treeHash(site);
    expect(Object.keys(mine).filter((f) => f.startsWith('search/')).length).toBeGreaterThan(10);
    for (const file of Object.keys(mine)) expect(built[file], file).toBe(mine[file]);
  });

  it('fails with one line naming a record index.json lists but output/ lacks, and keeps the previous site', async () => {
    const out = join(root, 'broken');
    await cp(join(root, 'output'), out, { recursive: true });
    const index = (await new Dataset(out).readIndex())!;
    const gone = index.transcripts.find((e) => e.id === SPEECH_ID)!;
    await rm(join(out, gone.path));
    const dest = join(root, 'broken-site');
    await cp(site, dest, { recursive: true });
    const before = await treeHash(dest);
    await expect(buildSite({ out, dest, baseUrl: '/podium/' })).rejects.toThrow(`site: ${SPEECH_ID} is in index.json but ${gone.path} is missing`);
    expect(await treeHash(dest)).toEqual(before);
  });

  it('links records where --data-url says instead of copying them', async () => {
    const lean = join(root, 'lean');
    await buildSite({ out: join(root, 'output'), dest: lean, baseUrl: '/podium/', dataUrl: 'https://raw.example.org/podium/abc/output/' });
    expect(existsSync(join(lean, 'data/transcripts'))).toBe(false);
    expect(existsSync(join(lean, 'data/index.json'))).toBe(true);
    expect(await readFile(join(lean, `t/${REVISED_ID}/index.html`), 'utf8')).toContain(
      'href="https://raw.example.org/podium/abc/output/transcripts/state/2022/2022-01-18-department-press-briefing-january-18-2022.json"',
    );
    await expect(buildSite({ out: join(root, 'output'), dest: lean, baseUrl: '/', dataUrl: 'javascript:alert(1)//' })).rejects.toThrow(/--data-url/);
  });

  it('writes the bulk exports gzipped with --gzip-exports, and the Data Package says so', async () => {
    const gz = join(root, 'gz');
    await buildSite({ out: join(root, 'output'), dest: gz, baseUrl: '/podium/', gzipExports: true });
    for (const file of ['transcripts.ndjson', 'turns.csv', 'podium.sqlite']) {
      expect(existsSync(join(gz, file))).toBe(false);
      expect(existsSync(join(gz, `${file}.gz`))).toBe(true);
    }
    expect(gunzipSync(await readFile(join(gz, 'turns.csv.gz'))).toString('utf8')).toBe(await read('turns.csv'));
    const pkg = JSON.parse(await readFile(join(gz, 'datapackage.json'), 'utf8')) as { resources: { path: string; compression?: string; bytes?: number }[] };
    expect(pkg.resources.slice(0, 5).map((r) => [r.path, r.compression])).toEqual([['transcripts.ndjson.gz', 'gz'], ['transcripts.csv.gz', 'gz'], ['turns.csv.gz', 'gz'], ['participants.csv.gz', 'gz'], ['podium.sqlite.gz', 'gz']]);
    expect(pkg.resources[4]!.bytes).toBe((await readFile(join(gz, 'podium.sqlite.gz'))).length);
    expect(await readFile(join(gz, 'use-the-data/index.html'), 'utf8')).toContain('curl -sS "$SITE/podium.sqlite.gz" | gunzip &gt; podium.sqlite');
  });

  it('with --assets, writes the bulk downloads and per-year shards as release assets and links them there, not on the site', async () => {
    const lean = join(root, 'released');
    const assets = join(root, 'assets');
    const url = 'https://github.com/o/podium/releases/download/data-{version}/';
    const published = 'https://github.com/o/podium/releases/download/data-2022.02.03.1/';
    await buildSite({ out: join(root, 'output'), dest: lean, baseUrl: '/podium/', dataUrl: 'https://raw.example.org/o/sha/output/', assets: { dir: assets, url } });
    for (const file of ['transcripts.ndjson', 'transcripts.csv', 'turns.csv', 'participants.csv', 'podium.sqlite']) {
      expect(existsSync(join(lean, file)) || existsSync(join(lean, `${file}.gz`))).toBe(false);
      expect(existsSync(join(assets, `${file}.gz`))).toBe(true);
    }
    // No copy of the records on the site: they are linked (--data-url) or in the release.
    expect(existsSync(join(lean, 'data/transcripts'))).toBe(false);
    expect((await readdir(assets)).sort()).toEqual([
      'participants.csv.gz', 'podium-2021.sqlite.gz', 'podium-2022.sqlite.gz', 'podium.sqlite.gz', 'transcripts-2021.ndjson.gz', 'transcripts-2022.ndjson.gz', 'transcripts.csv.gz', 'transcripts.ndjson.gz',
      'turns-2021.csv.gz', 'turns-2022.csv.gz', 'turns.csv.gz',
    ]);
    // A year's shard holds that year's records, in the whole file's order.
    const lines = (file: string) => gunzipSync(readFileSync(join(assets, file))).toString('utf8').trimEnd().split('\n');
    const all = lines('transcripts.ndjson.gz');
    expect(lines('transcripts-2022.ndjson.gz')).toEqual(all.filter((l) => JSON.parse(l).date.startsWith('2022')));
    expect(lines('transcripts-2021.ndjson.gz').map((l) => JSON.parse(l).id)).toEqual([SPEECH_ID]);
    expect(lines('turns-2021.csv.gz')[0]).toBe(lines('turns.csv.gz')[0]);
    writeFileSync(join(root, 'podium-2022.sqlite'), gunzipSync(readFileSync(join(assets, 'podium-2022.sqlite.gz'))));
    const year = new Database(join(root, 'podium-2022.sqlite'));
    expect(year.prepare('SELECT count(*) AS n FROM transcripts').get()).toEqual({ n: 2 });
    // The year's people are its own: every person named in its turns, none from other years.
    const speakers = year.prepare("SELECT count(DISTINCT name) AS n FROM people").get() as { n: number };
    expect(speakers.n).toBeGreaterThan(0);
    year.close();

    const pkg = JSON.parse(await readFile(join(lean, 'datapackage.json'), 'utf8')) as { resources: { name: string; path: string; bytes: number; hash: string }[] };
    const byName = new Map(pkg.resources.map((r) => [r.name, r]));
    expect(byName.get('records')!.path).toBe(`${published}transcripts.ndjson.gz`);
    expect(byName.get('transcripts')!.path).toBe(`${published}transcripts.csv.gz`);
    expect(byName.get('turns-2021')!.path).toBe(`${published}turns-2021.csv.gz`);
    for (const r of pkg.resources.filter((r) => r.path.startsWith(published))) {
      const body = readFileSync(join(assets, r.path.slice(published.length)));
      expect([r.bytes, r.hash]).toEqual([body.length, `sha256:${createHash('sha256').update(body).digest('hex')}`]);
    }
    const useData = await readFile(join(lean, 'use-the-data/index.html'), 'utf8');
    expect(useData).toContain(`curl -sSL "${published}podium.sqlite.gz" | gunzip &gt; podium.sqlite`);
    expect(useData).toContain(`href="${published}transcripts-2021.ndjson.gz"`);
    await expect(buildSite({ out: join(root, 'output'), dest: lean, baseUrl: '/', assets: { dir: assets, url: 'ftp://x/' } })).rejects.toThrow(/--assets-url/);
  });

  it('with --assets-cache, copies the year shards whose records and code are unchanged, and rebuilds the rest', async () => {
    const out = join(root, 'cached-output');
    await cp(join(root, 'output'), out, { recursive: true });
    const cache = join(root, 'shard-cache');
    const url = 'https://github.com/o/podium/releases/download/data-{version}/';
    const build = async (name: string, withCache = true) => {
      const dir = join(root, `assets-${name}`);
      await buildSite({ out, dest: join(root, `site-${name}`), baseUrl: '/podium/', assets: { dir, url, ...(withCache ? { cache } : {}) } });
      return dir;
    };
    // The cache changes nothing in what is published.
    const full = await build('full', false);
    const first = await build('first');
    expect(await treeHash(first)).toEqual(await treeHash(full));
    const manifest = () => JSON.parse(readFileSync(join(cache, 'shards.json'), 'utf8')) as { fingerprint: string; years: Record<string, { key: string; files: { path: string; bytes: number; hash: string }[] }> };
    expect(Object.keys(manifest().years)).toEqual(['2021', '2022']);

    // Plant a 2021 shard in the cache, recorded with its own hash: a build that reuses 2021 publishes it.
    const planted = gzipSync('planted\n');
    const plant = (hash = `sha256:${createHash('sha256').update(planted).digest('hex')}`) => {
      const m = manifest();
      m.years['2021']!.files = m.years['2021']!.files.map((f) => (f.path === 'transcripts-2021.ndjson.gz' ? { ...f, bytes: planted.length, hash } : f));
      writeFileSync(join(cache, 'transcripts-2021.ndjson.gz'), planted);
      writeFileSync(join(cache, 'shards.json'), JSON.stringify(m));
    };
    plant();
    const reused = await build('reused');
    expect(readFileSync(join(reused, 'transcripts-2021.ndjson.gz'))).toEqual(planted);
    expect(readFileSync(join(reused, 'transcripts-2022.ndjson.gz'))).toEqual(readFileSync(join(full, 'transcripts-2022.ndjson.gz')));

    // A cached file whose bytes do not match the record of them is not trusted: the year is rebuilt.
    plant('sha256:0000000000000000000000000000000000000000000000000000000000000000');
    expect(readFileSync(join(await build('tampered'), 'transcripts-2021.ndjson.gz'))).toEqual(readFileSync(join(full, 'transcripts-2021.ndjson.gz')));

    // An edited 2021 record changes that year's key: 2021 is rebuilt from the records, 2022 is copied.
    plant();
    const entry = (await new Dataset(out).readIndex())!.transcripts.find((e) => e.id === SPEECH_ID)!;
    const record = JSON.parse(readFileSync(join(out, entry.path), 'utf8')) as Transcript;
    record.turns[0].paragraphs[0] += ' (edited)';
    writeFileSync(join(out, entry.path), JSON.stringify(record, null, 2));
    const edited = await build('edited');
    const fresh = await build('fresh', false);
    expect(await treeHash(edited)).toEqual(await treeHash(fresh));
    expect(gunzipSync(readFileSync(join(edited, 'transcripts-2021.ndjson.gz'))).toString()).toContain('(edited)');

    // Other code (here: a cache from another fingerprint) rebuilds every year.
    plant();
    writeFileSync(join(cache, 'shards.json'), JSON.stringify({ ...manifest(), fingerprint: 'sha256:other' }));
    expect(await treeHash(await build('recoded'))).toEqual(await treeHash(fresh));
    await expect(buildSite({ out, dest: join(root, 'site-x'), baseUrl: '/', assets: { dir: cache, url, cache } })).rejects.toThrow(/--assets-cache .* must be a folder of its own/);
  });

  it('makes every link in feed.atom, datapackage.json and sitemap.xml absolute with a site URL, and says the address', async () => {
    const abs = join(root, 'abs');
    await buildSite({ out: join(root, 'output'), dest: abs, siteUrl: 'https://owner.example.io/podium' });
    const file = (rel: string) => readFile(join(abs, rel), 'utf8');
    const feedLinks = [...(await file('feed.atom')).matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    expect(feedLinks.length).toBeGreaterThan(2);
    for (const link of feedLinks) expect(link).toMatch(/^https:\/\/owner\.example\.io\/podium\//);
    expect(feedLinks).toContain(`https://owner.example.io/podium/t/${REVISED_ID}/diff/1-2/`);
    const pkg = JSON.parse(await file('datapackage.json')) as { id: string; resources: { path: string; jsonSchema?: string }[] };
    expect(pkg.id).toBe('https://owner.example.io/podium/datapackage.json');
    for (const r of pkg.resources) {
      expect(r.path).toMatch(/^https:\/\/owner\.example\.io\/podium\//);
      expect(existsSync(join(abs, r.path.slice('https://owner.example.io/podium/'.length)))).toBe(true);
      if (r.jsonSchema) expect(r.jsonSchema).toMatch(/^https:\/\/owner\.example\.io\/podium\/schemas\/v1\//);
    }
    // The sitemap lists every page but 404.html, absolute.
    const locs = [...(await file('sitemap.xml')).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    const pages = Object.keys(await treeHash(abs)).filter((f) => f.endsWith('.html') && f !== '404.html').map((f) => `https://owner.example.io/podium/${f.replace(/(^|\/)index\.html$/, '$1')}`).sort();
    expect(locs).toEqual(pages);
    expect(locs).toContain(`https://owner.example.io/podium/t/${REVISED_ID}/diff/1-2/`);
    // The base path follows from the URL: pages link under /podium/.
    expect(await file(`t/${REVISED_ID}/index.html`)).toContain(`href="/podium/t/${REVISED_ID}/revisions/"`);
    expect(await file('use-the-data/index.html')).toContain('SITE=https://owner.example.io/podium\n');
  });

  it('takes the base path from the site URL and refuses one that disagrees or is not absolute', () => {
    expect(siteAddress('https://o.github.io/repo', undefined)).toEqual({ base: '/repo/', siteUrl: 'https://o.github.io/repo/' });
    expect(siteAddress('https://data.example.org', '/')).toEqual({ base: '/', siteUrl: 'https://data.example.org/' });
    expect(siteAddress(undefined, 'podium')).toEqual({ base: '/podium/' });
    expect(() => siteAddress('https://o.github.io/repo/', '/other/')).toThrow('--base-url /other/ disagrees with the path of --site-url');
    expect(() => siteAddress('/podium/', undefined)).toThrow('--site-url wants an absolute http(s) URL');
    expect(() => siteAddress('javascript:alert(1)', undefined)).toThrow('--site-url wants an absolute http(s) URL');
  });

  it('keeps the newest entries in the feed, newest first, when a run adds more than it holds', () => {
    const ids = Array.from({ length: FEED_ENTRIES + 18 }, (_, i) => `state/${new Date(Date.UTC(2021, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)}/briefing-${i}`);
    const run = { runId: 'r1', time: '2026-01-01T00:00:00Z', datasetVersion: '2026.01.01.1', counts: { added: ids.length, revised: 0, withdrawn: 0, restored: 0, reprocessed: 0, failed: 0 }, added: ids, revised: [], withdrawn: [], restored: [], reprocessed: [], failures: [] };
    const xml = atomFeed({ base: '/', datasetVersion: '2026.01.01.1', changelog: { schemaVersion: '1.1.0', entries: [run] }, titleOf: () => undefined });
    const entries = [...xml.matchAll(/<summary>New: (\S+) /g)].map((m) => m[1]!);
    expect(entries).toHaveLength(FEED_ENTRIES);
    expect(entries).toEqual([...ids].reverse().slice(0, FEED_ENTRIES));
  });

  it('normalizes the base URL', () => {
    expect(normalizeBase('')).toBe('/');
    expect(normalizeBase('podium')).toBe('/podium/');
    expect(normalizeBase('/a/b//')).toBe('/a/b/');
  });

  it('escapes hostile text everywhere it appears', async () => {
    const page = await read(`t/${HOSTILE_ID}/index.html`);
    for (const html of [page, await read('index.html'), await read('feed.atom'), await read(`t/${REVISED_ID}/diff/1-2/index.html`)]) {
      expect(html).not.toContain('<script>window');
      expect(html).not.toMatch(/<img[^>]*onerror/);
      expect(html).not.toMatch(/<a[^>]*javascript:/);
      expect(html).not.toMatch(/<svg/);
    }
    expect(page).toContain('Briefing &lt;script&gt;window.__pwned = &quot;title&quot;&lt;/script&gt; on Security');
    // Only the site's own script tags, none on a transcript page.
    expect(page.match(/<script/g)).toBeNull();
  });

  it('cites each transcript with the dataset version it last changed in, so an unchanged record keeps its page', async () => {
    // Dataset 2022.02.03.1: run 2 revised REVISED_ID only; SPEECH_ID is as run 1 (2022.02.02.1) added it.
    expect(await read(`t/${REVISED_ID}/index.html`)).toContain('Podium dataset, version 2022.02.03.1.');
    expect(await read(`t/${SPEECH_ID}/index.html`)).toContain('Podium dataset, version 2022.02.02.1.');
    const entry = (over: Partial<Changelog['entries'][number]>) => ({ runId: 'r', time: '2026-01-01T00:00:00Z', datasetVersion: 'v', counts: { added: 0, revised: 0, withdrawn: 0, restored: 0, reprocessed: 0, failed: 0 }, added: [], revised: [], withdrawn: [], restored: [], reprocessed: [], failures: [], ...over });
    const versions = lastChanged({ schemaVersion: '1.1.0', entries: [
      entry({ datasetVersion: '1', added: ['a', 'b', 'c', 'd'] }),
      entry({ datasetVersion: '2', revised: [{ id: 'a', revision: 2, change: 'minor' }], withdrawn: ['b'] }),
      entry({ datasetVersion: '3', reprocessed: ['c'], restored: ['b'] }),
    ] });
    expect(Object.fromEntries(versions)).toEqual({ a: '2', b: '3', c: '3', d: '1' });
  });

  it('gives each turn a stable anchor and each speaker role a class', async () => {
    const page = await read(`t/${REVISED_ID}/index.html`);
    expect(page).toContain('id="t1"');
    expect(page).toContain('id="t3"');
    expect(page).toMatch(/class="turn role-journalist" id="t2"/);
    expect(page).toContain(`href="/podium/data/transcripts/state/2022/2022-01-18-department-press-briefing-january-18-2022.json"`);
    expect(page).toContain(`href="/podium/t/${REVISED_ID}/revisions/"`);
  });

  it('writes turns.csv per RFC 4180', async () => {
    const csv = await read('turns.csv');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('transcriptId,n,date,heldOn,agency,speaker,role,askedBy,askedByOutlet,askedByEvidence,misprintReads,misprintKind,text');
    expect(csv).toContain(`${HOSTILE_ID},2,2022-02-02,,state,QUESTION,journalist,${csvField(HOSTILE.askedBy)},,,,,${csvField(HOSTILE.link)}\r\n`);
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('plain')).toBe('plain');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('writes one record a line to transcripts.ndjson, each turn numbered as in turns.csv, valid against the schema', async () => {
    const records = (await read('transcripts.ndjson')).trimEnd().split('\n').map((l) => JSON.parse(l) as Transcript);
    expect(records.map((r) => r.id).sort()).toEqual([REVISED_ID, SPEECH_ID, HOSTILE_ID].sort());
    for (const r of records) {
      expect(r.turns.map((t) => t.n)).toEqual(r.turns.map((_, i) => i + 1));
      const check = validateTranscript(r);
      expect(check.ok ? [] : check.errors).toEqual([]);
    }
  });

  it('names the columns the same in every CSV file and SQLite table, column for column', async () => {
    const db = new Database(join(site, 'podium.sqlite'), { readonly: true });
    try {
      for (const table of ['transcripts', 'turns', 'participants']) {
        const header = (await read(`${table}.csv`)).split('\r\n')[0]!.split(',');
        const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name).filter((n) => n !== 'rowid');
        expect(columns, table).toEqual(header);
        for (const name of header) expect(name, `${table}.${name} is camelCase`).toMatch(/^[a-z][a-zA-Z0-9]*$/);
        const rows = (await read(`${table}.csv`)).split('\r\n').filter((l, i) => i > 0 && /^[a-z]+\//.test(l)).length;
        expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: rows });
      }
      // participants turns a label into a name; people is the registry.
      expect(db.prepare(`SELECT p.name FROM turns t JOIN participants p ON p.transcriptId = t.transcriptId AND p.label = t.speaker WHERE t.transcriptId = ? AND t.n = 1`).get(REVISED_ID)).toEqual({ name: 'Ned Price' });
      const people = db.prepare('SELECT name, records FROM people ORDER BY name').all() as { name: string; records: number }[];
      expect(people.map((p) => p.name)).toContain('Ned Price');
      expect(db.prepare("SELECT count(*) AS n FROM peopleLabels WHERE name = 'Ned Price'").get()).toEqual({ n: expect.any(Number) });
    } finally {
      db.close();
    }
  });

  it('fills the questioner and misprint columns from the turn when a record has them', () => {
    const base = { id: 'state/2022-01-01/x', date: '2022-01-01', agency: 'state', turns: [{ speaker: 'QUESTION', role: 'journalist', askedBy: 'Shaun Tandon', askedByOutlet: 'AFP', askedByEvidence: 'called', paragraphs: ['Thanks.'] }, { speaker: 'MR PRCE', role: 'official', misprint: { reads: 'MR PRICE', kind: 'spelling' }, paragraphs: ['Yes.'] }] } as unknown as Transcript;
    const names = TURNS.columns.map((c) => c.name);
    const rows = TURNS.rows(base).map((row) => Object.fromEntries(names.map((n, i) => [n, row[i]])));
    expect(rows.map((r) => [r.n, r.askedBy, r.askedByOutlet, r.askedByEvidence, r.misprintReads, r.misprintKind])).toEqual([[1, 'Shaun Tandon', 'AFP', 'called', null, null], [2, null, null, null, 'MR PRICE', 'spelling']]);
  });

  it('answers a full-text query from the SQLite export', () => {
    const db = new Database(join(site, 'podium.sqlite'), { readonly: true });
    try {
      const rows = db.prepare(`SELECT t.transcriptId AS id, t.n FROM turns_fts JOIN turns t ON t.rowid = turns_fts.rowid WHERE turns_fts MATCH ? ORDER BY rank`).all(`"${KNOWN_PHRASE}"`);
      expect(rows).toEqual([{ id: REVISED_ID, n: 1 }]);
      expect(db.prepare('SELECT revision, change FROM revisions WHERE transcriptId = ? ORDER BY revision').all(REVISED_ID)).toEqual([
        { revision: 1, change: 'initial' },
        { revision: 2, change: 'minor' },
      ]);
      expect(db.prepare('SELECT count(*) AS n FROM transcripts').get()).toEqual({ n: 3 });
      expect(db.prepare('SELECT id, heldOn FROM transcripts WHERE heldOn IS NOT NULL').all()).toEqual([{ id: REVISED_ID, heldOn: '2022-01-18' }]);
    } finally {
      db.close();
    }
  });

  it('describes every download in a Data Package v2 whose paths and schemas exist', async () => {
    const pkg = JSON.parse(await read('datapackage.json')) as { $schema: string; name: string; version: string; temporal: { start: string; end: string }; sources: { title: string; path?: string }[]; resources: { name: string; path: string; bytes: number; hash: string; jsonSchema?: string; schema?: { fields: { name: string }[] } }[] };
    expect(pkg.$schema).toBe('https://datapackage.org/profiles/2.0/datapackage.json');
    expect(pkg.name).toMatch(/^[a-z0-9._-]+$/);
    expect(pkg.version).toBe('2022.02.03.1');
    expect(pkg.resources.map((r) => r.path)).toEqual(['transcripts.ndjson', 'transcripts.csv', 'turns.csv', 'participants.csv', 'podium.sqlite', 'data/index.json', 'data/changelog.json']);
    for (const r of pkg.resources) {
      expect(r.name).toMatch(/^[a-z0-9._-]+$/);
      expect(existsSync(join(site, r.path))).toBe(true);
      // Bytes and hash are what each export's close reported; they must be the published file's.
      const body = await readFile(join(site, r.path));
      expect([r.path, r.bytes, r.hash]).toEqual([r.path, body.length, `sha256:${createHash('sha256').update(body).digest('hex')}`]);
      if (r.jsonSchema) expect(existsSync(join(site, r.jsonSchema))).toBe(true);
    }
    type Field = { name: string; constraints?: { enum?: string[] } };
    const table = (name: string) => pkg.resources.find((r) => r.name === name)!.schema as unknown as { fields: Field[]; primaryKey: string[]; foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[] };
    expect(table('turns').fields.map((f) => f.name)).toEqual(['transcriptId', 'n', 'date', 'heldOn', 'agency', 'speaker', 'role', 'askedBy', 'askedByOutlet', 'askedByEvidence', 'misprintReads', 'misprintKind', 'text']);
    // Enum constraints are the schema's enums; foreign keys point at a resource that has the key.
    const schema = JSON.parse(await readFile(join(SCHEMA_DIR, 'transcript.schema.json'), 'utf8')) as { $defs: { kind: { enum: string[] }; role: { enum: string[] } } };
    expect(table('transcripts').fields.find((f) => f.name === 'kind')!.constraints!.enum).toEqual(schema.$defs.kind.enum);
    expect(table('turns').fields.find((f) => f.name === 'role')!.constraints!.enum).toEqual(schema.$defs.role.enum);
    expect(ENUMS.role).toEqual(schema.$defs.role.enum);
    for (const name of ['turns', 'participants']) {
      expect(table(name).foreignKeys).toEqual([{ fields: ['transcriptId'], reference: { resource: 'transcripts', fields: ['id'] } }]);
      expect(table('transcripts').primaryKey).toEqual(['id']);
    }
    // Every turn's transcriptId is a transcript's id, and every role and kind is in its enum.
    const ids = new Set((await read('transcripts.csv')).split('\r\n').slice(1).filter(Boolean).map((l) => l.split(',')[0]));
    for (const l of (await read('turns.csv')).split('\r\n').slice(1).filter((l) => /^[a-z]+\/\d{4}/.test(l))) expect(ids.has(l.split(',')[0])).toBe(true);
    const dates = (await read('transcripts.ndjson')).trimEnd().split('\n').map((l) => (JSON.parse(l) as { date: string }).date).sort();
    expect(pkg.temporal).toEqual({ start: dates[0], end: dates.at(-1) });
    expect(pkg.sources.map((s) => s.title)).toContain('U.S. Department of State');
  });

  it('writes no sitemap.xml without a site URL: sitemaps.org requires absolute addresses', () => {
    expect(existsSync(join(site, 'sitemap.xml'))).toBe(false);
  });

  it('publishes the schemas where their $id URLs point', async () => {
    for (const file of SCHEMA_FILES) {
      const schema = JSON.parse(await readFile(join(SCHEMA_DIR, file), 'utf8')) as { $id: string };
      const path = new URL(schema.$id).pathname; // /podium/schemas/v1/<file>
      expect(path.startsWith('/podium/')).toBe(true);
      expect(await read(path.slice('/podium/'.length))).toBe(await readFile(join(SCHEMA_DIR, file), 'utf8'));
    }
  });

  it('writes a valid Atom feed of new and revised transcripts', async () => {
    const xml = await read('feed.atom');
    const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link' }).parse(xml).feed;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    for (const key of ['id', 'title', 'updated', 'author']) expect(feed[key]).toBeDefined();
    expect(feed.updated).toBe('2022-02-03T10:00:00Z');
    const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
    const ids = new Set<string>();
    for (const entry of feed.entry) {
      expect(entry.id).toMatch(/^tag:/);
      expect(ids.has(entry.id)).toBe(false);
      ids.add(entry.id);
      expect(entry.updated).toMatch(iso);
      expect(entry.link[0]['@_href']).toMatch(/^\/podium\//);
    }
    expect(feed.entry).toHaveLength(4);
    expect(feed.entry[0].title).toMatch(/^Revised \(minor\): Department Press Briefing/);
    expect(feed.entry[0].category['@_term']).toBe('minor');
    expect(feed.entry[0].link[0]['@_href']).toBe(`/podium/t/${REVISED_ID}/diff/1-2/`);
  });

  it('shards the search index by word, storing numbers only: transcript and turn of each passage', async () => {
    const words = tokenize(KNOWN_PHRASE);
    expect(words).toEqual(['rhubarb', 'diplomacy']);
    const postings = async (word: string) => decodePostings((JSON.parse(gunzipSync(await readFile(join(site, `search/${shardOf(word)}.json.gz`))).toString('utf8')) as Record<string, number[]>)[word] ?? []);
    const items = JSON.parse(await read('catalog/0.json')) as [string][];
    const at = (m: Map<number, number[]>) => Object.fromEntries([...m].map(([doc, parts]) => [items[doc]![0], parts]));
    // Turn 1 of the revised briefing; "Diplomacy is back." is turn 1 of the speech; "Blinken" is a name (part 0) and a label.
    expect(at(await postings('rhubarb'))).toEqual({ [REVISED_ID]: [1] });
    expect(at(await postings('diplomacy'))).toEqual({ [REVISED_ID]: [1], [SPEECH_ID]: [1] });
    expect(at(await postings('thursday'))).toEqual({});
    expect(at(await postings('geneva'))).toEqual({ [REVISED_ID]: [2] });
    expect(at(await postings('blinken'))).toEqual({ [SPEECH_ID]: [0] });
    expect(tokenize('The <b>Secretary</b> said: “Ça va”')).toEqual(['secretary', 'said', 'ça', 'va']);
  });
});
