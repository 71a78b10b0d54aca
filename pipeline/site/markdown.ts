/**
 * The Markdown our own docs use, as HTML: headings, paragraphs, bullet lists (with wrapped
 * continuation lines), pipe tables, `code`, **bold** and [links](…). Only for text we write
 * (schemas/README.md's codebook), so the site shows it without a second copy that could drift;
 * anything else is printed as text, escaped.
 */
import { esc } from './html.ts';

export interface MarkdownOptions {
  /** Turns a link target into an href; null prints the link text alone (a repository-relative file, say). */
  link?: (target: string) => string | null;
  /** Heading levels are shifted by this much (a `###` under a page's h1 becomes h2 with -1). */
  shiftHeadings?: number;
}

export function renderMarkdown(md: string, o: MarkdownOptions = {}): string {
  const lines = md.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  const inline = (text: string) => renderInline(text, o);
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.trim()) {
      i++;
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const level = Math.min(6, Math.max(1, heading[1]!.length + (o.shiftHeadings ?? 0)));
      out.push(`<h${level} id="${esc(anchor(heading[2]!))}">${inline(heading[2]!)}</h${level}>`);
      i++;
      continue;
    }
    if (line.startsWith('|') && /^\|[\s|:-]+\|$/.test(lines[i + 1] ?? '')) {
      const cells = (row: string) => row.replace(/^\||\|$/g, '').split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
      const head = cells(line);
      const rows: string[][] = [];
      for (i += 2; i < lines.length && lines[i]!.startsWith('|'); i++) rows.push(cells(lines[i]!));
      out.push(
        `<div class="scroll"><table><thead><tr>${head.map((h) => `<th scope="col">${inline(h)}</th>`).join('')}</tr></thead>` +
          `<tbody>${rows.map((r) => `<tr>${head.map((_, c) => `<td>${inline(r[c] ?? '')}</td>`).join('')}</tr>`).join('')}</tbody></table></div>`,
      );
      continue;
    }
    if (/^[-*]\s+/.test(line)) {
      const items: string[] = [];
      while (i < lines.length && (/^[-*]\s+/.test(lines[i]!) || (/^\s+\S/.test(lines[i]!) && items.length))) {
        if (/^[-*]\s+/.test(lines[i]!)) items.push(lines[i]!.replace(/^[-*]\s+/, ''));
        else items[items.length - 1] += ` ${lines[i]!.trim()}`;
        i++;
      }
      out.push(`<ul>${items.map((item) => `<li>${inline(item)}</li>`).join('')}</ul>`);
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length && lines[i]!.trim() && !/^(#{1,6}\s|[-*]\s|\|)/.test(lines[i]!)) paragraph.push(lines[i++]!.trim());
    out.push(`<p>${inline(paragraph.join(' '))}</p>`);
  }
  return out.join('\n');
}

/** A heading's fragment id: lower case, letters and digits joined by hyphens. */
export function anchor(heading: string): string {
  return heading.toLowerCase().replace(/`/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function renderInline(text: string, o: MarkdownOptions): string {
  // Code spans first: nothing inside them is markup.
  return text
    .split(/(`[^`]*`)/)
    .map((part, n) => {
      if (n % 2 === 1) return `<code>${esc(part.slice(1, -1))}</code>`;
      return esc(part)
        .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
        .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label: string, target: string) => {
          const href = o.link ? o.link(target.replace(/&amp;/g, '&')) : target;
          return href === null ? label : `<a href="${esc(href)}">${label}</a>`;
        });
    })
    .join('');
}
