/**
 * Reads an article body that came without its page (a REST API's `content.rendered`): the
 * header facts come from the API's fields, the blocks from the fragment, with the same
 * boilerplate removal as a page.
 */
import { load } from 'cheerio/slim';
import type { Element } from 'domhandler';
import type { Agency, FallbackPage } from '../agencies/types.ts';
import { readBlocks } from './blocks.ts';
import { ExtractError } from './errors.ts';
import type { ExtractedPage } from './page.ts';
import { MAX_BLOCKS, MAX_DEPTH, nesting, tooDeep } from './page.ts';
import { removeAll } from './query.ts';

export function extractFragment(post: Exclude<FallbackPage, { html: string }>, agency: Agency, where: string): ExtractedPage {
  const rough = tooDeep(post.bodyHtml);
  if (rough !== null) throw new ExtractError(where, 'too-large', `markup nested about ${rough} levels deep (limit ${MAX_DEPTH})`);
  const $ = load(`<div id="podium-fragment">${post.bodyHtml}</div>`);
  const depth = nesting($.root()[0]!);
  if (depth > MAX_DEPTH) throw new ExtractError(where, 'too-large', `markup nested ${depth} levels deep (limit ${MAX_DEPTH})`);
  const root = $('#podium-fragment');
  removeAll(root[0] as Element, agency.page.remove);
  const blocks = readBlocks(root[0] as Element);
  if (blocks.length === 0) throw new ExtractError(where, 'no-body', 'the API returned an empty body');
  if (blocks.length > MAX_BLOCKS) throw new ExtractError(where, 'too-large', `article body has ${blocks.length} paragraphs (limit ${MAX_BLOCKS})`);
  return { url: null, title: post.title, docType: post.docType, date: post.date, byline: [], location: null, blocks };
}
