/**
 * The codebook on the site: the "Codebook" section of schemas/README.md — what kinds, roles,
 * labels, questions, names and days mean and the known limits — rendered as it is written, so the
 * site and the repository never say two different things.
 */
import { page } from '../layout.ts';
import { renderMarkdown } from '../markdown.ts';

const HEADING = '## Codebook';

/** The section's Markdown, without its heading; throws when the README has no such section. */
export function codebookSection(readme: string): string {
  const start = readme.indexOf(`\n${HEADING}\n`);
  if (start < 0) throw new Error(`schemas/README.md: no "${HEADING}" section for the site's codebook page`);
  const body = readme.slice(start + HEADING.length + 2);
  const end = body.search(/^## /m);
  return end < 0 ? body : body.slice(0, end);
}

export function codebookPage(base: string, readme: string): string {
  // Links in the README point at repository files; the site prints their names as text.
  const body = renderMarkdown(codebookSection(readme), { shiftHeadings: -1, link: (target) => (/^https?:\/\//.test(target) ? target : null) });
  return page({
    base,
    path: 'codebook/',
    title: 'Codebook',
    description: 'What the derived fields of the Podium dataset mean, how they are decided, and their known limits.',
    body: `<h1>Codebook</h1>\n${body}`,
  });
}
