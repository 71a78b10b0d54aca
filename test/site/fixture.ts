/**
 * A small dataset for the site tests, written through the store: a briefing revised once (its first
 * version in history/), a speech by another speaker in another year and kind, and a hostile record
 * whose title and turns carry markup and `javascript:` links that must render inert.
 */
import { contentSha256 } from '../../pipeline/record/content-hash.ts';
import { indexEntry } from '../../pipeline/run/index-entry.ts';
import type { Changelog, Transcript, Turn } from '../../pipeline/schema/types.ts';
import { SCHEMA_VERSION } from '../../pipeline/schema/version.ts';
import { Dataset } from '../../pipeline/store/dataset.ts';
import { briefing } from '../support/dataset-run.ts';

export const REVISED_ID = 'state/2022-01-18/department-press-briefing-january-18-2022';
export const SPEECH_ID = 'state/2021-03-03/secretary-blinken-remarks-on-foreign-policy';
export const HOSTILE_ID = 'state/2022-02-02/hostile-briefing';
/** Words only the revised briefing says. */
export const KNOWN_PHRASE = 'rhubarb diplomacy';
/** Hostile strings: each would run `window.__pwned = …` if it were parsed as HTML. */
export const HOSTILE = {
  title: 'Briefing <script>window.__pwned = "title"</script> on Security',
  attr: '"><img src=x onerror="window.__pwned = \'img\'">',
  link: '<a href="javascript:window.__pwned=\'link\'">click for details</a>',
  askedBy: '<svg onload="window.__pwned=\'svg\'">',
};

function withRevisions(base: Transcript, observedAt: string): Transcript {
  const hash = contentSha256(base);
  return { ...base, source: { ...base.source, contentSha256: hash }, revisions: [{ revision: 1, observedAt, contentSha256: hash, change: 'initial' }] };
}

export async function writeSiteFixture(out: string): Promise<void> {
  const dataset = new Dataset(out);
  const v1 = briefing('2022-01-18', 'department-press-briefing-january-18-2022', [
    'Good afternoon. We will start with rhubarb diplomacy today.',
    'Will the Secretary travel to Geneva this week?',
    'I expect he will, yes. He leaves on Thursday.',
  ]);
  const edited = { ...v1, turns: v1.turns.map((t, i): Turn => (i === 2 ? { ...t, paragraphs: ['I expect he will not. He stays in Washington.'] } : t)) as [Turn, ...Turn[]] };
  const hash2 = contentSha256(edited);
  const v2: Transcript = {
    ...edited,
    heldOn: '2022-01-18',
    source: { ...edited.source, contentSha256: hash2 },
    revision: 2,
    revisions: [...v1.revisions, { revision: 2, observedAt: '2022-01-20T10:00:00Z', contentSha256: hash2, change: 'minor' }],
  };

  const speechBase = briefing('2021-03-03', 'secretary-blinken-remarks-on-foreign-policy', ['Thank you all for being here.', 'Diplomacy is back.']);
  const speech = withRevisions({
    ...speechBase,
    title: 'Secretary Blinken: A Foreign Policy for the American People',
    kind: 'remarks',
    participants: [{ label: 'SECRETARY BLINKEN', name: 'Antony J. Blinken', role: 'official' }],
    turns: [{ speaker: 'SECRETARY BLINKEN', role: 'official', paragraphs: ['Thank you all for being here.', 'Diplomacy is back.'] }],
    stats: { words: 9, turns: 1, questions: 0 },
  }, '2021-03-03T20:00:00Z');

  const hostileBase = briefing('2022-02-02', 'hostile-briefing', [HOSTILE.attr, HOSTILE.link]);
  const hostile = withRevisions({
    ...hostileBase,
    title: HOSTILE.title,
    location: HOSTILE.attr,
    turns: [hostileBase.turns[0], { ...hostileBase.turns[1]!, askedBy: HOSTILE.askedBy }] as [Turn, ...Turn[]],
  }, '2022-02-02T20:00:00Z');

  await dataset.writeHistory(v1);
  for (const record of [v2, speech, hostile]) await dataset.writeRecord(record);
  await dataset.writeIndex({ schemaVersion: SCHEMA_VERSION, datasetVersion: '2022.02.03.1', transcripts: [v2, speech, hostile].map(indexEntry) });
  const none = { revised: [], withdrawn: [], restored: [], reprocessed: [], failures: [] };
  const changelog: Changelog = {
    schemaVersion: SCHEMA_VERSION,
    entries: [
      { runId: 'run-1', time: '2022-02-02T21:00:00Z', datasetVersion: '2022.02.02.1', counts: { added: 3, revised: 0, withdrawn: 0, restored: 0, reprocessed: 0, failed: 0 }, ...none, added: [SPEECH_ID, REVISED_ID, HOSTILE_ID] },
      { runId: 'run-2', time: '2022-02-03T10:00:00Z', datasetVersion: '2022.02.03.1', counts: { added: 0, revised: 1, withdrawn: 0, restored: 0, reprocessed: 0, failed: 0 }, ...none, added: [], revised: [{ id: REVISED_ID, revision: 2, change: 'minor' }] },
    ],
  };
  await dataset.writeChangelog(changelog);
}
