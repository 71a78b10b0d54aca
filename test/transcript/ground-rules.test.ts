import { describe, expect, it } from 'vitest';
import { readGroundRules, withBasis } from '../../pipeline/transcript/ground-rules.ts';

describe('ground rules: stated or implied', () => {
  it('a public event with nothing said is on the record, implied', () => {
    expect(withBasis(readGroundRules('Department Press Briefing', ['Good afternoon.']), 'press-briefing')).toEqual({ attribution: 'on-record', embargo: null, basis: 'implied' });
  });
  it('what is said wins, even at a public event', () => {
    expect(withBasis(readGroundRules('Remarks', ['This part is on background.']), 'remarks')).toEqual({ attribution: 'on-background', embargo: null, basis: 'stated' });
  });
  it('a call or special briefing with nothing said stays unknown', () => {
    expect(withBasis(readGroundRules('Press Call', ['Thanks for joining.']), 'teleconference')).toEqual({ attribution: 'unknown', embargo: null });
    expect(withBasis(readGroundRules('Briefing', []), 'special-briefing').attribution).toBe('unknown');
  });
});
