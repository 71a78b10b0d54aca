/**
 * Extraction throughput on real pages: Podium's full extract + parse + validate, against
 * Mozilla Readability on jsdom (what a user would reach for; it yields only unstructured text)
 * and htmlparser2's bare parse of the same bytes (the floor for any cheerio-based pipeline).
 */
import { Readability } from '@mozilla/readability';
import { parseDocument } from 'htmlparser2';
import { JSDOM, VirtualConsole } from 'jsdom';
import { state } from '../pipeline/agencies/state.ts';
import { extract } from '../pipeline/extract/index.ts';
import { recordFromPage } from '../pipeline/record/from-page.ts';
import { timeMedian } from './measure.ts';
import { samplePages } from './synthetic.ts';

export interface ExtractionResult {
  pages: number;
  megabytes: number;
  repeats: number;
  podiumPagesPerSecond: number;
  readabilityPagesPerSecond: number;
  bareParsePagesPerSecond: number;
  /** Podium's speed over Readability + jsdom (goal: at least 10). */
  speedupOverReadability: number;
  /** Podium's time over the bare parse (goal: at most 2). */
  timeOverBareParse: number;
}

export async function benchExtraction(quick: boolean): Promise<ExtractionResult> {
  const all = samplePages();
  const pages = quick ? all.slice(0, 6) : all;
  const repeats = quick ? 1 : 5;
  const source = { via: 'page' as const, fetchedAt: '2026-01-01T00:00:00.000Z', etag: null, lastModified: null };
  const podium = await timeMedian(repeats, () => {
    for (const p of pages) recordFromPage(extract(p.html, state, p.url, p.url), state, p.url, p.url, source);
  });
  const bare = await timeMedian(repeats, () => {
    for (const p of pages) parseDocument(p.html);
  });
  const quiet = new VirtualConsole();
  // Readability is several times slower: fewer repeats keep the run short; it is still a median.
  const readability = await timeMedian(Math.max(1, Math.min(repeats, 3)), () => {
    for (const p of pages) new Readability(new JSDOM(p.html, { url: p.url, virtualConsole: quiet }).window.document).parse();
  });
  const rate = (ms: number) => (pages.length / ms) * 1000;
  return {
    pages: pages.length,
    megabytes: pages.reduce((n, p) => n + Buffer.byteLength(p.html), 0) / 1e6,
    repeats,
    podiumPagesPerSecond: rate(podium),
    readabilityPagesPerSecond: rate(readability),
    bareParsePagesPerSecond: rate(bare),
    speedupOverReadability: readability / podium,
    timeOverBareParse: podium / bare,
  };
}
