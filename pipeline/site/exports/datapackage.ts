/**
 * datapackage.json: a Frictionless Data Package (v2) describing every download. The CSV gets a
 * Table Schema; JSON resources point at the JSON Schemas published under schemas/v1/.
 */
import type { ExportNames } from './names.ts';
import { TURN_COLUMNS } from './csv.ts';

export interface PackageInfo {
  datasetVersion: string;
  updated: string | null;
  transcripts: number;
  turns: number;
  bytes: Record<string, number>;
  names: ExportNames;
}

const TURN_FIELDS: Record<(typeof TURN_COLUMNS)[number], { type: string; description: string }> = {
  id: { type: 'string', description: 'Transcript id (<agency>/<YYYY-MM-DD>/<slug>)' },
  date: { type: 'date', description: 'Date of the briefing' },
  agency: { type: 'string', description: 'Agency adapter id' },
  turn: { type: 'integer', description: 'Turn number in the transcript, from 1 (the #tN anchor on its page)' },
  speaker: { type: 'string', description: 'Speaker label as printed, normalized' },
  role: { type: 'string', description: 'moderator, official, journalist, operator, interpreter or other' },
  askedBy: { type: 'string', description: 'Journalist named by the moderator before this question; empty when none' },
  text: { type: 'string', description: 'The turn\'s paragraphs joined by a newline' },
};

export function dataPackage(p: PackageInfo): Record<string, unknown> {
  const schema = (name: string) => `schemas/v1/${name}.schema.json`;
  const n = p.names;
  const gz = n.gzip ? { compression: 'gz' } : {};
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: 'podium',
    title: 'Podium: U.S. government briefing transcripts',
    description: `${p.transcripts} briefing transcripts split into ${p.turns} speaker turns, with every revision observed.`,
    version: p.datasetVersion,
    ...(p.updated ? { created: p.updated } : {}),
    homepage: 'https://github.com/podium-data/podium',
    licenses: [{ name: 'other-pd', title: 'U.S. Government Works (public domain in the United States)' }],
    resources: [
      { name: 'transcripts', path: n.ndjson, format: 'ndjson', mediatype: 'application/x-ndjson', ...gz, encoding: 'utf-8', bytes: p.bytes[n.ndjson], description: 'One transcript record per line.', jsonSchema: schema('transcript') },
      {
        name: 'turns', type: 'table', path: n.csv, format: 'csv', mediatype: 'text/csv', ...gz, encoding: 'utf-8', bytes: p.bytes[n.csv],
        description: 'One row per turn.',
        dialect: { header: true, delimiter: ',', quoteChar: '"', doubleQuote: true, lineTerminator: '\r\n' },
        schema: { fields: TURN_COLUMNS.map((name) => ({ name, ...TURN_FIELDS[name] })), primaryKey: ['id', 'turn'] },
      },
      { name: 'podium-sqlite', path: n.sqlite, format: 'sqlite', mediatype: 'application/vnd.sqlite3', ...gz, bytes: p.bytes[n.sqlite], description: 'Tables transcripts, turns, revisions; FTS5 table turns_fts over turn text.' },
      { name: 'index', path: 'data/index.json', format: 'json', mediatype: 'application/json', description: 'Catalog of every transcript.', jsonSchema: schema('index') },
      { name: 'changelog', path: 'data/changelog.json', format: 'json', mediatype: 'application/json', description: 'One entry per run that changed the dataset.', jsonSchema: schema('changelog') },
    ],
  };
}
