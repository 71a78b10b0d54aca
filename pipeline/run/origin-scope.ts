/**
 * Which `--origin` values belong to which agency. An unscoped value (`<url>`, `<name>=<url>`)
 * is only unambiguous when one agency runs; with several, each value names its agency
 * (`whitehouse:<url>`, `state:archive=<url>`) and every agency must get one, so a mirror run
 * never sends one agency's requests to another's mirror, nor any agency to its real site.
 * Then each agency's values become its origin map (resolveOrigins): the one place overrides are read.
 */
import type { Agency } from '../agencies/types.ts';
import { OriginMap, parseOriginArg, type OriginOverride } from '../discover/index.ts';

export class OriginScopeError extends Error {
  override readonly name = 'OriginScopeError';
}

/** `<agency>:<rest>`; a URL's scheme is followed by `//`, so `http://…` is never scoped. */
const SCOPED = /^([a-z][a-z0-9-]{0,31}):(?!\/\/)(.+)$/s;

/**
 * Splits raw `--origin` values by agency id, prefixes removed.
 *
 * @throws OriginScopeError for an unscoped value with several agencies, a value scoped to an
 *   agency not in this run, or (with several agencies) an agency left without any value.
 * @example
 * originsByAgency(['defense:http://127.0.0.1:8081', 'whitehouse:archive=http://127.0.0.1:8082'], ['defense', 'whitehouse'])
 * // => Map { 'defense' => ['http://127.0.0.1:8081'], 'whitehouse' => ['archive=http://127.0.0.1:8082'] }
 */
export function originsByAgency(values: readonly string[], agencyIds: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>(agencyIds.map((id) => [id, []]));
  if (values.length === 0) return out;
  for (const value of values) {
    const scoped = SCOPED.exec(value);
    if (scoped && /^[a-z][a-z0-9-]*$/.test(scoped[1]!) && !/^https?$/.test(scoped[1]!)) {
      const list = out.get(scoped[1]!);
      if (!list) throw new OriginScopeError(`--origin ${value}: agency "${scoped[1]}" is not part of this run (running: ${agencyIds.join(', ')})`);
      list.push(scoped[2]!);
    } else if (agencyIds.length === 1) {
      out.get(agencyIds[0]!)!.push(value);
    } else {
      throw new OriginScopeError(
        `--origin ${value} is ambiguous with ${agencyIds.length} agencies (${agencyIds.join(', ')}): ` +
          'run one --agency, or name the agency: --origin <agency>:<url> or <agency>:<origin>=<url>',
      );
    }
  }
  const without = agencyIds.filter((id) => out.get(id)!.length === 0);
  if (without.length > 0 && agencyIds.length > 1) {
    throw new OriginScopeError(
      `--origin given for some agencies but not for ${without.join(', ')}: a mirror run would send them to the real site; ` +
        'give each an --origin <agency>:<url>, or leave it out with --agency',
    );
  }
  return out;
}

/** The web archive fallback's `--origin` name. */
export const WEB_ARCHIVE = 'web-archive';

/** Where one agency's requests go this run: the origin map, the hosts allowed, foreign fallbacks. */
export interface AgencyOrigins {
  origins: OriginMap;
  /** Hosts (`URL.host`) requests and redirects may reach. */
  allowedHosts: Set<string>;
  /** Absolute fallback URLs (a web archive) rewritten for this run, or null when they must not be requested. */
  foreign: (absoluteUrl: string) => string | null;
}

/**
 * Resolves one agency's `--origin` values (already scoped, prefixes removed).
 *
 * @throws OriginScopeError for an unknown origin name, an origin given twice, a URL that is not
 *   an origin, or two origins given one URL — all usage errors, checked before anything runs.
 * @example
 * resolveOrigins(whitehouse, ['www=http://127.0.0.1:8081', 'archive=http://127.0.0.1:8082']).origins.enabled()
 */
export function resolveOrigins(agency: Agency, values: readonly string[]): AgencyOrigins {
  const overrides = values.map(parseOriginArg);
  const archive = overrides.find((o) => o.name === WEB_ARCHIVE);
  let origins: OriginMap;
  try {
    origins = new OriginMap(agency, overrides.filter((o): o is OriginOverride => o.name !== WEB_ARCHIVE));
    if (archive) new URL(archive.url);
  } catch (error) {
    throw new OriginScopeError(`--origin for ${agency.id}: ${(error as Error).message}`);
  }
  const allowedHosts = origins.allowedHosts();
  if (archive) allowedHosts.add(new URL(archive.url).host);
  else if (!origins.overridden) {
    for (const f of agency.fallbacks ?? []) {
      const probe = f.url(new URL(`${agency.origins[0]!.url}/x/`));
      if (probe && /^https?:/.test(probe)) allowedHosts.add(new URL(probe).host);
    }
  }
  // The web archive is a foreign host: used as is on live runs, through its override on mirror
  // runs, and never when a mirror run gives no override (it must not reach the real archive).
  const foreign = (absolute: string): string | null => {
    const url = new URL(absolute);
    if (archive) return `${archive.url.replace(/\/$/, '')}${url.pathname}${url.search}`;
    return origins.overridden ? null : absolute;
  };
  return { origins, allowedHosts, foreign };
}

/**
 * Every agency's origins for a run, from the raw `--origin` values.
 *
 * @throws OriginScopeError for any value that is not usable (see originsByAgency and resolveOrigins).
 */
export function resolveRunOrigins(agencies: readonly Agency[], values: readonly string[]): Map<string, AgencyOrigins> {
  const scoped = originsByAgency(values, agencies.map((a) => a.id));
  return new Map(agencies.map((a) => [a.id, resolveOrigins(a, scoped.get(a.id)!)]));
}
