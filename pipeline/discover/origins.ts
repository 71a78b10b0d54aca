/**
 * Canonical origins versus the origins requests actually go to. Records always carry canonical URLs
 * (`https://www.state.gov/...`); `--origin` points requests at a mirror or a local test server.
 * When any override is given, every origin without one is disabled, so a mirror run can never
 * reach a real site by accident (a sitemap listing a real URL, a forgotten origin).
 */
import type { Agency, AgencyOrigin } from '../agencies/types.ts';

/** One `--origin` value: `<url>` (replaces the primary origin) or `<name>=<url>`. */
export interface OriginOverride {
  /** Origin name; absent means the agency's primary (first) origin. */
  name?: string;
  url: string;
}

/** An origin that requests may go to. `canonical` and `request` are bases without a trailing slash. */
export interface EnabledOrigin {
  name: string;
  canonical: string;
  request: string;
}

interface OriginEntry {
  name: string;
  canonical: Base;
  /** Null when the origin is disabled by another origin's override. */
  request: Base | null;
}

/** An origin plus an optional path prefix (a mirror may serve a site under `/www`). */
interface Base {
  origin: string;
  /** '' or a prefix starting with '/' and not ending with one. */
  path: string;
}

/**
 * Parses one `--origin` argument.
 *
 * @example
 * parseOriginArg('http://127.0.0.1:8080')               // => { url: 'http://127.0.0.1:8080' }
 * parseOriginArg('archive=http://127.0.0.1:8080/arch')  // => { name: 'archive', url: 'http://127.0.0.1:8080/arch' }
 */
export function parseOriginArg(arg: string): OriginOverride {
  // A bare URL starts with a scheme and a colon, so a leading `word=` can only be a name.
  const named = /^([A-Za-z][\w-]*)=(.*)$/s.exec(arg);
  return named ? { name: named[1] as string, url: named[2] as string } : { url: arg };
}

/** Maps between an agency's canonical origins and the origins requests go to. */
export class OriginMap {
  readonly #entries: OriginEntry[];
  readonly #extraHosts: string[];
  readonly #overridden: boolean;

