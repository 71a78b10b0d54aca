/** `podium site`: the static site and the downloads (NDJSON, CSV, SQLite, Data Package, Atom) from a dataset. */
import { buildSite, siteAddress } from '../site/index.ts';
import { defineCommand, UsageError } from './define.ts';
import { EXIT } from './types.ts';

export const siteCommand = defineCommand({
  name: 'site',
  summary: 'build the static site and downloads from the dataset',
  description: [
    'Builds a plain-file static site from the dataset: home, browse and search, one page per transcript with its revision history and diffs, "Use the data", and the downloads transcripts.ndjson, turns.csv, podium.sqlite, datapackage.json, feed.atom, schemas/ and, with --site-url, sitemap.xml. The site is built in a fresh directory and then swapped in place of --dest. The same dataset always gives byte-identical files.',
  ],
  options: {
    out: { type: 'string', value: 'dir', default: 'output', description: 'dataset directory' },
    dest: { type: 'string', value: 'dir', default: '_site', description: 'site directory, replaced whole' },
    'site-url': { type: 'string', value: 'url', description: "the site's absolute URL, e.g. https://<owner>.github.io/<repo>/: links in feed.atom, datapackage.json and sitemap.xml become absolute, and \"Use the data\" states the address" },
    'base-url': { type: 'string', value: 'path', description: 'path the site is served under, e.g. /podium/ for GitHub Pages (default: the path of --site-url, else /)' },
    'data-url': { type: 'string', value: 'url', description: "link each record's JSON at <url> (where output/ is already served, ending in /) instead of copying transcripts/ and history/ into the site" },
    assets: { type: 'string', value: 'dir', description: 'write the bulk downloads (gzipped) and their per-year shards to <dir> instead of the site, for a workflow to publish as release assets (GitHub Pages caps a site at 1 GB); needs --assets-url' },
    'assets-cache': { type: 'string', value: 'dir', description: 'with --assets: a folder kept between builds (actions/cache) with the previous build\'s year shards; years whose records and code are unchanged are copied from it instead of rebuilt, and it is replaced with this build\'s' },
    'assets-url': { type: 'string', value: 'url', description: 'where the --assets files are published, ending in / (e.g. https://github.com/<owner>/<repo>/releases/download/data-{version}/; {version} is the dataset version): pages, datapackage.json and "Use the data" link them there' },
    'gzip-exports': { type: 'boolean', description: 'write transcripts.ndjson.gz, turns.csv.gz and podium.sqlite.gz instead of the plain files (GitHub Pages caps a site at 1 GB)' },
  },
  async run({ options: values }) {
    if ((values.assets === undefined) !== (values['assets-url'] === undefined)) throw new UsageError('--assets and --assets-url go together: the folder the release assets are written to, and where they are published');
    if (values['assets-cache'] !== undefined && values.assets === undefined) throw new UsageError('--assets-cache keeps the year shards of --assets between builds; pass --assets too');
    const started = performance.now();
    const assets = values.assets !== undefined && values['assets-url'] !== undefined ? { assets: { dir: values.assets, url: values['assets-url'], ...(values['assets-cache'] !== undefined ? { cache: values['assets-cache'] } : {}) } } : {};
    let address;
    try {
      address = siteAddress(values['site-url'], values['base-url']);
    } catch (error) {
      throw new UsageError((error as Error).message.replace(/^site: /, ''));
    }
    const s = await buildSite({ out: values.out, dest: values.dest, baseUrl: address.base, ...(address.siteUrl ? { siteUrl: address.siteUrl } : {}), ...(values['data-url'] ? { dataUrl: values['data-url'] } : {}), gzipExports: values['gzip-exports'], ...assets });
    console.error(`podium site: ${s.transcripts} transcripts, ${s.turns} turns, ${s.pages} pages in ${values.dest} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    return EXIT.ok;
  },
});
