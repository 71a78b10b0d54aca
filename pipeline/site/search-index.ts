/**
 * The full-text search index the Browse page queries: an inverted index from words to passages —
 * a transcript number (its place in the catalog, newest first; catalog.ts) and the turns in it (`#tN`; 0 is the title and
 * participant names) — split into SHARDS files by a hash of the word, so a query downloads only the
 * shards of its own words. Shards store numbers, never text: the client shows a hit's text from the
 * transcript's own page, and checks quoted phrases there. Numbers are delta-encoded (small,
 * repetitive, gzip-friendly). The client (assets.ts) tokenizes, hashes and decodes the same way;
 * a test holds the two together.
 *
 * A word's posting list is flat: per transcript, `docDelta, k, part, partDelta…` — the transcript
 * (first absolute, then the difference from the previous one), how many parts hold the word, and
 * those part numbers (first absolute, then differences).
 */
import type { Transcript } from '../schema/types.ts';

/** Number of shard files. At 20 000 transcripts each is roughly 100 KB before compression. */
export const SHARDS = 512;

/** Words too common to narrow a search; dropped from the index and from queries alike. */
export const STOPWORDS = ['the', 'and', 'to', 'of', 'a', 'in', 'that', 'is', 'it', 'we', 'you', 'i', 'for', 'on', 'this', 'be', 'with', 'have', 'are', 'as', 'not', 'but', 'at', 'what', 'about', 'so', 'they', 'our', 'there', 'will', 'he', 'do', 'an', 'or', 'by', 'from'];
const STOP = new Set(STOPWORDS);

/** What the Browse search looks in: part 0 the title and speakers' names, part n turn n (`#tN`). */
export function searchParts(t: Transcript): string[] {
  return [[t.title, ...t.participants.map((p) => `${p.name ?? ''} ${p.label}`)].join('\n'), ...t.turns.map((turn) => turn.paragraphs.join('\n'))];
}

/** Lower-cased words of a text, letters and digits only, stopwords and one-letter words left out. */
export function tokenize(text: string): string[] {
  return (text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 1 && !STOP.has(w));
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

/** Accumulates postings document by document; documents must be added in increasing number. */
export class SearchIndexBuilder {
  readonly #postings = new Map<string, number[]>();
  readonly #last = new Map<string, number>();

  /** `parts[0]`: the title and names; `parts[n]`: turn n's text. Each document once. */
  add(doc: number, parts: string[]): void {
    const where = new Map<string, number[]>();
    parts.forEach((text, part) => {
      for (const word of new Set(tokenize(text))) {
        const list = where.get(word);
        if (list) list.push(part);
        else where.set(word, [part]);
      }
    });
    for (const [word, found] of where) {
      const last = this.#last.get(word);
      if (last === doc) throw new Error(`search index: document ${doc} added twice`);
      let list = this.#postings.get(word);
      if (!list) this.#postings.set(word, (list = []));
      list.push(last === undefined ? doc : doc - last, found.length, ...found.map((p, i) => (i ? p - found[i - 1]! : p)));
      this.#last.set(word, doc);
    }
  }

  /** Shard number → file body (`{"word":[doc, k, part…, docDelta, k, part…]}`, words sorted). */
  *shards(): Generator<[number, string]> {
    const byShard: string[][] = Array.from({ length: SHARDS }, () => []);
    for (const word of this.#postings.keys()) byShard[shardOf(word)]!.push(word);
    for (let s = 0; s < SHARDS; s++) {
      const words = byShard[s]!.sort();
      const body = words.map((w) => `${JSON.stringify(w)}:[${this.#postings.get(w)!.join(',')}]`).join(',\n');
      yield [s, `{${body}}\n`];
    }
  }
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
