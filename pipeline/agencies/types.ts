/**
 * The agency adapter interface. One agency = one module under pipeline/agencies/ exporting an
 * `Agency`. An adapter is mostly a declaration (origins, discovery channels, selectors, label and
 * role rules); the core (fetch, extract, parse, store, site) reads it and never names an agency.
 */
import type { Kind, Role } from '../schema/types.ts';

export interface Agency {
  /** Adapter id: lower-case, the first segment of every record id (`state/2022-01-18/<slug>`). */
  id: string;
  /** Human name, for listings and the site. */
  name: string;
  /**
   * The adapter's version: change it (a date, `2026.12.1`) whenever an edit may change which
   * pages are transcripts (candidate rules, selectors, `notTranscriptDocTypes`, title filters).
   * Every "not a transcript" verdict remembers the version that reached it, and a page judged by
   * another version is fetched and judged again. Absent counts as `0`.
   */
  version?: string;
  /**
   * Sites the agency publishes transcripts on. The first is the primary. Requests only ever go to
   * these hosts (and to `extraHosts`); a redirect anywhere else is refused.
   */
  origins: AgencyOrigin[];
  /** Further hosts a redirect may lead to (e.g. `state.gov` -> `www.state.gov`). */
  extraHosts?: string[];
  /** Where transcript URLs are found, tried in order; every channel is used on every run. */
  discovery: DiscoverySource[];
  /** Which discovered URLs may be transcripts. Others are never fetched. */
  candidates: CandidateRules;
  /** How to read one page. */
  page: PageRules;
  /** How to read plain text pasted from a page (banner, navigation and footer lines included). */
  text: TextRules;
  /** Speaker labels and roles. */
  speakers: SpeakerRules;
  /** How to read the lines before the first label, where the generic reading needs help. */
  preamble?: PreambleRules;
  /**
   * This agency's own ways of handing the floor to a reporter, on top of the shared ones
   * (pipeline/transcript/questioners.ts). Built with `handOver()` from the core's name and outlet
   * parts; each captures `name` and may capture `outlet`.
   */
  handOvers?: RegExp[];
  /** Kind classification: the first matching rule wins; no match gives `other`. */
  kinds: KindRule[];
  /**
   * Content types (the page's doc-type label) that are never transcripts, whatever the body holds
   * (press statements, readouts, media notes).
   */
  notTranscriptDocTypes: RegExp[];
  /**
   * The title or whole text of pages the site serves instead of content (bot walls, "Technical
   * Difficulties" served with HTTP 200). Only a page with no article body (`page.body` finds no
   * text) is tested, so words inside a transcript never make it a decoy. A decoy is a bot wall:
   * the page is asked of the fallbacks, and walls in a row stop the host for the run.
   */
  decoys: RegExp[];
  /**
   * Other ways to read a page when the page itself is blocked or broken, tried in order after the
   * page. Each is recorded in `source.via`.
   */
  fallbacks?: FallbackChannel[];
  /**
   * Discovery of last resort: when every channel of an origin fails (a wall), the archive's capture
   * index is asked for the URLs it holds under these path prefixes on that origin's host. Its
   * pages then come through the `web-archive` fallback, which the agency must declare.
   */
  archiveIndex?: ArchiveIndex;
}

export interface ArchiveIndex {
  /** The archive, e.g. `https://web.archive.org` (its CDX server answers `/cdx/search/cdx`). */
  base: string;
  /** Path prefixes, e.g. `/News/Transcripts/Transcript/Article/`. */
  prefixes: string[];
}

export interface AgencyOrigin {
  /** Short name used on the command line: `--origin archive=http://127.0.0.1:8080`. */
  name: string;
  /** Canonical origin, e.g. `https://www.state.gov`. Records always carry canonical URLs. */
  url: string;
}

export type DiscoverySource =
  | {
      /** A sitemap index (Yoast `sitemap_index.xml`); child sitemaps whose URL matches `follow` are read. */
      type: 'sitemap-index';
      path: string;
      follow: RegExp;
      /** Origin names this channel exists on; all origins when absent. */
      on?: string[];
    }
  | { type: 'sitemap'; path: string; on?: string[] }
  | { type: 'feed'; path: string; on?: string[] }
  /**
   * A WordPress REST list endpoint of one post type (`/wp-json/wp/v2/pages`): a hundred posts per
   * request with link, modification date and title, paged by `X-WP-TotalPages`. Once the crawl
   * state knows pages of the origin, only posts modified since (`modified_after`) are listed.
   */
  | { type: 'wp-rest'; path: string; on?: string[] }
  | ListingSource;

/**
 * An HTML listing page ("Briefings & Statements", page 1): every element matching `item` is one
 * entry. For sites without a sitemap of their transcripts, and as a second opinion on those with
 * one. Only the page at `path` is read (no pagination): run it often enough to see new items.
 */
