/**
 * The people registry, `output/people.json`: everyone the records name, derived from the records
 * alone, so the same records always give the same bytes. One pass, record by record (`add`),
 * keeps a few numbers per person and per label, never text.
 *
 * Two rules decide identity, and both need evidence in the records:
 * - Spellings are one person when their `nameKey` is equal (case, accents, periods folded — the
 *   site's people pages use the same key). Nothing else merges: "Joe Biden" ≠ "Joseph Biden".
 * - A label printed without a name ("MR PRICE" in a briefing with no byline) is given a name only
 *   when other records of the same agency name that label, all of them the same person, and the
 *   record lies within their dates, give or take `SPAN_SLACK_DAYS`. Counted as `fromDataset`.
 */
import type { People, Person, Transcript } from '../schema/types.ts';
import { SCHEMA_VERSION } from '../schema/version.ts';
import { nameKey } from '../site/pages/slug.ts';
import { loadSchema } from '../schema/schemas.ts';
import { stableJson } from '../store/json.ts';
import type { Dataset } from '../store/dataset.ts';
import { writeIfChanged } from '../store/atomic.ts';

/** How far outside the named records' dates a nameless label may still be theirs (half a year). */
const SPAN_SLACK_DAYS = 183;

/** Labels that name a function, not a person: never resolved across records. */
const GENERIC_LABEL = /^(?:Q|QUESTION|MODERATOR|OPERATOR|INTERPRETER|PARTICIPANT|STAFF|AIDE|REPORTER|AUDIENCE.*|.*\bOFFICIALS?\b.*)$/;

interface Entry {
  spellings: Map<string, number>;
  roles: Set<string>;
  agencies: Set<string>;
  outlets: Map<string, number>;
  labels: Map<string, { agency: string; label: string; named: number; fromDataset: number }>;
  records: Set<string>;
  turns: number;
  questions: number;
  first: string;
  last: string;
}

interface Nameless {
  id: string;
  agency: string;
  label: string;
  role: string;
  date: string;
  turns: number;
}

export class PeopleBuilder {
  readonly #people = new Map<string, Entry>();
  /** agency + label → the person keys that label was named as, with their dates. */
  readonly #namedLabels = new Map<string, { keys: Set<string>; first: string; last: string }>();
  readonly #nameless: Nameless[] = [];
  /** record id + spelling, so a spelling counts once per record. */
  readonly #spelled = new Set<string>();

  add(record: Transcript): void {
    const turnsBy = new Map<string, number>();
    for (const t of record.turns) turnsBy.set(t.speaker, (turnsBy.get(t.speaker) ?? 0) + 1);
    for (const p of record.participants) {
      const labels = [p.label, ...(p.aliases ?? [])];
      const turns = labels.reduce((n, l) => n + (turnsBy.get(l) ?? 0), 0);
      if (p.name) {
        const key = this.#touch(p.name, record, p.role);
        const e = this.#people.get(key)!;
        e.turns += turns;
        for (const label of labels) {
          this.#label(e, record.agency, label).named++;
          const k = `${record.agency}\u0000${label}`;
          const span = this.#namedLabels.get(k) ?? { keys: new Set(), first: record.date, last: record.date };
          span.keys.add(key);
          if (record.date < span.first) span.first = record.date;
          if (record.date > span.last) span.last = record.date;
          this.#namedLabels.set(k, span);
        }
      } else if (!GENERIC_LABEL.test(p.label) && (p.role === 'official' || p.role === 'moderator')) {
        this.#nameless.push({ id: record.id, agency: record.agency, label: p.label, role: p.role, date: record.date, turns });
      }
    }
    for (const t of record.turns) {
      if (!t.askedBy) continue;
      const e = this.#people.get(this.#touch(t.askedBy, record, 'journalist'))!;
      e.questions++;
      const outlet = (t as { askedByOutlet?: unknown }).askedByOutlet;
      if (typeof outlet === 'string' && outlet) e.outlets.set(outlet, (e.outlets.get(outlet) ?? 0) + 1);
    }
  }

  build(): People {
    for (const n of this.#nameless) {
      const span = this.#namedLabels.get(`${n.agency}\u0000${n.label}`);
      if (!span || span.keys.size !== 1) continue;
      if (days(span.first, n.date) < -SPAN_SLACK_DAYS || days(span.last, n.date) > SPAN_SLACK_DAYS) continue;
      const e = this.#people.get([...span.keys][0]!)!;
      this.#label(e, n.agency, n.label).fromDataset++;
      this.#count(e, n.id, n.date, n.role, n.agency);
      e.turns += n.turns;
    }
    const people = [...this.#people.entries()].map(([key, e]) => ({ key, person: person(e) }));
    people.sort((a, b) => compare(a.key, b.key) || compare(a.person.name, b.person.name));
    return { schemaVersion: SCHEMA_VERSION, people: people.map((p) => p.person) };
  }

  #touch(name: string, record: Transcript, role: string): string {
    const key = nameKey(name) || name;
    let e = this.#people.get(key);
    if (!e) {
      e = { spellings: new Map(), roles: new Set(), agencies: new Set(), outlets: new Map(), labels: new Map(), records: new Set(), turns: 0, questions: 0, first: record.date, last: record.date };
      this.#people.set(key, e);
    }
    // A spelling counts once per record: the canonical form is the one most records use.
    const seen = `${record.id}\u0000${name}`;
    if (!this.#spelled.has(seen)) {
      this.#spelled.add(seen);
      e.spellings.set(name, (e.spellings.get(name) ?? 0) + 1);
    }
    this.#count(e, record.id, record.date, role, record.agency);
    return key;
  }

  #count(e: Entry, id: string, date: string, role: string, agency: string): void {
    e.records.add(id);
    e.roles.add(role);
    e.agencies.add(agency);
    if (date < e.first) e.first = date;
    if (date > e.last) e.last = date;
  }

  #label(e: Entry, agency: string, label: string) {
    const k = `${agency}\u0000${label}`;
    let l = e.labels.get(k);
    if (!l) e.labels.set(k, (l = { agency, label, named: 0, fromDataset: 0 }));
    return l;
  }
}

function person(e: Entry): Person {
  const spellings = [...e.spellings].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || compare(a[0], b[0]));
  return {
    name: spellings[0]![0],
    aliases: spellings.slice(1).map(([s]) => s).sort(compare),
    roles: [...e.roles].sort(compare),
    agencies: [...e.agencies].sort(compare),
    outlets: [...e.outlets].sort((a, b) => b[1] - a[1] || compare(a[0], b[0])).map(([outlet, questions]) => ({ outlet, questions })),
    labels: [...e.labels.values()].sort((a, b) => compare(a.agency, b.agency) || compare(a.label, b.label)),
    records: e.records.size,
    turns: e.turns,
    questions: e.questions,
    first: e.first,
    last: e.last,
  };
}

/** The registry of these records, as the bytes `people.json` holds. */
export function peopleJson(people: People): string {
  return stableJson(people, loadSchema('people.schema.json'));
}

/**
 * Rebuilds `output/people.json` from the records the index lists (read one at a time).
 * @returns true when the file changed.
 */
export async function writePeople(dataset: Dataset, ids: Iterable<string>): Promise<boolean> {
  const builder = new PeopleBuilder();
  for (const id of [...ids].sort(compare)) {
    const record = await dataset.readRecord(id);
    if (record) builder.add(record);
  }
  return writeIfChanged(dataset.path('people.json'), peopleJson(builder.build()));
}

function days(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
