import { describe, expect, it } from 'vitest';
import { distinctText, GAP_DAYS, observedRates, runsLater, substitution } from '../../bench/growth-model.ts';
import { partOf } from '../../bench/growth.ts';

const at = (day: number, hour = 0) => new Date(Date.UTC(2021, 0, 1 + day, hour)).toISOString();

describe('observedRates', () => {
  it('counts watched days between first sightings, leaving out the collector’s outages', () => {
    const items = [
      { transcript: true, versions: [{ observedAt: at(0) }, { observedAt: at(0, 6) }] },
      { transcript: false, versions: [{ observedAt: at(4) }] },
      { transcript: true, versions: [{ observedAt: at(10) }] },
      // An outage longer than GAP_DAYS: not watched days.
      { transcript: true, versions: [{ observedAt: at(10 + GAP_DAYS + 30) }, { observedAt: at(10 + GAP_DAYS + 31) }, { observedAt: at(10 + GAP_DAYS + 32) }] },
      { transcript: true, versions: [{ observedAt: at(10 + GAP_DAYS + 40) }] },
    ];
    const r = observedRates(items);
    expect(r.observedDays).toBe(4 + 6 + 10);
    expect(r.transcripts).toBe(4);
    expect(r.newPerDay).toBeCloseTo(4 / 20);
    expect(r.editsPerTranscript).toBe(3 / 4);
    expect(r.editDelaysHours).toEqual([6, 24, 48]);
  });
});

describe('distinctText', () => {
  const html = '<p><b>MR PRICE:</b> Thank you, everyone &amp; welcome to the briefing.</p>';

  it('changes lowercase words only: tags, entities, labels and names stay', () => {
    const out = distinctText(html, 7);
    expect(out).not.toBe(html);
    expect(out.startsWith('<p><b>MR PRICE:</b> Thank ')).toBe(true);
    expect(out).toContain(' &amp; ');
    expect(out.endsWith('.</p>')).toBe(true);
    // Same shape: only lowercase letters moved, every word kept its length.
    expect(out.length).toBe(html.length);
    expect(out.replace(/[a-z]/g, '')).toBe(html.replace(/[a-z]/g, ''));
  });

  it('is the same for a seed and different between seeds', () => {
    expect(distinctText(html, 7)).toBe(distinctText(html, 7));
    expect(distinctText(html, 7)).not.toBe(distinctText(html, 8));
  });

  it('uses a permutation, so repeats (what gzip and git compress) are kept', () => {
    expect([...substitution(3)].sort().join('')).toBe('abcdefghijklmnopqrstuvwxyz');
    const out = distinctText('the cat and the hat', 3).split(' ');
    expect(out[0]).toBe(out[3]);
    expect(out[1]).not.toBe(out[4]);
  });
});

describe('runsLater', () => {
  it('lands an edit in the first run at or after its delay, never the same run', () => {
    expect(runsLater(0, 2)).toBe(1);
    expect(runsLater(0.2, 2)).toBe(1);
    expect(runsLater(2, 2)).toBe(1);
    expect(runsLater(3.7, 2)).toBe(2);
  });
});

describe('partOf', () => {
  it('names the directory under output/, or the file at its top', () => {
    expect(partOf('output/raw/state/2027/2027-01-01-x.html.gz')).toBe('raw/');
    expect(partOf('output/index.json')).toBe('index.json');
    expect(partOf('output/history/state/2027-01-01-x/1.json')).toBe('history/');
  });
});
