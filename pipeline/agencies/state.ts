/**
 * U.S. Department of State (state.gov). Sources: ../shared/reference/page-structure.md §0–3.
 * Two origins: the live site, and the Biden-era archive frozen at 2021-2025.state.gov.
 */
import type { Agency } from './types.ts';
import { LABEL } from '../transcript/labels.ts';
import { wordpressRest, webArchive } from './fallbacks.ts';

export const state: Agency = {
  id: 'state',
  name: 'U.S. Department of State',
  // Bump when an edit may change which pages are transcripts: not-transcript verdicts are re-judged.
  version: '2026.12.2',
  origins: [
    { name: 'www', url: 'https://www.state.gov' },
    { name: 'archive', url: 'https://2021-2025.state.gov' },
  ],
  extraHosts: ['state.gov'],
  discovery: [
    // Yoast: daily briefings are post type state_briefing; background/special briefings and
    // remarks are flat-slug pages (guid ?page_id=…), listed in the page sitemaps.
    { type: 'sitemap-index', path: '/sitemap_index.xml', follow: /\/(?:state_briefing|page)-sitemap\d*\.xml$/ },
    { type: 'feed', path: '/rss-feed/department-press-briefings/feed/', on: ['www'] },
    { type: 'feed', path: '/rss-feed/press-releases/feed/', on: ['www'] },
    // The REST lists of the same two post types: titles turn readouts away without a page fetch,
    // and after the first run only what changed is listed (ref. page-structure.md §0.5, §4).
    { type: 'wp-rest', path: '/wp-json/wp/v2/state_briefing' },
    { type: 'wp-rest', path: '/wp-json/wp/v2/pages' },
    // 2025+ releases (/releases/<office>/YYYY/MM/<slug>/, guid /releases/preview/<id>/) are their
    // own post type on the live site (page-structure.md §0.5): titles decide most without a fetch.
    { type: 'wp-rest', path: '/wp-json/wp/v2/state_press_release', on: ['www'] },
  ],
  candidates: {
    // Releases live under /releases/<office>/YYYY/MM/<slug>/ and the office's name drifts
    // (office-of-the-spokesperson, and in 2026 office-of-the-spokesman): accept any office.
    include: [/^https:\/\/(?:www|2021-2025)\.state\.gov\/(?:briefings\/|briefings-foreign-press-centers\/)?[a-z0-9][a-z0-9-]*\/?$/, /^https:\/\/www\.state\.gov\/releases\/[a-z0-9-]+\/\d{4}\/\d{2}\/[a-z0-9-]+\/$/],
    // Measured on the 259 state.gov RSS items of 2021-2022 (/work/shared/corpus/state-rss-2021-2022.ndjson):
    // keeps 219 of 219 transcripts, turns away 17 of 40 releases (calls, meetings, travel
    // announcements, readouts, "On <occasion>" statements). A keep-list ("Remarks|Briefing|…")
    // would lose the "<Official> On <topic>" briefings, so only refusals are listed.
    notTranscriptTitles: [
      /[’']s (?:Call|Meeting|Phone Call|Video ?Call) [Ww]ith\b|\bto (?:Deliver|Travel|Participate|Host|Attend|Lead|Visit|Hold)\b|\bCall [Ww]ith\b|^(?:On|The) |\bReadout\b|\bStatement on\b/i,
    ],
    exclude: [
      // Section landing pages and listings share the flat-slug shape.
      /\/(?:countries-areas|bureaus-offices|policy-issues|press-releases|department-press-briefings|briefings|briefings-foreign-press-centers|remarks-and-releases|about|careers|travel|translations|subscribe-to-emails|privacy-policy|accessibility-statement|copyright-information|contact-us|search|sitemap)\/?$/,
    ],
  },
  page: {
    title: ['h1.featured-content__headline', '.featured-content__copy h1', 'main article h1', 'h1'],
    docType: ['.article-meta.doctype-meta', '.doctype-meta'],
    date: ['.article-meta__publish-date', { selector: 'meta[property="article:published_time"]', attr: 'content' }],
    byline: ['.article-meta__author-bureau'],
    location: ['.article-meta__location'],
    body: ['div.entry-content', 'div.classic-block-wrapper', 'div.report__content'],
    remove: [
      'script', 'style', 'noscript', 'iframe', 'form', 'input', 'button', 'svg',
      '.wp-block-default-hero-container', '#breadcrumb__wrapper', '.wp-block-breadcrumbs', '.article-meta',
      '.wp-block-spacer', '.wp-block-summary-article-index', '.wp-block-buttons', '.wp-block-tags-block',
      '.tags-block', '.related-tags', '.related-content', '.share-this-page', '.social-share',
      '.copy-to-clipboard', '.page-header__actions', '.usa-banner',
    ],
  },
  text: {
    boilerplate: [
      /^An official website of the United States Government$/i,
      /^Here[’']s how you know$/i,
      /^An official website of the United States Government Here[’']s how you know$/i,
      // The banner's headings copy on a line of their own or run into their sentence.
      /^(?:Official websites use \.gov ?)?(?:A \.gov website belongs to an official government organization in the United States\.)?$/i,
      /^(?:Secure \.gov websites use HTTPS ?)?(?:A lock (?:\( ?\) )?or https:\/\/ means you[’']ve safely connected to the \.gov website\.(?: Share sensitive information only on official, secure websites\.)?)?$/i,
      // Share buttons side by side copy as one line: "Share this pageCopy Link".
      /^(?:(?:Share(?: this page)?|Print|Copy Link|Facebook|Twitter|LinkedIn|Email) ?){2,}$/i,
      /^(?:Skip to content|Menu|Search|Close|Share|Print|Copy Link|Facebook|Twitter|X|LinkedIn|Email|Hide|Home|Press|Business|Current Employees|Retirees|Students|Travelers|Visas|Careers|Policy Issues|Countries & Areas|Countries and Areas|Bureaus & Offices|Bureaus and Offices|About|Translations|Subscribe to Emails|Back to Top)$/i,
      /^State Department Home$/i,
    ],
    end: [/^Tags$/, /^Related Articles$/i, /^White House$/, /^Privacy Policy$/i, /^The Lessons of 1989: Freedom and Our Future$/i],
    docTypes: [
      /^(?:Department Press Briefing|Special Briefing|Background Briefing|Remarks|Interview|Press Availability|Teleconference|Readout|Press Statement|Media Note|Fact Sheet|Public Schedule|Speech|Testimony|Remarks and Releases)$/,
    ],
  },
  speakers: {
    label: LABEL,
    notLabels: [/^(?:TRANSCRIPT|NOTE|EDITOR'?S NOTE|UPDATE|CORRECTION|SUBJECT|TOPICS?|Q&A|INDEX|WASHINGTON|AS PREPARED|AS DELIVERED)$/],
    roles: [
      { pattern: /^(?:QUESTION|Q|QUESTIONER|REPORTER|JOURNALIST|PRESS CORPS)$/, role: 'journalist' },
      { pattern: /^(?:MODERATOR|MODERATOR \w+|CO-MODERATOR)$/, role: 'moderator' },
      { pattern: /^OPERATOR$/, role: 'operator' },
      { pattern: /^(?:INTERPRETER|TRANSLATOR)$/, role: 'interpreter' },
      { pattern: /^(?:PARTICIPANT|PARTICIPANTS|AUDIENCE MEMBER|AUDIENCE|STAFF|VOICE|UNIDENTIFIED|ANNOUNCEMENT|ANNOUNCER)\b/, role: 'other' },
      { pattern: /\bAIDES?$|\bSTAFFERS?$/, role: 'other' },
    ],
  },
  kinds: [
    { kind: 'background-briefing', docType: /Background Briefing/i },
    { kind: 'background-briefing', attribution: 'on-background' },
    { kind: 'press-briefing', docType: /Department Press Briefing/i },
    { kind: 'press-briefing', title: /^Department Press Briefing\b/i },
    { kind: 'press-availability', title: /\bPress Availability\b|\bPress Conference\b|\bStatements? to the Press\b|\bJoint Press Statements\b/i },
    // "Opening Remarks with Secretary of Commerce …", "… Remarks with Indian External Affairs
    // Minister …": speeches next to a counterpart, not interviews, whatever the page files them as.
    { kind: 'remarks', title: /^Opening Remarks\b|\bRemarks with\b/i },
    // "Briefing with Deputy Secretary of State … Brian P. McKeon" names an official, not an interviewer.
    { kind: 'special-briefing', title: /^(?:Special |On-the-Record )?Briefing\b/i },
    { kind: 'interview', docType: /Interview/i },
    // TV and radio programmes ("on ABC’s This Week", "With Dana Bash of CNN’s State of the Union"),
    // a network, or "With <interviewer> of <outlet>" — where the words before "of" are a person,
    // not an official's title ("with Deputy Secretary of State …").
    {
      kind: 'interview',
      title: new RegExp(
        String.raw`[’']s This Week\b|\b(?:State of the Union|Face the Nation|Meet the Press|Morning Joe|Good Morning America|Fox News Sunday|NewsHour|Nightly News|World News Tonight|Evening News|Morning Edition|Situation Room|GPS|730 Report|60 Minutes)\b` +
          String.raw`|\b[Ww]ith (?!(?:the )?(?:Deputy|Secretary|Assistant|Under|Acting|Special|Senior|Ambassador|Director|Administrator|Minister|Foreign|Prime|President|Chief|Head|Spokesperson|Coordinator|Envoy)\b)[\p{Lu}][\p{L}’'.-]+(?:,? (?:and )?[\p{Lu}][\p{L}’'.-]+)* of\b` +
          String.raw`|\b[Ww]ith [\p{Lu}][\p{L}]+ (?:Television|TV|Radio)\b|\bOn (?:ABC|CBS|NBC|CNN|MSNBC|Fox|PBS|NPR|BBC)\b|\bInterview\b`,
        'u',
      ),
    },
    { kind: 'teleconference', docType: /Teleconference/i },
    { kind: 'special-briefing', docType: /Special Briefing/i },
    { kind: 'special-briefing', title: /\bBriefing\b/i },
    { kind: 'teleconference', location: /Teleconference/i },
    { kind: 'remarks', docType: /Remarks|Speech/i },
    { kind: 'remarks', title: /\bRemarks\b|\bBefore (?:Their|Departing|the)\b|\bPanel\b|\bRoundtable\b|\bDiscussion\b|\bConversation\b|^Secretary\b/i },
  ],
  notTranscriptDocTypes: [/^(?:Press Statement|Readout|Media Note|Fact Sheet|Public Schedule|Notice to the Press|Statement)$/i],
  decoys: [/Technical Difficulties/i],
  fallbacks: [
    wordpressRest({ postTypes: { '/briefings/': 'state_briefing' }, defaultPostType: 'pages' }),
    webArchive(),
  ],
};
