import { caller, startSystem, TestSystem } from './harness';

/**
 * The verdict rules (docs/indicators.md, "Verdicts") on the generated data, through the
 * gateway. Expected numbers are counted again here straight from the owning agency's
 * tables, or worked out beside them.
 */
let system: TestSystem;
beforeAll(async () => {
  system = await startSystem({ sampleData: true, as: caller('LABOUR', 'COORDINATOR') });
});
afterAll(() => system.stop());

const RESULT = 'period value numerator denominator status statusReason milestone baseline';

async function results(code: string, fields: string) {
  const response = await system.query(`query($code: ID!) { indicator(code: $code) { ${fields} } }`, { code });
  expect(response.errors).toBeUndefined();
  return response.data.indicator;
}

async function count(subgraph: string, sql: string): Promise<number> {
  const [row] = await system.subgraphs[subgraph].dataSource.query(sql);
  return Number(Object.values(row)[0]);
}

describe('a run of years has a summary per year, no summed verdict', () => {
  test("IND-3.2: each year's growth of cases dealt with, years met", async () => {
    const cases: number[] = [];
    for (const y of [2020, 2021, 2022, 2023, 2024, 2025]) {
      cases.push(await count('police', `SELECT count(*) FROM criminal_case WHERE dealt_with_on >= '${y}-01-01' AND dealt_with_on < '${y + 1}-01-01'`));
    }
    // Growth of year y = 100 × (cases(y) − cases(y−1)) / cases(y−1), rounded to 2 decimals; none in 2020 → 2021 has NO_DATA.
    const growth = [2021, 2022, 2023, 2024, 2025].map((_, i) => (cases[i] ? Math.round((10000 * (cases[i + 1] - cases[i])) / cases[i]) / 100 : null));
    const data = await results(
      'IND-3.2',
      `result(period: "2021-2025") { ${RESULT} summary { yearsMet yearsJudged lastYear { year status } years { year value status } } }`,
    );
    expect(data.result).toMatchObject({ value: null, numerator: null, status: 'NOT_APPLICABLE' });
    expect(data.result.summary.years.map((y: { value: number | null }) => y.value)).toEqual(growth);
    expect(cases[4]).toBe(22); // 2024: 22 cases, as many as 2023 (README) → +0 %, below +3 %
    expect(data.result.summary.years[3]).toEqual({ year: 2024, value: 0, status: 'NOT_MET' });
    const met = growth.filter((g) => g !== null && g >= 3).length;
    expect(data.result.summary).toMatchObject({ yearsMet: met, yearsJudged: growth.filter((g) => g !== null).length, lastYear: { year: 2025 } });
  });

  test('IND-3.3a: each year against 20 %, 2021 below it', async () => {
    const data = await results('IND-3.3a', `result(period: "2021-2025") { ${RESULT} summary { yearsMet yearsJudged years { year value status } } }`);
    expect(data.result.status).toBe('NOT_APPLICABLE');
    expect(data.result.value).toBeNull();
    // 2021: 19.61 % of the businesses operating were inspected (below 20 %), 2024: 99 / 247 = 40.08 %.
    expect(data.result.summary.years[0]).toEqual({ year: 2021, value: 19.61, status: 'NOT_MET' });
    expect(data.result.summary.years[3]).toEqual({ year: 2024, value: 40.08, status: 'ACHIEVED' });
    expect(data.result.summary).toMatchObject({ yearsMet: 4, yearsJudged: 5 });
  });

  test("IND-1.3b: five years of reach are not added over one year's workforce", async () => {
    const data = await results(
      'IND-1.3b',
      `result(period: "2021-2025") { ${RESULT} summary { yearsMet years { year value status } } } y2024: result(period: "2024") { ${RESULT} }`,
    );
    expect(data.result).toMatchObject({ value: null, status: 'NOT_APPLICABLE' });
    // 2024: 42638 / 62500 = 68.22 % ≥ 60 %.
    expect(data.y2024).toMatchObject({ numerator: 42638, denominator: 62500, value: 68.22, status: 'ACHIEVED' });
    expect(data.result.summary.years[3]).toEqual({ year: 2024, value: 68.22, status: 'ACHIEVED' });
    expect(data.result.summary.yearsMet).toBe(3);
  });
});

