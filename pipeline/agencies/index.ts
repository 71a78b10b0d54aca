/**
 * The adapter registry. Every module in this folder that exports an `Agency` is an adapter: a
 * forker adds one file and nothing else changes.
 */
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Agency } from './types.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
/** Modules here that are shared helpers, not adapters. */
const NOT_ADAPTERS = new Set(['index.ts', 'types.ts', 'fallbacks.ts']);

let loaded: Promise<Agency[]> | null = null;

/** Every adapter, sorted by id. */
export function loadAgencies(dir = HERE): Promise<Agency[]> {
  if (dir !== HERE) return importAdapters(dir);
  return (loaded ??= importAdapters(dir));
}

async function importAdapters(dir: string): Promise<Agency[]> {
  const found: Agency[] = [];
  for (const file of (await readdir(dir)).sort()) {
    if (!/\.ts$/.test(file) || /\.(?:test|spec|d)\.ts$/.test(file) || NOT_ADAPTERS.has(file)) continue;
    const module = (await import(pathToFileURL(`${dir}/${file}`).href)) as Record<string, unknown>;
    for (const value of Object.values(module)) if (isAgency(value)) found.push(value);
  }
  const ids = new Set<string>();
  for (const a of found) {
    if (ids.has(a.id)) throw new Error(`two adapters share the id "${a.id}" in ${dir}`);
    ids.add(a.id);
  }
  return found.sort((a, b) => a.id.localeCompare(b.id));
}

/** The adapter with this id; the error lists the known ones. */
export async function getAgency(id: string): Promise<Agency> {
  const all = await loadAgencies();
  const agency = all.find((a) => a.id === id);
  if (!agency) throw new Error(`unknown agency "${id}" (known: ${all.map((a) => a.id).join(', ')})`);
  return agency;
}

/**
 * The adapter whose origins or extra hosts serve `url` (`www.` or not), or null. Used when a
 * command is given a page without `--agency`.
 */
export async function agencyForUrl(url: string): Promise<Agency | null> {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  const bare = (h: string) => h.replace(/^www\./, '');
  for (const agency of await loadAgencies()) {
    const hosts = [...agency.origins.map((o) => new URL(o.url).hostname), ...(agency.extraHosts ?? [])].map((h) => bare(h.toLowerCase()));
    if (hosts.includes(bare(host))) return agency;
  }
  return null;
}

function isAgency(value: unknown): value is Agency {
  const v = value as Partial<Agency> | null;
  return !!v && typeof v === 'object' && typeof v.id === 'string' && Array.isArray(v.origins) && typeof v.page === 'object';
}
