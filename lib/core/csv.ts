/**
 * CSV for spreadsheets, the one place a cell is written: every export (partners, activity) goes
 * through csvCell. Cells carry other tenants' words (partner names, the app or person who made a
 * change), so a cell must stay text in Excel, LibreOffice and Google Sheets, never a formula.
 */

// Line breaks and tabs become one space: each row stays on its own line for every reader, and a
// tab or CR (both formula triggers in some importers) can no longer start a cell.
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
// The other control characters, NUL among them, carry nothing a reader needs; some importers cut
// the cell at a NUL and read what follows as a new cell.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
// A leading =, +, - or @ starts a formula. Invisible format characters (zero-width space, direction
// marks) in front do not stop it, nor spaces after them, and the full-width and small forms (＝ ＋ － ＠ ﹦ ﹢ ﹣ ﹫) are
// read as the same signs after NFKC, as some spreadsheet locales do.
const FORMULA_START = /^[\p{Cf}\s]*[=+\-@]/u;

/**
 * One quoted cell. Control characters go, leading and trailing whitespace is trimmed (so none can
 * hide a trigger), and a cell that would still start a formula gets a leading apostrophe, the
 * usual defence, which spreadsheets show as text. No exception for numbers such as -5: no export
 * holds one (dates are ISO text starting with a digit), so nothing legitimate is altered.
 */
export function csvCell(value: string): string {
  const text = value.replace(BREAKS, " ").replace(CONTROLS, "").trim();
  const safe = FORMULA_START.test(text.normalize("NFKC")) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The UTF-8 byte order mark: without it Excel reads a CSV in the local code page and garbles "→" and accented names. */
export const CSV_BOM = "\ufeff";

/** Rows of cells as CSV text: a BOM, CRLF line ends, a final line end, every cell through csvCell. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return CSV_BOM + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
