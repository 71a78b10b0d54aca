/**
 * The README's reference sections, generated from the code: the commands (from each command's
 * declaration), every option (each `--help`), the agencies (from the adapters) and the downloads
 * (from the site's list). `npm run docs` writes them into README.md; a test fails when they drift.
 */
import type { Agency } from '../agencies/types.ts';
import { describeAgency } from '../commands/agencies.ts';
import type { Command } from '../commands/types.ts';
import type { Download } from './downloads.ts';
import { cell, code, table } from './markdown.ts';

/** One row per command: each way to call it, what it does, and its exit status when it says. */
export function commandsTable(commands: readonly Command[]): string {
  return table(
    ['Command', 'Does'],
    commands.map((c) => {
      const exit = c.usage.split('\n\n').find((p) => p.startsWith('Exit status:'));
      const does = [...c.description, ...(exit ? [exit.replace(/\s+/g, ' ')] : [])].join(' ');
      return [c.synopsis.map((s) => cell(code(s))).join('<br>'), cell(does)];
    }),
  );
}

/** Each command's full `--help`, folded, so the README holds every option without its length. */
export function optionsReference(commands: readonly Command[]): string {
  return commands.map((c) => `<details><summary><code>podium ${c.name} --help</code></summary>\n\n\`\`\`text\n${c.usage}\n\`\`\`\n\n</details>`).join('\n');
}

export function agenciesTable(agencies: readonly Agency[]): string {
  return table(
    ['id', 'Agency', 'Origins (`--origin <name>=<url>`)', 'Discovery', 'Fallbacks'],
    agencies.map((agency) => {
      const a = describeAgency(agency);
      return [
        code(a.id),
        cell(a.name),
        a.origins.map((o, i) => `${code(o.name)} ${new URL(o.url).host}${i === 0 ? ' (primary)' : ''}`).join(', '),
        a.discovery.map((d) => cell(code(d))).join(', '),
        a.fallbacks.length ? a.fallbacks.map(code).join(', ') : '—',
      ];
    }),
  );
}

export function downloadsTable(downloads: readonly Download[]): string {
  return table(
    ['File', 'What it holds'],
    downloads.map((d) => [
      d.gzipPath ? `${code(d.path)} (${code(d.gzipPath)} with \`--gzip-exports\`)` : code(d.path),
      cell(d.description),
    ]),
  );
}