describe('cumulative targets on a trajectory', () => {
  test('IND-3.3b 2023 is judged against its 2023 milestone', async () => {
    // Businesses operating on 31/12/2021 and inspected since 1/1/2021: the baseline.
    const n21 = await count(
      'police',
      `SELECT count(*) FROM service_business b WHERE b.opened_on < '2022-01-01' AND (b.closed_on IS NULL OR b.closed_on >= '2021-12-31')
      AND EXISTS (SELECT 1 FROM inspection i WHERE i.business_id = b.id AND i.inspected_on >= '2021-01-01' AND i.inspected_on < '2022-01-01')`,
    );
    const d21 = await count(
      'police',
      `SELECT count(*) FROM service_business b WHERE b.opened_on < '2022-01-01' AND (b.closed_on IS NULL OR b.closed_on >= '2021-12-31')`,
    );
    expect([n21, d21]).toEqual([40, 202]); // 19.8 %
    const data = await results(
      'IND-3.3b',
      `y2023: result(period: "2023") { ${RESULT} trajectory { year value milestone status } } y2021: result(period: "2021") { ${RESULT} }
      all: result(period: "2021-2025") { ${RESULT} }`,
    );
    // 2023 milestone: 19.8 + (100 − 19.8) × 2/4 = 59.9; 2023's value 132 / 225 = 58.67 < 59.9.
    expect(data.y2023).toMatchObject({ numerator: 132, denominator: 225, value: 58.67, milestone: 59.9, baseline: 19.8, status: 'NOT_MET' });
    expect(data.y2021).toMatchObject({ value: 19.8, status: 'NOT_APPLICABLE' });
    // The end: 201 of the 253 businesses operating on 31/12/2025 inspected since 2021 = 79.45 % < 100 %: 197 of the 238
    // registered by district, and 4 of the 15 opened after 30/6/2025 at a commune-level unit (no district).
    const opened = await count('police', `SELECT count(*) FROM service_business b WHERE b.opened_on >= '2025-07-01' AND b.district_id IS NULL`);
    const openedInspected = await count(
      'police',
      `SELECT count(*) FROM service_business b WHERE b.opened_on >= '2025-07-01' AND EXISTS (SELECT 1 FROM inspection i WHERE i.business_id = b.id)`,
    );
    expect([openedInspected, opened]).toEqual([4, 15]);
    expect(data.all).toMatchObject({ numerator: 201, denominator: 253, value: 79.45, milestone: 100, status: 'NOT_MET' });
    // 2022: 19.8 + 80.2 / 4 = 39.85, 89 / 218 = 40.83 → ACHIEVED; 2024: 19.8 + 80.2 × 3/4 = 79.95, 176 / 240 = 73.33 → NOT_MET.
    expect(data.y2023.trajectory).toEqual([
      { year: 2021, value: 19.8, milestone: null, status: 'NOT_APPLICABLE' },
      { year: 2022, value: 40.83, milestone: 39.85, status: 'ACHIEVED' },
      { year: 2023, value: 58.67, milestone: 59.9, status: 'NOT_MET' },
      { year: 2024, value: 73.33, milestone: 79.95, status: 'NOT_MET' },
      { year: 2025, value: 79.45, milestone: 100, status: 'NOT_MET' },
    ]);
  });

  test('with QN_TODAY=2025-11-15, 2025Q4 and 2025 are judged alike against the milestone of that day', async () => {
    const before = process.env.QN_TODAY;
    process.env.QN_TODAY = '2025-11-15';
    try {
      const data = await results('IND-3.3b', `q4: result(period: "2025Q4") { ${RESULT} } year: result(period: "2025") { ${RESULT} }`);
      // Milestone on 14/11/2025: 79.95 + (100 − 79.95) × 318/365 = 97.42.
      expect(data.q4).toMatchObject({ milestone: 97.42, status: 'AT_RISK' });
      expect(data.year).toMatchObject({ milestone: 97.42, status: 'AT_RISK', value: data.q4.value });
    } finally {
      if (before === undefined) delete process.env.QN_TODAY;
      else process.env.QN_TODAY = before;
    }
  });
});

