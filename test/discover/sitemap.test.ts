import { describe, expect, it } from 'vitest';
import { DiscoveryError } from '../../pipeline/discover/errors.ts';
import { parseSitemap } from '../../pipeline/discover/sitemap.ts';
import { fixture } from '../support/fixtures.ts';

const SOURCE = 'https://www.agency.example/state_briefing-sitemap.xml';

describe('parseSitemap', () => {
  it('reads a Yoast sitemap index (BOM, stylesheet PI, trailing comment)', () => {
    const xml = fixture('discover/sitemap_index.xml');
    expect(xml.charCodeAt(0)).toBe(0xfeff);
    expect(parseSitemap(xml, 'https://www.agency.example/sitemap_index.xml')).toEqual({
      kind: 'index',
      sitemaps: [
        { loc: 'https://www.agency.example/page-sitemap.xml', lastmod: '2022-08-01T12:00:00+00:00' },
        { loc: 'https://www.agency.example/state_briefing-sitemap.xml', lastmod: '2022-01-20T10:00:00+00:00' },
        { loc: 'https://www.agency.example/state_briefing-sitemap2.xml' },
      ],
    });
  });

  it('reads a urlset: CDATA and whitespace trimmed, image:loc not mistaken for a page', () => {
    const sitemap = parseSitemap(fixture('discover/state_briefing-sitemap.xml'), SOURCE);
    expect(sitemap.kind).toBe('urlset');
    if (sitemap.kind !== 'urlset') return;
    expect(sitemap.urls.map((entry) => entry.loc)).toEqual([
      'https://www.agency.example/briefings/',
      'https://www.agency.example/briefings/department-press-briefing-january-18-2022/',
      'https://www.agency.example/briefings/department-press-briefing-january-10-2022/',
      'https://www.agency.example/briefings/department-press-briefing-january-19-2022/',
      'https://www.agency.example/briefings/department-press-briefing-draft/',
      'https://www.elsewhere.example/briefings/not-ours/',
      'http://www.agency.example/briefings/department-press-briefing-january-12-2022/#top',
    ]);
    expect(sitemap.urls[1]).toEqual({
      loc: 'https://www.agency.example/briefings/department-press-briefing-january-18-2022/',
      lastmod: '2022-01-18T23:01:02+00:00',
    });
    expect(sitemap.urls[3]).not.toHaveProperty('lastmod');
  });

  it('returns an array for a sitemap with a single <url>, namespace prefix and all', () => {
    expect(parseSitemap(fixture('discover/state_briefing-sitemap2.xml'), SOURCE)).toEqual({
      kind: 'urlset',
      urls: [
        {
          loc: 'https://www.agency.example/briefings/department-press-briefing-january-20-2022/',
          lastmod: '2022-01-20',
        },
      ],
    });
  });

  it('returns an array for an index with a single <sitemap>', () => {
    const xml = '<sitemapindex><sitemap><loc>https://x.example/a.xml</loc></sitemap></sitemapindex>';
    expect(parseSitemap(xml, SOURCE)).toEqual({ kind: 'index', sitemaps: [{ loc: 'https://x.example/a.xml' }] });
  });

  it('returns no URLs for an empty urlset', () => {
    expect(parseSitemap('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>', SOURCE)).toEqual({
      kind: 'urlset',
      urls: [],
    });
  });

  it('resolves relative locations against the sitemap URL and skips entries without a web URL', () => {
    const xml = `<urlset>
      <url><loc>/briefings/relative/</loc></url>
      <url><lastmod>2022-01-01</lastmod></url>
      <url><loc>mailto:press@agency.example</loc></url>
      <url><loc>https://www.agency.example/a?x=1&amp;y=2</loc></url>
    </urlset>`;
    expect(parseSitemap(xml, SOURCE)).toEqual({
      kind: 'urlset',
      urls: [
        { loc: 'https://www.agency.example/briefings/relative/' },
        { loc: 'https://www.agency.example/a?x=1&y=2' },
      ],
    });
  });

  it('keeps numeric-looking values as strings', () => {
    const xml = '<urlset><url><loc>https://x.example/2022</loc><lastmod>2022</lastmod></url></urlset>';
    expect(parseSitemap(xml, SOURCE)).toEqual({
      kind: 'urlset',
      urls: [{ loc: 'https://x.example/2022', lastmod: '2022' }],
    });
  });

  it('rejects malformed XML with a DiscoveryError naming the URL and the parser reason', () => {
    let error: unknown;
    try {
      parseSitemap(fixture('discover/malformed-sitemap.xml'), SOURCE);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DiscoveryError);
    const { url, reason, message } = error as DiscoveryError;
    expect(url).toBe(SOURCE);
    expect(reason).toMatch(/^malformed XML: .*\(line \d+/);
    expect(message).toContain(SOURCE);
  });

  it.each([
    ['an empty body', ''],
    ['an HTML error page', '<!DOCTYPE html><html><body><p>Technical Difficulties</p><br></body></html>'],
    ['mismatched tags', '<urlset><url><loc>x</url></loc></urlset>'],
  ])('rejects %s', (_what, xml) => {
    expect(() => parseSitemap(xml, SOURCE)).toThrow(DiscoveryError);
  });

  it('rejects well-formed XML that is not a sitemap, saying what it found', () => {
    expect(() => parseSitemap(fixture('discover/press-releases.rss'), SOURCE)).toThrow(/not a sitemap: .*found <rss>/);
  });
});
