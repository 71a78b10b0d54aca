/**
 * Hand-made White House archive pages (bidenwhitehouse.archives.gov markup): body lines become
 * `<p>` paragraphs as the site prints them, unbolded labels and all.
 */
import { whitehouse } from '../../pipeline/agencies/whitehouse.ts';
import { extract } from '../../pipeline/extract/index.ts';
import { parseTranscript } from '../../pipeline/transcript/index.ts';

const URL = 'https://bidenwhitehouse.archives.gov/briefing-room/speeches-remarks/2023/05/02/example/';

export function archivePage(title: string, lines: readonly string[], category = 'Speeches and Remarks'): string {
  const body = lines.map((l) => `<p>${l}</p>`).join('\n');
  return `<!doctype html><html lang="en-US"><head><meta charset="UTF-8"><title>${title} | The White House</title></head>
<body><main id="content"><article>
<header class="page-header"><div class="page-header__meta"><a href="/briefing-room/" rel="category tag">${category}</a></div>
<h1 class="page-title">${title}</h1><div class="posted-on"><time class="entry-date">May 2, 2023</time></div></header>
<section class="body-content"><div class="container">${body}</div></section>
</article></main></body></html>`;
}

export function parseArchive(title: string, lines: readonly string[], category?: string) {
  return parseTranscript(extract(archivePage(title, lines, category), whitehouse, URL, URL), whitehouse, URL);
}

