import { afterEach, describe, expect, it } from 'vitest';
import { state } from '../../pipeline/agencies/state.ts';
import { discover, OriginMap } from '../../pipeline/discover/index.ts';
import { parseDate } from '../../pipeline/extract/text.ts';
import { TestFetchClient } from '../support/fetch-client.ts';
import { startServer, type TestServer } from '../support/http-server.ts';

const WWW = 'https://www.state.gov';

function rss(links: string[]): string {
  const items = links
    .map((link, i) => `<item><title>Item ${i}</title><link>${link}</link><pubDate>Mon, 0${i + 1} Jun 2026 15:00:00 +0000</pubDate></item>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Press Releases</title>${items}</channel></rss>`;
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('state adapter discovery', () => {
  it('takes releases of any office (the 2026 office-of-the-spokesman shape too), not other paths', async () => {
    const releases = [
      `${WWW}/releases/office-of-the-spokesperson/2026/06/secretary-rubio-with-a-reporter/`,
      `${WWW}/releases/office-of-the-spokesman/2026/06/secretary-rubio-remarks-to-the-press/`,
    ];
    const others = [`${WWW}/releases/office-of-the-spokesman/`, `${WWW}/countries-areas/`];
    server = await startServer({
      '/sitemap_index.xml': {
        body: '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></sitemapindex>',
        type: 'application/xml',
      },
      '/rss-feed/department-press-briefings/feed/': { body: rss([]), type: 'application/rss+xml' },
      '/rss-feed/press-releases/feed/': { body: rss([...releases, ...others]), type: 'application/rss+xml' },
    });
    const origins = new OriginMap(state, [`www=${server.origin}`]);
    const http = new TestFetchClient(origins.allowedHosts());
    const { candidates } = await discover(state, { http, origins });
    expect(candidates.map((candidate) => candidate.url).sort()).toEqual([...releases].sort());
  });

  it('reads the article:published_time fallback, an ISO date-time, as the page’s own calendar day', () => {
    expect(parseDate('2025-03-11T17:52:09-04:00')).toBe('2025-03-11');
    expect(parseDate('2025-03-11T23:30:00-04:00')).toBe('2025-03-11');
  });
});
