/**
 * Sitemap parsing (sitemaps.org protocol, as written by Yoast on state.gov and whitehouse.gov).
 * Pure: XML string in, URLs out. Fetching and following happen in index.ts.
 */
import { DiscoveryError } from './errors.ts';
import { absoluteHttpUrl, children, parseXml, rootElement, textOf } from './xml.ts';

/** One `<url>` or `<sitemap>` entry. */
export interface SitemapEntry {
  /** Absolute URL, as listed (relative locations resolved against the sitemap's URL). */
  loc: string;
  /** `<lastmod>` as written (W3C datetime), when present. */
  lastmod?: string;
}

export type Sitemap = { kind: 'index'; sitemaps: SitemapEntry[] } | { kind: 'urlset'; urls: SitemapEntry[] };

const CONTAINERS = new Set(['urlset.url', 'sitemapindex.sitemap']);

/**
 * Parses a sitemap or a sitemap index.
 *
 * @param xml The document as fetched (BOM, namespace prefixes and CDATA allowed).
 * @param sourceUrl The URL it was read from: named in errors and used to resolve relative `<loc>`s.
 * @throws DiscoveryError when the XML is malformed or the root is neither `<urlset>` nor `<sitemapindex>`.
 * @example
 * parseSitemap('<urlset><url><loc>https://www.state.gov/a/</loc></url></urlset>', 'https://www.state.gov/s.xml')
 * // => { kind: 'urlset', urls: [{ loc: 'https://www.state.gov/a/' }] }
 */
export function parseSitemap(xml: string, sourceUrl: string): Sitemap {
  const doc = parseXml(xml, sourceUrl, {
    ignoreAttributes: true,
    // A sitemap with a single <url> parses to an object, not an array, unless told otherwise.
    isArray: (_name, jPath) => CONTAINERS.has(String(jPath)),
  });
  const root = rootElement(doc);
  if (root?.name === 'urlset') return { kind: 'urlset', urls: entries(root.node, 'url', sourceUrl) };
  if (root?.name === 'sitemapindex') return { kind: 'index', sitemaps: entries(root.node, 'sitemap', sourceUrl) };
  const found = root ? `<${root.name}>` : 'no single root element';
  throw new DiscoveryError(sourceUrl, `not a sitemap: expected <urlset> or <sitemapindex>, found ${found}`);
}

function entries(container: unknown, name: string, sourceUrl: string): SitemapEntry[] {
  const out: SitemapEntry[] = [];
  for (const node of children(container, name)) {
    // <loc> is required by the protocol; an entry without a usable one names nothing to fetch.
    const loc = absoluteHttpUrl(textOf(children(node, 'loc')[0]), sourceUrl);
    if (loc === undefined) continue;
    const lastmod = textOf(children(node, 'lastmod')[0]);
    out.push(lastmod === undefined ? { loc } : { loc, lastmod });
  }
  return out;
}
