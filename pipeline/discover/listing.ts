/**
 * HTML listing pages ("Briefings & Statements", "Transcripts"): the entries an adapter's
 * `listing` channel selects, with the date each shows. Pure: HTML in, links out.
 */
import { load } from 'cheerio/slim';
import type { ListingSource } from '../agencies/types.ts';
import { all, attr, first, selectedValue, selectorParts } from '../extract/query.ts';
import { parseDate } from '../extract/text.ts';
import { DiscoveryError } from './errors.ts';
import { absoluteHttpUrl } from './xml.ts';

export interface ListingEntry {
  /** Absolute URL, relative hrefs resolved against the listing page's URL. */
  loc: string;
  /** The entry's date as shown (an ISO `datetime` attribute, or a printed date). */
  date?: string;
}

/**
 * @throws DiscoveryError when not one entry matches: a listing that lists nothing is a changed
 *   template, and must not pass for "no transcripts today".
 * @example
 * parseListing('<li class="post"><a href="/x/">X</a></li>', 'https://a.example/list/', { type: 'listing', path: '/list/', item: 'li.post', link: 'a' })
 * // => [{ loc: 'https://a.example/x/' }]
 */
export function parseListing(html: string, sourceUrl: string, source: ListingSource): ListingEntry[] {
  const doc = load(html).root()[0]!;
  const items = all(source.item, doc);
  if (items.length === 0) throw new DiscoveryError(sourceUrl, `listing page has no entry matching ${source.item}`);
  const out: ListingEntry[] = [];
  for (const item of items) {
    const link = source.link ? first(source.link, item) : item.name === 'a' ? item : first('a[href]', item);
    const loc = absoluteHttpUrl(link ? attr(link, 'href') : undefined, sourceUrl);
    if (loc === undefined) continue;
    const date = source.date ? readDate(item, source.date) : undefined;
    out.push(date ? { loc, date } : { loc });
  }
  return out;
}

function readDate(item: Parameters<typeof first>[1], selector: NonNullable<ListingSource['date']>): string | undefined {
  const { css, attr: name } = selectorParts(selector);
  const el = first(css, item);
  if (!el) return undefined;
  const value = selectedValue(el, name);
  if (!value) return undefined;
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return value;
  // A printed date ("Sept. 15, 2026"): its calendar day, not Date.parse's guess at a local time.
  return parseDate(value) ?? undefined;
}
