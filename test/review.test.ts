import { strFromU8, unzipSync } from 'fflate';
import { writeFileSync } from 'node:fs';
import { Identity } from '@qn/common';
import { mintDevToken } from '@qn/dev';
import { caller, dataOf, startSystem, TestSystem } from './harness';

/**
 * The final review 2021–2025 of the generated data, through the gateway: drafted from
 * the graph, submitted by the standing agency's head, approved, downloaded as DOCX, CSV
 * and XLSX over HTTP with the caller's token, and corrected as a new revision.
 */
let system: TestSystem;
// The plan's coordinator today is the standing agency's: the Department of Health since 1/3/2025.
const coordinator = caller('HEALTH', 'COORDINATOR');
const healthHead: Identity = caller('HEALTH', 'AGENCY_HEAD');
let keyCounter = 0;
const key = (label: string) => `review-${label}-${process.pid}-${++keyCounter}`;
const AGENCY_CODES = [
  'LABOUR',
  'POLICE',
  'BORDER_GUARD',
  'HEALTH',
  'FINANCE',
  'CULTURE',
  'INFORMATION',
  'EDUCATION',
  'JUSTICE',
  'HOME_AFFAIRS',
  'PRESS',
  'SOCIAL_POLICY_BANK',
  'FATHERLAND_FRONT',
  'WOMENS_UNION',
  'PROCURACY_COURT',
  'DISTRICTS',
  'SCIENCE_TECHNOLOGY',
  'COMMUNES',
];
const ENGLISH = [
  'ACHIEVED',
  'NOT_MET',
  'NOT_APPLICABLE',
  'NO_DATA',
  'ON_TRACK',
  'AT_RISK',
  'Indicator',
  'Target',
  'Status',
  'Year',
  'Total',
  'PROVINCIAL_BUDGET',
  'UP',
  'DOWN',
];
/** English words an untranslated label or formula would carry; none of them is a Vietnamese syllable. */
const ENGLISH_WORDS =
  /\b(the|of|and|each|year|years|see|summary|for|with|from|by|not|met|is|are|period|value|milestone|baseline|rule|formula|target|total|status|none|businesses|inspected|share|growth|cumulative|judged|units?|reports?|live|submitted|approved|draft|since|end|at|on)\b/gi;
const englishIn = (text: string) => [...new Set([...text.matchAll(ENGLISH_WORDS)].map((m) => m[0]))];

const REVIEW = `id: report { id } status: report { status version } issuerCode issuerNameVi addresseesVi reorganisationVi computedAt
  indicators { code summaryStatus summaryVi yearsMet yearsJudged trend baseline unavailable years { year value milestone status } }
  tasks { taskId owners { code nameVi from to } years { year records reported } }
  units { unitId unitName years { year expected received onTime late } }
  budget { year fundingSource total }`;

beforeAll(async () => {
  system = await startSystem({ sampleData: true, as: coordinator });
});
afterAll(() => system.stop());

