/** transcripts.ndjson: every record, one JSON object a line, in catalog order. */
import type { Transcript } from '../../schema/types.ts';
import { bulkFile, FileSink, gzName, type ExportResult, type SiteExport } from './export.ts';

export function ndjsonExport(gzip: boolean): SiteExport {
  const path = gzName('transcripts.ndjson', gzip);
  let sink: FileSink;
  return {
    path,
    mediaType: 'application/x-ndjson',
    description: 'Every transcript record, one JSON object a line (schema: `transcript.schema.json`).',
    download: 'bulk',
    resource: { name: 'transcripts', format: 'ndjson', encoding: 'utf-8', jsonSchema: 'schemas/v1/transcript.schema.json' },
    async open(site) {
      sink = await FileSink.open(bulkFile(site, path), gzip);
    },
    async add(t: Transcript) {
      await sink.write(`${JSON.stringify(t)}\n`);
    },
    async close(): Promise<ExportResult> {
      return { path, mediaType: 'application/x-ndjson', ...(await sink.end()), ...(gzip ? { compression: 'gz' as const } : {}) };
    },
  };
}
