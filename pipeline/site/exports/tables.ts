/**
 * The tables the CSV files and the SQLite database share, declared once: the same names, the
 * same columns in the same order, so `turns.csv` is the SQLite `turns` table. Column names are
 * camelCase, as in the JSON records (`askedBy`, `heldOn`, `askedByOutlet`); a transcript's own
 * id is `id`, every other table refers to it as `transcriptId`; a turn's number is `n`, from 1,
 * the `#tN` anchor of its page and `n` in transcripts.ndjson. Enumerated columns take their
 * values from the JSON Schema, so the Data Package's constraints cannot drift from it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_DIR } from '../../schema/files.ts';
import type { Transcript, Turn } from '../../schema/types.ts';

type Value = string | number | null;

export interface Column {
  name: string;
  type: 'string' | 'integer' | 'date';
  required: boolean;
  description: string;
  enum?: readonly string[];
}

export interface Table {
  name: string;
  columns: readonly Column[];
  primaryKey: readonly string[];
  foreignKeys?: readonly { fields: string; reference: { resource: string; fields: string } }[];
  /** One row per …, values in column order. */
  rows(t: Transcript): Value[][];
}

const schema = JSON.parse(readFileSync(join(SCHEMA_DIR, 'transcript.schema.json'), 'utf8')) as {
  properties: { status: { enum: string[] } };
  $defs: { kind: { enum: string[] }; role: { enum: string[] }; turn: { properties: { askedByEvidence: { enum: string[] }; misprint: { properties: { kind: { enum: string[] } } } } }; groundRules: { properties: { attribution: { enum: string[] } } }; participant: { properties: { nameFrom: { enum: string[] } } }; revision: { properties: { change: { enum: string[] } } } };
};
export const ENUMS = {
  kind: schema.$defs.kind.enum,
  role: schema.$defs.role.enum,
  askedByEvidence: schema.$defs.turn.properties.askedByEvidence.enum,
  misprint: schema.$defs.turn.properties.misprint.properties.kind.enum,
  attribution: schema.$defs.groundRules.properties.attribution.enum,
  status: schema.properties.status.enum,
  nameFrom: schema.$defs.participant.properties.nameFrom.enum,
  change: schema.$defs.revision.properties.change.enum,
} as const;

const col = (name: string, type: Column['type'], required: boolean, description: string, values?: readonly string[]): Column => ({ name, type, required, description, ...(values ? { enum: values } : {}) });
const toTranscripts = [{ fields: 'transcriptId', reference: { resource: 'transcripts', fields: 'id' } }] as const;

/** Optional turn fields a newer schema adds (the questioner's outlet and evidence), read when present. */
function optional(turn: Turn, field: string): string | null {
  const v = (turn as unknown as Record<string, unknown>)[field];
  return typeof v === 'string' && v ? v : null;
}

export const TRANSCRIPTS: Table = {
  name: 'transcripts',
  columns: [
    col('id', 'string', true, 'Transcript id (<agency>/<YYYY-MM-DD>/<slug>)'),
    col('agency', 'string', true, 'Agency adapter id'),
    col('date', 'date', true, 'Publication date of the transcript'),
    col('heldOn', 'date', false, 'The day the event took place, where the title or a dateline states it'),
    col('kind', 'string', true, 'Kind of event', ENUMS.kind),
    col('title', 'string', true, 'Title as published'),
    col('url', 'string', true, 'Canonical URL of the page'),
    col('location', 'string', false, 'Where it took place, as printed'),
    col('attribution', 'string', true, 'Ground rules as the moderator states them', ENUMS.attribution),
    col('embargo', 'string', false, 'Embargo as printed'),
    col('status', 'string', true, 'Whether the page is live on the agency site', ENUMS.status),
    col('revision', 'integer', true, 'Current revision number, from 1'),
    col('words', 'integer', true, 'Words spoken'),
    col('turns', 'integer', true, 'Number of turns'),
    col('questions', 'integer', true, 'Number of question turns'),
    col('contentSha256', 'string', true, 'sha256 of the extracted content'),
  ],
  primaryKey: ['id'],
  rows: (t) => [[t.id, t.agency, t.date, t.heldOn ?? null, t.kind, t.title, t.url, t.location, t.groundRules.attribution, t.groundRules.embargo, t.status, t.revision, t.stats.words, t.stats.turns, t.stats.questions, t.source.contentSha256]],
};

