#!/usr/bin/env -S npx tsx
/**
 * Podium's command line: `npx tsx pipeline/cli.ts <command> [options]`, or
 * `npm run podium -- <command> [options]`. Each command declares its options once
 * (commands/define.ts); its parser, `--help` and the README reference come from that.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from './commands/types.ts';
import { EXIT } from './commands/types.ts';
import { agenciesCommand } from './commands/agencies.ts';
import { alertCommand } from './commands/alert.ts';
import { diffCommand } from './commands/diff.ts';
import { extractCommand } from './commands/extract.ts';
import { mergeCommand } from './commands/merge.ts';
import { publishCommand } from './commands/publish.ts';
import { reprocessCommand } from './commands/reprocess.ts';
import { runCommand } from './commands/run.ts';
import { siteCommand } from './commands/site.ts';
import { validateCommand } from './commands/validate.ts';

export const COMMANDS: Command[] = [
  extractCommand, runCommand, validateCommand, diffCommand, reprocessCommand, mergeCommand, publishCommand, alertCommand,
  siteCommand, agenciesCommand,
];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: podium <command> [options]',
    '',
    'Government briefing transcripts as a versioned, schema-validated JSON dataset.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `podium <command> --help` for a command\'s options.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(overview());
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    console.error(`podium: unknown command "${name}" (see podium --help)`);
    return EXIT.usage;
  }
  try {
    // Usage errors are the command's own (one line, exit 64); anything thrown here is a bug or an outage.
    return await command.run(rest);
  } catch (error) {
    const e = error as Error;
    console.error(`podium ${name}: ${e.stack ?? e.message}`);
    return EXIT.fatal;
  }
}

const invoked = process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invoked) process.exitCode = await main(process.argv.slice(2));
