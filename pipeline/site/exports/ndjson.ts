/** transcripts.ndjson: every record, one JSON object a line, in catalog order, each turn numbered (`n`). */
import type { Transcript } from '../../schema/types.ts';
import { FileSink, gzName, inSite, type ExportResult, type SiteExport } from './export.ts';

export function ndjsonExport(gzip: boolean): SiteExport {
  const path = gzName('transcripts.ndjson', gzip);
  let sink: FileSink;
  return {
    path,
    mediaType: 'application/x-ndjson',
    description: 'Every transcript record, one JSON object a line, each turn with its number `n` (schema: `transcript.schema.json`).',
    download: 'bulk',
    resource: { name: 'records', format: 'ndjson', encoding: 'utf-8', jsonSchema: 'schemas/v1/transcript.schema.json' },
    async open(site) {
      sink = await FileSink.open(inSite(site, path), gzip);
    },
    async add(t: Transcript) {
      // Each turn carries its number (`n`, as in turns.csv), so a line's turns join the tables.
      await sink.write(`${JSON.stringify({ ...t, turns: t.turns.map((turn, i) => ({ n: i + 1, ...turn })) })}\n`);
    },
    async close(): Promise<ExportResult> {
      return { path, mediaType: 'application/x-ndjson', ...(await sink.end()), ...(gzip ? { compression: 'gz' as const } : {}) };
    },
  };
}
