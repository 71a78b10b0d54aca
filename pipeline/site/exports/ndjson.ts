/** transcripts.ndjson: every record, one JSON object a line, in catalog order, each turn numbered (`n`). */
import type { Transcript } from '../../schema/types.ts';
import { bulkFile, FileSink, gzName, type OffThreadContext, type ExportResult, type SiteExport } from './export.ts';

/** One record's line: each turn carries its number (`n`, as in turns.csv), so a line's turns join the tables. */
export const ndjsonLine = (t: Transcript) => `${JSON.stringify({ ...t, turns: t.turns.map((turn, i) => ({ n: i + 1, ...turn })) })}\n`;

export function ndjsonExport(gzip: boolean): SiteExport<OffThreadContext> {
  const path = gzName('transcripts.ndjson', gzip);
  let sink: FileSink;
  return {
    path,
    mediaType: 'application/x-ndjson',
    description: 'Every transcript record, one JSON object a line, each turn with its number `n` (schema: `transcript.schema.json`).',
    download: 'bulk',
    resource: { name: 'records', format: 'ndjson', encoding: 'utf-8', jsonSchema: 'schemas/v1/transcript.schema.json' },
    async open(site) {
      sink = await FileSink.open(bulkFile(site, path), gzip);
    },
    async add(t: Transcript) {
      await sink.write(ndjsonLine(t));
    },
    async close(): Promise<ExportResult> {
      return { path, mediaType: 'application/x-ndjson', ...(await sink.end()), ...(gzip ? { compression: 'gz' as const } : {}) };
    },
  };
}
