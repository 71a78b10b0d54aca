/**
 * The defense.gov / war.gov adapter on hand-built pages (page-structure.md §4): `h1.maintitle`,
 * `span.date` ("Sept. 15, 2026"), `div.body`, `Q:`, and a full first label followed by short ones.
 */
import { describe, expect, it } from 'vitest';
import { defense } from '../../pipeline/agencies/defense.ts';
import { extract } from '../../pipeline/extract/index.ts';
import { recordFromPage } from '../../pipeline/record/from-page.ts';
import { parseTranscript } from '../../pipeline/transcript/index.ts';
import { fixture } from '../support/fixtures.ts';

const KIRBY_PATH = '/News/Transcripts/Transcript/Article/4301234/press-secretary-john-f-kirby-holds-a-press-briefing/';
const KIRBY = `defense/www${KIRBY_PATH}index.html`;
const RYDER = 'defense/war/News/Transcripts/Transcript/Article/4305678/pentagon-press-secretary-air-force-maj-gen-pat-ryder-holds-an-off-camera-on-the/index.html';

function parse(path: string) {
  return parseTranscript(extract(fixture(path), defense, path, null), defense, path);
}

describe('a defense.gov press briefing', () => {
  const t = parse(KIRBY);

  it('reads title, the abbreviated "Sept." date and kind', () => {
    expect(t.title).toBe('Press Secretary John F. Kirby Holds a Press Briefing');
    expect(t.date).toBe('2026-09-15');
    expect(t.kind).toBe('press-briefing');
    // The title repeated at the top of the body is preamble, not a turn.
    expect(t.preamble).toEqual(['Press Secretary John F. Kirby Holds a Press Briefing']);
  });

  it('splits `Q:` and both Kirby labels into turns with roles', () => {
    expect(t.turns.map((x) => `${x.speaker}/${x.role}`)).toEqual([
      'PRESS SECRETARY JOHN F. KIRBY/official', 'Q/journalist', 'MR KIRBY/official', 'Q/journalist', 'MR KIRBY/official',
      'STAFF/other', 'MR KIRBY/official', 'Q/journalist', 'MR KIRBY/official',
    ]);
    expect(t.turns[1]!.askedBy).toBe('Lita');
    expect(t.turns[7]!.askedBy).toBe('Tara');
    expect(t.turns[7]!.paragraphs).toEqual(['(Inaudible) -- on the budget, when will the request go to Congress?']);
  });

  it('resolves the full first label and the short later one to ONE participant, John F. Kirby', () => {
    expect(t.participants).toEqual([
      { label: 'PRESS SECRETARY JOHN F. KIRBY', name: 'John F. Kirby', nameFrom: 'title', role: 'official', aliases: ['MR KIRBY'] },
      { label: 'Q', name: null, role: 'journalist' },
      { label: 'STAFF', name: null, role: 'other' },
    ]);
  });

  it('leaves the banner, the historical-collection notice, share tools and footer out', () => {
    expect(JSON.stringify(t)).not.toMatch(/historical collection|Facebook|Subscribe to|Pentagon, Washington|Skip to/);
  });

  it('gets a stable, path-safe id from the date and the slug', () => {
    const record = recordFromPage(extract(fixture(KIRBY), defense, KIRBY, null), defense, KIRBY, `https://www.defense.gov${KIRBY_PATH}`, {
      via: 'file', fetchedAt: '2026-09-16T00:00:00Z', etag: null, lastModified: null,
    });
    expect(record.id).toBe('defense/2026-09-15/press-secretary-john-f-kirby-holds-a-press-briefing');
  });
});

describe('a war.gov briefing by a general', () => {
  it('strips the adapter-declared title words (PENTAGON, MAJ., GEN.) to name Pat Ryder once', () => {
    const t = parse(RYDER);
    expect(t.date).toBe('2026-09-22');
    expect(t.groundRules.attribution).toBe('on-record');
    expect(t.participants).toEqual([
      { label: 'PENTAGON PRESS SECRETARY AIR FORCE MAJ. GEN PAT RYDER', name: 'Pat Ryder', nameFrom: 'title', role: 'official', aliases: ['GEN RYDER'] },
      { label: 'Q', name: null, role: 'journalist' },
    ]);
    expect(t.turns.map((x) => x.role)).toEqual(['official', 'journalist', 'official', 'journalist', 'official']);
  });
});

describe('the samePage rule', () => {
  it('keys defense.gov and war.gov URLs of one article by its id', () => {
    const key = defense.candidates.samePage!;
    expect(key(new URL(`https://www.defense.gov${KIRBY_PATH}`))).toBe('4301234');
    expect(key(new URL(`https://www.war.gov${KIRBY_PATH}`))).toBe('4301234');
    expect(key(new URL('https://www.war.gov/News/Releases/'))).toBeNull();
  });
});
