import { ServerResponse } from 'node:http';
import { BaseContext, HeaderMap } from '@apollo/server';
import type { GraphQLRunner } from './downloads';
import bodyParser from 'body-parser';
import ExcelJS from 'exceljs';
import { getOperationAST, parse } from 'graphql';
import { HostedRequest, toCsv, VIETNAMESE_VALUES } from '@qn/common';

/**
 * Downloads for analysts: `POST /downloads/query.csv` or `query.xlsx` (`?lang=en` for the
 * enum names) with a GraphQL query as the body (`{ query, variables, operationName }`) and
 * the caller's bearer token. Like the other downloads (downloads.ts) the query runs through
 * the gateway with the caller's own context — the same sign-in, limits and access rules as
 * any request — and its first list becomes the table: one row per
 * item, one column per scalar (nested objects as `result.value`). Statuses are named in
 * Vietnamese unless `lang=en`. CSV is UTF-8 with a BOM; XLSX keeps numbers as numbers.
 */
type Table = { columns: string[]; rows: unknown[][] };
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function flatten(value: Json, prefix: string, into: Map<string, unknown>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) if (key !== '__typename') flatten(inner, prefix ? `${prefix}.${key}` : key, into);
  } else if (Array.isArray(value)) {
    into.set(prefix, value.every((item) => item === null || typeof item !== 'object') ? value.join('; ') : JSON.stringify(value));
  } else {
    into.set(prefix, value);
  }
}

/** The answer's first list (looked for through single objects, field by field), flattened into rows. */
export function tableOf(data: Json, language: 'vi' | 'en'): Table {
  const findList = (value: Json): Json[] | null => {
    if (Array.isArray(value)) return value;
    if (value && typeof value === 'object') {
      for (const inner of Object.values(value)) {
        const list = findList(inner);
        if (list) return list;
      }
    }
    return null;
  };
  const items = findList(data) ?? [data];
  const flat = items.map((item) => {
    const row = new Map<string, unknown>();
    flatten(item, '', row);
    return row;
  });
  const columns = [...new Set(flat.flatMap((row) => [...row.keys()]))];
  const label = (value: unknown) => (language === 'vi' && typeof value === 'string' && VIETNAMESE_VALUES[value]) || value;
  return { columns, rows: flat.map((row) => columns.map((column) => label(row.get(column) ?? null))) };
}

async function xlsx(table: Table): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Kết quả', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.columns).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  table.columns.forEach((_, index) => {
    const column = sheet.getColumn(index + 1);
    column.width = Math.min(60, Math.max(10, table.columns[index].length + 2));
    if (table.rows.some((row) => typeof row[index] === 'number' && !Number.isInteger(row[index]))) column.numFmt = '#,##0.00';
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function refuse(res: ServerResponse, status: number, message: string, field?: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } }] }));
}

/** The query export route, beside downloads.ts's routes. */
export function queryExportRoute<C extends BaseContext>(server: GraphQLRunner<C>, context: (req: HostedRequest) => Promise<C>, bodyLimit: number | string) {
  const json = bodyParser.json({ limit: bodyLimit });
  return async (req: HostedRequest, res: ServerResponse, path: string): Promise<boolean> => {
    const match = /^\/downloads\/query\.([a-z]+)$/.exec(path);
    if (!match || req.method !== 'POST') return false;
    const format = match[1];
    const language = new URL(req.url ?? '/', 'http://localhost').searchParams.get('lang') === 'en' ? 'en' : 'vi';
    if (format !== 'csv' && format !== 'xlsx') {
      refuse(res, 404, 'a query downloads as query.csv or query.xlsx', 'format');
      return true;
    }
    await new Promise<void>((resolve, reject) => json(req, res, (error?: unknown) => (error ? reject(error) : resolve())));
    const body = (req.body ?? {}) as { query?: unknown; variables?: unknown; operationName?: unknown };
    if (typeof body.query !== 'string') {
      refuse(res, 400, 'give the GraphQL query to export as "query"', 'query');
      return true;
    }
    let operation;
    try {
      operation = getOperationAST(parse(body.query), typeof body.operationName === 'string' ? body.operationName : undefined);
    } catch {
      refuse(res, 400, 'the query is not valid GraphQL', 'query');
      return true;
    }
    if (operation?.operation !== 'query') {
      refuse(res, 400, 'only a query can be exported', 'query');
      return true;
    }
    const headers = new HeaderMap();
    headers.set('content-type', 'application/json');
    if (req.headers.authorization) headers.set('authorization', req.headers.authorization);
    const answer = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: 'POST',
        headers,
        search: '',
        body: {
          query: body.query,
          ...(body.variables !== undefined ? { variables: body.variables } : {}),
          ...(body.operationName !== undefined ? { operationName: body.operationName } : {}),
        },
      },
      context: () => context(req),
    });
    const result = JSON.parse(answer.body.kind === 'complete' ? answer.body.string || '{}' : '{}') as { data?: Json; errors?: unknown[] };
    // A file with holes would be read as complete: any error and there is no file.
    if (result.errors?.length || !result.data) {
      res.statusCode = answer.status && answer.status >= 400 ? answer.status : 400;
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(JSON.stringify({ errors: result.errors ?? [] }));
      return true;
    }
    const table = tableOf(result.data, language);
    const name = `${(operation.name?.value ?? 'export').replace(/[^A-Za-z0-9_-]/g, '')}-${new Date().toISOString().slice(0, 10)}`;
    res.setHeader('cache-control', 'no-store');
    if (format === 'csv') {
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="${name}.csv"`);
      res.end(toCsv([table.columns, ...table.rows], { bom: true }));
      return true;
    }
    res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('content-disposition', `attachment; filename="${name}.xlsx"`);
    res.end(await xlsx(table));
    return true;
  };
}