export interface ListingSource {
  type: 'listing';
  path: string;
  /** One entry per match (`li.wp-block-post`). */
  item: string;
  /** The entry's link inside the item; the item itself when it is an `<a>` and this is absent. */
  link?: string;
  /** The entry's date inside the item (`time[datetime]`), read as the sitemap `<lastmod>` is. */
  date?: Selector;
  on?: string[];
}

export interface CandidateRules {
  /** A discovered URL is a candidate when one of these matches its canonical URL... */
  include: RegExp[];
  /** ...and none of these does (section landing pages, listings). */
  exclude?: RegExp[];
  /**
   * Titles a channel gives (feed items, REST lists) that say the page is not a transcript
   * (readouts, calls, travel announcements): such a URL is not fetched, and the crawl state
   * remembers the verdict with the adapter `version` (bump it when these change). A page already
   * stored as a transcript is never dropped by its title. Measure a pattern on real titles first.
   */
  notTranscriptTitles?: RegExp[];
  /**
   * The same page under several origins (defense.gov and war.gov serve one article id on both):
   * URLs with the same key are one candidate, kept under the URL of the origin listed first in
   * `origins`. Null means the URL has no key and stands alone.
   */
  samePage?: (url: URL) => string | null;
}

/** A CSS selector, or a selector plus the attribute to read instead of the text. */
export type Selector = string | { selector: string; attr: string };

export interface PageRules {
  /** Tried in order; the first with non-empty text wins. */
  title: Selector[];
  /**
   * The publication date, tried in order; the first value the core's date reader understands
   * wins: "January 18, 2022", "Sept. 15, 2026" (abbreviated months, with or without a period),
   * "18 January 2022", or a bare ISO date. An ISO date-time ("2025-03-11T17:52:09-04:00" in
   * `time[datetime]`) is not read: point at the printed date instead.
   */
  date: Selector[];
  docType?: Selector[];
  /** Elements whose text lines are bylines ("Ned Price, Department Spokesperson"). */
  byline?: Selector[];
  location?: Selector[];
  /** The article body, tried in order; nothing outside it reaches a record. */
  body: string[];
  /** Removed from inside the body before reading it (share buttons, tags, hidden inputs, TOCs). */
  remove: string[];
}

export interface TextRules {
  /** Whole lines that are site chrome (banner, navigation, footer) and never content. */
  boilerplate: RegExp[];
  /** A line where the article ends (e.g. `Tags`); it and everything after are dropped. */
  end: RegExp[];
  /** Doc-type lines that appear between the title and the date in the page header. */
  docTypes: RegExp[];
}

export interface SpeakerRules {
  /**
   * A label at the start of a paragraph, when it is not set off structurally (bold). Must capture
   * the label in group `label`; the rest of the paragraph follows. Applied after NBSP folding.
   */
  label: RegExp;
  /**
   * Labels printed without a colon, e.g. the White House's `Q` followed by spaces. `speaker` is the
   * normalized label the turn gets.
   */
  bareLabels?: { pattern: RegExp; speaker: string }[];
  /** Upper-case lines that look like labels but are not (topic headers, "TRANSCRIPT:"). */
  notLabels: RegExp[];
  /** Role by normalized label; first match wins. Labels matching none are officials. */
  roles: { pattern: RegExp; role: Role }[];
  /**
   * Words of this agency's labels that are titles, not names, on top of the shared list
   * (`PENTAGON`, `MAJ.`, `BRIG.` on defense.gov), so that `PENTAGON PRESS SECRETARY AIR FORCE
   * MAJ. GEN. PAT RYDER` and `GEN. RYDER` are one participant named "Pat Ryder". Upper case, as
   * the label is normalized (honorific periods such as `MR.` are already gone; others stay).
   */
  titleWords?: string[];
}

export interface PreambleRules {
  /**
   * Lines that name where the briefing was held although they do not read like a place to the
   * generic test ("James S. Brady Press Briefing Room": the initial looks like a sentence end).
   */
  places?: RegExp[];
}

export interface KindRule {
  kind: Kind;
  /** Every test given must match. */
  docType?: RegExp;
  title?: RegExp;
  location?: RegExp;
  attribution?: 'on-record' | 'on-background' | 'off-record';
}

export interface FallbackChannel {
  via: 'rest-api' | 'web-archive';
  /**
   * The URL to request for a canonical page URL, or null when this channel cannot serve it: a
   * path (served by the page's own origin) or an absolute URL on another service.
   */
  url(pageUrl: URL): string | null;
  /** Turns the response body into something the extractor can read; throws when it holds no page. */
  read(body: string, pageUrl: URL): FallbackPage;
}

/**
 * What a fallback channel yields: a whole page (an archived copy) read with the agency's page
 * rules, or a post from an API whose body fragment is read as the article body.
 */
export type FallbackPage =
  | { html: string }
  | { title: string; date: string | null; docType: string | null; bodyHtml: string; modified: string | null };
