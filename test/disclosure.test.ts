import { territory } from '@qn/common';
import { caller, dataOf, startSystem, TestSystem } from './harness';

/**
 * Small-count protection (docs/security.md, "Small counts"): what anonymous and
 * ANALYST-only callers see of the indicators counting persons or criminal matters, and
 * that every other role keeps the exact numbers. The rows are inserted here on an empty
 * database, so every count below is known by hand.
 */
let system: TestSystem;
beforeAll(async () => {
  system = await startSystem({ as: caller('LABOUR', 'COORDINATOR') });
});
afterAll(() => system.stop());

const ANALYST = caller(null, 'ANALYST');
const POLICE_OFFICER = caller('POLICE', 'AGENCY_OFFICER');
const LABOUR_OFFICER = caller('LABOUR', 'AGENCY_OFFICER');
const COORDINATOR = caller('LABOUR', 'COORDINATOR');

const FIELDS =
  'orgUnit { id } numerator denominator value status statusReason explanation { formula inputs { name value } } trajectory { year value status } baseline';
const commune = (district: string) => territory.communesDuring('2023-01-01', '2024-01-01', district)[0].id;

/**
 * IND-3.1 in 2023 (tips received; numerator those handled by their deadline):
 *   522: 1 tip, in time          → 1/1  (primary: a count of 1)
 *   524: 5 tips, 4 in time       → 4/5  (the smallest other district with tips: complementary)
 *   525: 8 tips, 6 in time       → 6/8  = 75 %
 *   the other districts: none    → 0/0
 *   province                     → 11/14 = 78.57 %
 * Each district's tips are in its first commune of 2023.
 */
async function insertTips() {
  const rows: string[] = [];
  const tip = (district: string, n: number, inTime: number) => {
    for (let i = 0; i < n; i += 1) {
      const handled = i < inTime ? '2023-03-10' : '2023-04-30'; // deadline 2023-03-21
      rows.push(`('DENUNCIATION', '2023-03-01', 'HOTLINE', '${district}', '${commune(district)}', '2023-03-21', '${handled}', 1)`);
    }
  };
  tip('522', 1, 1);
  tip('524', 5, 4);
  tip('525', 8, 6);
  await system.ownerQuery(
    'police',
    `INSERT INTO tip (kind, received_on, channel, district_id, commune_id, deadline_on, handled_on, version) VALUES ${rows.join(', ')}`,
  );
}

/**
 * IND-4.2 in March 2023 (persons assessed in need and eligible; numerator those who used a
 * support service in the month; health served none of them):
 *   522: 1 person, served        → 1/1  (primary)
 *   524: 4 persons, 3 served     → 3/4  (complementary: the smallest other)
 *   525: 6 persons, 5 served     → 5/6  = 83.33 %
 *   province                     → 9/11 = 81.82 %
 */
async function insertSupport() {
  let k = 0;
  const person = async (district: string, served: boolean) => {
    k += 1;
    const code = `QNG-T${String(k).padStart(7, '0')}`;
    const [{ id }] = await system.ownerQuery(
      'labour',
      `INSERT INTO support_client (code, district_id, registered_on, version) VALUES ('${code}', '${district}', '2023-02-01', 1) RETURNING id`,
    );
    await system.ownerQuery(
      'labour',
      `INSERT INTO need_assessment (client_id, assessed_on, in_need, eligible, version) VALUES ('${id}', '2023-03-05', true, true, 1)`,
    );
    if (served)
      await system.ownerQuery(
        'labour',
        `INSERT INTO support_service_use (client_id, service_kind, used_on, version) VALUES ('${id}', 'COUNSELLING', '2023-03-12', 1)`,
      );
  };
  await person('522', true);
  for (const served of [true, true, true, false]) await person('524', served);
  for (const served of [true, true, true, true, true, false]) await person('525', served);
}

beforeAll(async () => {
  expect(await system.ownerQuery('police', 'SELECT count(*)::int AS n FROM tip')).toEqual([{ n: 0 }]);
  await insertTips();
  await insertSupport();
});

