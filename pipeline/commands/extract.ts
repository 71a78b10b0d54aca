/** `podium extract <file-or-url>`: parse one page and print its record as JSON. */
import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { agencyForUrl, getAgency } from '../agencies/index.ts';
import type { Agency } from '../agencies/types.ts';
import { extract, ExtractError } from '../extract/index.ts';
import { Fetcher, FetchError, defaultFetcherOptions } from '../fetch/index.ts';
import { recordFromPage } from '../record/from-page.ts';
import type { Source } from '../schema/types.ts';
import { loadSchema } from '../schema/schemas.ts';
import { stableJson } from '../store/json.ts';
import { slugify } from '../store/paths.ts';
import { EXIT, type Command } from './types.ts';

const usage = `Usage: podium extract <file-or-url> [--agency <id>] [--url <canonical-url>]

Parses ONE page and prints its transcript record as JSON on stdout.
The input is a saved HTML page, plain text copied from a page in a browser (banner
and footer lines included), or an http(s) URL to fetch.

Options:
  --agency <id>        adapter to read the page with (default: the one whose site is
                       the host of --url, of the URL given as input, or of the saved
                       page's <link rel=canonical>; see \`podium agencies\`)
  --url <url>          the page's canonical URL (default: the page's <link rel=canonical>,
                       the URL given as input, or one derived from the title, with a warning)
  -h, --help           show this help

A page that is not a transcript (a press statement, an error page) exits 1 with a
one-line reason on stderr.`;

export const extractCommand: Command = {
  name: 'extract',
  summary: 'parse one page (file or URL) and print its record as JSON',
  usage,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { agency: { type: 'string' }, url: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      console.log(usage);
      return EXIT.ok;
    }
    const input = positionals[0];
    if (!input || positionals.length > 1) {
      console.error('podium extract: give exactly one file or URL (see --help)');
      return EXIT.usage;
    }
    const fromWeb = /^https?:\/\//i.test(input);
    let agency: Agency | null = null;
    let saved: string | null = null;
    if (values.agency) {
      try {
        agency = await getAgency(values.agency);
      } catch (error) {
        console.error(`podium extract: ${(error as Error).message}`);
        return EXIT.usage;
      }
    } else {
      if (!fromWeb && !values.url) saved = await readFile(input, 'utf8').catch(() => null);
      const hint = values.url ?? (fromWeb ? input : saved === null ? null : canonicalHref(saved));
      agency = hint ? await agencyForUrl(hint) : null;
      if (!agency) {
        console.error(
          hint
            ? `podium extract: no adapter serves ${hostOf(hint)}; give --agency <id> (see podium agencies)`
            : 'podium extract: cannot tell which agency published this page: give --agency <id> or --url <canonical-url>',
        );
        return EXIT.usage;
      }
    }
    try {
      let body: string;
      let contentType: string | null = null;
      let source: Omit<Source, 'contentSha256'>;
      if (fromWeb) {
        const host = new URL(input).host;
        const fetcher = new Fetcher(defaultFetcherOptions({ allowedHosts: new Set([host]), decoys: agency.decoys }));
        const res = await fetcher.get({ url: input });
        body = res.body;
        contentType = res.contentType;
        source = { via: 'page', fetchedAt: new Date().toISOString(), etag: res.etag, lastModified: res.lastModified };
      } else {
        body = saved ?? (await readFile(input, 'utf8'));
        // A file's provenance time is its modification time, so the output is repeatable.
        source = { via: 'file', fetchedAt: (await stat(input)).mtime.toISOString(), etag: null, lastModified: null };
      }
      const page = extract(body, agency, input, values.url ?? (fromWeb ? input : null), contentType);
      let url = page.url;
      if (!url) {
        url = `${agency.origins[0]!.url}/${slugify(page.title)}/`;
        console.error(`podium extract: ${input}: no canonical URL on the page and no --url; using ${url} (derived from the title)`);
      }
      const record = recordFromPage(page, agency, input, url, source);
      process.stdout.write(stableJson(record, loadSchema('transcript.schema.json')));
      return EXIT.ok;
    } catch (error) {
      if (error instanceof ExtractError || error instanceof FetchError) {
        console.error(`podium extract: ${error.message}`);
        return EXIT.fatal;
      }
      throw error;
    }
  },
};

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
