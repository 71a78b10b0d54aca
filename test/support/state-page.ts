/**
 * A state.gov page skeleton (2019–2025 theme) around an article body: .gov banner, utility and
 * primary navigation, hero header with article-meta, the body, tags, share buttons, related
 * content and footer — the chrome the extractor must never let into a record. Class names follow
 * ../shared/reference/page-structure.md §1; chrome text is written here, not copied.
 */

export interface StatePageParts {
  title: string;
  /** Content type label, e.g. "Department Press Briefing"; empty for none. */
  docType: string;
  /** "January 18, 2022" */
  date: string;
  byline?: string[];
  location?: string;
  bodyHtml: string;
  url?: string;
  /** 2025+ block theme: body in .classic-block-wrapper > .wp-block-classic inside .entry-content. */
  blockTheme?: boolean;
}

/** Text that appears only in the chrome; a record containing any of it leaked boilerplate. */
export const CHROME_MARKERS = [
  'An official website of the United States Government',
  'Official websites use .gov',
  'Secure .gov websites use HTTPS',
  'Subscribe to Emails',
  'Policy Issues',
  'Countries & Areas',
  'Bureaus & Offices',
  'Copy Link',
  'Share this page',
  'Related Articles',
  'Office of the Inspector General',
  'Privacy Policy',
  'No FEAR Act',
  'Accessibility Statement',
  'State Department Home',
  'Tags',
];

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function statePage(p: StatePageParts): string {
  const bylines = (p.byline ?? []).map((b) => escape(b)).join('<br>');
  const body = p.blockTheme
    ? `<div class="entry-content"><div class="classic-block-wrapper"><div class="wp-block-classic">${p.bodyHtml}</div></div><div style="height:70px" aria-hidden="true" class="wp-block-spacer"></div></div>`
    : `<div class="entry-content">${p.bodyHtml}</div><!-- .entry-content -->`;
  return `<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<title>${escape(p.title)} - United States Department of State</title>
${p.url ? `<link rel="canonical" href="${p.url}">` : ''}
<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}</script>
</head>
<body class="state_briefing-template-default single">
<section class="usa-banner" aria-label="Official government website">
  <div class="usa-accordion"><header class="usa-banner__header">
    <p class="usa-banner__header-text">An official website of the United States Government</p>
    <p class="usa-banner__header-action">Here's how you know</p>
    <button class="usa-banner__button">Here's how you know</button>
  </header>
  <div class="usa-banner__content"><p><strong>Official websites use .gov</strong> A .gov website belongs to an official government organization in the United States.</p>
  <p><strong>Secure .gov websites use HTTPS</strong> A lock or https:// means you've safely connected to the .gov website.</p></div></div>
</section>
<header class="site-header">
<nav class="site-nav site-nav--utility nav__wrapper nav__utility"><ul id="menu-utility-menu" class="nav__utility-items">
  <li class="menu-item"><a href="https://www.state.gov/press/">Press</a></li>
  <li class="menu-item"><a href="https://www.state.gov/careers/">Careers</a></li>
  <li class="menu-item"><a href="https://www.state.gov/subscribe-to-emails/">Subscribe to Emails</a></li>
</ul></nav>
<nav class="site-nav site-nav--primary nav__nav"><ul id="nav__primary-nav" class="nav__primary-nav is-fixed">
  <li class="nav__large-logo-wrapper"><a href="https://www.state.gov/"><div class="nav__large-logo-img"><span class="screen-reader-text">State Department Home</span></div></a></li>
  <li class="menu-item has-children"><button>Policy Issues</button><ul class="nav__secondary-nav is-hidden sub-menu"><li><a href="https://www.state.gov/policy-issues/arms-control/">Arms Control and International Security</a></li></ul></li>
  <li class="menu-item has-children"><button>Countries &amp; Areas</button></li>
  <li class="menu-item has-children"><button>Bureaus &amp; Offices</button></li>
</ul></nav>
</header>
<main id="content" class="site-content">
<article class="state_briefing type-state_briefing status-publish">
<section class="wp-block-default-hero-container">
  <div class="wp-block-default-hero module featured-content page-header">
    <div class="row bc_row"><span class="bc_current collapse">${escape(p.docType || 'Briefings')}</span></div>
    <div class="row" dir="ltr"><div class="featured-content__copy">
      <h1 class="featured-content__headline stars-above">${escape(p.title)}</h1>
      <div class="article-meta">
        <!-- get document type -->
        <p class="article-meta doctype-meta">${escape(p.docType)}</p>
        <p class="article-meta__author-bureau">${bylines}</p>
        <p class="article-meta__audience"></p>
        <p class="article-meta__location">${escape(p.location ?? '')}</p>
        <p class="article-meta__publish-date">${escape(p.date)}</p>
      </div>
      <div class="page-header__actions"><button class="share-this-page">Share this page</button><button class="copy-to-clipboard">Copy Link</button></div>
    </div></div>
  </div>
</section>
${body}
<div class="related-tags"><p class="related-tags__title">Tags</p><div class="related-tags__pills">
  <a href="https://www.state.gov/countries-areas/ukraine/">Ukraine</a><a href="https://www.state.gov/policy-issues/">Office of the Spokesperson</a>
</div></div>
</article>
<aside class="related-content"><h2>Related Articles</h2><ul><li><a href="https://www.state.gov/briefings/department-press-briefing-january-1-2020/">Department Press Briefing – January 1, 2020</a></li></ul></aside>
</main>
<footer class="footer">
<div class="footer__primary-wrapper"><div class="footer__logo"><a class="footer__logo-image" title="United States Department of State"></a></div>
<div class="footer__primary"><ul id="menu-footer-primary-navigation" class="menu">
  <li><a href="https://www.whitehouse.gov/">White House</a></li><li><a href="https://www.usa.gov/">USA.gov</a></li>
  <li><a href="https://www.stateoig.gov/">Office of the Inspector General</a></li><li><a href="https://www.state.gov/contact-us/">Contact Us</a></li>
</ul></div></div>
<div class="footer__aux"><ul id="menu-footer-auxiliary-navigation" class="menu">
  <li><a href="https://www.state.gov/privacy-policy/">Privacy Policy</a></li><li><a href="https://www.state.gov/accessibility-statement/">Accessibility Statement</a></li>
  <li><a href="https://www.state.gov/copyright-information/">Copyright Information</a></li><li><a href="https://www.state.gov/foia/">FOIA</a></li><li><a href="https://www.state.gov/no-fear-act/">No FEAR Act</a></li>
</ul></div>
</footer><!-- .footer -->
<script src="https://www.state.gov/wp-content/themes/state/js/bundle.js"></script>
</body>
</html>
`;
}