async function districts(code: string, period: string, as: typeof ANALYST | null) {
  const data = dataOf(
    await system.query(
      `{ indicator(code: "${code}") { province: result(period: "${period}") { ${FIELDS} } resultsByDistrict(period: "${period}") { ${FIELDS} } } }`,
      undefined,
      { as },
    ),
  );
  const byId = Object.fromEntries(data.indicator.resultsByDistrict.map((r: any) => [r.orgUnit.id, r]));
  return { province: data.indicator.province, byId };
}

function expectSuppressed(result: any, why: RegExp) {
  expect(result).toMatchObject({ numerator: null, denominator: null, value: null, status: 'SUPPRESSED', baseline: null });
  expect(result.statusReason).toMatch(why);
  // No number of the cell anywhere: the formula keeps only its constant 100 (a share, or growth), the inputs no values.
  expect(result.explanation.formula).toMatch(/^100 × (– \/ –|\(– − –\) \/ –) = – \(suppressed\)$/);
  expect(result.explanation.inputs.map((i: any) => i.value)).toEqual(result.explanation.inputs.map(() => null));
  expect(result.explanation.inputs.length).toBeGreaterThan(0);
}

describe('IND-3.1 (tips) in 2023', () => {
  test.each([
    ['ANALYST', ANALYST],
    ['anonymous, a published year', null],
  ])('%s: 522 (1/1) and its complementary 524 (4/5) suppressed, 525 and the province exact', async (_, as) => {
    const { province, byId } = await districts('IND-3.1', '2023', as);
    expectSuppressed(byId['522'], /a count of 1 to 2/);
    expectSuppressed(byId['524'], /another unit of this level is suppressed/);
    expect(byId['522'].trajectory.find((y: any) => y.year === 2023)).toEqual({ year: 2023, value: null, status: 'SUPPRESSED' });
    // 525: 6 of 8 in time = 75 %, shown with its numbers; below the target of 100 %.
    expect(byId['525']).toMatchObject({ numerator: 6, denominator: 8, value: 75, status: 'NOT_MET' });
    expect(byId['525'].explanation.formula).toBe('100 × 6 / 8 = 75');
    // A district without tips: 0 / 0 discloses nothing and is shown as it is.
    expect(byId['527']).toMatchObject({ numerator: 0, denominator: 0, status: 'NO_DATA' });
    // The province: 1 + 4 + 6 = 11 in time of 1 + 5 + 8 = 14 → 78.57 %; 11 − 6 = 5 is 522 and 524 together, not either.
    expect(province).toMatchObject({ numerator: 11, denominator: 14, value: 78.57 });
  });

  test.each([
    ['a POLICE officer', POLICE_OFFICER],
    ['the coordinator', COORDINATOR],
  ])('%s sees every district exact', async (_, as) => {
    const { province, byId } = await districts('IND-3.1', '2023', as);
    expect(byId['522']).toMatchObject({ numerator: 1, denominator: 1, value: 100, status: 'ACHIEVED' }); // 1 of 1 in time
    expect(byId['524']).toMatchObject({ numerator: 4, denominator: 5, value: 80 }); // 4 of 5
    expect(byId['522'].explanation.formula).toBe('100 × 1 / 1 = 100');
    expect(byId['522'].trajectory.find((y: any) => y.year === 2023)).toMatchObject({ value: 100, status: 'ACHIEVED' });
    expect(province).toMatchObject({ numerator: 11, denominator: 14 });
  });

  test('result(orgUnit:) is suppressed exactly when resultsByUnit suppresses the unit', async () => {
    const units = ['522', '524', '525', '527', commune('522'), commune('524'), commune('525')];
    const query = `{ indicator(code: "IND-3.1") {
      ${units.map((u, i) => `u${i}: result(period: "2023", orgUnit: "${u}") { orgUnit { id } numerator status statusReason }`).join('\n')}
      districts: resultsByUnit(period: "2023", level: DISTRICT) { orgUnit { id } numerator status statusReason }
      communes: resultsByUnit(period: "2023", level: COMMUNE) { orgUnit { id } numerator status statusReason } } }`;
    const data = dataOf(await system.query(query, undefined, { as: ANALYST })).indicator;
    const listed = new Map([...data.districts, ...data.communes].map((r: any) => [r.orgUnit.id, r]));
    units.forEach((u, i) => expect({ u, alone: data[`u${i}`] }).toEqual({ u, alone: listed.get(u) }));
    // The communes: 522's (1/1) is suppressed for its own count; 524's (4/5) because 524 is
    // suppressed (its communes would add up to it); 525's (6/8) is shown.
    expect(listed.get(commune('522'))).toMatchObject({ status: 'SUPPRESSED', statusReason: expect.stringMatching(/a count of 1 to 2/) });
    expect(listed.get(commune('524'))).toMatchObject({ status: 'SUPPRESSED', statusReason: expect.stringMatching(/the unit above is suppressed/) });
    expect(listed.get(commune('525'))).toMatchObject({ numerator: 6, status: 'NOT_MET' }); // 75 % of a 100 % target
  });

  test('a protected answer costs no more SQL statements than an exact one', async () => {
    const query = `{ indicator(code: "IND-3.1") { a: result(period: "2023", orgUnit: "522") { value trajectory { value } baseline }
      resultsByDistrict(period: "2023") { value trajectory { value } } resultsByUnit(period: "2023", level: COMMUNE) { value }
      series(from: "2023Q1", to: "2023Q4", orgUnit: "524") { value } } }`;
    const statements = async (as: typeof ANALYST) => {
      const before = system.statements().police;
      dataOf(await system.query(query, undefined, { as }));
      return system.statements().police - before;
    };
    await statements(ANALYST); // warm-up
    const exact = await statements(POLICE_OFFICER);
    const protectedCount = await statements(ANALYST);
    // The suppression's sibling and parent cells join the request's one measure statement (per batch).
    expect(protectedCount).toBe(exact);
    expect(protectedCount).toBeLessThanOrEqual(3);
  });
});

