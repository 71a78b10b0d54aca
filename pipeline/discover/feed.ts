/**
 * RSS 2.0 / RSS 1.0 / Atom parsing. Feeds are a discovery channel only: they give page URLs and
 * dates, never content. state.gov's RSS `content:encoded` deletes the bracketed placeholders of
 * background briefings ("[Senior State Department Official]"), so feed text must not stand in for
 * the page; item bodies are not even parsed (see `stopNodes`).
 */
import { DiscoveryError } from './errors.ts';
import { plainTitle } from './wp-rest.ts';
import { absoluteHttpUrl, attrOf, children, parseXml, rootElement, textOf } from './xml.ts';

/** One feed item: the page it links to, its dates (ISO 8601, UTC) and title when the feed gives them. */
export interface FeedItem {
  url: string;
  published?: string;
  updated?: string;
  /** Plain text (entities decoded), for the adapter's `notTranscriptTitles`. */
  title?: string;
}

const CONTAINERS = new Set(['rss.channel.item', 'RDF.item', 'feed.entry', 'feed.entry.link']);

/**
 * Parses an RSS 2.0 (`item/link`, `pubDate`, `guid`), RSS 1.0 (`item/link`, `dc:date`) or Atom
 * (`entry/link[@href]`, `published`, `updated`) feed.
 *
 * @param xml The feed as fetched.
 * @param sourceUrl The URL it was read from: named in errors and used to resolve relative links.
 * @throws DiscoveryError when the XML is malformed or is not a feed.
 * @example
 * parseFeed('<rss><channel><item><link>https://www.state.gov/a/</link></item></channel></rss>', 'https://www.state.gov/feed/')
 * // => [{ url: 'https://www.state.gov/a/' }]
 */
export function parseFeed(xml: string, sourceUrl: string): FeedItem[] {
  const doc = parseXml(xml, sourceUrl, {
    ignoreAttributes: false,
    isArray: (_name, jPath) => CONTAINERS.has(String(jPath)),
    // Item bodies can be hundreds of kilobytes of escaped HTML that discovery never reads.
    stopNodes: ['*.description', '*.encoded', '*.content', '*.summary'],
  });
  const root = rootElement(doc);
  if (root?.name === 'rss') return rssItems(children(root.node, 'channel')[0], sourceUrl);
  if (root?.name === 'RDF') return rssItems(root.node, sourceUrl);
  if (root?.name === 'feed') return atomEntries(root.node, sourceUrl);
  const found = root ? `<${root.name}>` : 'no single root element';
  throw new DiscoveryError(sourceUrl, `not a feed: expected <rss>, <rdf:RDF> or <feed>, found ${found}`);
}

function rssItems(channel: unknown, sourceUrl: string): FeedItem[] {
  const out: FeedItem[] = [];
  for (const item of children(channel, 'item')) {
    const url = rssLink(item, sourceUrl);
    if (url === undefined) continue;
    const published = isoDate(textOf(children(item, 'pubDate')[0]) ?? textOf(children(item, 'date')[0]));
    out.push(withTitle(published === undefined ? { url } : { url, published }, item));
  }
  return out;
}

/**
 * `<link>` text; failing that a `<guid>` that is a permalink. state.gov's guids are
 * `?page_id=NNN` with isPermaLink="false": not the page's address, so they are never used.
 */
function rssLink(item: unknown, sourceUrl: string): string | undefined {
  for (const link of children(item, 'link')) {
    // An <atom:link href> inside an item shows up here too (prefix removed); the RSS one has text.
    const url = absoluteHttpUrl(textOf(link) ?? attrOf(link, 'href'), sourceUrl);
    if (url !== undefined) return url;
  }
  const guid = children(item, 'guid')[0];
  if (guid !== undefined && attrOf(guid, 'isPermaLink') !== 'false') return absoluteHttpUrl(textOf(guid), sourceUrl);
  return undefined;
}

function atomEntries(feed: unknown, sourceUrl: string): FeedItem[] {
  const out: FeedItem[] = [];
  for (const entry of children(feed, 'entry')) {
    const links = children(entry, 'link');
    // RFC 4287 §4.2.7.2: a link without rel is rel="alternate", the entry's own page.
    const alternate = links.find((link) => (attrOf(link, 'rel') ?? 'alternate') === 'alternate');
    const url = absoluteHttpUrl(attrOf(alternate, 'href'), sourceUrl);
    if (url === undefined) continue;
    const item: FeedItem = { url };
    const published = isoDate(textOf(children(entry, 'published')[0]));
    const updated = isoDate(textOf(children(entry, 'updated')[0]));
    if (published !== undefined) item.published = published;
    if (updated !== undefined) item.updated = updated;
    out.push(withTitle(item, entry));
  }
  return out;
}

/** The item's `<title>` as plain text: WordPress feeds escape it as HTML (`&#8217;`). */
function withTitle(item: FeedItem, node: unknown): FeedItem {
  const raw = textOf(children(node, 'title')[0]);
  const title = raw === undefined ? '' : plainTitle(raw);
  if (title !== '') item.title = title;
  return item;
}

/** RFC 822 (`Tue, 18 Jan 2022 19:12:00 +0000`) or RFC 3339 to ISO 8601 UTC; undefined if unreadable. */
function isoDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return undefined;
  return new Date(time).toISOString().replace('.000Z', 'Z');
}
