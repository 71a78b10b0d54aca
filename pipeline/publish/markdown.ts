/**
 * Markdown for text Podium does not control. Failure messages quote pages from government sites
 * (titles, doc types, URLs); in a step summary or an issue they must read as text, never as
 * markup — no table broken by a `|`, no HTML, no `@someone` notified by a page that says so.
 */

/** A table cell: one line, pipes and markup escaped, cut to `max` characters. */
export function cell(text: string, max = 300): string {
  return inline(text, max).replace(/\|/g, '\\|');
}

/** Inline text: one line, Markdown and HTML syntax escaped, mentions defused, cut to `max`. */
export function inline(text: string, max = 300): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const cut = line.length > max ? `${line.slice(0, max - 1)}…` : line;
  return cut
    .replace(/[\\`*_{}[\]<>#!~]/g, (c) => `\\${c}`)
    .replace(/@(?=\w)/g, '@\u200b'); // a zero-width space: GitHub does not notify "@\u200bname"
}

/**
 * A fenced code block holding `lines` verbatim: nothing inside is rendered, and the fence is
 * longer than any run of backticks in the text so the text cannot close it.
 */
export function codeBlock(lines: string[]): string {
  const text = lines.join('\n');
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${text}\n${fence}`;
}

/** A Markdown table; cells are escaped with {@link cell}, numbers right-aligned. */
export function table(head: string[], rows: (string | number)[][]): string {
  const align = head.map((_, i) => (rows.length && rows.every((r) => typeof r[i] === 'number') ? '---:' : '---'));
  const line = (cells: (string | number)[]) => `| ${cells.map((c) => (typeof c === 'number' ? String(c) : cell(c))).join(' | ')} |`;
  return [line(head), `| ${align.join(' | ')} |`, ...rows.map(line)].join('\n');
}
