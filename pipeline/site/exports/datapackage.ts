/**
 * datapackage.json: a Frictionless Data Package (v2) describing every export that declares a
 * `resource`, with the bytes and sha256 its `close` reported. The CSV gets a Table Schema; JSON
 * resources point at the JSON Schemas published under schemas/v1/. `temporal` (the first and last
 * briefing date) is a Podium property; `sources` are the agency sites the records were read from.
 */
import type { Transcript } from '../../schema/types.ts';
import { resultOf, siteLink, type Closed, type SiteContext, type SiteExport } from './export.ts';

const SHARD_TYPES: Record<string, string> = { ndjson: 'application/x-ndjson', csv: 'text/csv', sqlite: 'application/vnd.sqlite3' };

export function dataPackageExport(): SiteExport {
  let site: SiteContext;
  let turns = 0;
  let first: string | null = null;
  let last: string | null = null;
  const agencies = new Set<string>();
  return {
    path: 'datapackage.json',
    mediaType: 'application/json',
    description: 'Frictionless Data Package (v2) describing the downloads, with their byte sizes and sha256 hashes.',
    download: 'file',
    async open(s) {
      site = s;
    },
    async add(t: Transcript) {
      turns += t.turns.length;
      if (first === null || t.date < first) first = t.date;
      if (last === null || t.date > last) last = t.date;
      agencies.add(t.agency);
    },
    async close(done: readonly Closed[]) {
      // With --site-url every link is absolute, so the package can be read from anywhere.
      const link = (path: string) => (site.siteUrl ? siteLink(site, path) : path);
      const resources: Record<string, unknown>[] = done.filter((d) => d.export.resource).map(({ export: e, result: r }) => {
        const { name, ...rest } = e.resource!;
        if (typeof rest.jsonSchema === 'string') rest.jsonSchema = link(rest.jsonSchema);
        return { name, path: r.url ?? link(r.path), mediatype: r.mediaType, ...(r.compression ? { compression: r.compression } : {}), bytes: r.bytes, hash: r.hash, description: e.description.replace(/`/g, ''), ...rest };
      });
      // Per-year shards (release assets), one resource each.
      for (const { result: r } of done) {
        for (const f of r.files ?? []) {
          const [, stem, format] = /^(.*)\.(ndjson|csv|sqlite)\.gz$/.exec(f.path) ?? [];
          if (!stem || !format) continue;
          resources.push({ name: stem, path: `${r.url ?? ''}${f.path}`, mediatype: SHARD_TYPES[format], compression: 'gz', format, bytes: f.bytes, hash: f.hash });
        }
      }
      const sources = [...agencies].sort().map((id) => {
        const agency = site.agencies.find((a) => a.id === id);
        return { title: agency?.name ?? id, ...(agency?.origins[0] ? { path: agency.origins[0].url } : {}) };
      });
      const pkg = {
        $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
        name: 'podium',
        title: 'Podium: U.S. government briefing transcripts',
        description: `${site.order.length} briefing transcripts split into ${turns} speaker turns, with every revision observed.`,
        version: site.index.datasetVersion,
        ...(site.siteUrl ? { id: siteLink(site, 'datapackage.json') } : {}),
        ...(site.updated ? { created: site.updated } : {}),
        homepage: 'https://github.com/podium-data/podium',
        licenses: [{ name: 'other-pd', title: 'U.S. Government Works (public domain in the United States)' }],
        ...(first && last ? { temporal: { start: first, end: last } } : {}),
        sources,
        resources,
      };
      const body = `${JSON.stringify(pkg, null, 2)}\n`;
      await site.files.put('datapackage.json', body);
      return resultOf('datapackage.json', 'application/json', body);
    },
  };
}
