/**
 * The Browse catalog, split so a first visit downloads only what its first results need (a single
 * catalog.json was 3.3 MB, 431 KB gzipped, at 20 000 transcripts). Transcripts are numbered newest
 * first (the numbers the search index stores) and the catalog is written as:
 *
 * - `catalog/meta.json`: the count, the chunk size, agency and kind names, and each year's range of
 *   numbers (`[year, first, end)`: newest first, so a year is one contiguous range);
 * - `catalog/<k>.json`: transcripts k·CHUNK … k·CHUNK+CHUNK−1 as `[id, title, date, agency, kind]`
 *   (agency and kind as numbers into meta's lists);
 * - `catalog/facets.json`: every transcript's agency and kind numbers, read only when one is filtered;
 * - `catalog/speakers.json`: speaker names (sorted) and, per name, the transcripts they speak in
 *   (first number, then differences), read only when the speaker box is used.
 *
 * The client (assets.ts) reads exactly these; the Chromium test holds the two together.
 */
import type { IndexEntry, Transcript } from '../schema/types.ts';

/** Transcripts per chunk: a search whose first results are scattered fetches one chunk each, so small. */
export const CATALOG_CHUNK = 20;

export interface CatalogMeta {
  count: number;
  chunk: number;
  agencies: string[];
  kinds: string[];
  years: [string, number, number][];
}

export class CatalogBuilder {
  readonly #order: readonly IndexEntry[];
  readonly #agencies: string[];
  readonly #kinds: string[];
  readonly #speakers = new Map<string, number[]>();

  /** `order`: every index entry, newest first (entry n is transcript number n). */
  constructor(order: readonly IndexEntry[]) {
    this.#order = order;
    this.#agencies = [...new Set(order.map((e) => e.agency))].sort();
    this.#kinds = [...new Set(order.map((e) => e.kind))].sort();
  }

  /** Who speaks in transcript `doc` (journalists are not a filter); each transcript once. */
  add(doc: number, t: Transcript): void {
    for (const name of new Set(t.participants.filter((p) => p.role !== 'journalist').map((p) => p.name ?? p.label))) {
      let docs = this.#speakers.get(name);
      if (!docs) this.#speakers.set(name, (docs = []));
      docs.push(doc);
    }
  }

  /** Path under the site → body, in a fixed order; the same dataset gives the same bytes. */
  *files(): Generator<[string, string]> {
    const years: [string, number, number][] = [];
    this.#order.forEach((e, n) => {
      const year = e.date.slice(0, 4);
      const last = years.at(-1);
      if (last && last[0] === year) last[2] = n + 1;
      else years.push([year, n, n + 1]);
    });
    const meta: CatalogMeta = { count: this.#order.length, chunk: CATALOG_CHUNK, agencies: this.#agencies, kinds: this.#kinds, years };
    yield ['catalog/meta.json', `${JSON.stringify(meta)}\n`];
    for (let k = 0; k * CATALOG_CHUNK < this.#order.length; k++) {
      const items = this.#order.slice(k * CATALOG_CHUNK, (k + 1) * CATALOG_CHUNK).map((e) => [e.id, e.title, e.date, this.#agencies.indexOf(e.agency), this.#kinds.indexOf(e.kind)]);
      yield [`catalog/${k}.json`, `${JSON.stringify(items)}\n`];
    }
    const agency = this.#order.map((e) => this.#agencies.indexOf(e.agency));
    const kind = this.#order.map((e) => this.#kinds.indexOf(e.kind));
    yield ['catalog/facets.json', `${JSON.stringify({ agency, kind })}\n`];
    const names = [...this.#speakers.keys()].sort();
    // Documents are added in any order (records may be read ahead); sort before delta-encoding.
    const docs = names.map((name) => this.#speakers.get(name)!.sort((a, b) => a - b).map((d, i, all) => (i ? d - all[i - 1]! : d)));
    yield ['catalog/speakers.json', `${JSON.stringify({ names, docs })}\n`];
  }
}