export const TURNS: Table = {
  name: 'turns',
  columns: [
    col('transcriptId', 'string', true, 'Transcript id'),
    col('n', 'integer', true, 'Turn number in the transcript, from 1 (the #tN anchor on its page)'),
    col('date', 'date', true, 'Publication date of the transcript'),
    col('heldOn', 'date', false, 'The day the event took place, where stated'),
    col('agency', 'string', true, 'Agency adapter id'),
    col('speaker', 'string', true, 'Speaker label as printed, normalized'),
    col('role', 'string', true, 'Speaker role', ENUMS.role),
    col('askedBy', 'string', false, 'Journalist named by the moderator before this question; empty when none'),
    col('askedByOutlet', 'string', false, 'The outlet that journalist was announced with; empty when none'),
    col('askedByEvidence', 'string', false, 'How askedBy was read; empty when none', ENUMS.askedByEvidence),
    col('misprintReads', 'string', false, 'The label a misprinted speaker label reads as (speaker stays as printed); empty when none'),
    col('misprintKind', 'string', false, 'What kind of misprint that is; empty when none', ENUMS.misprint),
    col('text', 'string', true, 'The turn\'s paragraphs joined by a newline'),
  ],
  primaryKey: ['transcriptId', 'n'],
  foreignKeys: toTranscripts,
  rows: (t) => t.turns.map((turn, i) => [t.id, i + 1, t.date, t.heldOn ?? null, t.agency, turn.speaker, turn.role, turn.askedBy ?? null, optional(turn, 'askedByOutlet'), optional(turn, 'askedByEvidence'), turn.misprint?.reads ?? null, turn.misprint?.kind ?? null, turn.paragraphs.join('\n')]),
};

export const PARTICIPANTS: Table = {
  name: 'participants',
  columns: [
    col('transcriptId', 'string', true, 'Transcript id'),
    col('label', 'string', true, 'Speaker label, normalized as in turns.speaker'),
    col('name', 'string', false, 'Full name where the page gives it; empty for QUESTION and the like'),
    col('nameFrom', 'string', false, 'Where the name was read', ENUMS.nameFrom),
    col('role', 'string', true, 'Role', ENUMS.role),
    col('aliases', 'string', false, 'Other labels of the same person in this transcript, separated by "; "'),
  ],
  primaryKey: ['transcriptId', 'label'],
  foreignKeys: toTranscripts,
  rows: (t) => t.participants.map((p) => [t.id, p.label, p.name, p.nameFrom ?? null, p.role, p.aliases?.length ? p.aliases.join('; ') : null]),
};

export const REVISIONS: Table = {
  name: 'revisions',
  columns: [
    col('transcriptId', 'string', true, 'Transcript id'),
    col('revision', 'integer', true, 'Revision number, from 1'),
    col('observedAt', 'string', true, 'When Podium saw it (ISO 8601)'),
    col('change', 'string', true, 'Change class', ENUMS.change),
    col('revertOf', 'integer', false, 'The earlier revision a revert returned to'),
    col('contentSha256', 'string', true, 'sha256 of the content at that revision'),
  ],
  primaryKey: ['transcriptId', 'revision'],
  foreignKeys: toTranscripts,
  rows: (t) => t.revisions.map((r) => [t.id, r.revision, r.observedAt, r.change, r.revertOf ?? null, r.contentSha256]),
};

/** A Frictionless Table Schema for a table. */
export function tableSchema(table: Table): Record<string, unknown> {
  return {
    fields: table.columns.map((c) => ({ name: c.name, type: c.type, description: c.description, ...(c.required || c.enum ? { constraints: { ...(c.required ? { required: true } : {}), ...(c.enum ? { enum: c.enum } : {}) } } : {}) })),
    primaryKey: table.primaryKey,
    ...(table.foreignKeys ? { foreignKeys: table.foreignKeys.map((k) => ({ fields: [k.fields], reference: { resource: k.reference.resource, fields: [k.reference.fields] } })) } : {}),
  };
}
