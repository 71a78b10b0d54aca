/**
 * The rehearsal's three agencies as site models: every URL their sitemaps, feeds and listings
 * list, with its date and what it is, and the page each URL serves — generated on request from
 * the real markup shapes (test/support/state-page.ts, the White House fixtures,
 * ../shared/reference/page-structure.md §1–4), with made-up words, never corpus text.
 *
 * Volumes follow the live sites: state.gov's page sitemaps list every press statement, readout
 * and section page next to the transcripts (about one URL in ten is a transcript), Yoast splits
 * every sitemap at 1 000 URLs, WordPress feeds carry the newest 10 items.
 */
import { state } from '../pipeline/agencies/state.ts';
import { whitehouse } from '../pipeline/agencies/whitehouse.ts';
import type { Agency } from '../pipeline/agencies/types.ts';
import { statePage } from '../test/support/state-page.ts';
import { wpRestList, type WpListAnswer } from '../test/support/wp-rest-list.ts';

export type AgencyId = 'state' | 'whitehouse' | 'defense';

/** How many URLs each origin lists. */
export interface RehearsalVolumes {
  /** Per state origin: URLs in the page sitemaps (one in ten a transcript) and daily briefings. */
  state: Record<'www' | 'archive', { pages: number; briefings: number }>;
  /** Per White House origin: URLs in the post sitemaps. */
  whitehouse: Record<'www' | 'archive', { posts: number }>;
}

/** The bench's volumes: 22 000 URLs in state's page sitemaps, as the live sites list them. */
export const REAL_VOLUMES: RehearsalVolumes = {
  state: { www: { pages: 8_000, briefings: 150 }, archive: { pages: 14_000, briefings: 600 } },
  whitehouse: { www: { posts: 2_500 }, archive: { posts: 6_000 } },
};

export type ItemKind = 'transcript' | 'release' | 'section';

/** One URL a site lists. */
export interface SiteItem {
  path: string;
  /** YYYY-MM-DD, the page's printed date. */
  date: string;
  /** ISO date-time, the sitemap `<lastmod>`. */
  lastmod: string;
  title: string;
  kind: ItemKind;
  /** Content type label on the page ("Press Statement", "Press Briefings"). */
  docType: string;
  /** Seed of the generated words. */
  seed: number;
}

/** One host of the mirror: what it serves. */
export interface SiteHost {
  agency: AgencyId;
  origin: string;
  /** The canonical origin (`https://www.state.gov`), which sitemaps and feeds name. */
  canonical: string;
  /** robots.txt Crawl-delay in real seconds, or null when robots.txt names none. */
  crawlDelaySeconds: number | null;
  /** Every request answered with this status and an Akamai "Access Denied" page (defense.gov). */
  wall: number | null;
  items: SiteItem[];
  /** Fixed documents: robots.txt, sitemaps, feeds, listings (by path). */
  documents: Map<string, { body: string; contentType: string }>;
  /** WordPress REST list endpoints by path (`/wp-json/wp/v2/pages`), answering their query. */
  rest: Map<string, (query: URLSearchParams) => WpListAnswer>;
  /** The page of an item, generated on request. */
  page(item: SiteItem): string;
}

const DAY = 86_400_000;

// ---- words ---------------------------------------------------------------------------------

