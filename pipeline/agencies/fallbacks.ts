/**
 * Fallback channels shared by adapters: sites that block plain HTTP clients often still answer
 * their own REST API, and the Internet Archive keeps raw copies. Neither disguises the client.
 */
import type { ArchiveIndex, FallbackChannel } from './types.ts';
import { foldSpaces } from '../extract/text.ts';
import { load } from 'cheerio/slim';

interface WordpressOptions {
  /** Post type by URL path prefix (`/briefings/` -> `state_briefing`). */
  postTypes: Record<string, string>;
  /** Post type for every other URL (WordPress `pages` for flat slugs). */
  defaultPostType: string;
}

/**
 * The WordPress REST API: `/wp-json/wp/v2/<type>?slug=<slug>` answers a bare array of posts with
 * `title.rendered`, `content.rendered`, `date` (site-local) and `modified_gmt`.
 */
export function wordpressRest(options: WordpressOptions): FallbackChannel {
  return {
    via: 'rest-api',
    url(pageUrl) {
      const segments = pageUrl.pathname.split('/').filter(Boolean);
      const slug = segments.at(-1);
      if (!slug) return null;
      const prefix = Object.keys(options.postTypes).find((p) => pageUrl.pathname.startsWith(p));
      const type = prefix ? options.postTypes[prefix]! : options.defaultPostType;
      return `/wp-json/wp/v2/${type}?slug=${encodeURIComponent(slug)}&_fields=id,date,modified_gmt,link,title,content`;
    },
    read(body, pageUrl) {
      let posts: unknown;
      try {
        posts = JSON.parse(body);
      } catch (error) {
        throw new Error(`REST answer for ${pageUrl.href} is not JSON: ${(error as Error).message}`);
      }
      const post = Array.isArray(posts) ? (posts[0] as WordpressPost | undefined) : undefined;
      if (!post?.content?.rendered || !post.title?.rendered) {
        throw new Error(`REST answer for ${pageUrl.href} holds no post with that slug`);
      }
      return {
        // title.rendered is HTML-escaped ("&#8211;").
        title: foldSpaces(load(`<p>${post.title.rendered}</p>`)('p').text()),
        date: typeof post.date === 'string' ? post.date.slice(0, 10) : null,
        docType: null,
        bodyHtml: post.content.rendered,
        modified: post.modified_gmt ?? null,
      };
    },
  };
}

interface WordpressPost {
  date?: string;
  modified_gmt?: string;
  title?: { rendered?: string };
  content?: { rendered?: string };
}

/**
 * A raw Internet Archive snapshot (`id_` returns the page as captured, without the archive's
 * toolbar). A one-digit timestamp makes the archive redirect to its newest capture.
 */
export function webArchive(base = 'https://web.archive.org'): FallbackChannel {
  return {
    via: 'web-archive',
    url: (pageUrl) => `${base}/web/2id_/${pageUrl.href}`,
    read: (body) => ({ html: body }),
  };
}

/**
 * The Internet Archive's capture index as discovery of last resort for a walled origin (see
 * `Agency.archiveIndex`); goes with `webArchive()`, which then serves the pages.
 */
export function webArchiveIndex(prefixes: string[], base = 'https://web.archive.org'): ArchiveIndex {
  return { base, prefixes };
}
