import { describe, expect, it } from 'vitest';
import { contentSha256 } from '../../pipeline/record/content-hash.ts';
import { observe } from '../../pipeline/revisions/observe.ts';
import type { Transcript, Turn } from '../../pipeline/schema/types.ts';
import { makeTranscript } from '../support/records.ts';

/** A record whose hash is computed from its content, as the pipeline does. */
function hashed(overrides: Partial<Transcript> = {}): Transcript {
  const t = makeTranscript(overrides);
  const sha = contentSha256(t);
  return { ...t, source: { ...t.source, contentSha256: sha }, revisions: [{ ...t.revisions[0]!, contentSha256: sha }] };
}

describe('derived facts are never agency edits', () => {
  it('a different kind, role or name with the same printed words is the same content', () => {
    const before = hashed();
    const after = hashed({
      kind: 'special-briefing',
      heldOn: '2022-01-18',
      participants: [{ label: 'MR PRICE', name: null, role: 'moderator' }, { label: 'QUESTION', name: null, role: 'journalist' }],
      turns: before.turns.map((t): Turn => ({ ...t, role: t.role === 'official' ? 'moderator' : t.role })) as [Turn, ...Turn[]],
    });
    expect(after.source.contentSha256).toBe(before.source.contentSha256);
    expect(observe(before, { ...after, source: { ...after.source, fetchedAt: '2022-01-20T00:00:00Z' } }).kind).toBe('unchanged');
  });

  it('a changed word or label is an edit', () => {
    const before = hashed();
    const words = hashed({ turns: [before.turns[0]!, { ...before.turns[1]!, paragraphs: ['Thank you, Ned Price.'] }] });
    const label = hashed({ turns: [{ ...before.turns[0]!, speaker: 'MS PORTER' }, before.turns[1]!] });
    expect(words.source.contentSha256).not.toBe(before.source.contentSha256);
    expect(label.source.contentSha256).not.toBe(before.source.contentSha256);
    expect(observe(before, label).kind).toBe('revised');
  });
});
