/**
 * The full-text search index the Browse page queries: an inverted index from words to passages —
 * a transcript number (its place in the catalog, newest first; catalog.ts) and the turns in it (`#tN`; 0 is the title and
 * participant names) — split into SHARDS files by a hash of the word, so a query downloads only the
 * shards of its own words. Shards store numbers, never text: the client shows a hit's text from the
 * transcript's own page, and checks quoted phrases there. Numbers are delta-encoded (small,
 * repetitive, gzip-friendly). The client (assets.ts) tokenizes, hashes and decodes the same way;
 * a test holds the two together.
 *
 * A posting list is flat: per transcript, `docDelta, k, part, partDelta…` — the transcript (first
 * absolute, then the difference from the previous one), how many parts hold the word, and those
 * part numbers (first absolute, then differences).
 *
 * Files (the site stores each gzipped, `<path>.gz`: page-sets.ts): `search/<shard>.json` maps each word of the shard to its postings. A word found in at most
 * HEAD transcripts maps to its whole list. A longer one maps to `{"n": transcripts, "p": head, "r":
 * [range…]}`: the postings of its first (newest) HEAD transcripts, enough for Browse's first page, and
 * the ranges holding the rest. Transcript numbers are cut into RANGES ranges of `rangeSize(count)`
 * numbers; `search/<shard>/<range>.json` maps each long word of the shard to its postings in that
 * range after its head (a list of its own, first transcript absolute). Without the split a common
 * word's shard was 137 KiB gzipped at 30 000 transcripts, and a one-word search fetched it all
 * before showing 25 results; now the rest is fetched when the reader pages on, or when a query with
 * several words or a filter needs it.
 */
import type { Transcript } from '../schema/types.ts';

/** Number of shard files. */
export const SHARDS = 512;

/** Transcripts of a word's postings kept in its shard: Browse's first page (25) with room for a second word. */
export const HEAD = 64;

/** Ranges of transcript numbers a long word's postings after its head are cut into. */
export const RANGES = 16;

/** Transcript numbers per range (the client computes it from the catalog's count the same way). */
export const rangeSize = (count: number): number => Math.max(1, Math.ceil(count / RANGES));

/** A long word's entry in its shard file. */
export interface LongPostings {
  /** Transcripts holding the word. */
  n: number;
  /** The postings of the first HEAD of them. */
  p: number[];
  /** The ranges holding the others, ascending. */
  r: number[];
}

/** Words too common to narrow a search; dropped from the index and from queries alike. */
export const STOPWORDS = ['the', 'and', 'to', 'of', 'a', 'in', 'that', 'is', 'it', 'we', 'you', 'i', 'for', 'on', 'this', 'be', 'with', 'have', 'are', 'as', 'not', 'but', 'at', 'what', 'about', 'so', 'they', 'our', 'there', 'will', 'he', 'do', 'an', 'or', 'by', 'from'];
const STOP = new Set(STOPWORDS);

/** What the Browse search looks in: part 0 the title and speakers' names, part n turn n (`#tN`). */
export function searchParts(t: Transcript): string[] {
  return [[t.title, ...t.participants.map((p) => `${p.name ?? ''} ${p.label}`)].join('\n'), ...t.turns.map((turn) => turn.paragraphs.join('\n'))];
}

/** One word character, as the client's /[\p{L}\p{N}]+/gu sees it; the index's hot loop asks per code point. */
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const wide = new Map<number, boolean>();
function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  let w = wide.get(c);
  if (w === undefined) wide.set(c, (w = WORD_CHAR.test(String.fromCodePoint(c))));
  return w;
}

/**
 * Lower-cased words of a text, letters and digits only, stopwords and one-letter words left out.
 * The runs of code points the client's `match(/[\p{L}\p{N}]+/gu)` finds, found by a scan (the
 * regex was most of the index's build time; a test holds the two equal).
 */
export function tokenize(text: string): string[] {
  const s = text.toLowerCase().normalize('NFKC');
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    let c = i < s.length ? s.charCodeAt(i) : 32;
    const pair = c >= 0xd800 && c < 0xdc00 && i + 1 < s.length;
    if (pair) c = s.codePointAt(i)!;
    if (isWordChar(c)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start > 1) {
        const word = s.slice(start, i);
        if (!STOP.has(word)) out.push(word);
      }
      start = -1;
    }
    if (pair && c > 0xffff) i++;
  }
  return out;
}

/** FNV-1a over UTF-16 code units: cheap, and the same in the browser. */
export function shardOf(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % SHARDS;
}

/**
 * One word's posting list as it grows, as unsigned LEB128 varints: most numbers are small deltas, so
 * a byte each where a number[] took 8 (at 30 000 transcripts the arrays alone were about 2 GiB).
 */
class PostingList {
  bytes = new Uint8Array(16);
  length = 0;
  /** Numbers pushed. */
  count = 0;
  /** The last transcript added. */
  last = -1;

