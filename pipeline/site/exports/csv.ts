/** CSV downloads, RFC 4180 (CRLF line ends, fields quoted when they must be): turns.csv. */
import type { Transcript } from '../../schema/types.ts';
import { bulkFile, FileSink, gzName, type ExportResult, type SiteExport } from './export.ts';

export const TURN_COLUMNS = ['id', 'date', 'agency', 'turn', 'speaker', 'role', 'askedBy', 'text'] as const;

/** One field: quoted when it holds a comma, a quote, CR or LF (RFC 4180 §2.6), quotes doubled (§2.7). */
export function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvHeader(): string {
  return `${TURN_COLUMNS.join(',')}\r\n`;
}

/** The rows of one transcript; `turn` counts from 1, as the page anchors (#t1) do; paragraphs are joined by a newline. */
export function turnRows(t: Transcript): string {
  return t.turns
    .map((turn, i) => [t.id, t.date, t.agency, i + 1, turn.speaker, turn.role, turn.askedBy ?? '', turn.paragraphs.join('\n')].map(csvField).join(','))
    .map((row) => `${row}\r\n`)
    .join('');
}

export interface CsvTable {
  file: string;
  description: string;
  resource: { name: string } & Record<string, unknown>;
  header: string;
  rows(t: Transcript): string;
}

/** One CSV file: a header, then each record's rows. */
export function csvExport(table: CsvTable, gzip: boolean): SiteExport {
  const path = gzName(table.file, gzip);
  let sink: FileSink;
  return {
    path,
    mediaType: 'text/csv',
    description: table.description,
    download: 'bulk',
    resource: table.resource,
    async open(site) {
      sink = await FileSink.open(bulkFile(site, path), gzip);
      await sink.write(table.header);
    },
    async add(t) {
      await sink.write(table.rows(t));
    },
    async close(): Promise<ExportResult> {
      return { path, mediaType: 'text/csv', ...(await sink.end()), ...(gzip ? { compression: 'gz' as const } : {}) };
    },
  };
}

const TURN_FIELDS: Record<(typeof TURN_COLUMNS)[number], { type: string; description: string }> = {
  id: { type: 'string', description: 'Transcript id (<agency>/<YYYY-MM-DD>/<slug>)' },
  date: { type: 'date', description: 'Date of the briefing' },
  agency: { type: 'string', description: 'Agency adapter id' },
  turn: { type: 'integer', description: 'Turn number in the transcript, from 1 (the #tN anchor on its page)' },
  speaker: { type: 'string', description: 'Speaker label as printed, normalized' },
  role: { type: 'string', description: 'moderator, official, journalist, operator, interpreter or other' },
  askedBy: { type: 'string', description: 'Journalist named by the moderator before this question; empty when none' },
  text: { type: 'string', description: 'The turn\'s paragraphs joined by a newline' },
};

export function turnsCsv(gzip: boolean): SiteExport {
  return csvExport({
    file: 'turns.csv',
    description: `One row per turn, RFC 4180: ${TURN_COLUMNS.map((c) => `\`${c}\``).join(', ')}.`,
    resource: {
      name: 'turns', type: 'table', format: 'csv', encoding: 'utf-8',
      dialect: { header: true, delimiter: ',', quoteChar: '"', doubleQuote: true, lineTerminator: '\r\n' },
      schema: { fields: TURN_COLUMNS.map((name) => ({ name, ...TURN_FIELDS[name] })), primaryKey: ['id', 'turn'] },
    },
    header: csvHeader(),
    rows: turnRows,
  }, gzip);
}
