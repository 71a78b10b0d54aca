/** `podium extract <file-or-url> [--date <date>]`: parse one page and print its record as JSON. */
import { readFile, stat } from 'node:fs/promises';
import { agencyForUrl, getAgency } from '../agencies/index.ts';
import type { Agency } from '../agencies/types.ts';
import { decoyTest, extract, ExtractError } from '../extract/index.ts';
import { Fetcher, FetchError, defaultFetcherOptions } from '../fetch/index.ts';
import { recordFromPage } from '../record/from-page.ts';
import type { Source } from '../schema/types.ts';
import { loadSchema } from '../schema/schemas.ts';
import { stableJson } from '../store/json.ts';
import { slugify } from '../store/paths.ts';
import { defineCommand, UsageError } from './define.ts';
import { EXIT } from './types.ts';

export const extractCommand = defineCommand({
  name: 'extract',
  summary: 'parse one page (file or URL) and print its record as JSON',
  description: [
    'Parses ONE page and prints its transcript record as JSON on stdout. The input is a saved HTML page, plain text copied from a page in a browser (banner, navigation and footer lines included), or an http(s) URL to fetch.',
    'A page that is not a transcript (a press statement, an error page) exits 1 with a one-line reason on stderr.',
  ],
  args: [{ name: 'file-or-url' }],
  options: {
    agency: {
      type: 'string', value: 'id',
      description: "adapter to read the page with (default: the one whose site is the host of --url, of the URL given as input, or of the saved page's <link rel=canonical>; see `podium agencies`)",
    },
    url: {
      type: 'string', value: 'url',
      description: "the page's canonical URL (default: the page's <link rel=canonical>, the URL given as input, or one derived from the title, with a warning)",
    },
    date: {
      type: 'date', value: 'date',
      description: "the briefing's date, YYYY-MM-DD, for input that prints none (text copied without the page's date line); a date the page prints wins, with a warning when they differ",
    },
  },
  async run({ options, args: [input] }) {
    const fromWeb = /^https?:\/\//i.test(input!);
    let agency: Agency | null = null;
    let saved: string | null = null;
    if (options.agency) {
      try {
        agency = await getAgency(options.agency);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
    } else {
      if (!fromWeb && !options.url) saved = await readFile(input!, 'utf8').catch(() => null);
      const hint = options.url ?? (fromWeb ? input! : saved === null ? null : canonicalHref(saved));
      agency = hint ? await agencyForUrl(hint) : null;
      if (!agency) {
        throw new UsageError(
          hint
            ? `no adapter serves ${hostOf(hint)}; give --agency <id> (see podium agencies)`
            : 'cannot tell which agency published this page: give --agency <id> or --url <canonical-url>',
        );
      }
    }
    try {
      let body: string;
      let contentType: string | null = null;
      let source: Omit<Source, 'contentSha256'>;
      if (fromWeb) {
        const host = new URL(input!).host;
        const fetcher = new Fetcher(defaultFetcherOptions({ allowedHosts: new Set([host]), decoy: decoyTest(agency) }));
        const res = await fetcher.get({ url: input! });
        body = res.body;
        contentType = res.contentType;
        source = { via: 'page', fetchedAt: new Date().toISOString(), etag: res.etag, lastModified: res.lastModified };
      } else {
        body = saved ?? (await readFile(input!, 'utf8'));
        // A file's provenance time is its modification time, so the output is repeatable.
        source = { via: 'file', fetchedAt: (await stat(input!)).mtime.toISOString(), etag: null, lastModified: null };
      }
      const page = extract(body, agency, input!, options.url ?? (fromWeb ? input! : null), contentType);
      if (options.date && page.date && page.date !== options.date) {
        console.error(`podium extract: ${input}: the page prints the date ${page.date}; --date ${options.date} is not used`);
      }
      page.date ??= options.date ?? null;
      let url = page.url;
      if (!url) {
        url = `${agency.origins[0]!.url}/${slugify(page.title)}/`;
        console.error(`podium extract: ${input}: no canonical URL on the page and no --url; using ${url} (derived from the title)`);
      }
      const record = recordFromPage(page, agency, input!, url, source);
      process.stdout.write(stableJson(record, loadSchema('transcript.schema.json')));
      return EXIT.ok;
    } catch (error) {
      if (error instanceof ExtractError && error.code === 'no-date') {
        // Text copied from a browser often leaves the date line out; the date can be given.
        console.error(`podium extract: ${error.message}; give the briefing's date with --date YYYY-MM-DD`);
        return EXIT.fatal;
      }
      if (error instanceof ExtractError || error instanceof FetchError) {
        console.error(`podium extract: ${error.message}`);
        return EXIT.fatal;
      }
      throw error;
    }
  },
});

/** The canonical URL a saved page declares, found without parsing the page. */
function canonicalHref(body: string): string | null {
  const link = /<link\b[^>]*\brel=["']?canonical["']?[^>]*>/i.exec(body)?.[0] ?? /<meta\b[^>]*\bproperty=["']og:url["'][^>]*>/i.exec(body)?.[0];
  const href = link && /\b(?:href|content)=["']([^"']+)["']/i.exec(link)?.[1];
  return href && /^https?:\/\//i.test(href) ? href : null;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return JSON.stringify(url);
  }
}
