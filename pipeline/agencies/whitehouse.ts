/**
 * The White House. Sources: ../shared/reference/page-structure.md §4.
 * Two origins: the 2025+ WordPress block theme on www.whitehouse.gov, and the Biden-era site
 * frozen at bidenwhitehouse.archives.gov (formerly www.whitehouse.gov/briefing-room/…).
 */
import type { Agency } from './types.ts';
import { LABEL } from '../transcript/labels.ts';
import { handOver, HANDOVER_NAME, HANDOVER_OUTLET } from '../transcript/questioners.ts';

export const whitehouse: Agency = {
  id: 'whitehouse',
  name: 'The White House',
  // Bump when an edit may change which pages are transcripts: not-transcript verdicts are re-judged.
  version: '2026.12.1',
  origins: [
    { name: 'www', url: 'https://www.whitehouse.gov' },
    { name: 'archive', url: 'https://bidenwhitehouse.archives.gov' },
  ],
  // /briefing-room/… on www redirects to /briefings-statements/…; whitehouse.gov to www.
  extraHosts: ['whitehouse.gov'],
  discovery: [
    // Yoast on both sites: every post (briefings, statements, remarks) is in post-sitemapN.xml.
    { type: 'sitemap-index', path: '/sitemap_index.xml', follow: /\/post-sitemap\d*\.xml$/ },
    // The newest items, before the sitemap cache catches up.
    {
      type: 'listing', path: '/briefings-statements/', on: ['www'],
      item: 'li.wp-block-post', link: '.wp-block-post-title a', date: { selector: '.wp-block-post-date time', attr: 'datetime' },
    },
  ],
  candidates: {
    include: [
      /^https:\/\/www\.whitehouse\.gov\/(?:briefings-statements|remarks)\/\d{4}\/\d{2}\/[a-z0-9][a-z0-9-]*\/$/,
      /^https:\/\/bidenwhitehouse\.archives\.gov\/briefing-room\/(?:press-briefings|speeches-remarks)\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9][a-z0-9-]*\/$/,
    ],
  },
  page: {
    title: ['main h1.wp-block-post-title', 'h1.page-title', 'main h1', 'h1'],
    docType: ['.wp-block-post-terms a[rel="tag"]', '.wp-block-post-terms a', 'a[rel="category tag"]'],
    // The printed date: the core's date reader takes an ISO date but not an ISO date-time
    // ("2025-03-11T17:52:09-04:00" in time[datetime] and article:published_time).
    date: ['main .wp-block-post-date time', 'article time.entry-date', 'main time', 'time'],
    // 2025+: the post content block; archive: section.body-content inside the article.
    body: ['main .wp-block-post-content', 'main .entry-content', 'section.body-content', 'article .body-content'],
    remove: [
      'script', 'style', 'noscript', 'iframe', 'form', 'input', 'button', 'svg',
      '.wp-block-social-links', '.wp-block-buttons', '.share', '.share-this-page', '.social-share', '.page-footer',
      '.wp-block-post-navigation-link', '.post-navigation', '.usa-banner',
    ],
  },
  text: {
    boilerplate: [
      /^An official website of the United States Government$/i,
      /^Here[’']s how you know$/i,
      /^(?:Skip to content|Menu|Search|Close|Share|Print|Copy Link|Facebook|X|Twitter|Instagram|Threads|YouTube|Email|Home|News|Administration|Issues|Contact|Visit|Gallery|Video Library|America 250|Briefings & Statements|Presidential Actions|Remarks|Articles|Fact Sheets)$/i,
      /^Share this page$/i,
    ],
    end: [/^###$/, /^Share this page/i, /^The White House$/, /^Subscribe to The White House newsletter$/i],
    docTypes: [/^(?:Briefings? & Statements|Press Briefings|Remarks|Speeches and Remarks|Statements and Releases|Presidential Actions|Articles|Fact Sheets)$/],
  },
  speakers: {
    label: LABEL,
    // "Q" followed by spaces (four, often NBSP) and no colon; folded to one space by then.
    bareLabels: [{ pattern: /^Q(?: +|$)(?!:)/, speaker: 'Q' }],
    notLabels: [/^(?:END|NOTE|EDITOR'?S NOTE|UPDATE|CORRECTION|AS PREPARED FOR DELIVERY|AS DELIVERED)$/],
    roles: [
      { pattern: /^(?:Q|QUESTION|REPORTER|PRESS CORPS)$/, role: 'journalist' },
      { pattern: /^MODERATOR\b/, role: 'moderator' },
      { pattern: /^OPERATOR$/, role: 'operator' },
      { pattern: /^(?:INTERPRETER|TRANSLATOR)$/, role: 'interpreter' },
      { pattern: /^(?:PARTICIPANT|PARTICIPANTS|AUDIENCE MEMBER|AUDIENCE|STAFF|VOICE|UNIDENTIFIED|ANNOUNCER|THE PRESS)\b/, role: 'other' },
      // Unnamed staff: "AIDE:", "WHITE HOUSE AIDE:", "POLISH AIDE:", "AIR FORCE ONE CREW MEMBER:".
      { pattern: /\bAIDES?$|\bSTAFFERS?$|\bCREW MEMBERS?$/, role: 'other' },
    ],
  },
  preamble: {
    // "S." reads like a sentence end to the generic place test.
    places: [/^James S\. Brady Press Briefing Room$/, /^Aboard Air Force One\b/, /^Via Teleconference$/i],
  },
  // Press-call operators: "Our next caller, Kevin Liptak, CNN.", "Next caller is Jeff Mason from
  // Reuters." (24 of the White House corpus's hand-overs; the State corpus never says "caller").
  handOvers: [
    handOver(String.raw`\b(?:[Nn]ext|[Ff]inal|[Ll]ast|[Ff]irst) caller(?: in (?:the )?queue)?,? (?:(?:is|will be|comes|goes) (?:from |to )?)?${HANDOVER_NAME}${HANDOVER_OUTLET}`),
    handOver(String.raw`\bcaller (?:goes|will go|comes|will come|is going to (?:come|go)|will be|is) (?:to|from) ${HANDOVER_NAME}${HANDOVER_OUTLET}`),
  ],
  kinds: [
    { kind: 'background-briefing', title: /\bBackground (?:Press )?(?:Call|Briefing)\b|\bSenior Administration Officials?\b/i },
    { kind: 'background-briefing', attribution: 'on-background' },
    { kind: 'press-briefing', title: /^Press Briefing\b|\bPress Gaggle\b|^Gaggle\b/i },
    // "On-the-Record Press Call with OMB Director …" is filed under Press Briefings but held by phone.
    { kind: 'teleconference', title: /\bTeleconference\b|\bPress Call\b/i },
    { kind: 'press-briefing', docType: /Press Briefings/i },
    { kind: 'interview', title: /\bInterview\b/i },
    { kind: 'press-availability', title: /\bPress Conference\b|\bJoint Press\b/i },
    { kind: 'remarks', title: /\bRemarks\b/i },
    { kind: 'remarks', docType: /Remarks/i },
  ],
  notTranscriptDocTypes: [/^(?:Presidential Actions|Fact Sheets|Executive Orders|Proclamations|Nominations & Appointments|Legislation)$/i],
  // Akamai's bot wall, served with 200 or 403: titled "Access Denied", with no article body.
  decoys: [/^Access Denied$/, /You don[’']t have permission to access\b.{0,300}\bon this server/i],
};