describe('shorter periods and districts: a milestone that fits, else NOT_APPLICABLE', () => {
  test('IND-3.3a quarters are not judged against 20 % a year', async () => {
    const data = await results('IND-3.3a', ['Q1', 'Q2', 'Q3', 'Q4'].map((q) => `${q}: result(period: "2024${q}") { ${RESULT} }`).join(' '));
    for (const q of ['Q1', 'Q2', 'Q3', 'Q4']) {
      expect(data[q].status).toBe('NOT_APPLICABLE');
      expect(data[q].statusReason).toContain('whole year');
    }
  });

  test('IND-1.2b: two a year, pro-rated only from the start of the year', async () => {
    const data = await results(
      'IND-1.2b',
      `q1: result(period: "2024Q1") { ${RESULT} } q2: result(period: "2024Q2") { ${RESULT} } q3: result(period: "2024Q3") { ${RESULT} } s1: result(period: "2024S1") { ${RESULT} }`,
    );
    expect(data.q2.status).toBe('NOT_APPLICABLE');
    expect(data.q3.status).toBe('NOT_APPLICABLE');
    expect(data.q1.milestone).toBe(0.5); // 2 × 3/12
    expect(data.s1.milestone).toBe(1); // 2 × 6/12
  });

  test('district rows of province-wide goals (IND-1.2a, IND-1.2b, IND-4.1) are NOT_APPLICABLE, never NOT_MET', async () => {
    for (const code of ['IND-1.2a', 'IND-1.2b', 'IND-4.1']) {
      const data = await results(code, `resultsByDistrict(period: "2024") { ${RESULT} }`);
      expect(data.resultsByDistrict).toHaveLength(13);
      expect([...new Set(data.resultsByDistrict.map((r: { status: string }) => r.status))]).toEqual(['NOT_APPLICABLE']);
    }
  });
});

describe('a share is never above 100 %', () => {
  test('IND-1.2a in every period form counts its own months', async () => {
    const data = await results(
      'IND-1.2a',
      ['2024', '2024S1', '2024S2', '2024Q1', '2024M9', '202403', '2024R', '2024S1R', '2024Q1R', '2024M9R', '202403R', '2025R', '2025Q4R', '2023Q2', '2021-2025']
        .map((p, i) => `p${i}: result(period: "${p}") { ${RESULT} }`)
        .join(' '),
    );
    const byPeriod = Object.fromEntries(Object.values(data).map((r: any) => [r.period, r]));
    // Months in each window: a year 12, a half 6, a quarter 3, nine months 9, a month 1 — calendar or cut-off.
    expect(byPeriod['2024Q1R'].denominator).toBe(3);
    expect(byPeriod['2024Q1R'].numerator).toBeLessThanOrEqual(3);
    expect(byPeriod['2025R'].denominator).toBe(12);
    expect(byPeriod['2025R'].numerator).toBeLessThanOrEqual(12);
    expect(byPeriod['2024M9R'].denominator).toBe(9);
    expect(byPeriod['202403R'].denominator).toBe(1);
    for (const r of Object.values(byPeriod) as any[]) if (r.value !== null) expect(r.value).toBeLessThanOrEqual(100);
    // 2024 has a provincial piece every month: 12 / 12 in calendar months and in the cut-off year 15/12/2023 → 14/12/2024.
    expect(byPeriod['2024']).toMatchObject({ numerator: 12, denominator: 12, value: 100 });
  });

  test('every share, every period form, province and districts', async () => {
    const periods = ['2024', '2024Q1R', '2025R', '2023Q2', '2024S1R', '2024M9R', '202403R', '202403', '2024M9', '2024S2', '2025Q4R', '2021-2025'];
    // After 30/6/2025 there are no districts (and most agencies keep records by district only): 2025Q4R by level PROVINCE.
    const units = (p: string) => (p === '2025Q4R' ? 'resultsByUnit(period: "2025Q4R", level: PROVINCE)' : `resultsByDistrict(period: "${p}")`);
    const fields = periods.map((p, i) => `p${i}: result(period: "${p}") { value } d${i}: ${units(p)} { value }`).join(' ');
    const response = await system.query(`{ indicators { code target { kind } ${fields} } }`);
    expect(response.errors).toBeUndefined();
    const over: string[] = [];
    let values = 0;
    for (const indicator of response.data.indicators) {
      if (indicator.target.kind !== 'MIN_PERCENT') continue;
      for (const [key, answer] of Object.entries(indicator)) {
        for (const r of (Array.isArray(answer) ? answer : [answer]) as { value?: number | null }[]) {
          if (typeof r?.value !== 'number') continue;
          values += 1;
          if (r.value > 100) over.push(`${indicator.code} ${key} ${r.value}`);
        }
      }
    }
    expect(values).toBeGreaterThan(1500); // 13 shares × 12 periods × (1 + 13 districts), less the runs of years and empty ones
    expect(over).toEqual([]);
  });
});

