/**
 * A throwaway agency for tests, on reserved `.example` hosts so nothing can resolve to a real site.
 */
import type { Agency } from '../../pipeline/agencies/types.ts';

export const WWW = 'https://www.agency.example';
export const ARCHIVE = 'https://archive.agency.example';

export function testAgency(overrides: Partial<Agency> = {}): Agency {
  return {
    id: 'testagency',
    name: 'Test Agency',
    origins: [
      { name: 'www', url: WWW },
      { name: 'archive', url: ARCHIVE },
    ],
    extraHosts: ['agency.example'],
    discovery: [
      { type: 'sitemap-index', path: '/sitemap_index.xml', follow: /briefing-sitemap\d*\.xml$/, on: ['www'] },
      { type: 'feed', path: '/rss-feed/press-releases/feed/', on: ['www'] },
      { type: 'sitemap', path: '/state_briefing-sitemap.xml', on: ['archive'] },
      { type: 'feed', path: '/feed.atom', on: ['archive'] },
    ],
    candidates: { include: [/\/briefings\//, /\/a-senior-[^/]+\/$/], exclude: [/\/briefings\/?$/, /-draft\/$/] },
    page: { title: ['h1'], date: ['.date'], body: ['.body'], remove: [] },
    text: { boilerplate: [], end: [], docTypes: [] },
    speakers: { label: /^(?<label>[A-Z ]+):/, notLabels: [], roles: [] },
    kinds: [],
    notTranscriptDocTypes: [],
    decoys: [],
    ...overrides,
  };
}
