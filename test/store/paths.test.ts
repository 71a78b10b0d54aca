import { readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  assertSafeId,
  historyDir,
  makeId,
  MAX_SLUG_LENGTH,
  parseId,
  rawPath,
  recordPath,
  resolveInside,
  slugFromUrl,
  slugify,
  UnsafeIdError,
} from '../../pipeline/store/paths.ts';

// Read straight from the schema file, not through the code under test.
const transcriptSchema = JSON.parse(
  readFileSync(new URL('../../schemas/transcript.schema.json', import.meta.url), 'utf8'),
);
const indexSchema = JSON.parse(readFileSync(new URL('../../schemas/index.schema.json', import.meta.url), 'utf8'));
const ID_PATTERN = new RegExp(transcriptSchema.properties.id.pattern, 'u');
const PATH_PATTERN = new RegExp(indexSchema.$defs.entry.properties.path.pattern, 'u');
const ROOT = resolve('/srv/podium/output');

function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('slugFromUrl', () => {
  it.each([
    [
      'https://www.state.gov/briefings/department-press-briefing-january-18-2022/',
      'department-press-briefing-january-18-2022',
    ],
    [
      'https://www.state.gov/a-senior-state-department-official-on-travel',
      'a-senior-state-department-official-on-travel',
    ],
    ['https://www.state.gov/Remarks_To_The_Press/?x=1#frag', 'remarks-to-the-press'],
    ['https://www.state.gov/r/pa/prs/dpb/2017/01/267140.htm', '267140-htm'],
    ['https://www.state.gov/caf%C3%A9-r%C3%A9sum%C3%A9//', 'cafe-resume'],
    ['https://www.state.gov/%EF%BD%81%EF%BD%82%EF%BD%83-press/', 'abc-press'], // fullwidth ａｂｃ
    ['https://www.state.gov/p%D0%B0ypal/', 'p-ypal'], // Cyrillic а is not transliterated
    ['https://www.state.gov/--weird__slug--/', 'weird-slug'],
    ['https://www.state.gov/bad%E0%A4escape/', 'bad-e0-a4escape'], // malformed UTF-8 escape, kept as printed
    ['https://www.state.gov/bad%E0%A4%AEscape/', 'bad-scape'], // valid escape of a Devanagari letter
    ['https://www.state.gov/briefing-2/', 'briefing-2'],
  ])('%s -> %s', (url, slug) => {
    expect(slugFromUrl(url)).toBe(slug);
  });

  it.each([
    ['https://www.state.gov/', /no path segment/],
    ['https://www.state.gov/%D0%B1%D1%80%D0%B8%D1%84%D0%B8%D0%BD%D0%B3/', /has no \[a-z0-9\] characters/],
    ['https://www.state.gov/.../', /has no \[a-z0-9\] characters/],
    ['not a url', /not a URL/],
  ])('refuses %s', (url, message) => {
    expect(() => slugFromUrl(url)).toThrow(UnsafeIdError);
    expect(() => slugFromUrl(url)).toThrow(message);
  });

  it('cuts a long slug on a hyphen and appends 8 hex of the hash of the whole slug', () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`).join('-');
    const slug = slugFromUrl(`https://www.state.gov/${words}/`);
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toMatch(/^word0-word1-.*-word\d+-[0-9a-f]{8}$/);
    // Cut on a boundary: the part before the hash is a prefix of whole words.
    expect(words.startsWith(`${slug.slice(0, -9)}-`)).toBe(true);
  });

  it('keeps two long slugs that differ only after the cut apart', () => {
    const base = 'a-senior-state-department-official-on-the-secretarys-upcoming-travel-'.repeat(3);
    const one = slugFromUrl(`https://www.state.gov/${base}to-ukraine/`);
    const two = slugFromUrl(`https://www.state.gov/${base}to-germany/`);
    expect(one.slice(0, -9)).toBe(two.slice(0, -9));
    expect(one).not.toBe(two);
  });

  it('cuts a single over-long word hard when there is no hyphen to cut on', () => {
    const slug = slugify('x'.repeat(300));
    expect(slug).toMatch(/^x{151}-[0-9a-f]{8}$/);
  });

  it('leaves a slug of exactly 160 characters alone', () => {
    expect(slugify('y'.repeat(160))).toBe('y'.repeat(160));
  });
});

