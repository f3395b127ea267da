import ExcelJS from 'exceljs';
import { caller, dataOf, startSystem, TestSystem } from './harness';
import { mintDevToken } from '@qn/dev';

/** Analysts download any indicator query's answer as CSV or XLSX from the gateway's /downloads/query.{csv,xlsx}, as themselves. */
let system: TestSystem;
let token: string;
beforeAll(async () => {
  system = await startSystem({ as: caller('LABOUR', 'COORDINATOR') });
  token = await mintDevToken(caller('LABOUR', 'COORDINATOR'));
});
afterAll(() => system.stop());

const QUERY = 'query Results2024 { indicators { code owner { code } target { value } result(period: "2024") { numerator denominator value status } } }';
const download = (format: string, body: unknown, headers: Record<string, string> = { authorization: `Bearer ${token}` }) =>
  fetch(new URL(`/downloads/query.${format}`, system.gateway.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

test('CSV: UTF-8 with a BOM, one row per indicator, the same numbers as the graph, statuses in Vietnamese', async () => {
  const expected = dataOf(await system.query(QUERY)).indicators;
  const response = await download('csv', { query: QUERY });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="Results2024-\d{4}-\d\d-\d\d\.csv"$/);
  const bytes = Buffer.from(await response.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes
    .toString('utf8')
    .slice(1)
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));
  expect(lines[0]).toEqual(['code', 'owner.code', 'target.value', 'result.numerator', 'result.denominator', 'result.value', 'result.status']);
  expect(lines).toHaveLength(1 + 16);
  const labels: Record<string, string> = {
    ACHIEVED: 'Đạt',
    NOT_MET: 'Không đạt',
    NO_DATA: 'Chưa có số liệu',
    AT_RISK: 'Có nguy cơ không đạt',
    ON_TRACK: 'Đúng tiến độ',
    NOT_APPLICABLE: 'Không đánh giá',
  };
  expected.forEach((indicator: any, index: number) => {
    const cell = (value: unknown) => (value === null || value === undefined ? '' : String(value));
    expect(lines[index + 1]).toEqual([
      indicator.code,
      indicator.owner.code,
      cell(indicator.target?.value),
      cell(indicator.result.numerator),
      cell(indicator.result.denominator),
      cell(indicator.result.value),
      labels[indicator.result.status],
    ]);
  });
});

test('XLSX: the same table, numbers kept as numbers; lang=en keeps the enum names', async () => {
  const response = await fetch(new URL('/downloads/query.xlsx?lang=en', system.gateway.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: QUERY }),
  });
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const sheet = workbook.worksheets[0];
  expect(sheet.getRow(1).values).toEqual([
    undefined,
    'code',
    'owner.code',
    'target.value',
    'result.numerator',
    'result.denominator',
    'result.value',
    'result.status',
  ]);
  expect(sheet.rowCount).toBe(17);
  const expected = dataOf(await system.query(QUERY)).indicators;
  expect(sheet.getRow(2).getCell(1).value).toBe(expected[0].code);
  expect(sheet.getRow(2).getCell(5).value).toBe(expected[0].result.denominator);
  expect(typeof sheet.getRow(2).getCell(5).value).toBe('number');
  expect(sheet.getRow(2).getCell(7).value).toBe(expected[0].result.status);
});

test('a mutation, a bad format or a query with errors gives no file; the caller is who the token says', async () => {
  const mutation = await download('csv', { query: 'mutation { createReportDrafts(input: { period: "2024Q3", idempotencyKey: "export" }) { id } }' });
  expect(mutation.status).toBe(400);
  expect(((await mutation.json()) as any).errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'query' });
  expect(dataOf(await system.query('{ reports(period: "2024Q3") { id } }')).reports).toEqual([]);
  expect((await download('pdf', { query: QUERY })).status).toBe(404);
  // Police's tips are seen only inside police: a coordinator's export of them is refused, not an empty file.
  const refused = await download('csv', { query: '{ tips(first: 5) { totalCount } }' });
  expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
  expect(((await refused.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
});
