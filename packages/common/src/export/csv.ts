/**
 * The project's one CSV writer: RFC 4180 quoting, CRLF line ends, and optionally a UTF-8
 * byte-order mark so that spreadsheet programs read Vietnamese text as UTF-8. A text cell
 * a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return)
 * is prefixed with an apostrophe, unless it is only a number as a document writes it
 * ("-3,5", "+12 %"); numbers are written as they are. Cells with `;` are quoted too, for
 * spreadsheets set to read `;`-separated files.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER_TEXT = /^[-+]?\d[\d.,]*\s?%?$/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (FORMULA_START.test(text) && !NUMBER_TEXT.test(text)) text = `'${text}`;
  return /[",;\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly unknown[])[], options: { bom?: boolean } = {}): string {
  return `${options.bom ? '\uFEFF' : ''}${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