describe('IND-3.2 (criminal cases dealt with, growth on the year before) in 2023', () => {
  /**
   * Cases dealt with (10/6 of each year; none in the 2023Q1 window of the report below):
   *   527: 2022 1, 2023 1  → 1/1  (primary)
   *   528: 2022 3, 2023 4  → 4/3  (the smallest other district with cases: complementary)
   *   529: 2022 5, 2023 6  → 6/5  = +20 %
   *   province: 2022 9, 2023 11 → 11/9 = +22.22 %
   */
  beforeAll(async () => {
    const rows: string[] = [];
    const cases = (district: string, year: number, n: number) => {
      for (let i = 0; i < n; i += 1) rows.push(`('${year}-05-01', '{BROKERING_PROSTITUTION}', '${district}', '${year}-06-10', 'PROSECUTED', 1)`);
    };
    cases('527', 2022, 1);
    cases('527', 2023, 1);
    cases('528', 2022, 3);
    cases('528', 2023, 4);
    cases('529', 2022, 5);
    cases('529', 2023, 6);
    await system.ownerQuery('police', `INSERT INTO criminal_case (opened_on, charges, district_id, dealt_with_on, outcome, version) VALUES ${rows.join(', ')}`);
  });

  test('anonymous (a published year): 527 (1/1) and 528 suppressed, 529 and the province exact; the run of years hides 2023 at 527', async () => {
    const { province, byId } = await districts('IND-3.2', '2023', null);
    expectSuppressed(byId['527'], /a count of 1 to 2/);
    expect(byId['527'].explanation.formula).toBe('100 × (– − –) / – = – (suppressed)');
    expect(byId['527'].trajectory.find((y: any) => y.year === 2023)).toEqual({ year: 2023, value: null, status: 'SUPPRESSED' });
    expectSuppressed(byId['528'], /another unit of this level is suppressed/);
    expect(byId['529']).toMatchObject({ numerator: 6, denominator: 5, value: 20 }); // 100 × (6 − 5) / 5
    expect(province).toMatchObject({ numerator: 11, denominator: 9, value: 22.22 }); // 100 × (11 − 9) / 9
    const run = dataOf(
      await system.query(
        '{ indicator(code: "IND-3.2") { result(period: "2021-2025", orgUnit: "527") { summary { years { year value status } } } } }',
        undefined,
        { as: null },
      ),
    );
    // 2023 at 527 is the 1/1 cell: hidden in the summary as in the year's own result; 2022 (1 case against none in 2021) has no growth.
    expect(run.indicator.result.summary.years.find((y: any) => y.year === 2023)).toEqual({ year: 2023, value: null, status: 'SUPPRESSED' });
  });

  test('a POLICE officer sees 527 exact', async () => {
    const { byId } = await districts('IND-3.2', '2023', POLICE_OFFICER);
    expect(byId['527']).toMatchObject({ numerator: 1, denominator: 1, value: 0 }); // 100 × (1 − 1) / 1
    expect(byId['528']).toMatchObject({ numerator: 4, denominator: 3, value: 33.33 }); // 100 × (4 − 3) / 3
  });
});

