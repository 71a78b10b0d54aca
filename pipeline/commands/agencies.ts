/** `podium agencies`: the adapters this copy of Podium has, with their origins and channels. */
import { parseArgs } from 'node:util';
import { loadAgencies } from '../agencies/index.ts';
import type { Agency } from '../agencies/types.ts';
import { EXIT, type Command } from './types.ts';

const usage = `Usage: podium agencies [--json]

Lists the agency adapters (every module in pipeline/agencies/ that exports one) with
their origins, the names \`run --origin <name>=<url>\` takes, and discovery channels.

Options:
  --json               print the list as JSON instead of a table
  -h, --help           show this help`;

export const agenciesCommand: Command = {
  name: 'agencies',
  summary: 'list the agency adapters with their origins',
  usage,
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      console.log(usage);
      return EXIT.ok;
    }
    const agencies = await loadAgencies();
    if (values.json) {
      console.log(JSON.stringify(agencies.map(describe), null, 2));
      return EXIT.ok;
    }
    console.log(listing(agencies));
    return EXIT.ok;
  },
};

interface AgencySummary {
  id: string;
  name: string;
  origins: { name: string; url: string }[];
  discovery: string[];
}

function describe(agency: Agency): AgencySummary {
  return {
    id: agency.id,
    name: agency.name,
    origins: agency.origins.map((o) => ({ name: o.name, url: o.url })),
    discovery: agency.discovery.map((d) => `${d.type} ${d.path}${d.on ? ` (on ${d.on.join(', ')})` : ''}`),
  };
}

/** One block per agency: id and name, then one line per origin (the first is the primary). */
export function listing(agencies: readonly Agency[]): string {
  return agencies
    .map((agency) => {
      const a = describe(agency);
      const width = Math.max(...a.origins.map((o) => o.name.length));
      return [
        `${a.id}  ${a.name}`,
        ...a.origins.map((o, i) => `  ${o.name.padEnd(width)}  ${o.url}${i === 0 ? '  (primary)' : ''}`),
        `  discovery: ${a.discovery.join('; ')}`,
      ].join('\n');
    })
    .join('\n\n');
}
