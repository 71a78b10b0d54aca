/**
 * The extract stage's door: one page (HTML, or plain text copied from a browser) to an
 * ExtractedPage, with the agency's selectors and boilerplate rules.
 */
import type { Agency } from '../agencies/types.ts';
import { decoyPage, extractPage, type ExtractedPage } from './page.ts';
import { extractText } from './plaintext.ts';

export { ExtractError, type ExtractErrorCode } from './errors.ts';
export type { ExtractedPage } from './page.ts';
export { decoyPage } from './page.ts';
export type { Block } from './blocks.ts';

/** True when `body` is markup rather than text pasted from a rendered page. */
export function looksLikeHtml(body: string, contentType?: string | null): boolean {
  if (contentType) return /html|xml/i.test(contentType);
  return /^\s*(?:<!doctype html|<html|<head|<body|<div|<p[\s>]|<article|<main|<section|<!--)/i.test(body);
}

/**
 * Reads one page. `where` names it in errors (a file path or URL); `url` is its canonical URL
 * when the caller knows it (otherwise the page's `<link rel=canonical>` is used, if any).
 */
export function extract(body: string, agency: Agency, where: string, url: string | null, contentType?: string | null): ExtractedPage {
  return looksLikeHtml(body, contentType) ? extractPage(body, agency, where, url) : extractText(body, agency, where, url);
}

/**
 * The fetcher's decoy test for an agency (FetcherOptions.decoy): HTML bodies only, decided on
 * structure by {@link decoyPage}. A sitemap, feed or robots.txt is never read as a decoy page.
 */
export function decoyTest(agency: Pick<Agency, 'page' | 'decoys'>): (body: string, contentType: string | null) => string | null {
  return (body, contentType) => {
    const html = contentType ? /html/i.test(contentType) : looksLikeHtml(body);
    return html ? decoyPage(body, agency) : null;
  };
}
