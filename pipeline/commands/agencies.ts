/** `podium agencies`: the adapters this copy of Podium has, with their origins and channels. */
import { backfillMatrix } from '../agencies/backfill-matrix.ts';
import { getAgency, loadAgencies } from '../agencies/index.ts';
import type { Agency } from '../agencies/types.ts';
import { defineCommand, UsageError } from './define.ts';
import { EXIT } from './types.ts';

export const agenciesCommand = defineCommand({
  name: 'agencies',
  summary: 'list the agency adapters with their origins',
  description: [
    'Lists the agency adapters (every module in pipeline/agencies/ that exports one) with their origins, the names `run --origin <name>=<url>` takes, their discovery channels and the fallbacks tried when a page is blocked.',
  ],
  options: {
    json: { type: 'boolean', description: 'print the list as JSON instead of a table' },
    matrix: {
      type: 'boolean',
      description: "print the backfill's job matrix as one line of JSON instead: one job per host, with the --agency and --origin values of its `podium run` (backfill.yml reads it)",
    },
    agency: { type: 'string', value: 'id', multiple: true, description: 'only this adapter; repeat for several (default: all)' },
  },
  async run({ options }) {
    if (options.json && options.matrix) throw new UsageError('--json and --matrix are two different outputs: give one');
    let agencies: Agency[];
    try {
      agencies = options.agency.length ? await Promise.all(options.agency.map(getAgency)) : await loadAgencies();
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (options.matrix) console.log(JSON.stringify(backfillMatrix(agencies)));
    else console.log(options.json ? JSON.stringify(agencies.map(describeAgency), null, 2) : listing(agencies));
    return EXIT.ok;
  },
});

export interface AgencySummary {
  id: string;
  name: string;
  origins: { name: string; url: string }[];
  discovery: string[];
  /** The `source.via` of each fallback channel, tried in order when a page is blocked. */
  fallbacks: string[];
}

/** What `podium agencies` and the README's agency table say about an adapter. */
export function describeAgency(agency: Agency): AgencySummary {
  return {
    id: agency.id,
    name: agency.name,
    origins: agency.origins.map((o) => ({ name: o.name, url: o.url })),
    discovery: agency.discovery.map((d) => `${d.type} ${d.path}${d.on ? ` (on ${d.on.join(', ')})` : ''}`),
    fallbacks: (agency.fallbacks ?? []).map((f) => f.via),
  };
}

/** One block per agency: id and name, then one line per origin (the first is the primary). */
export function listing(agencies: readonly Agency[]): string {
  return agencies
    .map((agency) => {
      const a = describeAgency(agency);
      const width = Math.max(...a.origins.map((o) => o.name.length));
      return [
        `${a.id}  ${a.name}`,
        ...a.origins.map((o, i) => `  ${o.name.padEnd(width)}  ${o.url}${i === 0 ? '  (primary)' : ''}`),
        `  discovery: ${a.discovery.join('; ')}`,
        ...(a.fallbacks.length ? [`  fallbacks: ${a.fallbacks.join(', ')}`] : []),
      ].join('\n');
    })
    .join('\n\n');
}
