/**
 * Generates pipeline/schema/types.gen.ts from schemas/*.schema.json, so the TypeScript types are
 * derived from the JSON Schemas (the single source of truth) and never written twice.
 * `npm run types` rewrites the file; test/schema.test.ts fails when it is stale.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';
import { SCHEMA_DIR, SCHEMA_FILES } from './files.ts';

const OUTPUT = fileURLToPath(new URL('./types.gen.ts', import.meta.url));

export async function generateTypes(): Promise<string> {
  const parts = ['// Generated from schemas/*.schema.json by `npm run types`. Do not edit.\n'];
  for (const file of SCHEMA_FILES) {
    const schema = JSON.parse(await readFile(`${SCHEMA_DIR}/${file}`, 'utf8'));
    const ts = await compile(schema, schema.title, {
      bannerComment: '',
      cwd: SCHEMA_DIR,
      declareExternallyReferenced: true,
      additionalProperties: false,
      strictIndexSignatures: true,
      unreachableDefinitions: false,
      format: true,
      style: { singleQuote: true, printWidth: 110 },
      $refOptions: { resolve: { external: true } },
    });
    parts.push(ts);
  }
  return parts.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(OUTPUT, await generateTypes());
  console.log(`wrote ${OUTPUT}`);
}
