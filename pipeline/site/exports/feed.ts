/**
 * feed.atom (RFC 4287): one entry per transcript added or revised, from the changelog, newest
 * first: runs newest first, and within a run the newest briefings first, so a first run of more
 * than `FEED_ENTRIES` keeps the newest. A revision entry says its change class. Links are
 * absolute with `--site-url` (feed readers resolve site-relative ones against the feed's host
 * only). Times come from the dataset, never the clock.
 */
import type { Changelog } from '../../schema/types.ts';
import { esc, sitePath, transcriptPath } from '../html.ts';
import { diffPath } from '../pages/revisions.ts';
import { absoluteUrl, resultOf, type SiteContext, type SiteExport } from './export.ts';

/** Entries kept in the feed. */
export const FEED_ENTRIES = 200;

export interface FeedOptions {
  base: string;
  /** The site's absolute URL ending in `/`; links are site-relative without it. */
  siteUrl?: string;
  datasetVersion: string;
  changelog: Changelog | null;
  titleOf(id: string): string | undefined;
}

export function atomFeed(o: FeedOptions): string {
  const entries: string[] = [];
  const runs = [...(o.changelog?.entries ?? [])].reverse();
  const tag = (s: string) => `tag:podium-data.github.io,2026:${s}`;
  const link = (path: string) => (o.siteUrl ? absoluteUrl(o.siteUrl, path) : sitePath(o.base, path));
  for (const run of runs) {
    if (entries.length >= FEED_ENTRIES) break;
    const items = [
      ...run.revised.map((r) => ({ id: r.id, kind: `Revised (${r.change}${r.revertOf ? ` of revision ${r.revertOf}` : ''})`, key: `${r.id}/r${r.revision}`, link: r.revision > 1 ? diffPath(r.id, r.revision - 1, r.revision) : transcriptPath(r.id), change: r.change as string })),
      ...run.added.map((id) => ({ id, kind: 'New', key: `${id}/r1`, link: transcriptPath(id), change: 'initial' })),
    ].sort((a, b) => (dateOf(a.id) === dateOf(b.id) ? (a.key < b.key ? -1 : 1) : dateOf(a.id) < dateOf(b.id) ? 1 : -1));
    for (const item of items) {
      if (entries.length >= FEED_ENTRIES) break;
      const title = o.titleOf(item.id) ?? item.id;
      entries.push(`<entry>
<id>${esc(tag(item.key))}</id>
<title>${esc(`${item.kind}: ${title}`)}</title>
<updated>${esc(run.time)}</updated>
<link rel="alternate" type="text/html" href="${esc(link(item.link))}"/>
<category term="${esc(item.change)}" label="change class"/>
<summary>${esc(`${item.kind}: ${item.id} (dataset ${run.datasetVersion})`)}</summary>
</entry>`);
    }
  }
  const updated = o.changelog?.entries.at(-1)?.time ?? '1970-01-01T00:00:00Z';
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<id>${tag('feed')}</id>
<title>Podium: new and revised transcripts</title>
<subtitle>Dataset ${esc(o.datasetVersion)}</subtitle>
<updated>${esc(updated)}</updated>
<author><name>Podium</name></author>
<link rel="self" type="application/atom+xml" href="${esc(link('feed.atom'))}"/>
<link rel="alternate" type="text/html" href="${esc(link(''))}"/>
${entries.join('\n')}
</feed>
`;
}

/** The briefing date in a transcript id (`<agency>/<YYYY-MM-DD>/<slug>`). */
const dateOf = (id: string) => id.split('/')[1] ?? '';

export function feedExport(): SiteExport {
  let site: SiteContext;
  return {
    path: 'feed.atom',
    mediaType: 'application/atom+xml',
    description: `Atom feed of the ${FEED_ENTRIES} newest additions and revisions, newest first, with the change class (absolute links with \`--site-url\`).`,
    download: 'file',
    async open(s) {
      site = s;
    },
    async add() {},
    async close() {
      const body = atomFeed({ base: site.base, ...(site.siteUrl ? { siteUrl: site.siteUrl } : {}), datasetVersion: site.index.datasetVersion, changelog: site.changelog, titleOf: site.titleOf });
      await site.files.put('feed.atom', body);
      return resultOf('feed.atom', 'application/atom+xml', body);
    },
  };
}
