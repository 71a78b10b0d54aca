/**
 * robots.txt as RFC 9309 describes it, plus the non-standard Crawl-delay most sites (state.gov:
 * `crawl-delay: 5`) still publish. Pure: the fetcher downloads the file and caches the policy.
 */

export interface RobotsRule {
  allow: boolean;
  /** The path pattern as written (`*` wildcards, `$` end anchor). */
  pattern: string;
}

export interface RobotsPolicy {
  /** Rules of the group(s) that apply to our agent; empty means everything is allowed. */
  rules: RobotsRule[];
  /** Seconds between requests asked by the applicable group, or null. */
  crawlDelaySeconds: number | null;
  /** `Sitemap:` lines (they belong to no group). */
  sitemaps: string[];
}

/** The policy of a site without a usable robots.txt: everything allowed, no delay. */
export const ALLOW_ALL: RobotsPolicy = Object.freeze({ rules: [], crawlDelaySeconds: null, sitemaps: [] }) as RobotsPolicy;

interface Group {
  agents: string[];
  rules: RobotsRule[];
  crawlDelaySeconds: number | null;
}

/**
 * The product token robots.txt groups are matched against: the User-Agent up to the first `/`
 * or space (RFC 9309 §2.2.1).
 *
 * @example
 * productToken('Podium/0.1 (+https://github.com/podium-data/podium)') // 'Podium'
 */
export function productToken(userAgent: string): string {
  return /^[A-Za-z_-]+/.exec(userAgent.trim())?.[0] ?? userAgent.trim();
}

/**
 * Parse robots.txt and keep what applies to `agent` (a product token, matched case-insensitively).
 * Groups naming the agent win over `*`; several matching groups are merged (RFC 9309 §2.2.1).
 *
 * @example
 * const policy = parseRobots('User-agent: *\nCrawl-delay: 0.5\nDisallow: /private/', 'Podium');
 * policy.crawlDelaySeconds // 0.5
 * isAllowed(policy, '/private/x') // false
 */
export function parseRobots(text: string, agent: string): RobotsPolicy {
  const groups: Group[] = [];
  const sitemaps: string[] = [];
  let current: Group | null = null;
  // A user-agent line right after another one extends the same group; after a rule it starts a new one.
  let lastWasAgent = false;

  // Strip a UTF-8 BOM: some CMSes write one and the first line would otherwise not parse.
  for (const rawLine of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*/, '').trim();
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();

    if (key === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [], crawlDelaySeconds: null };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    if (key === 'sitemap') {
      if (value) sitemaps.push(value);
      continue; // Sitemap lines are outside groups and do not end one.
    }
    lastWasAgent = false;
    if (!current) continue; // Rules before any User-agent line apply to nobody.
    if (key === 'allow' || key === 'disallow') {
      // An empty Disallow means "nothing is disallowed" (Yoast's default block on state.gov).
      if (value) current.rules.push({ allow: key === 'allow', pattern: value });
    } else if (key === 'crawl-delay') {
      const seconds = Number(value);
      if (value !== '' && Number.isFinite(seconds) && seconds >= 0) current.crawlDelaySeconds = seconds;
    }
  }

  const token = agent.toLowerCase();
  const agentName = (value: string) => productToken(value).toLowerCase();
  let chosen = groups.filter((g) => g.agents.some((a) => agentName(a) === token));
  if (chosen.length === 0) chosen = groups.filter((g) => g.agents.includes('*'));

  const delays = chosen.map((g) => g.crawlDelaySeconds).filter((d): d is number => d !== null);
  return {
    rules: chosen.flatMap((g) => g.rules),
    crawlDelaySeconds: delays.length > 0 ? Math.max(...delays) : null,
    sitemaps,
  };
}

/**
 * The rule deciding `pathAndQuery`: the longest matching pattern; on a tie Allow wins
 * (RFC 9309 §2.2.2). Null when no rule matches (allowed).
 */
export function decidingRule(policy: RobotsPolicy, pathAndQuery: string): RobotsRule | null {
  const target = normalizeEncoding(pathAndQuery);
  let best: RobotsRule | null = null;
  let bestLength = -1;
  for (const rule of policy.rules) {
    const pattern = normalizeEncoding(rule.pattern);
    if (!patternMatches(pattern, target)) continue;
    if (pattern.length > bestLength || (pattern.length === bestLength && rule.allow && !best?.allow)) {
      best = rule;
      bestLength = pattern.length;
    }
  }
  return best;
}

/**
 * Whether our agent may fetch `pathAndQuery` (path plus query string, e.g. `/x/?page=2`).
 * `/robots.txt` itself is always allowed (RFC 9309 §2.2.2).
 */
export function isAllowed(policy: RobotsPolicy, pathAndQuery: string): boolean {
  if (pathAndQuery === '/robots.txt') return true;
  return decidingRule(policy, pathAndQuery)?.allow ?? true;
}

function patternMatches(pattern: string, target: string): boolean {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const source = body
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}${anchored ? '$' : ''}`).test(target);
}

/**
 * Compare patterns and paths in one form (RFC 9309 §2.2.2: percent-encode non-ASCII as UTF-8,
 * and treat `%aa` and `%AA` alike).
 */
function normalizeEncoding(value: string): string {
  return value
    .replace(/%[0-9a-fA-F]{2}/g, (escape) => escape.toUpperCase())
    .replace(/[^\x00-\x7F]+/g, (chars) => encodeURIComponent(chars));
}