/** A small deterministic generator (mulberry32): the same seed gives the same page every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

const PLACES = ['Examplestan', 'Freedonia', 'Ruritania', 'Elbonia', 'Genovia', 'Latveria', 'Sokovia', 'Zamunda', 'Wakanda', 'Borduria', 'Syldavia', 'Kurdonia', 'Molvania', 'Qumar', 'Krakozhia'];
const TOPICS = ['the ceasefire talks', 'energy security', 'the humanitarian corridor', 'visa processing', 'the trade framework', 'maritime security', 'the election observers', 'food security', 'the detained journalists', 'the sanctions package', 'the climate finance pledge', 'the refugee resettlement program', 'cyber defense cooperation', 'the border crossings'];
const OFFICIALS = [['MR', 'OKAFOR', 'Daniel Okafor'], ['MS', 'LINDQVIST', 'Maria Lindqvist'], ['MR', 'HARTLEY', 'Thomas Hartley'], ['MS', 'ABARA', 'Grace Abara'], ['MR', 'VANTERPOOL', 'Neil Vanterpool']] as const;
const OUTLETS = ['the Daily Example', 'Example News Network', 'the Metropolitan Herald', 'Radio Freedonia', 'the Harbor Times'];
const SAYS = [
  'We continue to work closely with our partners on {topic}, and I expect more to say on that in the coming days.',
  'The Secretary spoke with the foreign minister of {place} this morning about {topic}.',
  'I would refer you to the government of {place} for the details of their position.',
  'Our position on {topic} has not changed, and we have been clear about that in public and in private.',
  'We have seen those reports, and we are looking into them carefully before we draw any conclusions.',
  'What I can tell you is that the delegation will travel to {place} next week to continue the discussions.',
  'This is something we raise at every level, and we will keep raising it until it is resolved.',
  'I do not have anything to announce today, but I expect that we will have more to share soon.',
  'We welcome the progress on {topic} and we urge every party to build on it.',
  'The assistance we announced last month is already reaching people in {place}, and more will follow.',
];
const ASKS = [
  'Can you say more about {topic}? Is there a timeline?',
  'Has the Secretary spoken with anyone in {place} since the weekend?',
  'Is the United States prepared to change its approach to {topic}?',
  'A follow-up on {place}: are there any Americans affected?',
  'What is your response to the statement from {place} this morning?',
  'Do you expect a meeting on {topic} before the end of the month?',
];

function sentence(r: () => number, templates: readonly string[]): string {
  return pick(r, templates).replace('{topic}', pick(r, TOPICS)).replace('{place}', pick(r, PLACES));
}

/** Speaker turns: an official opening, then questions and answers; labels in the site's style. */
function dialogue(seed: number, style: 'state' | 'whitehouse'): string {
  const r = random(seed);
  const [honorific, surname] = pick(r, OFFICIALS);
  const official = style === 'state' ? `${honorific} ${surname}` : `${honorific}. ${surname}`;
  const turns = 20 + Math.floor(r() * 20);
  const out: string[] = [style === 'state' ? '<p>2:04 p.m. EDT</p>' : '<p>James S. Brady Press Briefing Room</p>\n<p>1:06 P.M. EDT</p>'];
  const speak = (label: string, text: string) =>
    out.push(style === 'state' ? `<p><strong>${label}:</strong> ${text}</p>` : label === 'Q' ? `<p>Q&nbsp;&nbsp;&nbsp; ${text}</p>` : `<p>${label}:&nbsp; ${text}</p>`);
  speak(official, [sentence(r, SAYS), sentence(r, SAYS), sentence(r, SAYS)].join(' '));
  for (let i = 1; i < turns; i++) {
    if (i % 2) speak(style === 'state' ? 'QUESTION' : 'Q', sentence(r, ASKS));
    else speak(official, Array.from({ length: 1 + Math.floor(r() * 3) }, () => sentence(r, SAYS)).join(' '));
  }
  out.push(style === 'state' ? '<p>(The briefing was concluded at 2:51 p.m.)</p>' : '<p>END&nbsp;1:31 P.M. EDT</p>');
  return out.join('\n');
}

/** A release: paragraphs of prose, no speaker labels. */
function prose(seed: number): string {
  const r = random(seed);
  return Array.from({ length: 3 + Math.floor(r() * 4) }, () => `<p>${sentence(r, SAYS)} ${sentence(r, SAYS)}</p>`).join('\n');
}

// ---- dates and slugs -------------------------------------------------------------------------

