/** Records in catalog order, a few reads ahead so parsing one overlaps reading the next. */
import type { IndexEntry, Transcript } from '../schema/types.ts';
import type { Dataset } from '../store/dataset.ts';

const AHEAD = 8;

export async function* readAhead(dataset: Dataset, entries: readonly IndexEntry[]): AsyncGenerator<[IndexEntry, Transcript | null]> {
  const queue: Promise<Transcript | null>[] = [];
  for (let i = 0; i < entries.length; i++) {
    while (queue.length < AHEAD && i + queue.length < entries.length) {
      const read = dataset.readRecord(entries[i + queue.length]!.id);
      read.catch(() => {}); // reported when awaited, in order, not as an unhandled rejection
      queue.push(read);
    }
    yield [entries[i]!, await queue.shift()!];
  }
}

/** The one-line error for a catalog entry whose record file is gone. */
export const missingRecord = (entry: IndexEntry) => new Error(`site: ${entry.id} is in index.json but ${entry.path} is missing`);
