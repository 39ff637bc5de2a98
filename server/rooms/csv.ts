/**
 * A round's results as CSV for the teacher's spreadsheet: UTF-8 with a byte-order mark (so Excel shows
 * Hangul nicknames), CRLF rows, and no cell a spreadsheet would run as a formula.
 */
import { stringify } from 'csv-stringify/sync';
import { CSV_HEADER, resultRows, type RoundStanding } from '../../game/room/views';

/**
 * Spreadsheets run a cell starting with = + - @ (or a tab / carriage return that hides one) as a
 * formula; a leading apostrophe makes it text (OWASP "CSV injection").
 */
export function defuseCell(cell: string | number): string | number {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function resultsCsv(standings: readonly RoundStanding[]): string {
  const rows = resultRows(standings).map((row) => row.map(defuseCell));
  return stringify([[...CSV_HEADER], ...rows], { bom: true, record_delimiter: 'windows' });
}

export const csvFilename = (code: string, round: number) => `gradient-arena-${code}-round-${round}.csv`;
