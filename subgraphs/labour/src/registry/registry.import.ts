import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { EntryDraft, EntryProblem } from './registry.checks';

/** A row of a spreadsheet as an entry, with its row number (the header is row 1). */
export interface ImportRow {
  row: number;
  draft: EntryDraft;
  version: number | null;
}

export interface RowProblem extends EntryProblem {
  row: number;
}

const FIXED = ['task', 'period', 'unit', 'status', 'evidence', 'version'];
const REQUIRED = ['task', 'period', 'status'];
export const MAX_IMPORT_ROWS = 2000;

/** A sheet's cells as text, one array per row (CSV: csv-parse; XLSX: the first worksheet, read by exceljs). */
export async function readSheet(format: 'CSV' | 'XLSX', content: string): Promise<string[][]> {
  if (format === 'CSV') {
    return parse(content, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(content, 'base64') as never);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(row.getCell(c).text.trim());
    rows[number - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

/**
 * Turns a sheet into entries. Row 1 names the columns: `task`, `period`, `status`
 * (required), `unit`, `evidence`, `version` (to change an entry already entered), and one
 * column per measure code (`LOANS`, `LOAN_AMOUNT`…); a row fills the measures of its task
 * and leaves the others blank.
 */
export function rowsToDrafts(sheet: string[][], measureCodes: Set<string>): { rows: ImportRow[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const header = (sheet[0] ?? []).map((h) => h.trim());
  const normalised = header.map((h) => (FIXED.includes(h.toLowerCase()) ? h.toLowerCase() : h));
  for (const column of REQUIRED) if (!normalised.includes(column)) problems.push({ row: 1, field: column, message: `the header has no '${column}' column` });
  normalised.forEach((h, i) => {
    if (!h) return;
    if (!FIXED.includes(h) && !measureCodes.has(h))
      problems.push({ row: 1, field: h, message: `'${h}' is neither a column of the registry nor a measure code of any task` });
    if (normalised.indexOf(h) !== i) problems.push({ row: 1, field: h, message: 'the column appears twice' });
  });
  const data = sheet.slice(1);
  if (data.length > MAX_IMPORT_ROWS) problems.push({ row: MAX_IMPORT_ROWS + 2, field: 'content', message: `at most ${MAX_IMPORT_ROWS} rows in one import` });
  if (problems.length) return { rows: [], problems };
  const rows: ImportRow[] = [];
  data.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => !c?.trim())) return;
    const cell = (column: string) => (cells[normalised.indexOf(column)] ?? '').trim();
    const values: EntryDraft['values'] = [];
    normalised.forEach((h, c) => {
      if (FIXED.includes(h) || !h) return;
      const text = (cells[c] ?? '').trim().replace(/[\s_]/g, '');
      if (!text) return;
      const value = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
      if (Number.isNaN(value)) {
        problems.push({ row, field: h, message: `'${cells[c]}' is not a number` });
        return;
      }
      values.push({ measure: h, value });
    });
    const versionText = cell('version');
    const version = versionText ? Number(versionText) : null;
    if (versionText && (!Number.isInteger(version) || version! < 1))
      problems.push({ row, field: 'version', message: `'${versionText}' is not a version number` });
    rows.push({
      row,
      version,
      draft: {
        taskId: cell('task'),
        period: cell('period'),
        unitId: cell('unit') || null,
        status: cell('status').toUpperCase(),
        values,
        evidence: cell('evidence'),
      },
    });
  });
  return { rows, problems };
}
