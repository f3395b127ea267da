import { MeasureRequest, MeasureSql, measureLoader, parsePeriod, Period, SqlParams, statementCounter, territory } from '@qn/common';
import { MEASURES as INFORMATION_MEASURES } from '../subgraphs/information/src/indicators';
import { MEASURES as LABOUR_MEASURES } from '../subgraphs/labour/src/records/indicators';
import { MEASURES as POLICE_MEASURES } from '../subgraphs/police/src/indicators';
import { EVIDENCE_MEASURES as POLICE_EVIDENCE } from '../subgraphs/police/src/indicators/evidence';
import { EVIDENCE_MEASURES as LABOUR_EVIDENCE } from '../subgraphs/labour/src/records/indicators/evidence';
import { EVIDENCE_MEASURES as EDUCATION_EVIDENCE } from '../subgraphs/education/src/indicators/evidence';
import { EVIDENCE_MEASURES as INFORMATION_EVIDENCE } from '../subgraphs/information/src/indicators/evidence';
import { EVIDENCE_MEASURES as HEALTH_EVIDENCE } from '../subgraphs/health/src/indicators/evidence';
import { MEASURES as EDUCATION_MEASURES } from '../subgraphs/education/src/indicators';
import { caller, dataOf, startSystem, TestSystem } from './harness';

/**
 * Indicator numbers computed per set, not per cell. An indicator's set-based SQL for many
 * periods of the province (`provinceSeries`) gives, for every period, exactly the numbers
 * of its one-period SQL: checked on the generated 2021–2025 records for every period of
 * every kind the programme has. And health answers all of labour's questions of one
 * request in one statement.
 */
let system: TestSystem;

/**
 * Records on the edges of periods, which generated data may miss: businesses opened or
 * closed on a quarter's first or last day, inspected on the days either side of it.
 */
const EDGES: Record<string, string> = {
  // Three communes with no generated activity in 2024 (if the generated data has any such), active on the edges of
  // quarters and of the 15th-of-the-month cut-off: the third is active in three quarters of 2024 by the calendar
  // (Q1, Q2, Q3) but in two of its reporting window 2024R (20/3 counts in April: Q2, Q2, Q3).
  labour: `
    WITH quiet AS (
      SELECT u.id, u.parent_id, row_number() OVER (ORDER BY u.id) AS n FROM org_unit u
       WHERE u.level = 'COMMUNE' AND u.in_plan_scope AND u.valid_from <= DATE '2024-01-01' AND (u.valid_to IS NULL OR u.valid_to > DATE '2025-01-01')
         AND NOT EXISTS (SELECT 1 FROM communication_activity a WHERE a.commune_id = u.id AND a.held_on >= DATE '2024-01-01' AND a.held_on < DATE '2025-01-01')),
    days(n, held_on) AS (VALUES (1, DATE '2024-03-31'), (1, DATE '2024-04-01'), (1, DATE '2024-06-14'), (1, DATE '2024-06-15'),
                                (2, DATE '2024-01-14'), (2, DATE '2024-01-15'), (2, DATE '2024-12-14'),
                                (3, DATE '2024-03-20'), (3, DATE '2024-05-10'), (3, DATE '2024-08-10'))
    INSERT INTO communication_activity (form, held_on, district_id, commune_id, audience, participants, version)
    SELECT 'MEETING', days.held_on, quiet.parent_id, quiet.id, 'GENERAL_PUBLIC', 30, 1 FROM quiet JOIN days USING (n);
    -- Training courses either side of a quarter's edge, of the reform and of the programme's first day: a district's, a
    -- commune-level unit's of 1/7/2025 (no district: it joins the district it was formed from), the province's.
    INSERT INTO training_course (title, level, district_id, commune_id, held_on, participants, new_trainees, version) VALUES
      ('edge: last day of 2024Q1', 'DISTRICT', '522', NULL, DATE '2024-03-31', 9, 7, 1),
      ('edge: first day of 2024Q2', 'DISTRICT', '522', NULL, DATE '2024-04-01', 6, 5, 1),
      ('edge: the day before the reform', 'COMMUNE', '524', NULL, DATE '2025-06-30', 12, 11, 1),
      ('edge: the reform day', 'COMMUNE', NULL, '21010-2025-07', DATE '2025-07-01', 8, 8, 1),
      ('edge: the programme''s first day', 'PROVINCIAL', NULL, NULL, DATE '2021-01-01', 20, 20, 1),
      ('edge: before the programme', 'PROVINCIAL', NULL, NULL, DATE '2020-12-31', 30, 30, 1)`,
  police: `
    WITH b(name, opened_on, closed_on, inspected) AS (VALUES
      ('edge: opens on the first day of 2024Q2', DATE '2024-04-01', NULL::date, ARRAY[DATE '2024-04-01']),
      ('edge: closes on the first day of 2024Q2', DATE '2022-01-01', DATE '2024-04-01', ARRAY[DATE '2024-03-31', DATE '2024-04-01']),
      ('edge: closes on the last day of 2024Q1', DATE '2022-01-01', DATE '2024-03-31', ARRAY[DATE '2024-03-31']),
      ('edge: closes on the last day of 2024Q2', DATE '2023-06-30', DATE '2024-06-30', ARRAY[DATE '2024-06-30', DATE '2024-07-01']),
      ('edge: opens on the last day of 2024Q2', DATE '2024-06-30', NULL::date, ARRAY[DATE '2024-07-01']),
      ('edge: never inspected, closes on the first day of 2025', DATE '2021-01-01', DATE '2025-01-01', ARRAY[]::date[])),
    made AS (
      INSERT INTO service_business (name, kind, district_id, opened_on, closed_on, version)
      SELECT name, 'KARAOKE', '522', opened_on, closed_on, 1 FROM b RETURNING id, name)
    INSERT INTO inspection (business_id, inspected_on, team, outcome, version)
    SELECT made.id, day, 'POLICE', 'NO_VIOLATION', 1 FROM made JOIN b USING (name), unnest(b.inspected) AS day`,
};

