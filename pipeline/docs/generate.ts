/**
 * `npm run docs`: rewrites the generated regions of README.md from the code. `npm run docs --
 * --check` writes nothing and exits 1 when README.md is out of date (test/docs checks the same).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadAgencies } from '../agencies/index.ts';
import { COMMANDS } from '../cli.ts';
import { siteDownloads } from './downloads.ts';
import { agenciesTable, commandsTable, downloadsTable, optionsReference } from './reference.ts';
import { fillRegions, REGENERATE } from './regions.ts';

export const README = fileURLToPath(new URL('../../README.md', import.meta.url));

/** The body of each generated README region, by region name. */
export async function readmeRegions(): Promise<Record<string, string>> {
  return {
    commands: commandsTable(COMMANDS),
    options: optionsReference(COMMANDS),
    agencies: agenciesTable(await loadAgencies()),
    downloads: downloadsTable(siteDownloads()),
  };
}

/** README.md's text with every generated region as the code says it should be. */
export async function generatedReadme(markdown: string, file = 'README.md'): Promise<string> {
  return fillRegions(markdown, file, await readmeRegions());
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { check: { type: 'boolean' }, file: { type: 'string', default: README } } });
  const current = await readFile(values.file, 'utf8');
  const wanted = await generatedReadme(current, values.file);
  if (current === wanted) {
    console.log(`docs: ${values.file} is up to date`);
    return 0;
  }
  if (values.check) {
    console.error(`docs: ${values.file} is out of date with the code: run \`${REGENERATE}\``);
    return 1;
  }
  await writeFile(values.file, wanted);
  console.log(`docs: rewrote the generated regions of ${values.file}`);
  return 0;
}

const invoked = process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invoked) process.exitCode = await main(process.argv.slice(2));
