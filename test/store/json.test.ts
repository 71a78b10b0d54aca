import { describe, expect, it } from 'vitest';
import { loadSchema } from '../../pipeline/schema/schemas.ts';
import { stableJson } from '../../pipeline/store/json.ts';
import { makeCrawlState, makeIndex, makeTranscript, entryFor } from '../support/records.ts';

/** A deterministic PRNG (mulberry32) so generated cases are reproducible. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomValue(random: () => number, depth: number): unknown {
  const pick = Math.floor(random() * (depth > 3 ? 4 : 6));
  const keys = ['a', 'b', 'Z', '10', '2', 'é', 'key with space', '__proto__x', ''];
  switch (pick) {
    case 0:
      return Math.floor(random() * 1000) - 500;
    case 1:
      return ['', 'text', 'quote " and \\ backslash', 'line\nbreak', '\u2028', 'ünïcödé 🎙'][Math.floor(random() * 6)];
    case 2:
      return random() < 0.5 ? null : random() < 0.5;
    case 3:
      return random() / 3;
    case 4:
      return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
    default: {
      const out: Record<string, unknown> = {};
      for (const key of keys) if (random() < 0.4) out[key] = randomValue(random, depth + 1);
      return out;
    }
  }
}

/** The same value with every object's keys inserted in a shuffled order. */
function shuffled(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((item) => shuffled(item, random));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).sort(() => random() - 0.5);
  return Object.fromEntries(entries.map(([key, item]) => [key, shuffled(item, random)]));
}

describe('stableJson without a schema', () => {
  it('sorts keys recursively, indents by 2 and ends with a newline', () => {
    expect(stableJson({ b: 1, a: { d: [true, { y: 1, x: 2 }], c: null } })).toBe(
      '{\n  "a": {\n    "c": null,\n    "d": [\n      true,\n      {\n        "x": 2,\n        "y": 1\n      }\n    ]\n  },\n  "b": 1\n}\n',
    );
  });

  it('orders integer-like keys as strings too (JSON.stringify would put them first by value)', () => {
    expect(stableJson({ b: 0, 10: 1, 2: 2 })).toBe('{\n  "10": 1,\n  "2": 2,\n  "b": 0\n}\n');
  });

  it('writes empty containers, drops undefined properties, nulls undefined array items, honours toJSON', () => {
    expect(stableJson({ e: {}, l: [], u: undefined, a: [undefined], d: new Date(Date.UTC(2022, 0, 18)) })).toBe(
      '{\n  "a": [\n    null\n  ],\n  "d": "2022-01-18T00:00:00.000Z",\n  "e": {},\n  "l": []\n}\n',
    );
  });

  it('throws on a value JSON cannot represent', () => {
    expect(() => stableJson(undefined)).toThrow(TypeError);
  });

  it('on generated values: round-trips, matches JSON.stringify on sorted input, ignores insertion order', () => {
    const random = rng(20220118);
    for (let i = 0; i < 300; i += 1) {
      const value = randomValue(random, 0);
      const text = stableJson(value);
      expect(JSON.parse(text)).toEqual(value);
      expect(stableJson(shuffled(value, random))).toBe(text);
      expect(stableJson(JSON.parse(text))).toBe(text);
      // Same bytes as the platform serializer wherever key order is not in question.
      if (value === null || typeof value !== 'object') expect(text).toBe(`${JSON.stringify(value, null, 2)}\n`);
    }
  });
});

describe('stableJson with a schema', () => {
  const transcriptSchema = loadSchema('transcript.schema.json');

  it('orders a record by the schema, through $ref and items', () => {
    const record = shuffled(makeTranscript(), rng(7)) as Record<string, unknown>;
    const parsed = JSON.parse(stableJson(record, transcriptSchema)) as Record<string, unknown>;
    const declared = Object.keys(transcriptSchema.properties ?? {});
    expect(Object.keys(parsed)).toEqual(declared.filter((key) => key in record));
    expect(Object.keys(parsed.source as object)).toEqual(['via', 'fetchedAt', 'etag', 'lastModified', 'contentSha256']);
    expect(Object.keys((parsed.turns as object[])[0] as object)).toEqual(['speaker', 'role', 'paragraphs']);
    expect(Object.keys((parsed.revisions as object[])[0] as object)).toEqual([
      'revision',
      'observedAt',
      'contentSha256',
      'change',
    ]);
    expect(Object.keys(parsed.groundRules as object)).toEqual(['attribution', 'embargo']);
  });

  it('gives byte-identical output for the same record built in any key order', () => {
    const record = makeTranscript();
    const text = stableJson(record, transcriptSchema);
    for (let seed = 1; seed < 20; seed += 1)
      expect(stableJson(shuffled(record, rng(seed)), transcriptSchema)).toBe(text);
  });

  it('puts keys the schema does not declare after the declared ones, sorted', () => {
    const text = stableJson({ zeta: 1, alpha: 2, id: 'x', schemaVersion: '1.0.0' }, transcriptSchema);
    expect(Object.keys(JSON.parse(text))).toEqual(['schemaVersion', 'id', 'alpha', 'zeta']);
  });

  it('orders index entries and crawl-state pages through items.$ref', () => {
    const index = makeIndex([entryFor(makeTranscript(), 'transcripts/state/2022/x.json')]);
    const indexText = stableJson(shuffled(index, rng(3)), loadSchema('index.schema.json'));
    expect(Object.keys(JSON.parse(indexText).transcripts[0])).toEqual([
      'id',
      'agency',
      'url',
      'title',
      'date',
      'kind',
      'status',
      'revision',
      'path',
      'contentSha256',
    ]);
    const stateText = stableJson(shuffled(makeCrawlState(), rng(4)), loadSchema('crawl-state.schema.json'));
    expect(Object.keys(JSON.parse(stateText))).toEqual(['schemaVersion', 'agency', 'pages']);
    expect(Object.keys(JSON.parse(stateText).pages[0])).toEqual(['url', 'verdict', 'id', 'lastmod']);
  });
});
