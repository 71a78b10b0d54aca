/**
 * Reads one HTML page with the agency's selectors: the header facts (title, doc type, date,
 * byline, location) and the article body as blocks. Works only inside the article: banner,
 * navigation, share buttons, tags, related content and footer never reach a record.
 */
import { load } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import type { Agency, Selector } from '../agencies/types.ts';
import { readBlocks, type Block } from './blocks.ts';
import { ExtractError } from './errors.ts';
import { all, attr, first, removeAll, selectedValue, selectorParts, text } from './query.ts';
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
 * after parsing (text(), the block reader) recurses once per level.
 */
export const MAX_DEPTH = 400;

/**
 * htmlparser2 takes quadratic time on deep nesting (12 s for 100 000 nested divs), so markup is
 * pre-scanned before parsing: a linear tag count that over-estimates depth (unclosed <p> count)
 * and refuses only what is far beyond MAX_DEPTH.
 */
export const MAX_ROUGH_DEPTH = 5_000;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/**
 * Whether markup may nest deeper than MAX_ROUGH_DEPTH, by a linear count of open and close tags
 * that never parses. Markup with fewer `<` than that cannot, so a normal page is only scanned
 * with indexOf. Returns the rough depth when it is too deep, else null.
 */
export function tooDeep(html: string): number | null {
  let opens = 0;
  for (let at = html.indexOf('<'); at >= 0 && opens <= MAX_ROUGH_DEPTH; at = html.indexOf('<', at + 1)) opens++;
  if (opens <= MAX_ROUGH_DEPTH) return null;
  const depth = roughDepth(html);
  return depth > MAX_ROUGH_DEPTH ? depth : null;
}

/** Deepest tag nesting seen by counting open and close tags (unclosed <p> over-counts). */
function roughDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g)) {
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (!m[3] && !VOID.has(m[2]!.toLowerCase())) deepest = Math.max(deepest, ++depth);
  }
  return deepest;
}

export function extractPage(html: string, agency: Agency, page: string, url: string | null = null): ExtractedPage {
  const rough = tooDeep(html);
  if (rough !== null) throw new ExtractError(page, 'too-large', `markup nested about ${rough} levels deep (limit ${MAX_DEPTH})`);
  const doc = load(html).root()[0]!;
  const depth = nesting(doc);
  if (depth > MAX_DEPTH) throw new ExtractError(page, 'too-large', `markup nested ${depth} levels deep (limit ${MAX_DEPTH})`);
  const rules = agency.page;
  const title = firstText(doc, rules.title);
  const body = findBody(doc, rules.body);
  const decoy = body ? null : decoyIn(doc, agency, title);
  if (decoy) throw new ExtractError(page, 'decoy', `the site served a decoy page (${decoy}) instead of content`);
  if (!title) throw new ExtractError(page, 'no-title', `no title found (tried ${describe(rules.title)})`);
  if (!body) throw new ExtractError(page, 'no-body', `no article body found (tried ${rules.body.join(', ')})`);

  // Header facts are read before the body is cleaned: the cleaning may remove the header itself
  // (an adapter whose body selector is the whole <article>).
  const header = {
    docType: firstText(doc, rules.docType ?? []),
    date: firstDate(doc, rules.date),
    byline: lines(doc, rules.byline ?? []),
    location: firstText(doc, rules.location ?? []),
  };
  removeAll(body, rules.remove);
  const blocks = readBlocks(body);
  if (blocks.length > MAX_BLOCKS) {
    throw new ExtractError(page, 'too-large', `article body has ${blocks.length} paragraphs (limit ${MAX_BLOCKS})`);
  }
  return { url: url ?? canonicalLink(doc), title, ...header, blocks };
}

/**
 * Whether an HTML page is a decoy (a bot wall or "Technical Difficulties" served with HTTP 200)
 * instead of content: a description of the match, or null. Decided on structure: the page has
 * no article body (none of the agency's body selectors holds text), and its title or its whole
 * text matches one of `agency.decoys`. A transcript has a body, so no words inside one ("we had
 * some technical difficulties with the line") can make it a decoy. The fetcher and the
 * extractor both ask this one function.
 */
export function decoyPage(html: string, agency: Pick<Agency, 'page' | 'decoys'>): string | null {
  if (agency.decoys.length === 0 || tooDeep(html) !== null) return null;
  const doc = load(html).root()[0]!;
  if (nesting(doc) > MAX_DEPTH || findBody(doc, agency.page.body)) return null;
  return decoyIn(doc, agency, firstText(doc, agency.page.title));
}

/** A body-less page's decoy match: its title (the adapter's, else `<title>`) or its whole text. */
function decoyIn(doc: AnyNode, agency: Pick<Agency, 'decoys'>, title: string | null): string | null {
  const head = first('title', doc);
  const titles = [title, head ? foldSpaces(text(head)) : null].filter((t): t is string => !!t);
  const whole = foldSpaces(text(first('body', doc) ?? doc)).slice(0, 5000);
  for (const pattern of agency.decoys) {
    const hit = titles.find((t) => test(pattern, t));
    if (hit !== undefined) return `title "${hit}" matches ${String(pattern)}`;
    if (test(pattern, whole)) return `page text matches ${String(pattern)}`;
  }
  return null;
}

function test(pattern: RegExp, value: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(value);
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

function findBody(doc: AnyNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const el = first(selector, doc);
    if (el && hasText(el)) return el;
  }
  return null;
}

/** Whether any text under `root` is more than whitespace; stops at the first that is. */
function hasText(root: AnyNode): boolean {
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'text' && foldSpaces(node.data)) return true;
    if ('children' in node && node.type !== 'script' && node.type !== 'style') for (const child of node.children) stack.push(child);
  }
  return false;
}

/** Folded, non-empty values a selector yields: element text, or an attribute. */
function read(doc: AnyNode, selector: Selector): string[] {
  const { css, attr: name } = selectorParts(selector);
  return all(css, doc)
    .map((el) => selectedValue(el, name))
    .filter(Boolean);
}

function firstText(doc: AnyNode, selectors: readonly Selector[]): string | null {
  for (const s of selectors) {
    // The first match nearly always has text; only an empty one needs every match read.
    const { css, attr: name } = selectorParts(s);
    const el = first(css, doc);
    if (!el) continue;
    const found = selectedValue(el, name) || read(doc, s)[0];
    if (found) return found;
  }
  return null;
}

function firstDate(doc: AnyNode, selectors: readonly Selector[]): string | null {
  for (const s of selectors) {
    for (const value of read(doc, s)) {
      const date = parseDate(value);
      if (date) return date;
    }
  }
  return null;
}

/** Byline elements can hold several lines (<br>, <p>, one <a> per person). */
function lines(doc: AnyNode, selectors: readonly Selector[]): string[] {
  const out: string[] = [];
  for (const s of selectors) {
    for (const el of all(selectorParts(s).css, doc)) for (const b of readBlocks(el)) if (!out.includes(b.text)) out.push(b.text);
  }
  return out;
}

function canonicalLink(doc: AnyNode): string | null {
  const link = first('link[rel="canonical"]', doc);
  const og = first('meta[property="og:url"]', doc);
  const href = (link && attr(link, 'href')) ?? (og && attr(og, 'content'));
  return href && /^https?:\/\//.test(href) ? href : null;
}

function describe(selectors: readonly Selector[]): string {
  return selectors.map((s) => (typeof s === 'string' ? s : `${s.selector}[${s.attr}]`)).join(', ');
}