describe('IND-4.2 (persons supported) in March 2023', () => {
  test("ANALYST: 522 (1/1) and its complementary 524 (3/4) suppressed, with labour's and health's parts; the province exact", async () => {
    const { province, byId } = await districts('IND-4.2', '202303', ANALYST);
    expectSuppressed(byId['522'], /a count of 1 to 2/);
    expectSuppressed(byId['524'], /another unit of this level is suppressed/);
    // Labour's explanation has three inputs (labour's part, health's part, the denominator): all without values.
    expect(byId['522'].explanation.inputs).toHaveLength(3);
    // 525: 5 of 6 served = 83.33 %.
    expect(byId['525']).toMatchObject({ numerator: 5, denominator: 6, value: 83.33 });
    // The province: 1 + 3 + 5 = 9 of 1 + 4 + 6 = 11 → 81.82 %.
    expect(province).toMatchObject({ numerator: 9, denominator: 11, value: 81.82 });
  });

  test('a LABOUR officer sees 522 and 524 exact', async () => {
    const { byId } = await districts('IND-4.2', '202303', LABOUR_OFFICER);
    expect(byId['522']).toMatchObject({ numerator: 1, denominator: 1, value: 100 }); // 1 of 1 served
    expect(byId['524']).toMatchObject({ numerator: 3, denominator: 4, value: 75 }); // 3 of 4 served
    expect(byId['522'].explanation.inputs.map((i: any) => i.value)).toEqual([1, 0, 1]); // labour 1, health 0, in need 1
  });
});

test('an indicator that counts neither persons nor matters is not protected: IND-3.3a shows 1/1 to an ANALYST', async () => {
  // One karaoke in 522, open since 2020, inspected once in 2023 → 522: 1 of 1 inspected.
  const [{ id }] = await system.ownerQuery(
    'police',
    `INSERT INTO service_business (name, kind, district_id, commune_id, employees, opened_on, version) VALUES ('Karaoke T', 'KARAOKE', '522', '${commune('522')}', 3, '2020-01-01', 1) RETURNING id`,
  );
  await system.ownerQuery(
    'police',
    `INSERT INTO inspection (business_id, inspected_on, team, outcome, version) VALUES ('${id}', '2023-05-05', 'POLICE', 'NO_VIOLATION', 1)`,
  );
  const { byId } = await districts('IND-3.3a', '2023', ANALYST);
  expect(byId['522']).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
});