describe('every result explains itself', () => {
  test("IND-4.2 shows labour's and health's parts; IND-1.3a names police for its denominator", async () => {
    const explanation = 'explanation { formula reading targetRule inputs { name value computedBy source } }';
    const ind42 = await results('IND-4.2', `result(period: "2024") { ${RESULT} ${explanation} }`);
    // 47 persons served by labour + 3 more referred to a social service by health = 50 of 79 = 63.29 % ≥ 60 %.
    expect(ind42.result).toMatchObject({ numerator: 50, denominator: 79, value: 63.29, status: 'ACHIEVED' });
    expect(ind42.result.explanation.formula).toBe('100 × 50 / 79 = 63.29');
    expect(ind42.result.explanation.inputs.map((i: { value: number; computedBy: string }) => [i.computedBy, i.value])).toEqual([
      ['LABOUR', 47],
      ['HEALTH', 3],
      ['LABOUR', 79],
    ]);
    const ind13a = await results('IND-1.3a', `result(period: "2024") { ${explanation} }`);
    expect(ind13a.result.explanation.inputs.map((i: { value: number; computedBy: string }) => [i.computedBy, i.value])).toEqual([
      ['LABOUR', 1480],
      ['POLICE', 2392],
    ]);
    expect(ind13a.result.explanation.targetRule).toContain('70');
  });

  test('IND-1.1 reads "duy trì thường xuyên" as three quarters of the year', async () => {
    const data = await results('IND-1.1', `result(period: "2024") { ${RESULT} explanation { reading } }`);
    // Communes valid in 2024: 173; with activities in ≥ 3 distinct quarters of 2024: 32 in three + 4 in four = 36 → 20.81 %.
    const active = await count(
      'labour',
      `SELECT count(*) FROM org_unit u WHERE u.level = 'COMMUNE' AND u.valid_from < '2025-01-01' AND (u.valid_to IS NULL OR u.valid_to > '2024-01-01')
      AND (SELECT count(DISTINCT date_trunc('quarter', a.held_on)) FROM communication_activity a WHERE a.commune_id = u.id AND a.held_on >= '2024-01-01' AND a.held_on < '2025-01-01') >= 3`,
    );
    expect(active).toBe(36);
    expect(data.result).toMatchObject({ numerator: 36, denominator: 173, value: 20.81, status: 'NOT_MET' });
    expect(data.result.explanation.reading).toContain('three quarters');
  });
});