  /**
   * @param agency The agency's origins (the first is the primary) and extra redirect hosts.
   * @param overrides `--origin` values, parsed or raw.
   * @throws Error for an unknown origin name, a duplicate override, a URL that is not http(s)
   *   or carries a query or fragment, or two origins sharing one request base.
   */
  constructor(agency: Pick<Agency, 'id' | 'origins' | 'extraHosts'>, overrides: (OriginOverride | string)[] = []) {
    const primary = agency.origins[0];
    if (primary === undefined) throw new Error(`agency ${agency.id} declares no origins`);
    const byName = new Map<string, string>();
    for (const raw of overrides) {
      const override = typeof raw === 'string' ? parseOriginArg(raw) : raw;
      const name = override.name ?? primary.name;
      if (!agency.origins.some((origin) => origin.name === name)) {
        const known = agency.origins.map((origin) => origin.name).join(', ');
        throw new Error(`--origin ${name}=…: agency ${agency.id} has no origin named "${name}" (known: ${known})`);
      }
      if (byName.has(name)) throw new Error(`--origin given twice for origin "${name}" of agency ${agency.id}`);
      byName.set(name, override.url);
    }
    this.#overridden = byName.size > 0;
    this.#extraHosts = agency.extraHosts ?? [];
    this.#entries = agency.origins.map((origin: AgencyOrigin) => {
      const canonical = parseBase(origin.url, `origin "${origin.name}" of agency ${agency.id}`);
      const override = byName.get(origin.name);
      const request =
        override !== undefined ? parseBase(override, `--origin ${origin.name}`) : this.#overridden ? null : canonical;
      return { name: origin.name, canonical, request };
    });
    const seen = new Map<string, string>();
    for (const entry of this.#entries) {
      if (entry.request === null) continue;
      const key = baseString(entry.request);
      const other = seen.get(key);
      // Two origins on one request base would make toCanonical ambiguous.
      if (other !== undefined) throw new Error(`origins "${other}" and "${entry.name}" both request ${key}`);
      seen.set(key, entry.name);
    }
  }

  /** True when `--origin` was given: only overridden origins are enabled. */
  get overridden(): boolean {
    return this.#overridden;
  }

  /**
   * The URL to request for a canonical URL, or null when its origin is disabled or it is not on
   * one of the agency's origins.
   *
   * @example
   * new OriginMap(state, ['http://127.0.0.1:8080']).toRequest('https://www.state.gov/a/?x=1')
   * // => 'http://127.0.0.1:8080/a/?x=1'
   */
  toRequest(canonicalUrl: string): string | null {
    const url = tryUrl(canonicalUrl);
    if (url === null) return null;
    const match = this.#match(url, (entry) => entry.canonical, true);
    if (match === null || match.entry.request === null) return null;
    return join(match.entry.request, match.rest, url);
  }

  /**
   * The canonical URL for a request (mirror) URL or a canonical URL of one of the agency's
   * origins (also when that origin is disabled); null for other hosts. Fragments are dropped and
   * the scheme is the canonical one (sitemaps sometimes list `http://`).
   *
   * @example
   * new OriginMap(state, ['http://127.0.0.1:8080']).toCanonical('http://127.0.0.1:8080/a/#top')
   * // => 'https://www.state.gov/a/'
   */
  toCanonical(anyUrl: string): string | null {
    const url = tryUrl(anyUrl);
    if (url === null) return null;
    // Mirror bases first: a mirror may be on any host, and its paths are what it serves.
    const match =
      this.#match(url, (entry) => entry.request, false) ?? this.#match(url, (entry) => entry.canonical, true);
    return match === null ? null : join(match.entry.canonical, match.rest, url);
  }

  /** The origins requests may go to, in the agency's order. */
  enabled(): EnabledOrigin[] {
    return this.#entries.flatMap((entry) =>
      entry.request === null
        ? []
        : [{ name: entry.name, canonical: baseString(entry.canonical), request: baseString(entry.request) }],
    );
  }

  /**
   * Hosts (`host:port` as in `URL.host`) requests and redirects may go to: the enabled request
   * hosts, plus the agency's `extraHosts` on a normal run. On a mirror run the extra hosts are left
   * out: they are real sites (`state.gov`), and a mirror redirecting there must be refused.
   */
  allowedHosts(): Set<string> {
    const hosts = new Set<string>();
    for (const entry of this.#entries) if (entry.request !== null) hosts.add(new URL(entry.request.origin).host);
    if (!this.#overridden) for (const host of this.#extraHosts) hosts.add(host.toLowerCase());
    return hosts;
  }

  /** The entry whose base (longest path prefix first) contains `url`, and the path after the base. */
  #match(
    url: URL,
    baseOf: (entry: OriginEntry) => Base | null,
    anyScheme: boolean,
  ): { entry: OriginEntry; rest: string } | null {
    let best: { entry: OriginEntry; rest: string; length: number } | null = null;
    for (const entry of this.#entries) {
      const base = baseOf(entry);
      if (base === null) continue;
      const origin = new URL(base.origin);
      const sameOrigin = anyScheme ? origin.host === url.host : origin.origin === url.origin;
      if (!sameOrigin) continue;
      const inside = base.path === '' || url.pathname === base.path || url.pathname.startsWith(`${base.path}/`);
      if (!inside || (best !== null && best.length >= base.path.length)) continue;
      best = { entry, rest: url.pathname.slice(base.path.length), length: base.path.length };
    }
    return best;
  }
}

function parseBase(value: string, what: string): Base {
  const url = tryUrl(value);
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new Error(`${what}: "${value}" is not an http(s) URL`);
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new Error(
      `${what}: "${value}" must be an origin with an optional path, without query, fragment or credentials`,
    );
  }
  return { origin: url.origin, path: url.pathname.replace(/\/+$/, '') };
}

function baseString(base: Base): string {
  return base.origin + base.path;
}

function join(base: Base, rest: string, url: URL): string {
  const path = rest === '' ? '/' : rest;
  return `${base.origin}${base.path}${path}${url.search}`;
}

function tryUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
