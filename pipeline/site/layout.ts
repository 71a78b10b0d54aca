/** The shell every page shares: landmarks, a skip link, the navigation, one stylesheet. */
import { esc, sitePath } from './html.ts';

export interface PageOptions {
  base: string;
  title: string;
  /** Already-escaped HTML of the page's <main>. */
  body: string;
  /** Site-relative path of the page, to mark the current navigation item. */
  path: string;
  description?: string;
  scripts?: string[];
}

const NAV = [
  ['', 'Home'],
  ['browse/', 'Browse'],
  ['people/', 'People'],
  ['coverage/', 'Coverage'],
  ['codebook/', 'Codebook'],
  ['use-the-data/', 'Use the data'],
  ['feed.atom', 'Feed'],
] as const;

export function page(o: PageOptions): string {
  const nav = NAV.map(([path, label]) => {
    const current = o.path === path ? ' aria-current="page"' : '';
    return `<li><a href="${esc(sitePath(o.base, path))}"${current}>${label}</a></li>`;
  }).join('');
  const scripts = (o.scripts ?? []).map((s) => `<script src="${esc(sitePath(o.base, s))}" defer></script>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(o.title)} · Podium</title>
<meta name="description" content="${esc(o.description ?? 'U.S. government briefing transcripts as a versioned, schema-validated dataset')}">
<link rel="stylesheet" href="${esc(sitePath(o.base, 'assets/style.css'))}">
<link rel="alternate" type="application/atom+xml" title="Podium: new and revised transcripts" href="${esc(sitePath(o.base, 'feed.atom'))}">
${scripts}
</head>
<body data-base="${esc(o.base)}">
<a class="skip" href="#main">Skip to content</a>
<header class="site"><a class="brand" href="${esc(sitePath(o.base, ''))}">Podium</a>
<nav aria-label="Site"><ul>${nav}</ul></nav></header>
<main id="main" tabindex="-1">
${o.body}
</main>
<footer class="site"><p>Podium: U.S. government briefing transcripts, split into speaker turns. Data under the licence of the source: U.S. government works.</p></footer>
</body>
</html>
`;
}
