/**
 * A small state.gov mirror: two local servers (the live site and the 2021-2025 archive) serving
 * robots.txt, the Yoast sitemap index and child sitemaps, the two RSS feeds and the hand-made
 * fixture pages. Sitemaps and feeds list canonical URLs, as the real ones do.
 */
import type { Mirror } from './mirror.ts';
import { startMirror } from './mirror.ts';
import { CANONICAL, STATE_PAGES, stateFixturePage, type StateFixture } from './fixtures.ts';

export interface StateMirror {
  www: Mirror;
  archive: Mirror;
  /** `--origin` values pointing the state adapter at this mirror. */
  originArgs: string[];
  /** Serve a (new version of a) fixture page and list it with this lastmod. */
  publish(page: StateFixture, body?: string): void;
  /** Serve a whole page (e.g. a corpus version in the skeleton) and list it. */
  publishHtml(page: ListedPage, html: string): void;
  /** Stop serving a page (404) and drop it from sitemaps and feeds. */
  unpublish(page: ListedPage): void;
  /** Drop a page from sitemaps and feeds but go on serving it. */
  unlist(page: ListedPage): void;
  close(): Promise<void>;
}

/** What sitemaps and feeds list about a page. */
export type ListedPage = Pick<StateFixture, 'origin' | 'path' | 'lastmod' | 'title'>;

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export async function startStateMirror(pages: StateFixture[] = STATE_PAGES): Promise<StateMirror> {
  const www = await startMirror();
  const archive = await startMirror();
  const listed = new Map<string, ListedPage>();
  const mirrorOf = (origin: 'www' | 'archive') => (origin === 'www' ? www : archive);

  const refresh = () => {
    for (const origin of ['www', 'archive'] as const) {
      const mirror = mirrorOf(origin);
      const base = CANONICAL[origin];
      const mine = [...listed.values()].filter((p) => p.origin === origin);
      const briefings = mine.filter((p) => p.path.startsWith('/briefings/'));
      const flat = mine.filter((p) => !p.path.startsWith('/briefings/'));
      mirror.set('/robots.txt', {
        body: `User-agent: *\nCrawl-delay: 0.01\nDisallow:\n\nSitemap: ${base}/sitemap_index.xml\n`,
        contentType: 'text/plain',
      });
      mirror.set('/sitemap_index.xml', {
        contentType: 'application/xml',
        body: `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>${base}/post-sitemap.xml</loc></sitemap>
  <sitemap><loc>${base}/state_briefing-sitemap.xml</loc><lastmod>${newest(briefings)}</lastmod></sitemap>
  <sitemap><loc>${base}/page-sitemap.xml</loc><lastmod>${newest(flat)}</lastmod></sitemap>
</sitemapindex>
`,
      });
      mirror.set('/post-sitemap.xml', { contentType: 'application/xml', body: urlset([{ loc: `${base}/hello-world/`, lastmod: '2019-01-01T00:00:00+00:00' }]) });
      mirror.set('/state_briefing-sitemap.xml', { contentType: 'application/xml', body: urlset(briefings.map((p) => ({ loc: base + p.path, lastmod: p.lastmod }))) });
      mirror.set('/page-sitemap.xml', {
        contentType: 'application/xml',
        body: urlset([{ loc: `${base}/about/`, lastmod: '2020-01-01T00:00:00+00:00' }, ...flat.map((p) => ({ loc: base + p.path, lastmod: p.lastmod }))]),
      });
      // The REST lists of the three post types, all on one page; the mirror ignores modified_after
      // (a longer answer than asked for, which discovery must take as well).
      mirror.set('/wp-json/wp/v2/state_briefing', wpList(base, briefings));
      mirror.set('/wp-json/wp/v2/pages', wpList(base, flat.filter((p) => !p.path.startsWith('/releases/'))));
      if (origin === 'www') {
        mirror.set('/wp-json/wp/v2/state_press_release', wpList(base, flat.filter((p) => p.path.startsWith('/releases/'))));
        mirror.set('/rss-feed/department-press-briefings/feed/', { contentType: 'application/rss+xml', body: rss(briefings) });
        mirror.set('/rss-feed/press-releases/feed/', { contentType: 'application/rss+xml', body: rss(mine) });
      }
    }
  };

  const publishHtml = (page: ListedPage, html: string) => {
    listed.set(page.path, page);
    mirrorOf(page.origin).set(page.path, { body: html });
    refresh();
  };
  const publish = (page: StateFixture, body?: string) => publishHtml(page, stateFixturePage(page, body));
  for (const page of pages) publish(page);

  return {
    www,
    archive,
    originArgs: [`www=${www.origin}`, `archive=${archive.origin}`],
    publish,
    publishHtml,
    unpublish(page) {
      listed.delete(page.path);
      mirrorOf(page.origin).remove(page.path);
      refresh();
    },
    unlist(page) {
      listed.delete(page.path);
      refresh();
    },
    async close() {
      await Promise.all([www.close(), archive.close()]);
    },
  };
}

function newest(pages: ListedPage[]): string {
  return pages.map((p) => p.lastmod).sort().at(-1) ?? '2020-01-01T00:00:00+00:00';
}

function urlset(urls: { loc: string; lastmod: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((u) => `  <url><loc>${xml(u.loc)}</loc><lastmod>${u.lastmod}</lastmod></url>`).join('\n')}
</urlset>
`;
}

/** A WordPress REST list answer (`_fields=link,modified_gmt,title,type`), newest change first. */
function wpList(base: string, pages: ListedPage[]): { contentType: string; body: string; headers: Record<string, string> } {
  const posts = [...pages]
    .sort((a, b) => Date.parse(b.lastmod) - Date.parse(a.lastmod))
    .map((p) => ({
      link: base + p.path,
      modified_gmt: new Date(p.lastmod).toISOString().slice(0, 19),
      title: { rendered: xml(p.title) },
      type: p.path.startsWith('/briefings/') ? 'state_briefing' : p.path.startsWith('/releases/') ? 'state_press_release' : 'page',
    }));
  return { contentType: 'application/json; charset=UTF-8', body: JSON.stringify(posts), headers: { 'x-wp-total': String(posts.length), 'x-wp-totalpages': '1' } };
}

/** An RSS 2.0 feed the way WordPress writes it; the body text is never used by Podium. */
function rss(pages: ListedPage[]): string {
  const items = pages
    .map(
      (p) => `  <item>
    <title>${xml(p.title)}</title>
    <link>${CANONICAL[p.origin]}${p.path}</link>
    <pubDate>${new Date(p.lastmod).toUTCString().replace('GMT', '+0000')}</pubDate>
    <guid isPermaLink="false">${CANONICAL[p.origin]}/?p=${p.path.length}</guid>
    <description><![CDATA[<p>Summary text that Podium must never use.</p>]]></description>
  </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>U.S. Department of State</title>
  <link>https://www.state.gov</link>
  <description>Mirror feed</description>
${items}
</channel>
</rss>
`;
}
