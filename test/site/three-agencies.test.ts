/**
 * One dataset, three agencies: State, White House and Defense each run against their local
 * mirrors into the same `output/`, and the site built from it shows all three — counts on the
 * home page, a page per transcript with its participants, and rows in every export.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defense } from '../../pipeline/agencies/defense.ts';
import { state } from '../../pipeline/agencies/state.ts';
import { whitehouse } from '../../pipeline/agencies/whitehouse.ts';
import { validateDataset } from '../../pipeline/store/integrity.ts';
import { runPipeline } from '../../pipeline/run/index.ts';
import { transcriptPath } from '../../pipeline/site/html.ts';
import { buildSite } from '../../pipeline/site/index.ts';
import { Dataset } from '../../pipeline/store/dataset.ts';
import { startAgencyMirror, type AgencyMirror } from '../support/agency-mirrors.ts';
import { startStateMirror, type StateMirror } from '../support/state-mirror.ts';
import { useTempDirs } from '../support/tmp.ts';

const tempDir = useTempDirs();
const FAST = { minDelayMs: 0, timeoutMs: 2000, retries: 1, backoffMs: 5, maxRetryAfterMs: 100 };
const now = () => new Date('2026-11-29T03:00:00Z');
const KIRBY = 'defense/2026-09-15/press-secretary-john-f-kirby-holds-a-press-briefing';

let stateMirror: StateMirror;
let mirrors: AgencyMirror[];
beforeAll(async () => {
  stateMirror = await startStateMirror();
  mirrors = [await startAgencyMirror('whitehouse'), await startAgencyMirror('defense')];
});
afterAll(async () => {
  await Promise.all([stateMirror.close(), ...mirrors.map((m) => m.close())]);
});

it('builds one site from a dataset of all three agencies', async () => {
  const out = await tempDir();
  const runs: [typeof state, string[]][] = [[state, stateMirror.originArgs], [whitehouse, mirrors[0]!.originArgs], [defense, mirrors[1]!.originArgs]];
  for (const [agency, origins] of runs) {
    const report = await runPipeline({ agencies: [agency], out, origins, fetcher: FAST, now });
    expect(report.added.length, agency.id).toBeGreaterThan(0);
  }
  expect((await validateDataset(out)).failures).toEqual([]);
  const index = (await new Dataset(out).readIndex())!;
  expect(new Set(index.transcripts.map((e) => e.agency))).toEqual(new Set(['state', 'whitehouse', 'defense']));

  const site = join(await tempDir(), '_site');
  await buildSite({ out, dest: site, baseUrl: '/podium/' });
  const home = await readFile(join(site, 'index.html'), 'utf8');
  for (const agency of ['state', 'whitehouse', 'defense']) {
    const count = index.transcripts.filter((e) => e.agency === agency).length;
    expect(home, agency).toMatch(new RegExp(`>${agency}<[\\s\\S]{0,200}?>${count}<`));
  }
  for (const e of index.transcripts) await expect(readFile(join(site, transcriptPath(e.id), 'index.html'), 'utf8')).resolves.toContain('#t1');
  const kirby = await readFile(join(site, transcriptPath(KIRBY), 'index.html'), 'utf8');
  expect(kirby).toContain('John F. Kirby');
  const ndjson = (await readFile(join(site, 'transcripts.ndjson'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { agency: string });
  expect(ndjson.map((r) => r.agency).sort()).toEqual(index.transcripts.map((e) => e.agency).sort());
}, 60_000);
