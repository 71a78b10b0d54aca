/**
 * Reads one HTML page with the agency's selectors: the header facts (title, doc type, date,
 * byline, location) and the article body as blocks. Works only inside the article: banner,
 * navigation, share buttons, tags, related content and footer never reach a record.
 */
import { load, type CheerioAPI } from 'cheerio/slim';
import type { Element } from 'domhandler';
import type { Agency, Selector } from '../agencies/types.ts';
import { readBlocks, type Block } from './blocks.ts';
import { ExtractError } from './errors.ts';
import { foldSpaces, parseDate } from './text.ts';

export interface ExtractedPage {
  /** Canonical URL, or null when neither the caller nor the page says. */
  url: string | null;
  title: string;
  docType: string | null;
  /** YYYY-MM-DD as the page states it, or null. */
  date: string | null;
  byline: string[];
  location: string | null;
  blocks: Block[];
}

/** Refuses pages over this many paragraphs: no real briefing comes close (the longest is ~1,500). */
export const MAX_BLOCKS = 20_000;

export function extractPage(html: string, agency: Agency, page: string, url: string | null = null): ExtractedPage {
  const $ = load(html);
  const title = firstText($, agency.page.title);
  const decoy = agency.decoys.find((re) => re.test(title ?? '') || re.test($('body').text().slice(0, 5000)));
  if (decoy && !$(agency.page.body.join(',')).length) {
    throw new ExtractError(page, 'decoy', `the site served a decoy page (matched ${decoy}) instead of content`);
  }
  if (!title) throw new ExtractError(page, 'no-title', `no title found (tried ${describe(agency.page.title)})`);

  const body = findBody($, agency.page.body);
  if (!body) throw new ExtractError(page, 'no-body', `no article body found (tried ${agency.page.body.join(', ')})`);
  if (agency.page.remove.length) $(body).find(agency.page.remove.join(',')).remove();
  const blocks = readBlocks(body);
  if (blocks.length > MAX_BLOCKS) {
    throw new ExtractError(page, 'too-large', `article body has ${blocks.length} paragraphs (limit ${MAX_BLOCKS})`);
  }

  return {
    url: url ?? canonicalLink($),
    title,
    docType: firstText($, agency.page.docType ?? []),
    date: firstDate($, agency.page.date),
    byline: lines($, agency.page.byline ?? []),
    location: firstText($, agency.page.location ?? []),
    blocks,
  };
}

function findBody($: CheerioAPI, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const el = $(selector).first();
    if (el.length && foldSpaces(el.text())) return el[0] as Element;
  }
  return null;
}

function read($: CheerioAPI, selector: Selector): string[] {
  const sel = typeof selector === 'string' ? selector : selector.selector;
  return $(sel)
    .toArray()
    .map((el) => foldSpaces(typeof selector === 'string' ? $(el).text() : ($(el).attr(selector.attr) ?? '')))
    .filter(Boolean);
}

function firstText($: CheerioAPI, selectors: readonly Selector[]): string | null {
  for (const s of selectors) {
    const found = read($, s)[0];
    if (found) return found;
  }
  return null;
}

function firstDate($: CheerioAPI, selectors: readonly Selector[]): string | null {
  for (const s of selectors) {
    for (const text of read($, s)) {
      const date = parseDate(text);
      if (date) return date;
    }
  }
  return null;
}

/** Byline elements can hold several lines (<br>, <p>, one <a> per person). */
function lines($: CheerioAPI, selectors: readonly Selector[]): string[] {
  const out: string[] = [];
  for (const s of selectors) {
    const sel = typeof s === 'string' ? s : s.selector;
    for (const el of $(sel).toArray()) for (const b of readBlocks(el as Element)) if (!out.includes(b.text)) out.push(b.text);
  }
  return out;
}

function canonicalLink($: CheerioAPI): string | null {
  const href = $('link[rel="canonical"]').attr('href') ?? $('meta[property="og:url"]').attr('content');
  return href && /^https?:\/\//.test(href) ? href : null;
}

function describe(selectors: readonly Selector[]): string {
  return selectors.map((s) => (typeof s === 'string' ? s : `${s.selector}[${s.attr}]`)).join(', ');
}