beforeAll(async () => {
  system = await startSystem({ sampleData: true });
  for (const [subgraph, sql] of Object.entries(EDGES)) await system.subgraphs[subgraph].dataSource.query(sql);
});
afterAll(() => system.stop());

/** Every MeasureSql of every subgraph: the indicators' and the evidence counts'. */
const MEASURES: Record<string, Record<string, MeasureSql>> = {
  labour: { ...LABOUR_MEASURES, ...LABOUR_EVIDENCE },
  police: { ...POLICE_MEASURES, ...POLICE_EVIDENCE },
  health: HEALTH_EVIDENCE,
  education: { ...EDUCATION_MEASURES, ...EDUCATION_EVIDENCE },
  information: { ...INFORMATION_MEASURES, ...INFORMATION_EVIDENCE },
};
const withSeries = Object.entries(MEASURES).flatMap(([subgraph, definitions]) =>
  Object.entries(definitions)
    .filter(([, sql]) => sql.provinceSeries)
    .map(([code, sql]) => ({ subgraph, code, sql })),
);

/** Every month, quarter, half year, nine months and year of 2021–2025, the whole programme, and the reporting windows of the quarters, halves, nine months and years. */
function programmePeriods(): Period[] {
  const ids: string[] = ['2021-2025'];
  for (let year = 2021; year <= 2025; year++) {
    for (const basis of ['', 'R']) ids.push(`${year}${basis}`, `${year}S1${basis}`, `${year}S2${basis}`, `${year}M9${basis}`);
    for (let q = 1; q <= 4; q++) ids.push(`${year}Q${q}`, `${year}Q${q}R`);
    for (let m = 1; m <= 12; m++) ids.push(`${year}${String(m).padStart(2, '0')}`);
  }
  return ids.map((id) => parsePeriod(id));
}

