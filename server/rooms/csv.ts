/**
 * A round's results as CSV for the teacher's spreadsheet: UTF-8 with a byte-order mark (so Excel shows
 * Hangul nicknames), CRLF rows, and no cell a spreadsheet would run as a formula.
 */
import { stringify } from 'csv-stringify/sync';
import { CSV_HEADER, resultRows, type RosterPlayer, type RoundStanding } from '../../game/room/views';

/**
 * Spreadsheets run a cell starting with = + - @ (or a tab / carriage return that hides one) as a
 * formula; so do some with the full-width forms (＝ ＋ － ＠, which an IME types in Korean), and
 * some split a cell on a leading separator (`;=1+2`) or skip leading spaces. A leading apostrophe
 * makes the cell text (OWASP "CSV injection").
 */
const FORMULA_START = /^[\s,;|]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u;

export function defuseCell(cell: string | number): string | number {
  return typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Every player of `roster` gets a row (ranked ones first); times in UTC and in `timeZone`. */
export function resultsCsv(standings: readonly RoundStanding[], roster: readonly RosterPlayer[] = [], timeZone?: string): string {
  const rows = resultRows(standings, roster, timeZone).map((row) => row.map(defuseCell));
  return stringify([[...CSV_HEADER], ...rows], { bom: true, record_delimiter: 'windows' });
}

export const csvFilename = (code: string, round: number) => `gradient-arena-${code}-round-${round}.csv`;
