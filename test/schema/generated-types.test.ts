/** The TypeScript types are derived from the schemas: the committed file must be what `npm run types` writes. */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { generateTypes } from '../../pipeline/schema/generate-types.ts';

it('pipeline/schema/types.gen.ts matches schemas/ (run `npm run types`)', async () => {
  const committed = readFileSync(new URL('../../pipeline/schema/types.gen.ts', import.meta.url), 'utf8');
  expect(await generateTypes()).toBe(committed);
});
