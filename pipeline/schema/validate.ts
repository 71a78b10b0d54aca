/**
 * Validation against the JSON Schemas in schemas/. Every schema is compiled once, on first use, into
 * one Ajv instance that knows them all by `$id`, so relative `$ref`s between schema files resolve.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Changelog, CrawlState, DatasetIndex, People, Transcript } from './types.ts';
import { SCHEMA_FILES } from './files.ts';
import { loadSchema, type SchemaFile } from './schemas.ts';

/** One problem: where (JSON pointer into the validated value, '' for the root) and what. */
export interface ValidationProblem {
  pointer: string;
  message: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: ValidationProblem[] };

let validators: Map<SchemaFile, ValidateFunction> | undefined;

function validatorFor(file: SchemaFile): ValidateFunction {
  if (validators === undefined) {
    // strict: a typo in a schema keyword must fail here, not silently validate nothing.
    // allowUnionTypes: the schemas use `type: ["string", "null"]` on purpose.
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats.default(ajv);
    for (const name of SCHEMA_FILES) ajv.addSchema(loadSchema(name));
    validators = new Map(
      SCHEMA_FILES.map((name) => {
        const validate = ajv.getSchema(loadSchema(name).$id);
        if (validate === undefined) throw new Error(`schemas/${name}: not compiled`);
        return [name, validate] as const;
      }),
    );
  }
  const validate = validators.get(file);
  if (validate === undefined) throw new Error(`no schema ${file}`);
  return validate;
}

function run<T>(file: SchemaFile, value: unknown): ValidationResult<T> {
  const validate = validatorFor(file);
  if (validate(value)) return { ok: true, value: value as T };
  return { ok: false, errors: problems(validate.errors ?? []) };
}

/**
 * Ajv errors as pointer + message. A missing or unexpected property is reported at the property's
 * own pointer (`/stats/words`), not at its parent, so the user sees which field is meant.
 */
function problems(errors: ErrorObject[]): ValidationProblem[] {
  const seen = new Set<string>();
  const out: ValidationProblem[] = [];
  for (const error of errors) {
    let pointer = error.instancePath;
    let message = error.message ?? error.keyword;
    const params = error.params as Record<string, unknown>;
    if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
      pointer += `/${escapePointer(params.missingProperty)}`;
      message = 'is required';
    } else if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
      pointer += `/${escapePointer(params.additionalProperty)}`;
      message = 'is not allowed (unknown property)';
    } else if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
      message = `must be one of ${params.allowedValues.map((value) => JSON.stringify(value)).join(', ')}`;
    }
    const key = `${pointer}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ pointer, message });
  }
  return out;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Checks a transcript record against schemas/transcript.schema.json.
 *
 * @example
 * const result = validateTranscript(JSON.parse(text));
 * if (!result.ok) for (const e of result.errors) console.log(`${e.pointer}: ${e.message}`);
 */
export function validateTranscript(value: unknown): ValidationResult<Transcript> {
  return run<Transcript>('transcript.schema.json', value);
}

/** Checks `index.json` against schemas/index.schema.json. */
export function validateIndex(value: unknown): ValidationResult<DatasetIndex> {
  return run<DatasetIndex>('index.schema.json', value);
}

/** Checks a `state/<agency>.json` file against schemas/crawl-state.schema.json. */
export function validateCrawlState(value: unknown): ValidationResult<CrawlState> {
  return run<CrawlState>('crawl-state.schema.json', value);
}

/** Checks `changelog.json` against schemas/changelog.schema.json. */
export function validateChangelog(value: unknown): ValidationResult<Changelog> {
  return run<Changelog>('changelog.schema.json', value);
}

/** Checks `people.json` against schemas/people.schema.json. */
export function validatePeople(value: unknown): ValidationResult<People> {
  return run<People>('people.schema.json', value);
}
