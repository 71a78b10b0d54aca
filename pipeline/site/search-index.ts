/**
 * The full-text search index the Browse page queries: an inverted index from words to transcript
 * numbers (their place in catalog.json), split into SHARDS files by a hash of the word, so a query
 * downloads only the shards of its own words. Shards store numbers, never text, and the numbers are
 * delta-encoded (small, repetitive, gzip-friendly). The client (assets.ts) tokenizes and hashes the
 * same way; a test holds the two together.
 */

/** Number of shard files. At 20 000 transcripts each is roughly 100 KB before compression. */
export const SHARDS = 512;

/** Words too common to narrow a search; dropped from the index and from queries alike. */
export const STOPWORDS = ['the', 'and', 'to', 'of', 'a', 'in', 'that', 'is', 'it', 'we', 'you', 'i', 'for', 'on', 'this', 'be', 'with', 'have', 'are', 'as', 'not', 'but', 'at', 'what', 'about', 'so', 'they', 'our', 'there', 'will', 'he', 'do', 'an', 'or', 'by', 'from'];
const STOP = new Set(STOPWORDS);

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

  add(doc: number, text: string): void {
    for (const word of new Set(tokenize(text))) {
      const last = this.#last.get(word);
      if (last === doc) continue;
      let list = this.#postings.get(word);
      if (!list) this.#postings.set(word, (list = []));
      list.push(last === undefined ? doc : doc - last);
      this.#last.set(word, doc);
    }
  }

  /** Shard number → file body (`{"word":[first, delta, delta…]}`, words sorted). */
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
