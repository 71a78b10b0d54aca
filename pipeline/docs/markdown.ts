/** Markdown for generated reference tables: cells that survive GitHub's table and HTML parsing. */

/**
 * One table cell from text that may hold `code spans`: pipes escaped everywhere (GitHub splits
 * cells on them even inside code); outside code, `<` and `>` become entities so that
 * `<link rel=canonical>` prints instead of becoming markup, and `*` and `_` are escaped so that
 * a glob like `transcripts/**` is not read as emphasis.
 */
export function cell(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/([*_])/g, '\\$1')))
    .join('')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ');
}

export function code(text: string): string {
  return `\`${text}\``;
}

export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}
