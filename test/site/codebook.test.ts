/**
 * The codebook page renders schemas/README.md's "Codebook" section: every heading, every kind and
 * role the schema allows, and no Markdown left unrendered. The renderer's rules are checked on text
 * of our own.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_DIR } from '../../pipeline/schema/files.ts';
import { renderMarkdown } from '../../pipeline/site/markdown.ts';
import { codebookPage, codebookSection } from '../../pipeline/site/pages/codebook.ts';

describe('renderMarkdown', () => {
  it('renders headings, paragraphs, wrapped list items, tables, code, bold and links, escaping the rest', () => {
    const html = renderMarkdown(
      [
        '### Kinds (`kind`)',
        '',
        'One paragraph',
        'on two lines with **bold** and <b>not markup</b>.',
        '',
        '- first item',
        '  continued here',
        '- second, see [the guide](docs/guide.md) and [a site](https://example.org/a?b=1&c=2)',
        '',
        '| kind | means |',
        '|---|---|',
        '| `a\\|b` | pipes in code |',
        '| `x` | |',
      ].join('\n'),
      { shiftHeadings: -1, link: (t) => (t.startsWith('https://') ? t : null) },
    );
    expect(html).toBe(
      [
        '<h2 id="kinds-kind">Kinds (<code>kind</code>)</h2>',
        '<p>One paragraph on two lines with <strong>bold</strong> and &lt;b&gt;not markup&lt;/b&gt;.</p>',
        '<ul><li>first item continued here</li><li>second, see the guide and <a href="https://example.org/a?b=1&amp;c=2">a site</a></li></ul>',
        '<div class="scroll"><table><thead><tr><th scope="col">kind</th><th scope="col">means</th></tr></thead><tbody><tr><td><code>a|b</code></td><td>pipes in code</td></tr><tr><td><code>x</code></td><td></td></tr></tbody></table></div>',
      ].join('\n'),
    );
  });
});

describe('the codebook page', () => {
  it('shows every heading of the README section, every kind and role of the schema, and no raw Markdown', async () => {
    const readme = await readFile(join(SCHEMA_DIR, 'README.md'), 'utf8');
    const schema = JSON.parse(await readFile(join(SCHEMA_DIR, 'transcript.schema.json'), 'utf8'));
    const html = codebookPage('/podium/', readme);
    const section = codebookSection(readme);
    const headings = [...section.matchAll(/^### (.*)$/gm)].map((m) => m[1]!.replace(/`/g, ''));
    expect(headings.length).toBeGreaterThanOrEqual(5);
    const rendered = [...html.matchAll(/<h2 id="[^"]*">(.*?)<\/h2>/g)].map((m) => m[1]!.replace(/<\/?code>/g, ''));
    expect(rendered).toEqual(headings);
    for (const kind of schema.$defs.kind.enum as string[]) expect(html, `kind ${kind}`).toContain(`<td><code>${kind}</code></td>`);
    for (const role of schema.$defs.role.enum as string[]) expect(html, `role ${role}`).toContain(`<td><code>${role}</code></td>`);
    const text = html.replace(/<code>.*?<\/code>/g, '');
    expect(text).not.toMatch(/\|---|\*\*|`|^#{2,} /m);
    expect(html).toContain('<a href="/podium/codebook/" aria-current="page">Codebook</a>');
  });

  it('names the README when the section is missing', () => {
    expect(() => codebookSection('# Schemas\n\n## Versions\n')).toThrow('schemas/README.md: no "## Codebook" section');
  });
});
