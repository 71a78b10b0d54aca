/**
 * Page slugs for people and outlets, decided from the name alone so a transcript page can link a
 * speaker in the same pass that collects everyone (no global table, same URL in every build).
 *
 * The key folds what varies between printings of one name — case, accents, periods, apostrophes,
 * commas, runs of spaces or hyphens ("Antony J. Blinken" / "ANTONY J BLINKEN") — and names with the
 * same key are one page. A key made only of `a-z0-9` words is the slug itself, which is injective.
 * Any other key (non-Latin letters, or one that ends like a hashed slug) gets its ASCII part plus 10
 * hex digits of its SHA-256, so the two families never meet and distinct keys never share a page.
 */
import { createHash } from 'node:crypto';

const HASHED = /(?:^|-)[0-9a-f]{10}$/;

/** The identity of a name: folded as described above; empty when the name has no letter or digit. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’.,]/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

export function slugOf(name: string): string {
  const key = nameKey(name);
  if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(key) && key.length <= 80 && !HASHED.test(key)) return key;
  const ascii = key.replace(/[^a-z0-9-]+/g, '').replace(/-+/g, '-').replace(/^-|-$/g, '').slice(0, 60).replace(/-$/, '');
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 10);
  return ascii ? `${ascii}-${hash}` : hash;
}

export const personPath = (name: string): string => `people/${slugOf(name)}/`;
export const outletPath = (name: string): string => `outlets/${slugOf(name)}/`;
