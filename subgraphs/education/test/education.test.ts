import { caller, dataOf, startSystem, TestSystem } from '../../../test/harness';

/**
 * Education end to end through the gateway: institutions, enrolments and sessions
 * entered by mutations, IND-1.3c checked against values computed by hand.
 */
let system: TestSystem;

const CREATE_INSTITUTION = `mutation($input: CreateInstitutionInput!) { createInstitution(input: $input) { id version } }`;
const ENROL = `mutation($input: RecordEnrolmentInput!) { recordEnrolment(input: $input) { id version } }`;
const UPDATE_ENROLMENT = `mutation($input: UpdateEnrolmentInput!) { updateEnrolment(input: $input) { id version students } }`;
const SESSION = `mutation($input: RecordCommunicationSessionInput!) { recordCommunicationSession(input: $input) { id version } }`;
const UPDATE_SESSION = `mutation($input: UpdateCommunicationSessionInput!) { updateCommunicationSession(input: $input) { id version studentsReached } }`;

const ids: Record<string, string> = {};
const enrolments: Record<string, { id: string; version: number }> = {};

async function institution(key: string, input: Record<string, unknown>) {
  ids[key] = dataOf(await system.query(CREATE_INSTITUTION, { input: { kind: 'UPPER_SECONDARY', ...input } })).createInstitution.id;
}

async function enrol(key: string, schoolYear: string, students: number) {
  enrolments[`${key} ${schoolYear}`] = dataOf(await system.query(ENROL, { input: { institutionId: ids[key], schoolYear, students } })).recordEnrolment;
}

async function session(key: string, schoolYear: string, heldOn: string, studentsReached: number, form = 'EXTRACURRICULAR') {
  return dataOf(await system.query(SESSION, { input: { institutionId: ids[key], schoolYear, heldOn, studentsReached, form } })).recordCommunicationSession;
}

async function result(period: string, orgUnit?: string) {
  const data = dataOf(
    await system.query(
      `query($period: String!, $orgUnit: ID) { indicator(code: "IND-1.3c") { code result(period: $period, orgUnit: $orgUnit) { numerator denominator value target status orgUnit { id } } } }`,
      { period, orgUnit },
    ),
  );
  return data.indicator.result;
}

async function sessionCount(): Promise<number> {
  return dataOf(await system.query(`{ communicationSessions { totalCount } }`)).communicationSessions.totalCount;
}

beforeAll(async () => {
  system = await startSystem({ as: caller('EDUCATION', 'AGENCY_HEAD') });
  // A (upper-secondary) and B (university) in Quảng Ngãi city (522), C in Bình Sơn (524).
  await institution('A', { name: 'Trường THPT Trần Quốc Tuấn', districtId: '522', communeId: '21010' });
  await institution('B', { name: 'Trường Đại học Phạm Văn Đồng', kind: 'UNIVERSITY', districtId: '522' });
  await institution('C', { name: 'Trường THPT Bình Sơn', districtId: '524' });
  await enrol('A', '2023-2024', 1000);
  await enrol('A', '2024-2025', 1200);
  await enrol('B', '2023-2024', 2000);
  await enrol('B', '2024-2025', 2000);
  await enrol('C', '2023-2024', 500);
  await enrol('C', '2024-2025', 400);
  await session('A', '2023-2024', '2023-10-10', 300);
  await session('A', '2023-2024', '2024-03-15', 500, 'ASSEMBLY');
  await session('A', '2023-2024', '2024-04-20', 400, 'CLASS_INTEGRATION');
  await session('A', '2024-2025', '2024-10-05', 600);
  await session('B', '2023-2024', '2024-02-20', 900, 'CONTEST');
  await session('B', '2024-2025', '2024-11-11', 800);
  await session('C', '2023-2024', '2024-03-01', 450);
});

afterAll(() => system.stop());