describe('ids', () => {
  it('makes, parses and maps an id to its paths', () => {
    const id = makeId('state', '2022-01-18', 'department-press-briefing-january-18-2022');
    expect(id).toBe('state/2022-01-18/department-press-briefing-january-18-2022');
    expect(parseId(id)).toEqual({
      agency: 'state',
      date: '2022-01-18',
      year: '2022',
      slug: 'department-press-briefing-january-18-2022',
    });
    expect(recordPath(id)).toBe('transcripts/state/2022/2022-01-18-department-press-briefing-january-18-2022.json');
    expect(historyDir(id)).toBe('history/state/2022-01-18-department-press-briefing-january-18-2022/');
    expect(rawPath(id)).toBe('raw/state/2022/2022-01-18-department-press-briefing-january-18-2022.html.gz');
    expect(recordPath(id)).toMatch(PATH_PATTERN);
  });

  it.each([
    ['', /is empty/],
    ['..', /'\.\.'/],
    ['state/2022-01-18/../../etc', /'\.\.'/],
    ['state/2022-01-18/%2e%2e', /percent-escape/],
    ['state/2022-01-18/%2E%2E%2Fetc', /percent-escape/],
    ['/etc/passwd', /absolute path/],
    ['C:\\Windows\\x', /absolute path/],
    ['state\\2022-01-18\\x', /backslash/],
    ['state/2022-01-18/a\u0000b', /control character/],
    ['state/2022-01-18/a\nb', /control character/],
    ['state/2022-01-18/\uff41', /non-ASCII/], // fullwidth ａ
    ['state/2022-01-18/p\u0430ypal', /non-ASCII/], // Cyrillic а
    ['st\u0430te/2022-01-18/x', /non-ASCII/],
    [`state/2022-01-18/${'a'.repeat(161)}`, /slug is 161 characters/],
    [`${'a'.repeat(33)}/2022-01-18/x`, /agency/],
    ['State/2022-01-18/x', /agency/],
    ['state/2022-02-30/x', /not a calendar date/],
    ['state/22-01-18/x', /not a calendar date/],
    ['state/2022-01-18/x/y', /exactly 3 parts/],
    ['state/2022-01-18', /exactly 3 parts/],
    ['state//x', /exactly 3 parts|calendar date/],
    ['state/2022-01-18/-x', /slug/],
    ['state/2022-01-18/x-', /slug/],
    ['state/2022-01-18/a b', /slug/],
    ['state/2022-01-18/a.b', /slug/],
  ])('refuses %j', (id, reason) => {
    expect(() => assertSafeId(id)).toThrow(UnsafeIdError);
    expect(() => assertSafeId(id)).toThrow(reason);
    expect(() => recordPath(id)).toThrow(UnsafeIdError);
    expect(() => rawPath(id)).toThrow(UnsafeIdError);
    expect(() => historyDir(id)).toThrow(UnsafeIdError);
  });

  it('names the id in the error, with control characters made visible', () => {
    expect(() => assertSafeId('state/2022-01-18/a\u0000b')).toThrow('unsafe record id "state/2022-01-18/a\\u0000b": ');
  });

  it('refuses a non-string', () => {
    expect(() => assertSafeId(42)).toThrow(/must be a string/);
  });

  it('makeId refuses a bad part before joining', () => {
    expect(() => makeId('state', '2022-01-18', '../x')).toThrow(/slug/);
    expect(() => makeId('state/x', '2022-01-18', 'x')).toThrow(/agency/);
    expect(() => makeId('state', '2022/01/18', 'x')).toThrow(/date/);
  });
});

describe('hostile URLs never lead outside the dataset', () => {
  const PIECES = [
    '..',
    '.',
    '%2e%2e',
    '%2E%2e%2f',
    '/',
    '\\',
    '%2f',
    '%5c',
    '%00',
    '\u0000',
    '%0a',
    'etc',
    'passwd',
    '/etc/passwd',
    'ａ',
    'Ａ',
    'а',
    'е',
    'ѕ',
    'ı',
    'İ',
    'ß',
    'ﬁ',
    'é',
    'e\u0301',
    '\u200b',
    '\u202e',
    '🎙',
    '中文',
    ' ',
    '-',
    '_',
    '~',
    'A',
    'z',
    '0',
    '9',
    'briefing',
    'con',
    'nul',
    'aux',
    '$',
    '%',
    '?',
    '#',
    ':',
  ];

  it('every derived slug gives a schema-valid id whose paths stay inside the root', () => {
    const random = rng(1812);
    let accepted = 0;
    for (let i = 0; i < 2000; i += 1) {
      const length = 1 + Math.floor(random() * (random() < 0.1 ? 120 : 12));
      const segment = Array.from({ length }, () => PIECES[Math.floor(random() * PIECES.length)]).join('');
      const url = `https://www.state.gov/briefings/${random() < 0.5 ? segment : encodeURIComponent(segment)}/`;
      let slug: string;
      try {
        slug = slugFromUrl(url);
      } catch (error) {
        expect(error).toBeInstanceOf(UnsafeIdError);
        continue;
      }
      accepted += 1;
      expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
      const id = makeId('state', '2022-01-18', slug);
      expect(id).toMatch(ID_PATTERN);
      expect(recordPath(id)).toMatch(PATH_PATTERN);
      for (const rel of [recordPath(id), historyDir(id), rawPath(id)]) {
        expect(resolveInside(ROOT, rel).startsWith(ROOT + sep)).toBe(true);
      }
    }
    // The generator must exercise the accepting path, not only the refusals.
    expect(accepted).toBeGreaterThan(500);
  });

  it('assertSafeId accepts nothing the schema pattern refuses', () => {
    const random = rng(99);
    const chars = 'ab-0./%\\\u0000ａа';
    for (let i = 0; i < 3000; i += 1) {
      const slug = Array.from(
        { length: 1 + Math.floor(random() * 6) },
        () => chars[Math.floor(random() * chars.length)],
      ).join('');
      const id = `state/2022-01-18/${slug}`;
      let safe = true;
      try {
        assertSafeId(id);
      } catch {
        safe = false;
      }
      expect(safe).toBe(ID_PATTERN.test(id));
    }
  });
});

describe('resolveInside', () => {
  it('joins relative paths inside the root', () => {
    expect(resolveInside(ROOT, 'transcripts/state/2022/x.json')).toBe(
      join(ROOT, 'transcripts', 'state', '2022', 'x.json'),
    );
    expect(resolveInside(ROOT, 'a/../b')).toBe(join(ROOT, 'b'));
    expect(resolveInside('relative/out', 'x.json')).toBe(resolve('relative/out/x.json'));
  });

  it.each([
    ['../x'],
    ['a/../../x'],
    ['..'],
    ['/etc/passwd'],
    ['C:\\x'],
    ['a\u0000b'],
    ['transcripts/../../../../etc/passwd'],
  ])('refuses %j', (rel) => {
    expect(() => resolveInside(ROOT, rel)).toThrow(/resolves outside|absolute|NUL/);
  });

  it('does not mistake a sibling that shares the prefix for the inside', () => {
    expect(() => resolveInside(ROOT, '../output-evil/x')).toThrow(/resolves outside/);
  });
});