describe('the consolidated report for 2023Q1 (data 15/12/2022 → 14/3/2023: every row above is in it)', () => {
  const DISTRICTS_HEAD_522 = caller('DISTRICTS', 'AGENCY_HEAD', '522');
  const CONSOLIDATED = `{ consolidatedReport(period: "2023Q1") { indicators { code
    province { numerator denominator status source }
    districts { orgUnitId numerator denominator value status source unavailable } } } }`;
  const table = async (as: typeof ANALYST) => {
    const data = dataOf(await system.query(CONSOLIDATED, undefined, { as }));
    return Object.fromEntries(
      data.consolidatedReport.indicators.map((i: any) => [
        i.code,
        { province: i.province, byId: Object.fromEntries(i.districts.map((d: any) => [d.orgUnitId, d])) },
      ]),
    );
  };

  beforeAll(async () => {
    // 522 reports (its figures frozen as its head saw them: exact); the other districts have not, so their cells are live.
    const mutate = (name: string, type: string, input: Record<string, unknown>, as: typeof ANALYST) =>
      system.query(`mutation($input: ${type}!) { ${name}(input: $input) { id version status } }`, { input }, { as }).then(dataOf);
    process.env.QN_NOW = '2023-03-16T08:00:00+07:00';
    try {
      const [draft] = (
        await mutate(
          'createReportDrafts',
          'CreateReportDraftsInput',
          { period: '2023Q1', unitIds: ['522'], idempotencyKey: `draft-${process.pid}-522` },
          COORDINATOR,
        )
      ).createReportDrafts;
      const written = (
        await mutate(
          'updateReportNarrative',
          'UpdateReportNarrativeInput',
          {
            id: draft.id,
            expectedVersion: draft.version,
            idempotencyKey: `narrative-${process.pid}-522`,
            results: 'Đã triển khai.',
            difficulties: 'Không.',
            proposals: 'Không.',
          },
          DISTRICTS_HEAD_522,
        )
      ).updateReportNarrative;
      const submitted = (
        await mutate(
          'submitReport',
          'ReportChangeInput',
          { id: written.id, expectedVersion: written.version, idempotencyKey: `submit-${process.pid}-522` },
          DISTRICTS_HEAD_522,
        )
      ).submitReport;
      expect(submitted.status).toBe('SUBMITTED');
    } finally {
      delete process.env.QN_NOW;
    }
  });

  test("the coordinator reads 522's reported 1/1 and the live numbers exact", async () => {
    const t = await table(COORDINATOR);
    expect(t['IND-4.2'].byId['522']).toMatchObject({ numerator: 1, denominator: 1, source: 'REPORT' });
    expect(t['IND-4.2'].byId['524']).toMatchObject({ numerator: 3, denominator: 4, source: 'LIVE' });
    expect(t['IND-3.1'].byId['522']).toMatchObject({ numerator: 1, denominator: 1, source: 'REPORT' });
  });

  test("an ANALYST does not read 522's reported 1/1, nor the cells that would give it back", async () => {
    const t = await table(ANALYST);
    for (const code of ['IND-4.2', 'IND-3.1']) {
      const { byId } = t[code];
      // 522 (reported 1/1): primary. 524 (live): the agency suppressed it already (complementary among the
      // live districts). Hidden so far: 1/1 plus an unknown cell counted as nothing — still 1, so the
      // smallest other district with counts, 525 (IND-4.2 5/6, IND-3.1 6/8), is hidden too.
      expect({ code, ...byId['522'] }).toMatchObject({
        code,
        numerator: null,
        denominator: null,
        value: null,
        status: 'SUPPRESSED',
        unavailable: expect.stringMatching(/a count of 1 to 2/),
      });
      expect({ code, ...byId['524'] }).toMatchObject({ code, numerator: null, status: 'SUPPRESSED', source: 'LIVE' });
      expect({ code, ...byId['525'] }).toMatchObject({
        code,
        numerator: null,
        status: 'SUPPRESSED',
        unavailable: expect.stringMatching(/another unit of this level/),
      });
      expect({ code, ...byId['527'] }).toMatchObject({ code, numerator: 0, denominator: 0 }); // nothing to hide
    }
    // The province (labour's and police's own cells, live): 9/11 and 11/14, shown.
    expect(t['IND-4.2'].province).toMatchObject({ numerator: 9, denominator: 11 });
    expect(t['IND-3.1'].province).toMatchObject({ numerator: 11, denominator: 14 });
    // An indicator no agency protects keeps its small numbers: IND-3.3a in 522 is 0 of 1 (the karaoke
    // inserted above operates in the window; its inspection, 5/5/2023, is after 14/3).
    expect(t['IND-3.3a'].byId['522']).toMatchObject({ numerator: 0, denominator: 1 });
  });
});