describe('IND-1.3c students reached', () => {
  test('a quarter: 2024Q1 lies in the school year 2023-2024 only', async () => {
    // Enrolled: 1000 + 2000 + 500. Reached: A 500, B 900, C 450.
    // A quarter's reach is not a year's: computed, not judged against the yearly 70 %.
    expect(await result('2024Q1')).toMatchObject({ numerator: 1850, denominator: 3500, value: 52.86, target: 70, status: 'NOT_APPLICABLE' });
  });

  test('a year: two school years, each institution counted once and capped at its enrolment', async () => {
    // Denominator per institution: the larger enrolment of 2023-2024 and 2024-2025: A 1200, B 2000, C 500.
    // Reached in 2024: A 500+400+600 = 1500, capped at 1200; B 900+800 = 1700; C 450.
    expect(await result('2024')).toMatchObject({ numerator: 3350, denominator: 3700, value: 90.54, status: 'ACHIEVED' });
  });

  test('a year that touches only one school year with sessions', async () => {
    // 2023 overlaps 2022-2023 (no enrolment recorded) and 2023-2024: only A's October session falls in it.
    expect(await result('2023')).toMatchObject({ numerator: 300, denominator: 3500, value: 8.57, status: 'NOT_MET' });
  });

  test('one district and one commune', async () => {
    expect(await result('2024', '524')).toMatchObject({ numerator: 450, denominator: 500, value: 90, orgUnit: { id: '524' } });
    expect(await result('2024Q1', '522')).toMatchObject({ numerator: 1400, denominator: 3000, value: 46.67 });
    expect(await result('2024', '21010')).toMatchObject({ numerator: 1200, denominator: 1200, value: 100 });
  });

  test('a period with no enrolment has no data', async () => {
    expect(await result('2021')).toMatchObject({ numerator: null, denominator: null, value: null, status: 'NO_DATA' });
  });

  test('breakdown by district lists every district of the period', async () => {
    const data = dataOf(await system.query(`{ indicator(code: "IND-1.3c") { resultsByDistrict(period: "2024") { orgUnit { id } numerator denominator } } }`));
    const rows = data.indicator.resultsByDistrict;
    expect(rows).toHaveLength(13);
    expect(rows.find((r: any) => r.orgUnit.id === '522')).toMatchObject({ numerator: 2900, denominator: 3200 });
    expect(rows.find((r: any) => r.orgUnit.id === '536')).toMatchObject({ numerator: null, denominator: null });
  });
});

describe('bad input is refused with the field named, and nothing is stored', () => {
  test.each([
    [{ institutionId: '00000000-0000-4000-8000-000000000000' }, 'institutionId', 'no institution'],
    [{ studentsReached: 1001 }, 'studentsReached', 'more than the 1000 students enrolled'],
    [{ studentsReached: -5 }, 'studentsReached', 'at least 1'],
    [{ heldOn: '2024-09-10' }, 'heldOn', 'outside the school year 2023-2024'],
    [{ schoolYear: '2022-2023', heldOn: '2023-01-10' }, 'schoolYear', 'no enrolment'],
    [{ schoolYear: '2023-2025' }, 'schoolYear', 'unknown school year'],
  ])('session %o → %s', async (input, field, message) => {
    const before = await sessionCount();
    const response = await system.query(SESSION, {
      input: { institutionId: ids.A, schoolYear: '2023-2024', heldOn: '2024-01-15', studentsReached: 100, form: 'ASSEMBLY', ...input },
    });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(response.errors?.[0].message).toContain(message);
    expect(await sessionCount()).toBe(before);
  });

  test.each([
    [{ districtId: '522', communeId: '99999' }, 'communeId', 'unknown commune'],
    [{ districtId: '522', communeId: '21043' }, 'communeId', 'is not in district'],
    [{ districtId: '000' }, 'districtId', 'unknown district'],
    [{ districtId: '522', name: ' ' }, 'name', 'must not be empty'],
  ])('institution %o → %s', async (input, field, message) => {
    const count = async () => dataOf(await system.query(`{ institutions { totalCount } }`)).institutions.totalCount;
    const before = await count();
    const response = await system.query(CREATE_INSTITUTION, { input: { name: 'Trường THPT Mới', kind: 'UPPER_SECONDARY', ...input } });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(response.errors?.[0].message).toContain(message);
    expect(await count()).toBe(before);
  });

  test('negative enrolment, and a second enrolment for the same year', async () => {
    const negative = await system.query(ENROL, { input: { institutionId: ids.C, schoolYear: '2022-2023', students: -1 } });
    expect(negative.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'students' });
    const twice = await system.query(ENROL, { input: { institutionId: ids.C, schoolYear: '2023-2024', students: 10 } });
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'schoolYear' });
    const list = dataOf(
      await system.query(`query($id: ID!) { enrolments(filter: { institutionId: $id }) { totalCount nodes { schoolYear students } } }`, { id: ids.C }),
    );
    expect(list.enrolments.totalCount).toBe(2);
  });

  test('enrolment cannot drop below what a session already reached', async () => {
    const { id, version } = enrolments['B 2023-2024'];
    const response = await system.query(UPDATE_ENROLMENT, { input: { id, expectedVersion: version, students: 899 } });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'students' });
    expect(await result('2024Q1', '522')).toMatchObject({ denominator: 3000 });
  });

  test('an unknown period', async () => {
    const response = await system.query(`{ indicator(code: "IND-1.3c") { code result(period: "2024Q5") { value } } }`);
    expect(response.errors?.[0].message).toContain("unknown period '2024Q5'");
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
    const list = await system.query(`{ communicationSessions(filter: { period: "2024Q5" }) { totalCount } }`);
    expect(list.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.period' });
  });
});

describe('changes', () => {
  test('a correction applies with the version read; the second edit on the same version gets a conflict', async () => {
    const created = await session('C', '2024-2025', '2025-01-10', 100);
    const edit = (studentsReached: number) => system.query(UPDATE_SESSION, { input: { id: created.id, expectedVersion: created.version, studentsReached } });
    const [a, b] = await Promise.all([edit(120), edit(130)]);
    const outcomes = [a, b].map((r) => r.errors?.[0].extensions?.code ?? 'OK').sort();
    expect(outcomes).toEqual(['CONFLICT', 'OK']);
  });

  test('a correction is validated like a new session', async () => {
    const created = await session('C', '2024-2025', '2025-02-10', 100);
    const response = await system.query(UPDATE_SESSION, { input: { id: created.id, expectedVersion: created.version, studentsReached: 401 } });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'studentsReached' });
  });
});

