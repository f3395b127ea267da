/**
 * The project's one CSV writer: RFC 4180 quoting, CRLF line ends, and optionally a UTF-8
 * byte-order mark so that spreadsheet programs read Vietnamese text as UTF-8. A text cell
 * a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return)
 * is prefixed with an apostrophe; numbers are written as they are.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly unknown[])[], options: { bom?: boolean } = {}): string {
  return `${options.bom ? '\uFEFF' : ''}${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