async function download(path: string, as: Identity | null) {
  const headers: Record<string, string> = as ? { authorization: `Bearer ${await mintDevToken(as)}` } : {};
  const response = await fetch(`${system.gateway.url.replace(/\/$/, '')}${path}`, { headers });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

const docxText = (bytes: Buffer) =>
  strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml'])
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

let review: any;

test("the draft is opened in the standing agency's name and drafted from the graph", async () => {
  const opened = await system.query(`mutation($input: CreateProgrammeReviewInput!) { createProgrammeReview(input: $input) { ${REVIEW} } }`, {
    input: { idempotencyKey: key('open') },
  });
  review = dataOf(opened).createProgrammeReview;
  expect(review.status.status).toBe('DRAFT');
  // Standing agency from 1/3/2025: the Department of Health, addressed to the province and the Ministry of Health.
  expect(review).toMatchObject({ issuerCode: 'HEALTH', issuerNameVi: 'Sở Y tế', addresseesVi: ['Ủy ban nhân dân tỉnh Quảng Ngãi', 'Bộ Y tế'] });
  expect(review.indicators).toHaveLength(16);
  expect(review.indicators.filter((i: any) => i.unavailable)).toEqual([]);
  expect(review.tasks).toHaveLength(70);
  expect(review.budget).toHaveLength(25); // 5 years × (4 funding sources + total)
  // Budget by year and source: the review's lines are the estimates' sums, counted here from labour's table.
  const sums: { year: number; source: string; total: string }[] = await system.subgraphs.labour.dataSource.query(
    `SELECT year, funding_source AS source, sum(amount)::text AS total FROM budget_estimate GROUP BY ROLLUP (year, funding_source) HAVING year IS NOT NULL`,
  );
  const sumOf = (year: number, source: string | null) => sums.find((r) => r.year === year && r.source === source)?.total ?? '0';
  for (const line of review.budget) expect(line.total).toBe(sumOf(line.year, line.fundingSource === 'TOTAL' ? null : line.fundingSource));
  expect(Number(sumOf(2024, null))).toBeGreaterThan(0);
  // 2021 is the plan's first two months: only the standing agency (DOLISA) estimated.
  const [{ units2021 }] = await system.subgraphs.labour.dataSource.query(
    `SELECT array_agg(DISTINCT unit_id) AS units2021 FROM budget_estimate WHERE year = 2021`,
  );
  expect(units2021).toEqual(['LABOUR']);
  const byCode = Object.fromEntries(review.indicators.map((i: any) => [i.code, i]));

  // IND-3.3b, cumulative: businesses operating on 31/12 of each year inspected since 1/1/2021 (test/verdicts.test.ts counts them from police's tables):
  // 40/202 = 19.8 (baseline), 89/218 = 40.83 ≥ 39.85, 132/225 = 58.67 < 59.9, 176/240 = 73.33 < 79.95, 201/253 = 79.45 < 100 (with the 15 businesses opened after 30/6/2025, 4 of them inspected).
  expect(byCode['IND-3.3b'].years).toEqual([
    { year: 2021, value: 19.8, milestone: null, status: 'NOT_APPLICABLE' },
    { year: 2022, value: 40.83, milestone: 39.85, status: 'ACHIEVED' },
    { year: 2023, value: 58.67, milestone: 59.9, status: 'NOT_MET' },
    { year: 2024, value: 73.33, milestone: 79.95, status: 'NOT_MET' },
    { year: 2025, value: 79.45, milestone: 100, status: 'NOT_MET' },
  ]);
  expect(byCode['IND-3.3b']).toMatchObject({ summaryStatus: 'NOT_MET', trend: 'UP', baseline: 19.8 });
  expect(byCode['IND-3.3b'].summaryVi).toBe('Đến năm 2025: 79,45 so với mục tiêu 100 - Không đạt');

  // IND-3.3a, yearly ≥ 20 %: 2021 19.61 % below it, 2024 99/247 = 40.08 %; met in 4 of 5 years.
  expect(byCode['IND-3.3a'].years[0]).toEqual({ year: 2021, value: 19.61, milestone: 20, status: 'NOT_MET' });
  expect(byCode['IND-3.3a'].years[3]).toEqual({ year: 2024, value: 40.08, milestone: 20, status: 'ACHIEVED' });
  expect(byCode['IND-3.3a']).toMatchObject({ yearsMet: 4, yearsJudged: 5 });

  // IND-3.2, growth ≥ 3 %: cases dealt with each year, counted here from police's table.
  const cases: number[] = [];
  for (const y of [2020, 2021, 2022, 2023, 2024, 2025]) {
    const [row] = await system.subgraphs.police.dataSource.query(
      `SELECT count(*)::int AS n FROM criminal_case WHERE dealt_with_on >= '${y}-01-01' AND dealt_with_on < '${y + 1}-01-01'`,
    );
    cases.push(row.n);
  }
  const growth = [1, 2, 3, 4, 5].map((i) => (cases[i - 1] ? Math.round((10000 * (cases[i] - cases[i - 1])) / cases[i - 1]) / 100 : null));
  expect(byCode['IND-3.2'].years.map((y: any) => y.value)).toEqual(growth);
  expect(byCode['IND-3.2'].years.map((y: any) => y.status)).toEqual(growth.map((g) => (g === null ? 'NO_DATA' : g >= 3 ? 'ACHIEVED' : 'NOT_MET')));
  expect(byCode['IND-3.2'].years[3]).toMatchObject({ year: 2024, value: 0, status: 'NOT_MET' }); // 22 cases as in 2023

  // Every reporting unit has five years; the 2025 reorganisation is stated.
  expect(review.units.length).toBeGreaterThanOrEqual(28);
  expect(review.units[0].years.map((y: any) => y.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
  expect(review.reorganisationVi[0]).toContain('Sở Y tế');
  expect(review.reorganisationVi.join('\n')).toContain('Xã An Phú');
  const labourTask = review.tasks.find((t: any) => t.owners[0].code === 'LABOUR');
  expect(labourTask.owners.map((o: any) => [o.nameVi, o.from, o.to])).toEqual([
    ['Sở Lao động - Thương binh và Xã hội', '2021-11-05', '2025-03-01'],
    ['Sở Y tế', '2025-03-01', null],
  ]);
});

test('draft → submit (numbers taken again) → approve → download → correct', async () => {
  const id = review.id.id;
  const written = dataOf(
    await system.query(
      `mutation($input: UpdateReportNarrativeInput!) { updateReportNarrative(input: $input) { id version } }`,
      {
        input: {
          id,
          expectedVersion: review.status.version,
          idempotencyKey: key('n'),
          results: 'Các sở, ngành, địa phương đã triển khai đồng bộ các nhiệm vụ của Kế hoạch.',
          difficulties: 'Tổ chức bộ máy thay đổi trong năm 2025.',
          proposals: 'Tiếp tục bố trí kinh phí cho giai đoạn sau.',
        },
      },
      { as: healthHead },
    ),
  ).updateReportNarrative;
  const notTheirs = await system.query(
    `mutation($input: ReportChangeInput!) { submitReport(input: $input) { id } }`,
    { input: { id, expectedVersion: written.version, idempotencyKey: key('s0') } },
    { as: caller('POLICE', 'AGENCY_HEAD') },
  );
  expect(notTheirs.errors?.[0].extensions?.code).toMatch(/FORBIDDEN|NOT_FOUND/);
  const submitted = dataOf(
    await system.query(
      `mutation($input: ReportChangeInput!) { submitReport(input: $input) { id version status figures { dataPeriod computedAt } } }`,
      {
        input: { id, expectedVersion: written.version, idempotencyKey: key('s') },
      },
      { as: healthHead },
    ),
  ).submitReport;
  expect(submitted).toMatchObject({ status: 'SUBMITTED', figures: { dataPeriod: '2021-2025' } });
  const approved = dataOf(
    await system.query(`mutation($input: ReportChangeInput!) { approveReport(input: $input) { id status version } }`, {
      input: { id, expectedVersion: submitted.version, idempotencyKey: key('a') },
    }),
  ).approveReport;
  expect(approved.status).toBe('APPROVED');
  const after = dataOf(await system.query(`{ programmeReview { status: report { status } computedAt indicators { code years { value } } } }`)).programmeReview;
  expect(after).toMatchObject({ status: { status: 'APPROVED' }, computedAt: submitted.figures.computedAt });

  // DOCX over HTTP with the bearer token: an official report in Vietnamese, no agency code, no English label.
  const docx = await download('/downloads/programme-review.docx', coordinator);
  expect(docx.status).toBe(200);
  expect(docx.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  expect(docx.disposition).toContain('attachment; filename="bao-cao-tong-ket-phong-chong-mai-dam-2021-2025.docx"');
  writeFileSync(`${process.env.QN_EXPORT_DIR ?? '/tmp'}/bao-cao-tong-ket-2021-2025.docx`, docx.bytes);
  const text = docxText(docx.bytes);
  for (const words of ['SỞ Y TẾ', 'Số: /BC-SYT', 'Kính gửi:', 'Ủy ban nhân dân tỉnh Quảng Ngãi', 'Bộ Y tế', 'BÁO CÁO', 'Tổng kết', 'GIÁM ĐỐC', 'Nơi nhận:']) {
    expect(text).toContain(words);
  }
  expect(text).toContain('79,45 (Không đạt)'); // IND-3.3b in 2025, vi-VN decimal comma
  expect(text).toContain('40,08 (Đạt)'); // IND-3.3a in 2024
  for (const code of AGENCY_CODES) expect(text).not.toMatch(new RegExp(`\\b${code}\\b`));
  for (const word of ENGLISH) expect(text).not.toMatch(new RegExp(`\\b${word}\\b`));
  expect(englishIn(text)).toEqual([]);
  // IND-3.3b's computation in the document's number format: 201 of the 253 businesses operating on 31/12/2025 inspected since 2021.
  expect(text).toContain('Công thức: 100 × 201 / 253 = 79,45.');

  // CSV: UTF-8 with BOM, Vietnamese section titles and headers.
  const csv = await download('/downloads/programme-review.csv', coordinator);
  expect(csv.status).toBe(200);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csvText = csv.bytes.subarray(3).toString('utf8');
  expect(csvText.split('\r\n')[0]).toBe('Chỉ tiêu');
  expect(csvText).toContain('"79,45"');
  expect(englishIn(csvText)).toEqual([]);
  for (const code of AGENCY_CODES.filter((c) => c !== 'HEALTH')) expect(csvText).not.toMatch(new RegExp(`,${code},`));

  // XLSX: a sheet per section.
  const xlsx = await download('/downloads/programme-review.xlsx', coordinator);
  expect(xlsx.status).toBe(200);
  const workbook = strFromU8(unzipSync(new Uint8Array(xlsx.bytes))['xl/workbook.xml']);
  expect([...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual([
    'Chỉ tiêu',
    'Nhiệm vụ',
    'Đơn vị báo cáo',
    'Kinh phí',
    'Sắp xếp tổ chức 2025',
  ]);

  // The same token rules as the graph: no token, no document; another agency's officer does not see it.
  expect((await download('/downloads/programme-review.docx', null)).status).toBe(401);
  expect((await download('/downloads/programme-review.docx', caller('POLICE', 'AGENCY_OFFICER'))).status).toBe(404);

  // A correction opens revision 2 as a draft with today's numbers; the approved revision stays.
  const corrected = dataOf(
    await system.query(
      `mutation($input: CorrectReportInput!) { correctReport(input: $input) { id revision status } }`,
      {
        input: { id, reason: 'Bổ sung số liệu sau khi các đơn vị rà soát.', idempotencyKey: key('c') },
      },
      { as: healthHead },
    ),
  ).correctReport;
  expect(corrected).toMatchObject({ revision: 2, status: 'DRAFT' });
  const latest = dataOf(
    await system.query(
      `{ programmeReview { id: report { id revision } indicators { code } } first: programmeReview(id: "${id}") { status: report { status } } }`,
    ),
  );
  expect(latest.programmeReview.id).toEqual({ id: corrected.id, revision: 2 });
  expect(latest.programmeReview.indicators).toHaveLength(16);
  expect(latest.first.status.status).toBe('APPROVED');
});

test('the consolidated quarterly report downloads with the same labels and formats', async () => {
  // 2024Q3 with no report submitted: the graph's numbers stand in (LIVE) for every unit.
  const csv = await download('/downloads/consolidated-report/2024Q3.csv', coordinator);
  expect(csv.status).toBe(200);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = csv.bytes.subarray(3).toString('utf8').split('\r\n');
  expect(rows[0]).toBe('Chỉ tiêu');
  expect(rows[1]).toBe('Mã,Chỉ tiêu,Đơn vị,Tử số,Mẫu số,Kết quả,Chỉ tiêu kế hoạch,Đánh giá,Nguồn số liệu');
  // District rows of province-wide goals are not judged: IND-1.2a, IND-1.2b, IND-4.1 give "Không đánh giá" for all 13 districts.
  for (const code of ['IND-1.2a', 'IND-1.2b', 'IND-4.1']) {
    const districtRows = rows.filter((r) => r.startsWith(`${code},`) && !r.includes(',Tỉnh Quảng Ngãi,'));
    expect(districtRows).toHaveLength(13);
    expect(districtRows.every((r) => r.includes(',Không đánh giá,'))).toBe(true);
  }
  // A quarter of a yearly coverage (IND-3.3a) is not judged against 20 % a year.
  expect(rows.find((r) => r.startsWith('IND-3.3a,') && r.includes(',Tỉnh Quảng Ngãi,'))).toContain(',Không đánh giá,');
  const docx = await download('/downloads/consolidated-report/2024Q3.docx', coordinator);
  expect(docx.status).toBe(200);
  const text = docxText(docx.bytes);
  for (const code of AGENCY_CODES) expect(text).not.toMatch(new RegExp(`\\b${code}\\b`));
  expect(text).not.toMatch(/\bNOT_MET\b|\bACHIEVED\b/);
  expect(englishIn(text)).toEqual([]);
  expect(englishIn(rows.join('\n'))).toEqual([]);
  const xlsx = await download('/downloads/consolidated-report/2024Q3.xlsx', coordinator);
  expect(xlsx.status).toBe(200);
  expect((await download('/downloads/consolidated-report/2024Q7.csv', coordinator)).status).toBe(400);
});
