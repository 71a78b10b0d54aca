import { fileURLToPath } from 'node:url';

/** Absolute path of the repository's schemas/ folder. */
export const SCHEMA_DIR = fileURLToPath(new URL('../../schemas', import.meta.url));

/** Every schema, in dependency order (a schema may $ref only those before it). */
export const SCHEMA_FILES = ['transcript.schema.json', 'index.schema.json', 'crawl-state.schema.json', 'changelog.schema.json', 'people.schema.json'] as const;
