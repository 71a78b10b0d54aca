/**
 * Reads one HTML page with the agency's selectors: the header facts (title, doc type, date,
 * byline, location) and the article body as blocks. Works only inside the article: banner,
 * navigation, share buttons, tags, related content and footer never reach a record.
 */
import { load, type CheerioAPI } from 'cheerio/slim';
import { selectAll } from 'css-select';
import { removeElement } from 'domutils';
import type { AnyNode, Element } from 'domhandler';
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

/**
 * Refuses markup nested deeper than this: real pages stay under 40 levels, and every tree walk
 * after parsing (cheerio's text(), the block reader) recurses once per level.
 */
export const MAX_DEPTH = 400;

/**
 * htmlparser2 takes quadratic time on deep nesting (12 s for 100 000 nested divs), so markup is
 * pre-scanned before parsing: a linear tag count that over-estimates depth (unclosed <p> count)
 * and refuses only what is far beyond MAX_DEPTH.
 */
export const MAX_ROUGH_DEPTH = 5_000;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** Deepest tag nesting seen by counting open and close tags; never parses. */
export function roughDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g)) {
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (!m[3] && !VOID.has(m[2]!.toLowerCase())) deepest = Math.max(deepest, ++depth);
  }
  return deepest;
}

export function extractPage(html: string, agency: Agency, page: string, url: string | null = null): ExtractedPage {
  const rough = roughDepth(html);
  if (rough > MAX_ROUGH_DEPTH) throw new ExtractError(page, 'too-large', `markup nested about ${rough} levels deep (limit ${MAX_DEPTH})`);
  const $ = load(html);
  const depth = nesting($.root()[0]!);
  if (depth > MAX_DEPTH) throw new ExtractError(page, 'too-large', `markup nested ${depth} levels deep (limit ${MAX_DEPTH})`);
  const title = firstText($, agency.page.title);
  const body = findBody($, agency.page.body);
  // A decoy (bot wall, "Technical Difficulties") has no article: only then is the page text read.
  if (!body || !title) {
    const decoy = agency.decoys.find((re) => re.test(title ?? '') || re.test($('body').text().slice(0, 5000)));
    if (decoy) throw new ExtractError(page, 'decoy', `the site served a decoy page (matched ${decoy}) instead of content`);
  }
  if (!title) throw new ExtractError(page, 'no-title', `no title found (tried ${describe(agency.page.title)})`);
  if (!body) throw new ExtractError(page, 'no-body', `no article body found (tried ${agency.page.body.join(', ')})`);
  removeInside(body, agency.page.remove);
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

/** Deepest element nesting under `root`, counted without recursion. */
export function nesting(root: AnyNode): number {
  let deepest = 0;
  const stack: [AnyNode, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (depth > MAX_DEPTH) break;
    if ('children' in node) for (const child of node.children) if (child.type === 'tag') stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * Removes the elements matching `selectors` under `root`. css-select directly: cheerio's
 * `.find()` is quadratic in the number of siblings (1.5 s per selector on a 20 000-paragraph body).
 */
export function removeInside(root: Element, selectors: readonly string[]): void {
  if (!selectors.length) return;
  for (const el of selectAll(selectors.join(','), root)) removeElement(el);
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
