import { describe, expect, it } from 'vitest';
import { DiscoveryError } from '../../pipeline/discover/errors.ts';
import { parseFeed } from '../../pipeline/discover/feed.ts';
import { fixture } from '../support/fixtures.ts';

const RSS = 'https://www.agency.example/rss-feed/press-releases/feed/';
const ATOM = 'https://archive.agency.example/feed.atom';

describe('parseFeed: RSS 2.0', () => {
  it('gives item links and pubDates as ISO UTC, never guids that are not permalinks', () => {
    expect(parseFeed(fixture('discover/press-releases.rss'), RSS)).toEqual([
      {
        url: 'https://www.agency.example/briefings/department-press-briefing-january-18-2022/',
        published: '2022-01-19T02:00:00Z',
        // The feed escapes titles as HTML: the entity is decoded.
        title: 'Department Press Briefing – January 18, 2022',
      },
      {
        url: 'https://www.agency.example/a-senior-state-department-official-on-travel/',
        published: '2022-01-18T15:00:00Z',
        title: 'A Senior Official on Travel',
      },
      { url: 'https://www.agency.example/press-statement-on-something/', published: '2022-01-18T14:00:00Z', title: 'Press Statement on Something' },
    ]);
  });

  it('carries no feed text: items hold only url, dates and title', () => {
    for (const item of parseFeed(fixture('discover/press-releases.rss'), RSS)) {
      expect(Object.keys(item).every((key) => ['url', 'published', 'updated', 'title'].includes(key))).toBe(true);
      expect(JSON.stringify(item)).not.toMatch(/MODERATOR|MR PRICE|Spokesperson/);
    }
  });

  it('returns an array for a feed with a single item', () => {
    const xml = '<rss version="2.0"><channel><item><link>https://x.example/a/</link></item></channel></rss>';
    expect(parseFeed(xml, RSS)).toEqual([{ url: 'https://x.example/a/' }]);
  });

  it('uses a permalink guid when there is no link, and drops an unreadable date', () => {
    const xml = `<rss version="2.0"><channel>
      <item><guid>https://x.example/from-guid/</guid><pubDate>someday</pubDate></item>
      <item><guid isPermaLink="true">https://x.example/explicit/</guid></item>
    </channel></rss>`;
    expect(parseFeed(xml, RSS)).toEqual([
      { url: 'https://x.example/from-guid/' },
      { url: 'https://x.example/explicit/' },
    ]);
  });

  it('reads an RSS 1.0 (RDF) feed with dc:date', () => {
    const xml = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel><title>t</title></channel>
      <item><link>https://x.example/rdf/</link><dc:date>2022-01-18T10:00:00-05:00</dc:date></item>
    </rdf:RDF>`;
    expect(parseFeed(xml, RSS)).toEqual([{ url: 'https://x.example/rdf/', published: '2022-01-18T15:00:00Z' }]);
  });

  it('returns nothing for an empty channel', () => {
    expect(parseFeed('<rss version="2.0"><channel><title>t</title></channel></rss>', RSS)).toEqual([]);
  });
});

describe('parseFeed: Atom', () => {
  it('takes the alternate link (explicit or rel-less), resolves relative links, normalizes dates', () => {
    expect(parseFeed(fixture('discover/archive.atom'), ATOM)).toEqual([
      {
        url: 'https://archive.agency.example/briefings/department-press-briefing-december-1-2021/',
        published: '2021-12-01T19:00:00Z',
        updated: '2021-12-01T20:00:00Z',
        title: 'Department Press Briefing - December 1, 2021',
      },
      {
        url: 'https://archive.agency.example/briefings/department-press-briefing-january-10-2022/',
        updated: '2022-01-10T21:00:00Z',
        title: 'Department Press Briefing - January 10, 2022',
      },
      {
        url: 'https://archive.agency.example/briefings/department-press-briefing-november-2-2021/',
        updated: '2021-11-02T20:00:00Z',
        title: 'Department Press Briefing - November 2, 2021 (relative link)',
      },
    ]);
  });

  it('skips entries without an alternate link', () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom">
      <entry><link rel="self" href="https://x.example/self"/></entry>
      <entry><link href="https://x.example/only/"/></entry>
    </feed>`;
    expect(parseFeed(xml, ATOM)).toEqual([{ url: 'https://x.example/only/' }]);
  });
});

describe('parseFeed: errors', () => {
  it('rejects malformed XML naming the URL and the reason', () => {
    const xml = '<rss><channel><item><link>https://x.example/a/</link></item></channel>';
    expect(() => parseFeed(xml, RSS)).toThrow(DiscoveryError);
    expect(() => parseFeed(xml, RSS)).toThrow(new RegExp(`^${RSS.replace(/[.?/]/g, '\\$&')}: malformed XML: `));
  });

  it('rejects a sitemap served where a feed was expected', () => {
    expect(() => parseFeed(fixture('discover/page-sitemap.xml'), RSS)).toThrow(/not a feed: .*found <urlset>/);
  });
});
