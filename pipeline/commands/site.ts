/** `podium site`: the static site and the downloads (NDJSON, CSV, SQLite, Data Package, Atom) from a dataset. */
import { parseArgs } from 'node:util';
import { buildSite } from '../site/index.ts';
import { EXIT, type Command } from './types.ts';

const usage = `Usage: podium site [--out <dir>] [--dest <dir>] [--base-url <path>] [--data-url <url>]

Builds a plain-file static site from the dataset: home, browse and search, one page per
transcript with its revision history and diffs, "Use the data", and the downloads
transcripts.ndjson, turns.csv, podium.sqlite, datapackage.json, feed.atom and schemas/.
The site is built in a fresh directory and then swapped in place of --dest.
The same dataset always gives byte-identical files.

Options:
  --out <dir>          dataset directory (default: output)
  --dest <dir>         site directory, replaced whole (default: _site)
  --base-url <path>    path the site is served under, e.g. /podium/ for GitHub Pages (default: /)
  --data-url <url>     link each record's JSON at <url> (where output/ is already served, ending
                       in /) instead of copying transcripts/ and history/ into the site
  --gzip-exports       write transcripts.ndjson.gz, turns.csv.gz and podium.sqlite.gz instead of
                       the plain files (GitHub Pages caps a site at 1 GB)
  -h, --help           show this help`;

export const siteCommand: Command = {
  name: 'site',
  summary: 'build the static site and downloads from the dataset',
  usage,
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: {
        out: { type: 'string', default: 'output' },
        dest: { type: 'string', default: '_site' },
        'base-url': { type: 'string', default: '/' },
        'data-url': { type: 'string' },
        'gzip-exports': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      console.log(usage);
      return EXIT.ok;
    }
    const started = performance.now();
    const s = await buildSite({ out: values.out, dest: values.dest, baseUrl: values['base-url'], ...(values['data-url'] ? { dataUrl: values['data-url'] } : {}), gzipExports: values['gzip-exports'] === true });
    console.error(`podium site: ${s.transcripts} transcripts, ${s.turns} turns, ${s.pages} pages in ${values.dest} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    return EXIT.ok;
  },
};
