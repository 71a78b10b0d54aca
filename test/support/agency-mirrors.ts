/**
 * Local stand-ins for whitehouse.gov (+ its Biden archive) and defense.gov (+ war.gov): one
 * `node:http` server per origin, each serving its hand-built site tree from
 * test/fixtures/<agency>/<origin>/ (robots.txt, sitemaps, listing pages, transcript pages).
 */
import { FIXTURES } from './fixtures.ts';
import { startMirror, type Mirror } from './mirror.ts';

export interface AgencyMirror {
  /** One mirror per origin name (`www`, `archive`, `war`). */
  origins: Record<string, Mirror>;
  /** `--origin <name>=<url>` values for every origin. */
  originArgs: string[];
  close(): Promise<void>;
}

export async function startAgencyMirror(agency: 'whitehouse' | 'defense'): Promise<AgencyMirror> {
  const names = agency === 'whitehouse' ? ['www', 'archive'] : ['www', 'war'];
  const origins: Record<string, Mirror> = {};
  for (const name of names) {
    const mirror = await startMirror();
    await mirror.loadDirectory(`${FIXTURES}${agency}/${name}`);
    origins[name] = mirror;
  }
  return {
    origins,
    originArgs: names.map((name) => `${name}=${origins[name]!.origin}`),
    close: async () => {
      await Promise.all(Object.values(origins).map((m) => m.close()));
    },
  };
}
