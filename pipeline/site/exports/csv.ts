/**
 * The CSV downloads, RFC 4180 (CRLF line ends, fields quoted when they must be, empty for null):
 * transcripts.csv, turns.csv and participants.csv, one per table of tables.ts.
 */
import type { Transcript } from '../../schema/types.ts';
import { bulkFile, FileSink, gzName, type OffThreadContext, type ExportResult, type SiteExport } from './export.ts';
import { PARTICIPANTS, TRANSCRIPTS, TURNS, tableSchema, type Table } from './tables.ts';

/** One field: quoted when it holds a comma, a quote, CR or LF (RFC 4180 §2.6), quotes doubled (§2.7). */
export function csvField(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line, CRLF-terminated. */
export const csvLine = (values: readonly (string | number | null)[]) => `${values.map(csvField).join(',')}\r\n`;

/** One CSV file of a table: its header, then each record's rows. */
export function csvExport(table: Table, description: string, gzip: boolean): SiteExport<OffThreadContext> {
  const path = gzName(`${table.name}.csv`, gzip);
  let sink: FileSink;
  return {
    path,
    mediaType: 'text/csv',
    description,
    download: 'bulk',
    resource: {
      name: table.name, type: 'table', format: 'csv', encoding: 'utf-8',
      dialect: { header: true, delimiter: ',', quoteChar: '"', doubleQuote: true, lineTerminator: '\r\n' },
      schema: tableSchema(table),
    },
    async open(site) {
      sink = await FileSink.open(bulkFile(site, path), gzip);
      await sink.write(csvLine(table.columns.map((c) => c.name)));
    },
    async add(t: Transcript) {
      await sink.write(table.rows(t).map(csvLine).join(''));
    },
    async close(): Promise<ExportResult> {
      return { path, mediaType: 'text/csv', ...(await sink.end()), ...(gzip ? { compression: 'gz' as const } : {}) };
    },
  };
}

const columns = (table: Table) => table.columns.map((c) => `\`${c.name}\``).join(', ');

export const transcriptsCsv = (gzip: boolean) => csvExport(TRANSCRIPTS, `One row per transcript: ${columns(TRANSCRIPTS)}.`, gzip);
export const turnsCsv = (gzip: boolean) => csvExport(TURNS, `One row per turn: ${columns(TURNS)}.`, gzip);
export const participantsCsv = (gzip: boolean) => csvExport(PARTICIPANTS, `One row per speaker label of a transcript: ${columns(PARTICIPANTS)}.`, gzip);
