/** Change classes and the turn-aware diff, on small records built for the purpose. */
import { describe, expect, it } from 'vitest';
import { classifyChange, cosmeticKey, MINOR_MAX_WORDS } from '../../pipeline/revisions/classify.ts';
import { diffTranscripts } from '../../pipeline/revisions/diff.ts';
import { renderHtml, renderText } from '../../pipeline/revisions/render.ts';
import { observe } from '../../pipeline/revisions/observe.ts';
import { contentSha256 } from '../../pipeline/record/content-hash.ts';
import type { Transcript, Turn } from '../../pipeline/schema/types.ts';

const SENTENCE = 'The Secretary will travel to Berlin on Thursday to meet counterparts from three countries about energy';

function record(turns: Turn[], over: Partial<Transcript> = {}): Transcript {
  const base = {
    title: 'Department Press Briefing – January 18, 2022',
    date: '2022-01-18',
    kind: 'press-briefing' as const,
    preamble: ['Ned Price, Department Spokesperson', 'Washington, D.C.'],
    closing: [],
    turns: turns as [Turn, ...Turn[]],
    ...over,
  };
  const hash = contentSha256(base);
  return {
    schemaVersion: '1.0.0', id: 'state/2022-01-18/x', agency: 'state', url: 'https://www.state.gov/x/', location: null,
    groundRules: { attribution: 'unknown', embargo: null }, participants: [], stats: { words: 1, turns: turns.length, questions: 0 },
    source: { via: 'page', fetchedAt: '2026-01-01T00:00:00Z', etag: null, lastModified: null, contentSha256: hash },
    status: 'active', revision: 1, revisions: [{ revision: 1, observedAt: '2026-01-01T00:00:00Z', contentSha256: hash, change: 'initial' }],
    ...base,
  };
}

const price = (...paragraphs: string[]): Turn => ({ speaker: 'MR PRICE', role: 'official', paragraphs });
const question = (...paragraphs: string[]): Turn => ({ speaker: 'QUESTION', role: 'journalist', paragraphs });
const long = Array.from({ length: 40 }, (_, i) => `${SENTENCE} number ${i}.`).join(' ');
const v1 = record([price('Good afternoon.', long), question('Will he go to Kyiv?'), price('He will go to Kyiv.')]);

describe('classifyChange', () => {
  it('calls case, punctuation and typography cosmetic', () => {
    const v2 = record([price('Good Afternoon!', long.replace(/Berlin/g, 'BERLIN')), question('Will he go to Kyiv ?'), price('He will go to Kyiv…')],
      { title: 'DEPARTMENT PRESS BRIEFING- JANUARY 18, 2022', preamble: ['Ned Price, Department Spokesperson', 'Washington, DC'] });
    expect(cosmeticKey('Washington D.C.')).toBe(cosmeticKey('Washington, DC'));
    expect(classifyChange(v1, v2)).toBe('cosmetic');
  });

  it('calls a few changed words minor, and more than the threshold substantive', () => {
    const few = record([price('Good afternoon.', long.replace('number 3.', 'number three.')), question('Will he go to Kyiv?'), price('He will go to Kyiv.')]);
    expect(classifyChange(v1, few)).toBe('minor');
    const many = Array.from({ length: MINOR_MAX_WORDS + 1 }, (_, i) => `number ${i}.`).reduce((t, n) => t.replace(` ${n}`, ` numero ${n}`), long);
    const more = record([price('Good afternoon.', many), question('Will he go to Kyiv?'), price('He will go to Kyiv.')]);
    expect(classifyChange(v1, more)).toBe('substantive');
  });

  it('calls added, removed and re-attributed turns substantive', () => {
    expect(classifyChange(v1, record([price('Good afternoon.', long), question('Will he go to Kyiv?')]))).toBe('substantive');
    expect(classifyChange(v1, record([price('Good afternoon.', long), price('Will he go to Kyiv?'), price('He will go to Kyiv.')]))).toBe('substantive');
  });
});