  push(x: number): void {
    if (this.length + 5 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    while (x >= 0x80) {
      this.bytes[this.length++] = (x & 0x7f) | 0x80;
      x >>>= 7;
    }
    this.bytes[this.length++] = x;
    this.count++;
  }

  numbers(): number[] {
    const out = new Array<number>(this.count);
    for (let i = 0, k = 0; i < this.length; k++) {
      let b = this.bytes[i++]!;
      let x = b & 0x7f;
      for (let shift = 7; b & 0x80; shift += 7) {
        b = this.bytes[i++]!;
        x += (b & 0x7f) * 2 ** shift;
      }
      out[k] = x;
    }
    return out;
  }
}

/** Accumulates postings document by document; documents must be added in increasing number. */
export class SearchIndexBuilder {
  readonly #postings = new Map<string, PostingList>();

  /** `parts[0]`: the title and names; `parts[n]`: turn n's text. Each document once. */
  add(doc: number, parts: string[]): void {
    const where = new Map<string, number[]>();
    for (let part = 0; part < parts.length; part++) {
      for (const word of tokenize(parts[part]!)) {
        const found = where.get(word);
        if (!found) where.set(word, [part]);
        else if (found[found.length - 1] !== part) found.push(part);
      }
    }
    for (const [word, found] of where) {
      let list = this.#postings.get(word);
      if (!list) this.#postings.set(word, (list = new PostingList()));
      if (doc <= list.last) throw new Error(`search index: document ${doc} added after ${list.last}`);
      list.push(list.last < 0 ? doc : doc - list.last);
      list.push(found.length);
      found.forEach((p, i) => list.push(i ? p - found[i - 1]! : p));
      list.last = doc;
    }
  }

  /**
   * Path under the site → file body, for a catalog of `count` transcripts: the shards, then each
   * shard's ranges. Words sorted, so the same dataset gives the same bytes.
   */
  *files(count: number, head = HEAD): Generator<[string, string]> {
    const size = rangeSize(count);
    const byShard: string[][] = Array.from({ length: SHARDS }, () => []);
    for (const word of this.#postings.keys()) byShard[shardOf(word)]!.push(word);
    for (let s = 0; s < SHARDS; s++) {
      const words = byShard[s]!.sort();
      const ranges = new Map<number, string[]>();
      const entries = words.map((word) => {
        const list = this.#postings.get(word)!.numbers();
        const split = splitPostings(list, head, size);
        if (!split) return `${JSON.stringify(word)}:[${list.join(',')}]`;
        for (const [range, rest] of split.rest) {
          let lines = ranges.get(range);
          if (!lines) ranges.set(range, (lines = []));
          lines.push(`${JSON.stringify(word)}:[${rest.join(',')}]`);
        }
        const long: LongPostings = { n: split.n, p: split.head, r: [...split.rest.keys()] };
        return `${JSON.stringify(word)}:${JSON.stringify(long)}`;
      });
      yield [`search/${s}.json`, `{${entries.join(',\n')}}\n`];
      for (const range of [...ranges.keys()].sort((a, b) => a - b)) yield [`search/${s}/${range}.json`, `{${ranges.get(range)!.join(',\n')}}\n`];
    }
  }
}

/**
 * A posting list longer than `head` transcripts, cut: its first `head` transcripts as they are, and
 * the rest by range of `size` transcript numbers (ascending), each re-based to start absolute.
 * Undefined when the list is short enough to keep whole.
 */
export function splitPostings(list: readonly number[], head: number, size: number): { n: number; head: number[]; rest: Map<number, number[]> } | undefined {
  let n = 0;
  let doc = 0;
  let prev = 0;
  let cut = -1;
  const rest = new Map<number, number[]>();
  for (let i = 0; i < list.length; ) {
    doc = n === 0 ? list[i]! : doc + list[i]!;
    const end = i + 2 + list[i + 1]!;
    if (n === head) cut = i;
    if (n >= head) {
      const range = Math.floor(doc / size);
      let out = rest.get(range);
      if (!out) rest.set(range, (out = []));
      // Docs ascend, so a range's earlier transcript is the one just before.
      out.push(out.length ? doc - prev : doc, ...list.slice(i + 1, end));
    }
    prev = doc;
    n++;
    i = end;
  }
  if (cut < 0) return undefined;
  return { n, head: list.slice(0, cut), rest };
}

/** Decodes one word's posting list: transcript number → the parts (0 title, n turn n) holding it. */
export function decodePostings(list: number[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  let doc = 0;
  for (let i = 0; i < list.length; ) {
    doc = out.size === 0 ? list[i]! : doc + list[i]!;
    const k = list[i + 1]!;
    const parts: number[] = [];
    for (let j = 0; j < k; j++) parts.push(j ? parts[j - 1]! + list[i + 2 + j]! : list[i + 2]!);
    out.set(doc, parts);
    i += 2 + k;
  }
  return out;
}
