/**
 * The JSON Schemas as data, read once from schemas/ (the single source of truth). Used for
 * validation, for the key order of written files and for the record id pattern.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OrderingSchema } from '../store/json.ts';
import { SCHEMA_DIR, SCHEMA_FILES } from './files.ts';

export type SchemaFile = (typeof SCHEMA_FILES)[number];

/** A schema document: at least its `$id`, plus whatever keywords it holds. */
export interface SchemaDocument extends OrderingSchema {
  $id: string;
}

const cache = new Map<SchemaFile, SchemaDocument>();

/**
 * The parsed schema file (cached; treat it as read-only).
 *
 * @example
 * loadSchema('transcript.schema.json').properties?.id  // => { description: …, pattern: '^[a-z]…' }
 */
export function loadSchema(file: SchemaFile): SchemaDocument {
  let schema = cache.get(file);
  if (schema === undefined) {
    schema = JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')) as SchemaDocument;
    if (typeof schema.$id !== 'string') throw new Error(`schemas/${file} has no $id`);
    cache.set(file, schema);
  }
  return schema;
}

/** The `pattern` of a top-level property, as a RegExp (unicode mode, as JSON Schema requires). */
export function propertyPattern(file: SchemaFile, property: string): RegExp {
  const pattern = (loadSchema(file).properties?.[property] as { pattern?: unknown } | undefined)?.pattern;
  if (typeof pattern !== 'string') throw new Error(`schemas/${file}: property ${property} has no pattern`);
  return new RegExp(pattern, 'u');
}
