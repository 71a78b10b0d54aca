/** Hand-made state.gov fixture pages (test/fixtures/state/*-body.html in the page skeleton). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { statePage, type StatePageParts } from './state-page.ts';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

export function fixture(path: string): string {
  return readFileSync(`${FIXTURES}${path}`, 'utf8');
}

export interface StateFixture extends Omit<StatePageParts, 'bodyHtml'> {
  /** Path on the site, e.g. `/briefings/department-press-briefing-january-18-2022/`. */
  path: string;
  body: string;
  /** Which origin serves it. */
  origin: 'www' | 'archive';
  /** Sitemap <lastmod>. */
  lastmod: string;
}

/** The small state.gov mirror every end-to-end test serves. */
export const STATE_PAGES: StateFixture[] = [
  {
    origin: 'www',
    path: '/briefings/department-press-briefing-january-18-2022/',
    title: 'Department Press Briefing – January 18, 2022',
    docType: 'Department Press Briefing',
    date: 'January 18, 2022',
    byline: ['Ned Price, Department Spokesperson'],
    body: 'state/dpb-body.html',
    lastmod: '2022-01-18T23:10:00+00:00',
  },
  {
    origin: 'www',
    path: '/a-senior-state-department-official-on-the-secretarys-upcoming-travel-to-ukraine-and-germany/',
    title: 'A Senior State Department Official On the Secretary’s Upcoming Travel to Ukraine and Germany',
    docType: 'Special Briefing',
    date: 'January 18, 2022',
    byline: ['Office of the Spokesperson'],
    body: 'state/background-body.html',
    lastmod: '2022-01-18T20:00:00+00:00',
  },
  {
    origin: 'www',
    path: '/secretary-antony-j-blinken-and-german-foreign-minister-annalena-baerbock-at-a-joint-press-availability/',
    title: 'Secretary Antony J. Blinken and German Foreign Minister Annalena Baerbock at a Joint Press Availability',
    docType: 'Remarks',
    date: 'January 20, 2022',
    byline: ['Antony J. Blinken, Secretary of State'],
    body: 'state/availability-body.html',
    blockTheme: true,
    lastmod: '2022-01-20T16:30:00+00:00',
  },
  {
    origin: 'www',
    path: '/secretary-antony-j-blinken-with-jane-doe-of-example-news/',
    title: 'Secretary Antony J. Blinken With Jane Doe of Example News',
    docType: 'Interview',
    date: 'January 21, 2022',
    byline: ['Antony J. Blinken, Secretary of State'],
    body: 'state/interview-body.html',
    lastmod: '2022-01-21T12:00:00+00:00',
  },
  {
    origin: 'www',
    path: '/on-the-national-day-of-examplestan/',
    title: 'On the National Day of Examplestan',
    docType: 'Press Statement',
    date: 'January 19, 2022',
    byline: ['Antony J. Blinken, Secretary of State'],
    body: 'state/statement-body.html',
    lastmod: '2022-01-19T09:00:00+00:00',
  },
  {
    origin: 'archive',
    path: '/briefings/department-press-briefing-june-2-2021/',
    title: 'Department Press Briefing – June 2, 2021',
    docType: 'Department Press Briefing',
    date: 'June 2, 2021',
    byline: ['Jalina Porter, Principal Deputy Spokesperson'],
    body: 'state/dpb-2021-body.html',
    lastmod: '2021-06-02T22:12:11+00:00',
  },
];

export const CANONICAL = { www: 'https://www.state.gov', archive: 'https://2021-2025.state.gov' } as const;

/** The full HTML page for a fixture. */
export function stateFixturePage(f: StateFixture, body = fixture(f.body)): string {
  return statePage({ ...f, bodyHtml: body, url: `${CANONICAL[f.origin]}${f.path}` });
}

export function stateFixture(pathPart: string): StateFixture {
  const found = STATE_PAGES.find((p) => p.path.includes(pathPart));
  if (!found) throw new Error(`no state fixture matching ${pathPart}`);
  return found;
}