test('labour and police compute their heaviest measures for many periods of the province at once', () => {
  expect(withSeries.map(({ subgraph, code }) => `${subgraph} ${code}`)).toEqual(
    expect.arrayContaining([
      'labour IND-1.1',
      'labour IND-4.2',
      'labour IND-5.1a',
      'labour IND-5.1b',
      'police IND-3.3a',
      'police IND-3.3b',
      'police WORKFORCE',
    ]),
  );
});

test.each(withSeries.map(({ subgraph, code, sql }) => [`${subgraph} ${code}`, subgraph, code, sql] as const))(
  '%s: the set-based SQL gives each period the numbers of the one-period SQL',
  async (_name, subgraph, code, sql) => {
    const dataSource = system.subgraphs[subgraph].dataSource;
    const periods = programmePeriods();
    const requests: MeasureRequest[] = periods.map((period) => ({ code, period, orgUnit: territory.province }));
    let seriesCalls = 0;
    const counted: MeasureSql = Object.assign((request: MeasureRequest, params: SqlParams) => sql(request, params), {
      provinceSeries: (asked: Period[], params: SqlParams) => {
        seriesCalls++;
        return sql.provinceSeries!(asked, params);
      },
    });
    const cellOnly: MeasureSql = (request, params) => sql(request, params);
    const together = await measureLoader(dataSource, { [code]: counted }, { cache: null }).loadMany(requests);
    expect(seriesCalls).toBe(1);
    const one = await measureLoader(dataSource, { [code]: cellOnly }, { cache: null }).loadMany(requests);
    const byPeriod = (measures: typeof one) => Object.fromEntries(periods.map((period, i) => [period.id, measures[i]]));
    expect(byPeriod(together)).toEqual(byPeriod(one));
    // Not vacuous: the generated records give different, non-zero numbers across the periods.
    const numerators = new Set(one.map((m) => (m as { numerator: number | null }).numerator));
    expect(numerators.size).toBeGreaterThan(3);
  },
);

test("a batch needing more parameters than PostgreSQL's protocol carries (65,535) is sent as several statements, and answers", async () => {
  // IND-1.1 one SELECT per period: every plan commune of the province with its record ids and required quarters
  // (three parameters each), over the 60 months of the programme and its other periods: over 65,535 in all.
  const dataSource = system.subgraphs.labour.dataSource;
  const cellOnly: MeasureSql = (request, params) => LABOUR_MEASURES['IND-1.1'](request, params);
  const requests: MeasureRequest[] = programmePeriods().map((period) => ({ code: 'IND-1.1', period, orgUnit: territory.province }));
  const counter = statementCounter(dataSource);
  const before = counter.statements;
  const measures = await measureLoader(dataSource, { 'IND-1.1': cellOnly }, { cache: null }).loadMany(requests);
  expect(measures.filter((m) => m instanceof Error)).toEqual([]);
  expect(counter.statements - before).toBeGreaterThan(1);
  // Through the set-based SQL the same periods are one statement.
  const again = counter.statements;
  await measureLoader(dataSource, { 'IND-1.1': LABOUR_MEASURES['IND-1.1'] }, { cache: null }).loadMany(requests);
  expect(counter.statements - again).toBe(1);
});

test("health answers all of labour's IND-4.2 questions of a request (every period and district) in one statement", async () => {
  for (const name of Object.keys(system.subgraphs)) await system.ownerQuery(name, 'UPDATE data_version SET version = version + 1');
  const before = system.statements();
  const data = dataOf(
    await system.query(
      `{ indicator(code: "IND-4.2") { byDistrict: resultsByDistrict(period: "2024") { numerator } series(from: "2024Q1", to: "2025Q4") { numerator } } }`,
      {},
      { as: caller('LABOUR', 'COORDINATOR') },
    ),
  );
  const health = system.statements().health - before.health;
  // 13 districts and 8 quarters: labour asks health about each one's persons it did not serve itself.
  expect(data.indicator.byDistrict.length).toBe(13);
  expect(data.indicator.series.length).toBe(8);
  expect(health).toBe(1);
});
