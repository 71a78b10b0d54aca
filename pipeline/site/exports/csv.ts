/** turns.csv: one row per turn, RFC 4180 (CRLF line ends, fields quoted when they must be). */
import type { Transcript } from '../../schema/types.ts';

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
