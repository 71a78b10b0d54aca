/**
 * An incremental run over a large mirror where nothing changed: how many requests it sends (all
 * skipped by sitemap <lastmod>, or conditional and answered 304), how many files it writes (goal:
 * none) and how long it takes, against the cold run that built the dataset.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMirror } from '../test/support/mirror.ts';
import { snapshotTree } from '../test/support/tree.ts';
import { measurePodium } from './measure.ts';
import { samplePages, syntheticPage } from './synthetic.ts';

export interface IncrementalRun {
  ms: number;
  peakRssMiB: number;
  pageRequests: number;
  notModified: number;
  filesWritten: number;
}

export interface IncrementalResult {
  transcripts: number;
  cold: IncrementalRun;
  /** Sitemap lastmods unchanged: pages are not requested at all. */
  warmByLastmod: IncrementalRun;
  /** Sitemap without lastmod: every page asked conditionally. */
  warmConditional: IncrementalRun;
}

export async function benchIncremental(quick: boolean): Promise<IncrementalResult> {
  const n = quick ? 40 : 10_000;
  const samples = samplePages();
  const mirror = await startMirror();
  const out = await mkdtemp(join(tmpdir(), 'podium-bench-incremental-'));
  try {
    const pages = Array.from({ length: n }, (_, i) => syntheticPage(samples, i));
    for (const p of pages) mirror.set(p.path, { body: p.html });
    const sitemap = (withLastmod: boolean) =>
      `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${pages
        .map((p) => `<url><loc>https://www.state.gov${p.path}</loc>${withLastmod ? `<lastmod>${p.lastmod}</lastmod>` : ''}</url>`)
        .join('')}</urlset>`;
    const emptyFeed = '<?xml version="1.0"?><rss version="2.0"><channel><title>feed</title></channel></rss>';
    mirror.set('/robots.txt', { body: 'User-agent: *\nDisallow:\n', contentType: 'text/plain' });
    mirror.set('/sitemap_index.xml', { contentType: 'application/xml', body: '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://www.state.gov/page-sitemap.xml</loc></sitemap></sitemapindex>' });
    mirror.set('/page-sitemap.xml', { contentType: 'application/xml', body: sitemap(true) });
    mirror.set('/rss-feed/department-press-briefings/feed/', { contentType: 'application/rss+xml', body: emptyFeed });
    mirror.set('/rss-feed/press-releases/feed/', { contentType: 'application/rss+xml', body: emptyFeed });

    const run = async (): Promise<IncrementalRun> => {
      const before = await snapshotTree(out).catch(() => new Map());
      const seen = mirror.requests.length;
      const m = await measurePodium(['run', '--agency', 'state', '--out', out, '--origin', `www=${mirror.origin}`, '--delay', '0', '--concurrency', '4']);
      if (m.code !== 0) throw new Error(`podium run exited ${m.code}: ${m.stderr || m.stdout}`);
      const after = await snapshotTree(out);
      let written = 0;
      for (const [path, file] of after) {
        const old = before.get(path);
        if (!old || old.mtimeMs !== file.mtimeMs || old.bytes !== file.bytes) written++;
      }
      const requests = mirror.requests.slice(seen).filter((r) => r.path.startsWith('/synthetic-briefing-'));
      return { ms: m.ms, peakRssMiB: m.peakRssMiB, pageRequests: requests.length, notModified: requests.filter((r) => r.status === 304).length, filesWritten: written };
    };

    const cold = await run();
    const warmByLastmod = await run();
    mirror.set('/page-sitemap.xml', { contentType: 'application/xml', body: sitemap(false) });
    const warmConditional = await run();
    return { transcripts: n, cold, warmByLastmod, warmConditional };
  } finally {
    await mirror.close();
    await rm(out, { recursive: true, force: true });
  }
}
