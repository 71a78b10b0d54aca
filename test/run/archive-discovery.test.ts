/**
 * Discovery behind a wall: every channel of both defense origins answers 403, so the Internet
 * Archive's capture index (a fake CDX server on 127.0.0.1) lists the transcripts, and their pages
 * come through the `id_` snapshot fallback. The report names the last-resort channels.
 */
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { defense } from '../../pipeline/agencies/defense.ts';
import { runPipeline } from '../../pipeline/run/index.ts';
import { Dataset } from '../../pipeline/store/dataset.ts';
import { validateDataset } from '../../pipeline/store/integrity.ts';
import { FIXTURES } from '../support/fixtures.ts';
import { startMirror, type Mirror } from '../support/mirror.ts';
import { useTempDirs } from '../support/tmp.ts';
import { startWall, type Wall } from '../support/wall.ts';

const tempDir = useTempDirs();
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const KIRBY = '/News/Transcripts/Transcript/Article/4301234/press-secretary-john-f-kirby-holds-a-press-briefing/';
const RYDER = '/News/Transcripts/Transcript/Article/4305678/pentagon-press-secretary-air-force-maj-gen-pat-ryder-holds-an-off-camera-on-the/';
const HEADER = ['urlkey', 'timestamp', 'original', 'mimetype', 'statuscode', 'digest', 'length'];
const cdx = (...urls: string[]) => ({ contentType: 'application/json', body: JSON.stringify([HEADER, ...urls.map((u) => ['k', '20261120093000', u, 'text/html', '200', 'D', '1'])]) });
const query = (host: string, prefix: string) => `/cdx/search/cdx?url=${host}${prefix}*&output=json&filter=statuscode:200&collapse=urlkey`;

/** A host behind a bot wall, closed after the test. */
async function wall(): Promise<Wall> {
  const w = await startWall('defense/access-denied.html');
  closers.push(() => w.close());
  return w;
}

async function archive(): Promise<Mirror> {
  const m = await startMirror();
  closers.push(() => m.close());
  const page = (origin: string, path: string) => readFile(`${FIXTURES}defense/${origin}${path}index.html`, 'utf8');
  m.set(query('www.defense.gov', '/News/Transcripts/Transcript/Article/'), cdx(`http://www.defense.gov:80${KIRBY}`, 'https://www.defense.gov/News/Transcripts/Transcript/Article/4301234/press-secretary-john-f-kirby-holds-a-press-briefing/?source=GovDelivery'));
  m.set(query('www.war.gov', '/News/Transcripts/Transcript/Article/'), cdx(`https://www.war.gov${RYDER}`, `https://www.war.gov${KIRBY}`));
  for (const host of ['www.defense.gov', 'www.war.gov']) m.set(query(host, '/Newsroom/Transcripts/Transcript/Article/'), { contentType: 'application/json', body: '[]' });
  m.set(`/web/2id_/https://www.defense.gov${KIRBY}`, { body: await page('www', KIRBY) });
  m.set(`/web/2id_/https://www.war.gov${RYDER}`, { body: await page('war', RYDER) });
  return m;
}

describe('an origin whose every channel is walled', () => {
  it('is discovered through the archive capture index, its pages read from snapshots, with the provenance in the report', async () => {
    const walled = await wall();
    const ia = await archive();
    const out = await tempDir();
    const log: string[] = [];
    const report = await runPipeline({
      agencies: [defense], out, now: () => new Date('2026-11-29T03:00:00Z'), log: (line) => log.push(line),
      origins: [`www=${walled.origin}`, `war=${walled.origin}/war`, `web-archive=${ia.origin}`],
      fetcher: { minDelayMs: 0, timeoutMs: 2000, retries: 0, backoffMs: 5, maxRetryAfterMs: 100 },
    });
    expect(report.failures).toEqual([]);
    expect(report.exitCode).toBe(0);
    const channels = report.agencies[0]!.channels;
    expect(channels.filter((c) => c.lastResort).map((c) => [c.channel, c.ok, c.urls])).toEqual([
      ['www web-archive-cdx /News/Transcripts/Transcript/Article/', true, 1],
      ['www web-archive-cdx /Newsroom/Transcripts/Transcript/Article/', true, 0],
      // The Kirby briefing war.gov serves too is one page (kept under defense.gov) that both listed.
      ['war web-archive-cdx /News/Transcripts/Transcript/Article/', true, 2],
      ['war web-archive-cdx /Newsroom/Transcripts/Transcript/Article/', true, 0],
    ]);
    // A captured URL with a tracking query is not a transcript URL: reported, not fetched.
    expect(channels[channels.length - 4]!.unknownShapes?.count).toBe(1);
    expect(log.some((l) => /^discover defense: www web-archive-cdx .*last resort/.test(l))).toBe(true);

    expect(report.added.sort()).toHaveLength(2);
    const dataset = new Dataset(out);
    for (const id of report.added) {
      const record = (await dataset.readRecord(id))!;
      expect(record.source.via).toBe('web-archive');
      expect(record.url).toMatch(/^https:\/\/www\.(?:defense|war)\.gov\/News\/Transcripts\/Transcript\/Article\/\d+\//);
    }
    expect(ia.requestsFor(`/web/2id_/https://www.defense.gov${KIRBY}`)).toHaveLength(1);
    expect((await validateDataset(out)).failures).toEqual([]);
  });
});