const slug = (title: string) => title.toLowerCase().replace(/[’']/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const printed = (iso: string) => `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8, 10))}, ${iso.slice(0, 4)}`;

/** `n` days spread evenly over [from, to], oldest first, each with a lastmod a few hours later. */
function spread(n: number, from: string, to: string): { date: string; lastmod: string }[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const span = Date.parse(`${to}T00:00:00Z`) - start;
  return Array.from({ length: n }, (_, i) => {
    const t = start + Math.floor((span * i) / Math.max(1, n - 1) / DAY) * DAY;
    const date = new Date(t).toISOString().slice(0, 10);
    return { date, lastmod: new Date(t + (14 + (i % 8)) * 3_600_000 + (i % 60) * 60_000).toISOString().replace('.000Z', '+00:00') };
  });
}

// ---- documents -------------------------------------------------------------------------------

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const XML = 'application/xml; charset=UTF-8';
const RSS = 'application/rss+xml; charset=UTF-8';

function urlset(canonical: string, items: readonly SiteItem[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items
    .map((i) => `\t<url>\n\t\t<loc>${xml(canonical + i.path)}</loc>\n\t\t<lastmod>${i.lastmod}</lastmod>\n\t</url>`)
    .join('\n')}\n</urlset>\n<!-- XML Sitemap generated by Yoast SEO -->\n`;
}

/** Yoast's child sitemaps of one type, 1 000 URLs each: `page-sitemap.xml`, `page-sitemap2.xml`, … */
function yoast(documents: SiteHost['documents'], canonical: string, type: string, items: readonly SiteItem[]): string[] {
  const names: string[] = [];
  for (let i = 0; i * 1000 < Math.max(1, items.length); i++) {
    const name = `/${type}-sitemap${i ? i + 1 : ''}.xml`;
    documents.set(name, { body: urlset(canonical, items.slice(i * 1000, i * 1000 + 1000)), contentType: XML });
    names.push(name);
  }
  return names;
}

function sitemapIndex(canonical: string, children: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${children
    .map((c) => `\t<sitemap>\n\t\t<loc>${canonical}${c}</loc>\n\t</sitemap>`)
    .join('\n')}\n</sitemapindex>\n`;
}

/** WordPress's RSS 2.0: the newest ten items. */
function rss(canonical: string, title: string, items: readonly SiteItem[]): string {
  const newest = [...items].sort((a, b) => b.lastmod.localeCompare(a.lastmod)).slice(0, 10);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n<title>${xml(title)}</title>\n<link>${canonical}</link>\n${newest
    .map((i) => `<item>\n<title>${xml(i.title)}</title>\n<link>${canonical}${i.path}</link>\n<pubDate>${new Date(i.lastmod).toUTCString().replace('GMT', '+0000')}</pubDate>\n<category><![CDATA[${i.docType}]]></category>\n<description><![CDATA[<p>${xml(i.title)}</p>]]></description>\n</item>`)
    .join('\n')}\n</channel>\n</rss>\n`;
}

function robots(canonical: string, crawlDelay: number | null, scale: number): string {
  return `User-agent: *\n${crawlDelay !== null ? `Crawl-delay: ${crawlDelay / scale}\n` : ''}Disallow:\n\nSitemap: ${canonical}/sitemap_index.xml\n`;
}

// ---- state.gov -------------------------------------------------------------------------------

const STATE_TRANSCRIPTS = [
  ['Special Briefing', (p: string, t: string) => `Briefing with Senior State Department Officials on ${t} in ${p}`],
  ['Background Briefing', (p: string) => `Senior State Department Official on the Secretary’s Travel to ${p}`],
  ['Remarks', (p: string, t: string) => `Secretary’s Remarks at the ${p} Conference on ${t}`],
  ['Interview', (p: string) => `Secretary’s Interview With ${OUTLETS[p.length % OUTLETS.length]!.replace(/^the /, 'The ')} on ${p}`],
  ['Press Availability', (p: string) => `Secretary’s Press Availability in ${p}`],
] as const;
const STATE_RELEASES = [
  ['Press Statement', (p: string, t: string) => `On ${t} in ${p}`],
  ['Readout', (p: string) => `Secretary’s Call with ${p} Foreign Minister`],
  ['Media Note', (p: string, t: string) => `Delegation to ${p} on ${t}`],
] as const;

function stateHost(name: 'www' | 'archive', volumes: RehearsalVolumes['state']['www'], scale: number): SiteHost {
  const canonical = name === 'www' ? 'https://www.state.gov' : 'https://2021-2025.state.gov';
  const [from, to] = name === 'www' ? ['2025-01-21', '2026-11-30'] : ['2021-01-20', '2025-01-19'];
  const base = name === 'www' ? 1_000_000 : 2_000_000;
  const pages: SiteItem[] = spread(volumes.pages, from, to).map(({ date, lastmod }, i) => {
    const r = random(base + i);
    const place = pick(r, PLACES);
    const topic = pick(r, TOPICS).replace(/^the /, '');
    // One in ten a transcript, two a section page (not a candidate by its URL), seven releases.
    const kind: ItemKind = i % 10 === 0 ? 'transcript' : i % 10 < 3 ? 'section' : 'release';
    if (kind === 'section') {
      const title = `${place} ${topic} ${i}`;
      return { path: `/${pick(r, ['countries-areas', 'bureaus-offices', 'policy-issues'])}/${slug(title)}/`, date, lastmod, title, kind, docType: '', seed: base + i };
    }
    const [docType, make] = kind === 'transcript' ? pick(r, STATE_TRANSCRIPTS) : pick(r, STATE_RELEASES);
    const title = make(place, topic);
    // 2025+ releases sit under /releases/<office>/YYYY/MM/ (the office's name drifts); older ones are flat slugs.
    const office = i % 3 ? 'office-of-the-spokesperson' : 'office-of-the-spokesman';
    const path = name === 'www' && kind === 'release' ? `/releases/${office}/${date.slice(0, 4)}/${date.slice(5, 7)}/${slug(title)}-${i}/` : `/${slug(title)}-${i}/`;
    return { path, date, lastmod, title, kind, docType, seed: base + i };
  });
  const briefings: SiteItem[] = spread(volumes.briefings, from, to).map(({ date, lastmod }, i) => ({
    path: `/briefings/department-press-briefing-${slug(printed(date))}${i % 7 === 6 ? `-${i}` : ''}/`,
    date, lastmod, title: `Department Press Briefing – ${printed(date)}`, kind: 'transcript', docType: 'Department Press Briefing', seed: base + 500_000 + i,
  }));
  const documents: SiteHost['documents'] = new Map();
  const children = [
    ...yoast(documents, canonical, 'post', []),
    ...yoast(documents, canonical, 'state_briefing', briefings),
    ...yoast(documents, canonical, 'page', pages),
  ];
  documents.set('/sitemap_index.xml', { body: sitemapIndex(canonical, children), contentType: XML });
  documents.set('/robots.txt', { body: robots(canonical, 5, scale), contentType: 'text/plain' });
  if (name === 'www') {
    documents.set('/rss-feed/department-press-briefings/feed/', { body: rss(canonical, 'Department Press Briefings', briefings), contentType: RSS });
    documents.set('/rss-feed/press-releases/feed/', { body: rss(canonical, 'Press Releases', pages.filter((p) => p.kind !== 'section')), contentType: RSS });
  }
  // The REST lists of the post types (page-structure.md §0.5): daily briefings, flat-slug pages,
  // and on www the 2025+ releases under /releases/<office>/ (post type state_press_release).
  const post = (type: string) => (i: SiteItem) => ({ url: canonical + i.path, lastmod: i.lastmod, title: i.title, type });
  const released = (i: SiteItem) => i.path.startsWith('/releases/');
  const rest: SiteHost['rest'] = new Map([
    ['/wp-json/wp/v2/state_briefing', wpRestList(briefings.map(post('state_briefing')))],
    ['/wp-json/wp/v2/pages', wpRestList(pages.filter((i) => !released(i)).map(post('page')))],
  ]);
  if (name === 'www') rest.set('/wp-json/wp/v2/state_press_release', wpRestList(pages.filter(released).map(post('state_press_release'))));
  return {
    agency: 'state', origin: name, canonical, crawlDelaySeconds: 5, wall: null, items: [...briefings, ...pages], documents, rest,
    page: (item) =>
      statePage({
        title: item.title,
        docType: item.docType,
        date: printed(item.date),
        url: canonical + item.path,
        byline: item.kind === 'transcript' ? ['Office of the Spokesperson'] : [],
        location: item.kind === 'transcript' ? 'Washington, D.C.' : '',
        bodyHtml: item.kind === 'transcript' ? dialogue(item.seed, 'state') : prose(item.seed),
        blockTheme: name === 'www',
      }),
  };
}

// ---- whitehouse.gov --------------------------------------------------------------------------

function whitehouseHost(name: 'www' | 'archive', volumes: RehearsalVolumes['whitehouse']['www'], scale: number): SiteHost {
  const canonical = name === 'www' ? 'https://www.whitehouse.gov' : 'https://bidenwhitehouse.archives.gov';
  const [from, to] = name === 'www' ? ['2025-01-21', '2026-11-30'] : ['2021-01-20', '2025-01-19'];
  const base = name === 'www' ? 3_000_000 : 4_000_000;
  const posts: SiteItem[] = spread(volumes.posts, from, to).map(({ date, lastmod }, i) => {
    const r = random(base + i);
    const place = pick(r, PLACES);
    const [, , secretary] = pick(r, OFFICIALS);
    const m = i % 10;
    const ym = `${date.slice(0, 4)}/${date.slice(5, 7)}`;
    if (name === 'www') {
      // Briefings and remarks are transcripts; statements share their section; presidential actions do not.
      if (m < 2) return { path: `/briefings-statements/${ym}/press-briefing-by-press-secretary-${slug(secretary)}-${i}/`, date, lastmod, title: `Press Briefing by Press Secretary ${secretary}`, kind: 'transcript', docType: 'Briefings & Statements', seed: base + i };
      if (m < 3) return { path: `/remarks/${ym}/remarks-by-the-president-on-${slug(place)}-${i}/`, date, lastmod, title: `Remarks by the President on ${place}`, kind: 'transcript', docType: 'Remarks', seed: base + i };
      if (m < 6) return { path: `/briefings-statements/${ym}/statement-on-${slug(place)}-${i}/`, date, lastmod, title: `Statement on ${place}`, kind: 'release', docType: 'Briefings & Statements', seed: base + i };
      return { path: `/presidential-actions/${ym}/order-on-${slug(place)}-${i}/`, date, lastmod, title: `Order on ${place}`, kind: 'section', docType: 'Presidential Actions', seed: base + i };
    }
    const ymd = `${ym}/${date.slice(8, 10)}`;
    if (m < 2) return { path: `/briefing-room/press-briefings/${ymd}/press-briefing-by-press-secretary-${slug(secretary)}-${i}/`, date, lastmod, title: `Press Briefing by Press Secretary ${secretary}, ${printed(date)}`, kind: 'transcript', docType: 'Press Briefings', seed: base + i };
    if (m < 4) return { path: `/briefing-room/speeches-remarks/${ymd}/remarks-by-president-on-${slug(place)}-${i}/`, date, lastmod, title: `Remarks by President on ${place}`, kind: 'transcript', docType: 'Speeches and Remarks', seed: base + i };
    return { path: `/briefing-room/statements-releases/${ymd}/statement-on-${slug(place)}-${i}/`, date, lastmod, title: `Statement on ${place}`, kind: 'section', docType: 'Statements and Releases', seed: base + i };
  });
  const documents: SiteHost['documents'] = new Map();
  const children = [...yoast(documents, canonical, 'post', posts), ...yoast(documents, canonical, 'page', [])];
  documents.set('/sitemap_index.xml', { body: sitemapIndex(canonical, children), contentType: XML });
  // whitehouse.gov's robots.txt allows everything and names no crawl-delay (page-structure.md §4).
  documents.set('/robots.txt', { body: robots(canonical, null, scale), contentType: 'text/plain' });
  if (name === 'www') {
    const newest = posts.filter((p) => p.path.startsWith('/briefings-statements/')).sort((a, b) => b.lastmod.localeCompare(a.lastmod)).slice(0, 10);
    documents.set('/briefings-statements/', {
      contentType: 'text/html; charset=UTF-8',
      body: `<!DOCTYPE html><html lang="en-US"><head><title>Briefings &amp; Statements – The White House</title></head><body><main><ul class="wp-block-post-template">${newest
        .map((p) => `<li class="wp-block-post"><h2 class="wp-block-post-title"><a href="${canonical}${p.path}">${xml(p.title)}</a></h2><div class="wp-block-post-date"><time datetime="${p.lastmod}">${printed(p.date)}</time></div></li>`)
        .join('')}</ul></main></body></html>`,
    });
  }
  return { agency: 'whitehouse', origin: name, canonical, crawlDelaySeconds: null, wall: null, items: posts, documents, rest: new Map(), page: (item) => (name === 'www' ? whitehousePage(canonical, item) : bidenPage(canonical, item)) };
}

/** The 2025+ block theme (test/fixtures/whitehouse/www). */
function whitehousePage(canonical: string, item: SiteItem): string {
  return `<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<title>${xml(item.title)} &#8211; The White House</title>
<link rel="canonical" href="${canonical}${item.path}">
<meta property="article:published_time" content="${item.date}T17:52:09-04:00">
<script src="/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>
</head>
<body class="post-template-default single single-post wp-embed-responsive">
<div class="wp-site-blocks">
<header class="wp-block-template-part">
  <a class="skip-link screen-reader-text" href="#wp--skip-link--target">Skip to content</a>
  <div class="usa-banner"><p>An official website of the United States Government</p><button>Here’s how you know</button></div>
  <nav class="wp-block-navigation" aria-label="Main"><ul class="wp-block-navigation__container">
    <li class="wp-block-navigation-item"><a href="/news/">News</a></li><li class="wp-block-navigation-item"><a href="/administration/">Administration</a></li>
    <li class="wp-block-navigation-item"><a href="/issues/">Issues</a></li><li class="wp-block-navigation-item"><a href="/contact/">Contact</a></li>
  </ul></nav>
</header>
<main class="wp-block-group" id="wp--skip-link--target">
  <div class="wp-block-group topper">
    <div class="taxonomy-category wp-block-post-terms"><a href="/briefings-statements/" rel="tag">${xml(item.docType)}</a></div>
    <h1 class="wp-block-post-title">${xml(item.title)}</h1>
    <div class="wp-block-post-date"><time datetime="${item.date}T17:52:09-04:00">${printed(item.date)}</time></div>
  </div>
  <div class="entry-content wp-block-post-content is-layout-constrained">
${item.kind === 'transcript' ? dialogue(item.seed, 'whitehouse') : prose(item.seed)}
  </div>
  <div class="wp-block-group share"><p class="share__title">Share this page</p>
    <ul class="wp-block-social-links"><li><a href="https://x.example/share">X</a></li><li><button class="copy-link">Copy Link</button></li></ul></div>
</main>
<footer class="wp-block-template-part site-footer"><p>The White House</p><p>1600 Pennsylvania Ave NW<br>Washington, DC 20500</p>
  <form class="newsletter"><label>Subscribe to The White House newsletter</label><input type="email"><button>Sign up</button></form></footer>
</div>
</body>
</html>
`;
}

/** The Biden-era theme frozen at bidenwhitehouse.archives.gov (test/fixtures/whitehouse/archive). */
function bidenPage(canonical: string, item: SiteItem): string {
  return `<!doctype html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<title>${xml(item.title)} | The White House</title>
<link rel="canonical" href="${canonical}${item.path}">
<meta property="article:published_time" content="${item.date}T16:02:44-05:00">
</head>
<body class="post-template-default single single-post">
<div class="archive-banner"><p>This is historical material “frozen in time”. The website is no longer updated and links to external websites and some internal pages may not work.</p></div>
<header class="header"><a class="skip-link" href="#content">Skip to content</a>
<nav class="header__nav"><ul><li><a href="/briefing-room/">Briefing Room</a></li><li><a href="/administration/">Administration</a></li></ul></nav></header>
<main id="content" class="site-main">
<article class="post type-post status-publish">
  <header class="page-header">
    <div class="page-header__meta"><a href="${canonical}/briefing-room/press-briefings/" rel="category tag">${xml(item.docType)}</a></div>
    <h1 class="page-title topper__title news">${xml(item.title)}</h1>
    <div class="posted-on"><time class="posted-on entry-date published updated" datetime="${item.date}T16:02:44-05:00">${printed(item.date)}</time></div>
  </header>
  <section class="body-content"><div class="container"><div class="row"><div class="col-md-10 col-lg-8">
${item.kind === 'transcript' ? dialogue(item.seed, 'whitehouse') : prose(item.seed)}
  </div></div></div></section>
  <div class="share-this-page"><p>Share this page</p><a href="https://twitter.example/share">Twitter</a></div>
</article>
</main>
<footer class="footer"><p>The White House</p><ul><li><a href="/privacy-policy/">Privacy Policy</a></li></ul></footer>
</body>
</html>
`;
}

// ---- defense.gov -----------------------------------------------------------------------------

/** Akamai's bot wall, as defense.gov answers non-browser clients (robots.txt included). */
export function accessDenied(canonical: string, path: string): string {
  const url = `${canonical}${path}`.replace(/[:/.-]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<HTML><HEAD>\n<TITLE>Access Denied</TITLE>\n</HEAD><BODY>\n<H1>Access Denied</H1>\n \nYou don't have permission to access "${url}" on this server.<P>\nReference&#32;&#35;18&#46;a1b2c3d4&#46;1764720000&#46;5e6f7a8b\n<P>https&#58;&#47;&#47;errors&#46;edgesuite&#46;net&#47;18&#46;a1b2c3d4&#46;1764720000&#46;5e6f7a8b</P>\n</BODY>\n</HTML>\n`;
}

function defenseHost(name: 'www' | 'war'): SiteHost {
  const canonical = name === 'www' ? 'https://www.defense.gov' : 'https://www.war.gov';
  return { agency: 'defense', origin: name, canonical, crawlDelaySeconds: null, wall: 403, items: [], documents: new Map(), rest: new Map(), page: () => '' };
}

// ---- the three agencies ----------------------------------------------------------------------

/** Every host of the rehearsal: state (www, archive), whitehouse (www, archive), defense (www, war). */
export function rehearsalSites(volumes: RehearsalVolumes, scale: number): SiteHost[] {
  return [
    defenseHost('www'),
    defenseHost('war'),
    stateHost('www', volumes.state.www, scale),
    stateHost('archive', volumes.state.archive, scale),
    whitehouseHost('www', volumes.whitehouse.www, scale),
    whitehouseHost('archive', volumes.whitehouse.archive, scale),
  ];
}

const ADAPTERS: Partial<Record<AgencyId, Agency>> = { state, whitehouse };

/** Whether the agency's adapter would request this URL at all (its URL-shape filter). */
export function isCandidate(agency: AgencyId, url: string): boolean {
  const rules = ADAPTERS[agency]?.candidates;
  if (!rules) return false;
  return rules.include.some((p) => p.test(url)) && !(rules.exclude ?? []).some((p) => p.test(url));
}
