/**
 * The search index's files (pipeline/site/search-index.ts): a word in at most HEAD transcripts is
 * whole in its shard; a longer one keeps its first HEAD there and the rest in per-range files, and
 * reading the head and then every listed range gives back exactly the postings that went in.
 */
import { describe, expect, it } from 'vitest';
import { BROWSE_JS } from '../../pipeline/site/assets.ts';
import { decodePostings, HEAD, RANGES, rangeSize, SearchIndexBuilder, shardOf, splitPostings, STOPWORDS, tokenize, type LongPostings } from '../../pipeline/site/search-index.ts';

const COUNT = 1000;

/** Transcript d's text: "common" in every one (turn 1, and turn 2 every other), "tertia" in every third, "rare" in two. */
function parts(d: number): string[] {
  return [`Briefing ${d}`, 'common ground', d % 2 ? 'more common talk' : 'nothing', d % 3 === 0 ? 'tertia' : 'none', d === 7 || d === 901 ? 'rare word' : 'plain'];
}

function build(): Map<string, string> {
  const index = new SearchIndexBuilder();
  for (let d = 0; d < COUNT; d++) index.add(d, parts(d));
  return new Map(index.files(COUNT));
}

/** What a reader gets for `word`: the shard's entry, then (for a long word) each range it lists. */
function read(files: Map<string, string>, word: string): { entry: number[] | LongPostings; docs: Map<number, number[]> } {
  const s = shardOf(word);
  const entry = (JSON.parse(files.get(`search/${s}.json`)!) as Record<string, number[] | LongPostings>)[word] ?? [];
  if (Array.isArray(entry)) return { entry, docs: decodePostings(entry) };
  const docs = decodePostings(entry.p);
  for (const r of entry.r) {
    const list = (JSON.parse(files.get(`search/${s}/${r}.json`)!) as Record<string, number[]>)[word]!;
    for (const [doc, ps] of decodePostings(list)) {
      expect(Math.floor(doc / rangeSize(COUNT))).toBe(r);
      expect(docs.has(doc)).toBe(false);
      docs.set(doc, ps);
    }
  }
  return { entry, docs };
}

const expected = (word: string) => {
  const out = new Map<number, number[]>();
  for (let d = 0; d < COUNT; d++) {
    const found = parts(d).flatMap((text, p) => (text.toLowerCase().split(' ').includes(word) ? [p] : []));
    if (found.length) out.set(d, found);
  }
  return out;
};

describe('search index files', () => {
  const files = build();

  it('keeps a word of at most HEAD transcripts whole in its shard', () => {
    const { entry, docs } = read(files, 'rare');
    expect(Array.isArray(entry)).toBe(true);
    expect([...docs]).toEqual([[7, [4]], [901, [4]]]);
  });

  it('cuts a long word after its first HEAD transcripts and files the rest by range', () => {
    for (const word of ['common', 'tertia']) {
      const { entry, docs } = read(files, word);
      expect(Array.isArray(entry)).toBe(false);
      const long = entry as LongPostings;
      const want = expected(word);
      expect(long.n).toBe(want.size);
      expect([...decodePostings(long.p).keys()]).toEqual([...want.keys()].slice(0, HEAD));
      expect([...docs].sort((a, b) => a[0] - b[0])).toEqual([...want]);
      // Ranges past the head, ascending, each one the word has postings in.
      const last = [...want.keys()][HEAD - 1]!;
      expect(long.r[0]).toBe(Math.floor((last + 1) / rangeSize(COUNT)));
      expect(long.r.at(-1)).toBe(RANGES - 1);
      expect(long.r).toEqual([...long.r].sort((a, b) => a - b));
    }
    expect((read(files, 'common').entry as LongPostings).p).toHaveLength(HEAD * 2 + [...expected('common').values()].slice(0, HEAD).flat().length);
  });

  it('writes no empty range file, and the same bytes for the same index', () => {
    for (const [path, body] of files) if (/^search\/\d+\/\d+\.json$/.test(path)) expect(Object.keys(JSON.parse(body) as object).length).toBeGreaterThan(0);
    expect([...build()]).toEqual([...files]);
  });

  it('splitPostings leaves a list of exactly HEAD transcripts whole', () => {
    const list = Array.from({ length: HEAD }, (_, i) => [i ? 1 : 0, 1, 0]).flat();
    expect(splitPostings(list, HEAD, 10)).toBeUndefined();
    expect(splitPostings([...list, 1, 1, 0], HEAD, 10)).toEqual({ n: HEAD + 1, head: list, rest: new Map([[6, [HEAD, 1, 0]]]) });
  });

  it('round-trips large transcript and turn numbers (several bytes each in the builder)', () => {
    const index = new SearchIndexBuilder();
    const docs = [5, 127, 128, 70_000, 2_000_000];
    const turns = (d: number) => Array.from({ length: 300 }, (_, i) => (i === 0 || i === 299 || i === d % 200 ? 'vast' : 'none'));
    for (const d of docs) index.add(d, turns(d));
    const shard = JSON.parse(new Map(index.files(2_000_001)).get(`search/${shardOf('vast')}.json`)!) as Record<string, number[]>;
    expect([...decodePostings(shard['vast']!)]).toEqual(docs.map((d) => [d, [...new Set([0, d % 200, 299])].sort((a, b) => a - b)]));
    expect(() => index.add(70_000, ['vast'])).toThrow(/added after 2000000/);
  });

  it('tokenize finds the words the client’s regex finds, on any text', () => {
    // The client's tokenizer, as assets.ts writes it.
    expect(BROWSE_JS).toContain("text.toLowerCase().normalize('NFKC').match(/[\\p{L}\\p{N}]+/gu) || []");
    expect(BROWSE_JS).toContain('return words(text).filter(function (w) { return w.length > 1 && !STOP.has(w); });');
    const stop = new Set(STOPWORDS);
    const client = (text: string) => (text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 1 && !stop.has(w));
    const cases = [
      'The <b>Secretary</b> said: “Ça va” — isn’t it?',
      'x\u{1d400}y ab \u{1d400}\u{1d401}', 'café naïve e\u0301te\u0301', '١٢٣ 中文字 ab', 'a\ud800b cd \udc00ef', 'ǅemal Ⅻ ab', 'İstanbul ŞEHİR',
      '😀ab😀 ﬁnal ①② ab', 'end with a word', 'xx', '',
    ];
    // And random text over the planes and kinds of character a transcript might hold (seeded).
    let seed = 15;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const pools: [number, number][] = [[32, 127], [128, 0x24f], [0x300, 0x36f], [0x2000, 0x2bff], [0x4e00, 0x4e50], [0xd800, 0xdfff], [0xfb00, 0xfb4f], [0x1d400, 0x1d4ff], [0x1f600, 0x1f64f]];
    for (let k = 0; k < 3000; k++) {
      let text = '';
      for (let j = 0; j < 12; j++) {
        const [lo, hi] = pools[Math.floor(random() * pools.length)]!;
        text += String.fromCodePoint(lo + Math.floor(random() * (hi - lo + 1)));
      }
      cases.push(text);
    }
    for (const text of cases) expect(tokenize(text), JSON.stringify(text)).toEqual(client(text));
  });
});
