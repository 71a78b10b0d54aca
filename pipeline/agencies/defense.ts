/**
 * U.S. Department of Defense (Department of War since 2025-09). Sources:
 * ../shared/reference/page-structure.md §4. The same article ids are served on defense.gov and
 * war.gov; one record per article, under the first origin that lists it.
 */
import type { Agency } from './types.ts';
import { LABEL } from '../transcript/labels.ts';
import { webArchive, webArchiveIndex } from './fallbacks.ts';

const ARTICLE = /^\/(?:News|Newsroom)\/Transcripts\/Transcript\/Article\/(\d+)\/[A-Za-z0-9-]+\/$/;

export const defense: Agency = {
  id: 'defense',
  name: 'U.S. Department of Defense',
  // Bump when an edit may change which pages are transcripts: not-transcript verdicts are re-judged.
  version: '2026.12.1',
  origins: [
    { name: 'www', url: 'https://www.defense.gov' },
    { name: 'war', url: 'https://www.war.gov' },
  ],
  extraHosts: ['defense.gov', 'war.gov'],
  discovery: [
    // No transcript feed or sitemap is known (the DNN RSS content types name none): the
    // Transcripts listing page, newest first, is read on every run.
    { type: 'listing', path: '/News/Transcripts/', item: 'a[href*="/Transcripts/Transcript/Article/"]' },
  ],
  candidates: {
    include: [/^https:\/\/www\.(?:defense|war)\.gov\/(?:News|Newsroom)\/Transcripts\/Transcript\/Article\/\d+\/[A-Za-z0-9-]+\/$/],
    samePage: (url) => ARTICLE.exec(url.pathname)?.[1] ?? null,
  },
  page: {
    title: ['h1.maintitle', 'h1'],
    // "Sept. 15, 2026": abbreviated months with a period, and "Sept." for September.
    date: ['span.date', { selector: 'meta[property="article:published_time"]', attr: 'content' }],
    body: ['div.body'],
    remove: ['script', 'style', 'noscript', 'iframe', 'form', 'input', 'button', 'svg', '.share-tools', '.addthis', '.social', '.dgov-share'],
  },
  text: {
    boilerplate: [
      /^An official website of the United States Government$/i,
      /^Here[’']s how you know$/i,
      /^(?:Skip to main content|Menu|Search|Close|Share|Print|Facebook|X|LinkedIn|Email|Home|News|Spotlights|Transcripts|About|Multimedia|Resources)$/i,
    ],
    end: [/^Subscribe to Defense\.gov Products$/i, /^Subscribe to War\.gov Products$/i],
    docTypes: [/^Transcript$/],
  },
  speakers: {
    label: LABEL,
    notLabels: [/^(?:TRANSCRIPT|NOTE|EDITOR'?S NOTE|UPDATE|CORRECTION)$/],
    roles: [
      { pattern: /^(?:Q|QUESTION|REPORTER)$/, role: 'journalist' },
      { pattern: /^MODERATOR\b/, role: 'moderator' },
      { pattern: /^OPERATOR$/, role: 'operator' },
      { pattern: /^(?:INTERPRETER|TRANSLATOR)$/, role: 'interpreter' },
      { pattern: /^(?:STAFF|PARTICIPANT|AUDIENCE MEMBER|UNIDENTIFIED)\b/, role: 'other' },
    ],
    // Military ranks and offices that open a full first label ("PENTAGON PRESS SECRETARY AIR
    // FORCE MAJ. GEN. PAT RYDER"); later labels are short ("GEN. RYDER", "MR. KIRBY").
    titleWords: [
      'PENTAGON', 'MAJ.', 'MAJ', 'BRIG.', 'BRIG', 'GEN.', 'LT.', 'COL.', 'CMDR.', 'CMDR', 'CDR.', 'CDR', 'SGT.',
      'SGT', 'SPACE', 'GUARD', 'COAST', 'RET.', 'WAR', 'JOINT', 'CHIEFS', 'UNDERSECRETARY', 'POLICY', 'PUBLIC',
    ],
  },
  kinds: [
    { kind: 'background-briefing', title: /\bBackground\b|\bSenior (?:Defense|Military) Officials?\b/i },
    { kind: 'background-briefing', attribution: 'on-background' },
    { kind: 'press-briefing', title: /\bPress Briefing\b|\bHolds? a (?:Press )?Briefing\b|\bBriefs?\b|\bOff-Camera\b/i },
    { kind: 'press-availability', title: /\bPress Conference\b|\bJoint Press\b|\bPress Availability\b/i },
    { kind: 'interview', title: /\bInterview\b/i },
    { kind: 'remarks', title: /\bRemarks\b|\bSpeech\b|\bAddress\b/i },
  ],
  notTranscriptDocTypes: [],
  // Akamai's bot wall, served with 200 or 403: titled "Access Denied", with no article body.
  decoys: [/^Access Denied$/, /You don[’']t have permission to access\b.{0,300}\bon this server/i],
  // The wall answers GitHub's runners 403 on every path: raw snapshots stand in for the pages, and
  // when the listing itself is walled the archive's capture index lists the transcripts.
  fallbacks: [webArchive()],
  archiveIndex: webArchiveIndex(['/News/Transcripts/Transcript/Article/', '/Newsroom/Transcripts/Transcript/Article/']),
};