describe('observe', () => {
  it('records a revert to an earlier revision as a revert, not a new text', () => {
    const v2 = record([price('Good afternoon.', long), question('Will he go to Kyiv?'), price('He will not go to Kyiv.')]);
    const second = observe(v1, { ...v2, source: { ...v2.source, fetchedAt: '2026-01-02T00:00:00Z' } });
    expect(second).toMatchObject({ kind: 'revised', change: 'minor' });
    const third = observe(second.record, { ...v1, source: { ...v1.source, fetchedAt: '2026-01-03T00:00:00Z' } });
    expect(third.kind).toBe('revised');
    expect(third.record.revisions.at(-1)).toEqual({ revision: 3, observedAt: '2026-01-03T00:00:00Z', contentSha256: v1.source.contentSha256, change: 'revert', revertOf: 1 });
  });

  it('keeps provenance and status on a reprocess, and leaves identical records alone', () => {
    expect(observe(v1, v1, { reprocess: true }).kind).toBe('unchanged');
    const withdrawn: Transcript = { ...v1, status: 'withdrawn', withdrawnAt: '2026-01-05T00:00:00Z' };
    const reparsed = { ...v1, groundRules: { attribution: 'on-record' as const, embargo: null } };
    const obs = observe(withdrawn, reparsed, { reprocess: true, observedAt: '2026-02-01T00:00:00Z' });
    expect(obs).toMatchObject({ kind: 'revised', change: 'reprocessed' });
    expect(obs.record).toMatchObject({ status: 'withdrawn', withdrawnAt: '2026-01-05T00:00:00Z', revision: 2 });
    expect(obs.record.source.fetchedAt).toBe('2026-01-01T00:00:00Z');
  });

  it('restores a withdrawn record that comes back unchanged, without a new revision', () => {
    const withdrawn: Transcript = { ...v1, status: 'withdrawn', withdrawnAt: '2026-01-05T00:00:00Z' };
    const obs = observe(withdrawn, v1);
    expect(obs.kind).toBe('restored');
    expect(obs.record.status).toBe('restored');
    expect(obs.record.revision).toBe(1);
    expect('withdrawnAt' in obs.record).toBe(false);
  });
});

describe('diffTranscripts', () => {
  const v2 = record([
    price('Good afternoon.', long.replace('number 3.', 'number three.')),
    question('Will he go to Kyiv?'),
    { speaker: 'MR PRICE', role: 'official', paragraphs: ['Let me add one thing.'] },
    question('Is that all?'),
  ]);
  const d = diffTranscripts(v1, { ...v2, revision: 2 });

  it('aligns turns and finds word changes inside edited ones', () => {
    expect(d.summary).toEqual({ added: 2, removed: 1, edited: 1, reattributed: 0, unchanged: 1 });
    const edited = d.turns.find((t) => t.op === 'edited');
    expect(edited && edited.op === 'edited' && edited.words.filter((w) => w.op !== 'same').map((w) => `${w.op}:${w.text}`)).toEqual(['removed:3', 'added:three']);
    expect(d.turns.filter((t) => t.op === 'added').map((t) => t.op === 'added' && t.text)).toEqual(['Let me add one thing.', 'Is that all?']);
  });

  it('finds re-attributed turns', () => {
    const moved = record([price('Good afternoon.', long), { ...question('Will he go to Kyiv?'), speaker: 'MS PORTER' }, price('He will go to Kyiv.')]);
    const r = diffTranscripts(v1, moved);
    expect(r.turns).toEqual([{ op: 'reattributed', before: 1, after: 1, from: 'QUESTION', to: 'MS PORTER', words: [{ op: 'same', text: 'Will he go to Kyiv?' }] }]);
  });

  it('renders readable text without colour, and colour only when asked', () => {
    const text = renderText(d);
    expect(text).toContain('[-3-]{+three+}');
    expect(text).toContain('+ turn 3 MR PRICE (added)');
    expect(text).not.toContain('\u001b[');
    expect(renderText(d, true)).toContain('\u001b[32mthree\u001b[0m');
  });

  it('escapes hostile text in HTML', () => {
    const hostile = record([price('Good afternoon.', long), question('<script>alert(1)</script>"><img src=x onerror=alert(2)>'), price('He will go to Kyiv.')]);
    const html = renderHtml(diffTranscripts(v1, hostile));
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;');
  });
});