describe('lists', () => {
  test('filters by period and district', async () => {
    const data = dataOf(
      await system.query(`{
      q1: communicationSessions(filter: { period: "2024Q1" }) { totalCount }
      city: communicationSessions(filter: { period: "2024", districtId: "522" }) { totalCount }
      years: enrolments(filter: { period: "2024" }) { totalCount }
    }`),
    );
    expect(data).toEqual({ q1: { totalCount: 3 }, city: { totalCount: 5 }, years: { totalCount: 6 } });
  });

  test('cursor pagination walks every session once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = dataOf(
        await system.query(`query($after: String) { communicationSessions(first: 3, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } } }`, {
          after,
        }),
      );
      seen.push(...page.communicationSessions.nodes.map((n: { id: string }) => n.id));
      if (!page.communicationSessions.pageInfo.hasNextPage) break;
      after = page.communicationSessions.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(await sessionCount());
  });

  test('SQL statements do not grow with the length of a list', async () => {
    const statementsFor = async (first: number) => {
      const before = system.statements().education;
      const data = dataOf(
        await system.query(
          `query($first: Int) { communicationSessions(first: $first) { nodes { institution { name enrolment(schoolYear: "2023-2024") { students } } } } }`,
          { first },
        ),
      );
      expect(data.communicationSessions.nodes).toHaveLength(first);
      return system.statements().education - before;
    };
    expect(await statementsFor(2)).toBe(await statementsFor(8));
  });
});

describe('task progress counted from education records', () => {
  // Runs last: counts the sessions stored above. In 2024: A on 03-15 (500), 04-20 (400), 10-05 (600),
  // B on 02-20 (900), 11-11 (800) — both in 522, A in commune 21010 — and C (524) on 03-01 (450).
  // Also A on 2023-10-10, and C on 2025-01-10 and 2025-02-10.
  async function task(id: string, period: string, orgUnit?: string) {
    return dataOf(
      await system.query(
        `query($id: ID!, $period: String!, $orgUnit: ID) { task(id: $id) { __typename id progress(period: $period, orgUnit: $orgUnit) { period count evidence } } }`,
        { id, period, orgUnit },
      ),
    ).task;
  }

  test('TASK-V.8-1 counts communication sessions held', async () => {
    expect(await task('TASK-V.8-1', '2024')).toEqual({
      __typename: 'EducationTask',
      id: 'TASK-V.8-1',
      progress: {
        period: '2024',
        count: 6,
        evidence: 'prevention-communication sessions held at upper-secondary schools, universities and vocational institutions',
      },
    });
    expect((await task('TASK-V.8-1', '2024Q1')).progress).toMatchObject({ period: '2024Q1', count: 3 });
    expect((await task('TASK-V.8-1', '2024', '522')).progress).toMatchObject({ count: 5 });
    expect((await task('TASK-V.8-1', '2024', '21010')).progress).toMatchObject({ count: 3 });
    expect((await task('TASK-V.8-1', '2025')).progress).toMatchObject({ count: 2 });
    expect((await task('TASK-V.8-1', '2022')).progress).toMatchObject({ count: 0 });
  });

  test('TASK-V.8-2 counts students reached, added up over sessions (not capped like IND-1.3c)', async () => {
    // 500 + 400 + 600 + 900 + 800 + 450.
    expect((await task('TASK-V.8-2', '2024')).progress).toMatchObject({ count: 3650, evidence: expect.stringContaining('students reached') });
    expect((await task('TASK-V.8-2', '2024Q1')).progress).toMatchObject({ count: 1850 });
    expect((await task('TASK-V.8-2', '2024', '524')).progress).toMatchObject({ count: 450 });
    expect((await task('TASK-V.8-2', '2024Q4', '522')).progress).toMatchObject({ count: 1400 });
  });

  test('a task of another agency is not answered by education', async () => {
    const before = system.statements().education;
    const data = dataOf(await system.query(`{ task(id: "TASK-V.4-2") { __typename ... on EducationTask { progress(period: "2024") { count } } } }`));
    expect(data.task).toEqual({ __typename: 'HealthTask' });
    expect(system.statements().education).toBe(before);
    // Asked directly under education's type, education has no evidence for it.
    const direct = dataOf(
      await system.querySubgraph(
        'education',
        `{ _entities(representations: [{ __typename: "EducationTask", id: "TASK-V.4-2" }]) { ... on EducationTask { id progress(period: "2024") { count } } } }`,
        {},
        { as: caller('EDUCATION', 'AGENCY_HEAD') },
      ),
    );
    expect(direct._entities).toEqual([{ id: 'TASK-V.4-2', progress: null }]);
  });
});
