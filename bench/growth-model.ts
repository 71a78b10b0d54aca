/**
 * The growth bench's inputs, read off the real corpus: how many transcripts appear a day and how
 * often (and how soon) one is edited after it appears, and a way to give every synthetic transcript
 * its own words, so git cannot delta one copy of a corpus body against another (real transcripts
 * share little text, and a bench whose bodies repeat would measure a repository far too small).
 */

/** What the growth bench needs of a corpus item (test/support/corpus.ts `CorpusItem`). */
export interface ObservedItem {
  transcript: boolean;
  versions: readonly { observedAt: string }[];
}

export interface ObservedRates {
  /** Transcripts in the corpus. */
  transcripts: number;
  /**
   * Days the feed was watched: the time between consecutive first sightings (of any item), less
   * the gaps longer than GAP_DAYS, which are the collector's outages, not days without news.
   */
  observedDays: number;
  /** New transcripts per watched day. */
  newPerDay: number;
  /** Later versions per transcript (each one an edit a run observes). */
  editsPerTranscript: number;
  /** Hours from a transcript's first version to each later one, in corpus order. */
  editDelaysHours: number[];
}

/** A stretch this long without a single new item is an outage of the collector. */
export const GAP_DAYS = 14;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export function observedRates(items: readonly ObservedItem[]): ObservedRates {
  const sightings = items.map((i) => Date.parse(i.versions[0]!.observedAt)).sort((a, b) => a - b);
  let watchedMs = 0;
  for (let i = 1; i < sightings.length; i++) {
    const gap = sightings[i]! - sightings[i - 1]!;
    if (gap <= GAP_DAYS * DAY_MS) watchedMs += gap;
  }
  const transcripts = items.filter((i) => i.transcript);
  const editDelaysHours = transcripts.flatMap((i) => {
    const first = Date.parse(i.versions[0]!.observedAt);
    return i.versions.slice(1).map((v) => (Date.parse(v.observedAt) - first) / HOUR_MS);
  });
  const observedDays = watchedMs / DAY_MS;
  return {
    transcripts: transcripts.length,
    observedDays,
    newPerDay: observedDays > 0 ? transcripts.length / observedDays : 0,
    editsPerTranscript: transcripts.length ? editDelaysHours.length / transcripts.length : 0,
    editDelaysHours,
  };
}

/**
 * `html` with every all-lowercase word's letters passed through a substitution alphabet drawn
 * from `seed`. Tags, entities and capitalised words (speaker labels, names, "Secretary") stay as
 * they are, so the page still extracts into the same turns and names; the text is as compressible
 * as before (a letter-for-letter substitution keeps every repeat), but no longer shared between seeds.
 */
export function distinctText(html: string, seed: number): string {
  const alphabet = substitution(seed);
  return html
    .split(/(<[^>]*>|&#?\w+;)/)
    .map((part, i) => (i % 2 ? part : part.replace(/[A-Za-z]+/g, (word) => (/[A-Z]/.test(word) ? word : [...word].map((c) => alphabet[c.charCodeAt(0) - 97]).join('')))))
    .join('');
}

/** A permutation of a–z from a seed (Fisher–Yates on a 32-bit LCG): the same seed, the same alphabet. */
export function substitution(seed: number): string[] {
  const letters = [...'abcdefghijklmnopqrstuvwxyz'];
  let x = (seed * 2_654_435_761 + 1) >>> 0;
  for (let i = letters.length - 1; i > 0; i--) {
    x = (Math.imul(x, 1_664_525) + 1_013_904_223) >>> 0;
    const j = x % (i + 1);
    [letters[i], letters[j]] = [letters[j]!, letters[i]!];
  }
  return letters;
}

/** The scheduled run (every `runHours`) at or after `hours` from now, never this same run. */
export function runsLater(hours: number, runHours: number): number {
  return Math.max(1, Math.ceil(hours / runHours));
}
