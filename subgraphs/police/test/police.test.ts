import { caller, dataOf, startSystem, TestSystem } from '../../../test/harness';

/**
 * Police end to end through the gateway: records entered by mutations, indicators
 * IND-3.1, IND-3.3a and IND-3.3b checked against values computed by hand.
 */
let system: TestSystem;

const CREATE_BUSINESS = `mutation($input: CreateServiceBusinessInput!) { createServiceBusiness(input: $input) { id version } }`;
const INSPECT = `mutation($input: RecordInspectionInput!) { recordInspection(input: $input) { id } }`;
const RECEIVE_TIP = `mutation($input: ReceiveTipInput!) { receiveTip(input: $input) { id version deadlineOn } }`;
const HANDLE_TIP = `mutation($input: HandleTipInput!) { handleTip(input: $input) { id version handledInTime } }`;

async function business(input: Record<string, unknown>): Promise<string> {
  return dataOf(await system.query(CREATE_BUSINESS, { input: { kind: 'KARAOKE', ...input } })).createServiceBusiness.id;
}

async function inspect(businessId: string, inspectedOn: string, team = 'POLICE') {
  dataOf(await system.query(INSPECT, { input: { businessId, inspectedOn, team, outcome: 'NO_VIOLATION' } }));
}

async function tip(districtId: string, receivedOn: string, handledOn?: string) {
  const received = dataOf(await system.query(RECEIVE_TIP, { input: { kind: 'CRIME_REPORT', channel: 'HOTLINE', districtId, receivedOn } })).receiveTip;
  if (handledOn) {
    dataOf(
      await system.query(HANDLE_TIP, {
        input: { id: received.id, expectedVersion: received.version, handledOn, outcome: 'ADMINISTRATIVE_SANCTION', verification: 'CONFIRMED' },
      }),
    );
  }
  return received;
}

async function result(code: string, period: string, orgUnit?: string) {
  const data = dataOf(
    await system.query(
      `query($code: ID!, $period: String!, $orgUnit: ID) { indicator(code: $code) { code result(period: $period, orgUnit: $orgUnit) { numerator denominator value target status orgUnit { id name } } } }`,
      { code, period, orgUnit },
    ),
  );
  return data.indicator.result;
}

beforeAll(async () => {
  system = await startSystem({ as: caller('POLICE', 'AGENCY_HEAD') });
  // Businesses: B1, B2 in Quảng Ngãi city (522); B3 (closed mid-2022), B4 in Bình Sơn (524).
  const b1 = await business({ name: 'Karaoke Sao Mai', districtId: '522', communeId: '21010', employees: 10, openedOn: '2020-05-01' });
  await business({ name: 'Massage Hoa Sen', kind: 'MASSAGE', districtId: '522', employees: 6, openedOn: '2022-03-01' });
  const b3 = await business({
    name: 'Nhà nghỉ Biển Xanh',
    kind: 'GUESTHOUSE',
    districtId: '524',
    communeId: '21043',
    employees: 4,
    openedOn: '2019-01-01',
    closedOn: '2022-06-30',
  });
  const b4 = await business({ name: 'Bar Dung Quất', kind: 'BAR', districtId: '524', employees: 8, openedOn: '2021-07-01' });
  await inspect(b1, '2022-02-10', 'TEAM_178');
  await inspect(b1, '2023-05-05');
  await inspect(b3, '2021-03-03');
  await inspect(b4, '2022-11-20', 'TEAM_178');
  // Tips in 2023: deadline is 20 days after receipt.
  await tip('522', '2023-01-05', '2023-01-20'); // in time
  await tip('522', '2023-02-01', '2023-03-01'); // late (deadline 2023-02-21)
  await tip('524', '2023-04-10', '2023-04-30'); // on the deadline: in time
  await tip('524', '2023-05-01', '2023-05-15'); // in time
  await tip('524', '2023-06-01'); // not handled yet — received 2023Q2 but only in the 2023 and Q2 denominators
});

afterAll(() => system.stop());

describe('IND-3.3a businesses inspected in the period', () => {
  test('a year: 2 of 4 operating businesses inspected in 2022', async () => {
    expect(await result('IND-3.3a', '2022')).toMatchObject({ numerator: 2, denominator: 4, value: 50, target: 20, status: 'ACHIEVED' });
  });
  test('a quarter: only B1 inspected in 2022Q1', async () => {
    expect(await result('IND-3.3a', '2022Q1')).toMatchObject({ numerator: 1, denominator: 4, value: 25 });
  });
  test('a year for the province and for one district', async () => {
    expect(await result('IND-3.3a', '2023')).toMatchObject({ numerator: 1, denominator: 3, value: 33.33 });
    expect(await result('IND-3.3a', '2023', '524')).toMatchObject({
      numerator: 0,
      denominator: 1,
      value: 0,
      status: 'NOT_MET',
      orgUnit: { id: '524', name: 'Huyện Bình Sơn' },
    });
  });
  test('a commune filters on the commune', async () => {
    expect(await result('IND-3.3a', '2022', '21010')).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
  });
});

describe('IND-3.3b businesses inspected at least once since 2021 (cumulative)', () => {
  test('the whole programme: the businesses still operating at its end', async () => {
    // Operating on 31/12/2025: B1, B2, B4 (B3 closed 30/6/2022 and is out of both sides); inspected since 2021: B1, B4.
    expect(await result('IND-3.3b', '2021-2025')).toMatchObject({ numerator: 2, denominator: 3, value: 66.67, target: 100, status: 'NOT_MET' });
  });
  test('cumulative up to the end of 2021 and of 2022, judged against the trajectory', async () => {
    // 31/12/2021: B1, B3, B4 operating (B2 opens in 2022), B3 inspected: 1/3 — the baseline year, not judged.
    expect(await result('IND-3.3b', '2021')).toMatchObject({ numerator: 1, denominator: 3, value: 33.33, status: 'NOT_APPLICABLE' });
    // 31/12/2022: B1, B2, B4 (B3 closed), B1 and B4 inspected: 2/3 = 66.67 ≥ the 2022 milestone 33.33 + (100 − 33.33) × 1/4 = 50.
    expect(await result('IND-3.3b', '2022')).toMatchObject({ numerator: 2, denominator: 3, value: 66.67, status: 'ACHIEVED' });
  });
  test('one district', async () => {
    expect(await result('IND-3.3b', '2021-2025', '522')).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
  });
});

describe('IND-3.1 tips handled in time', () => {
  test('a year: 3 of 5 received in 2023 handled by their deadline', async () => {
    expect(await result('IND-3.1', '2023')).toMatchObject({ numerator: 3, denominator: 5, value: 60, target: 100, status: 'NOT_MET' });
  });
  test('quarters', async () => {
    expect(await result('IND-3.1', '2023Q1')).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    expect(await result('IND-3.1', '2023Q2')).toMatchObject({ numerator: 2, denominator: 3, value: 66.67 });
  });
  test('districts', async () => {
    expect(await result('IND-3.1', '2023', '522')).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    expect(await result('IND-3.1', '2023', '524')).toMatchObject({ numerator: 2, denominator: 3, value: 66.67 });
  });
  test('a period with no tips has no data', async () => {
    expect(await result('IND-3.1', '2021')).toMatchObject({ numerator: 0, denominator: 0, value: null, status: 'NO_DATA' });
  });
  test('breakdown by district lists every district of the period', async () => {
    const data = dataOf(await system.query(`{ indicator(code: "IND-3.1") { resultsByDistrict(period: "2023") { orgUnit { id } numerator denominator } } }`));
    const rows = data.indicator.resultsByDistrict;
    expect(rows).toHaveLength(13);
    expect(rows.find((r: any) => r.orgUnit.id === '524')).toMatchObject({ numerator: 2, denominator: 3 });
    expect(rows.find((r: any) => r.orgUnit.id === '536')).toMatchObject({ numerator: 0, denominator: 0 });
  });
  test('series gives one result per quarter', async () => {
    const data = dataOf(await system.query(`{ indicator(code: "IND-3.1") { series(from: "2023Q1", to: "2023Q4") { period numerator denominator } } }`));
    expect(data.indicator.series).toEqual([
      { period: '2023Q1', numerator: 1, denominator: 2 },
      { period: '2023Q2', numerator: 2, denominator: 3 },
      { period: '2023Q3', numerator: 0, denominator: 0 },
      { period: '2023Q4', numerator: 0, denominator: 0 },
    ]);
  });
});

describe('IND-3.2 criminal cases dealt with, growth year on year', () => {
  const OPEN = `mutation($input: OpenCriminalCaseInput!) { openCriminalCase(input: $input) { id version } }`;
  const DEAL = `mutation($input: DealWithCriminalCaseInput!) { dealWithCriminalCase(input: $input) { id } }`;
  async function criminalCase(districtId: string, openedOn: string, dealtWithOn: string | null, charges = ['BROKERING_PROSTITUTION']) {
    const opened = dataOf(await system.query(OPEN, { input: { districtId, openedOn, charges, suspects: 2, victims: 1 } })).openCriminalCase;
    if (dealtWithOn) dataOf(await system.query(DEAL, { input: { id: opened.id, expectedVersion: opened.version, dealtWithOn, outcome: 'PROSECUTED' } }));
  }

  beforeAll(async () => {
    // 2022: four cases dealt with (one in Q1); 2023: five (two in Q1), one still open.
    await criminalCase('522', '2022-01-10', '2022-02-15');
    await criminalCase('522', '2022-03-01', '2022-05-01');
    await criminalCase('522', '2022-06-01', '2022-08-01');
    await criminalCase('524', '2022-09-01', '2022-10-01');
    await criminalCase('522', '2023-01-05', '2023-02-01');
    await criminalCase('522', '2023-01-20', '2023-03-20');
    await criminalCase('522', '2023-07-01', '2023-09-09');
    await criminalCase('524', '2023-02-01', '2023-04-04', ['TRAFFICKING']);
    await criminalCase('524', '2023-10-01', '2023-11-11');
    await criminalCase('522', '2023-12-01', null);
  });

  test('a year: 5 cases dealt with in 2023 against 4 in 2022 is +25%', async () => {
    expect(await result('IND-3.2', '2023')).toMatchObject({ numerator: 5, denominator: 4, value: 25, target: 3, status: 'ACHIEVED' });
  });
  test('a quarter against the same quarter a year earlier', async () => {
    expect(await result('IND-3.2', '2023Q1')).toMatchObject({ numerator: 2, denominator: 1, value: 100 });
  });
  test('districts', async () => {
    expect(await result('IND-3.2', '2023', '522')).toMatchObject({ numerator: 3, denominator: 3, value: 0, status: 'NOT_MET' });
    expect(await result('IND-3.2', '2023', '524')).toMatchObject({ numerator: 2, denominator: 1, value: 100 });
  });
  test('no base year means no data', async () => {
    expect(await result('IND-3.2', '2022')).toMatchObject({ numerator: 4, denominator: 0, value: null, status: 'NO_DATA' });
  });

  test('police tasks report progress from police records', async () => {
    const progress = async (id: string, period: string, orgUnit?: string) =>
      dataOf(
        await system.query(
          `query($id: ID!, $period: String!, $orgUnit: ID) { task(id: $id) { __typename progress(period: $period, orgUnit: $orgUnit) { period count evidence } } }`,
          { id, period, orgUnit },
        ),
      ).task;
    expect(await progress('TASK-II.3b-3', '2022')).toEqual({
      __typename: 'PoliceTask',
      progress: { period: '2022', count: 2, evidence: expect.stringContaining('inspections') },
    });
    expect((await progress('TASK-II.3b-4', '2023')).progress.count).toBe(6);
    expect((await progress('TASK-II.3b-4', '2023', '524')).progress.count).toBe(2);
    expect((await progress('TASK-V.2-2', '2023')).progress.count).toBe(1);
    expect((await progress('TASK-V.2-1', '2023')).progress).toBeNull();
  });

  test('a case needs a charge, and minors cannot outnumber victims', async () => {
    const none = await system.query(OPEN, { input: { districtId: '522', openedOn: '2023-01-01', charges: [] } });
    expect(none.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'charges' });
    const minors = await system.query(OPEN, { input: { districtId: '522', openedOn: '2023-01-01', charges: ['TRAFFICKING'], victims: 1, minorVictims: 2 } });
    expect(minors.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'minorVictims' });
  });
});

describe('bad input is refused with the field named, and nothing is stored', () => {
  async function count(): Promise<number> {
    return dataOf(await system.query(`{ serviceBusinesses { totalCount } }`)).serviceBusinesses.totalCount;
  }

  test.each([
    [{ districtId: '522', communeId: '99999' }, 'communeId', 'unknown commune'],
    [{ districtId: '522', communeId: '21043' }, 'communeId', 'not in district'],
    [{ districtId: '000' }, 'districtId', 'unknown district'],
    [{ districtId: '522', employees: -3 }, 'employees', 'at least 0'],
    [{ districtId: '522', openedOn: '2023-01-01', closedOn: '2022-01-01' }, 'closedOn', 'before openedOn'],
    [{ districtId: '522', name: '  ' }, 'name', 'must not be empty'],
  ])('business %o → %s', async (input, field, message) => {
    const before = await count();
    const response = await system.query(CREATE_BUSINESS, { input: { name: 'X', kind: 'BAR', openedOn: '2022-01-01', ...input } });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(response.errors?.[0].message).toContain(message);
    expect(await count()).toBe(before);
  });

  test('an inspection before the business opened', async () => {
    const id = await business({ name: 'Khách sạn Mới', kind: 'HOTEL', districtId: '522', openedOn: '2024-06-01', employees: 0 });
    const response = await system.query(INSPECT, { input: { businessId: id, inspectedOn: '2024-01-01', team: 'POLICE', outcome: 'NO_VIOLATION' } });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inspectedOn' });
    const inspections = dataOf(await system.query(`query($id: ID!) { inspections(filter: { businessId: $id }) { totalCount } }`, { id }));
    expect(inspections.inspections.totalCount).toBe(0);
  });

  test('an invalid date is refused by the scalar', async () => {
    const response = await system.query(CREATE_BUSINESS, { input: { name: 'X', kind: 'BAR', districtId: '522', openedOn: '2022-13-01' } });
    expect(response.errors?.[0].message).toMatch(/openedOn/);
  });

  test('an unknown period', async () => {
    const response = await system.query(`{ indicator(code: "IND-3.1") { code result(period: "2024Q5") { value } } }`);
    expect(response.errors?.[0].message).toContain("unknown period '2024Q5'");
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
  });

  test('an unknown organisation unit', async () => {
    const response = await system.query(`{ indicator(code: "IND-3.1") { result(period: "2023", orgUnit: "nowhere") { value } } }`);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'orgUnit' });
  });

  test('a handled tip needs an outcome', async () => {
    const received = await tip('522', '2024-01-10');
    const response = await system.query(HANDLE_TIP, { input: { id: received.id, expectedVersion: received.version, handledOn: '2024-01-12' } });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'outcome' });
  });
});

describe('correcting an inspection', () => {
  test('moves it between periods, validated like a new one, with a version check', async () => {
    const id = await business({ name: 'Karaoke Hoàng Gia', districtId: '522', employees: 5, openedOn: '2024-01-01' });
    const recorded = dataOf(
      await system.query(
        `mutation($id: ID!) { recordInspection(input: { businessId: $id, inspectedOn: "2024-03-01", team: POLICE, outcome: NO_VIOLATION }) { id version } }`,
        { id },
      ),
    ).recordInspection;
    const UPDATE = `mutation($input: UpdateInspectionInput!) { updateInspection(input: $input) { inspectedOn team version } }`;
    const bad = await system.query(UPDATE, { input: { id: recorded.id, expectedVersion: recorded.version, inspectedOn: '2023-12-01' } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inspectedOn' });
    const moved = dataOf(
      await system.query(UPDATE, { input: { id: recorded.id, expectedVersion: recorded.version, inspectedOn: '2024-07-15', team: 'TEAM_178' } }),
    ).updateInspection;
    expect(moved).toEqual({ inspectedOn: '2024-07-15', team: 'TEAM_178', version: recorded.version + 1 });
    const stale = await system.query(UPDATE, { input: { id: recorded.id, expectedVersion: recorded.version, violations: 2 } });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
  });
});

describe('concurrent edits', () => {
  test('the second edit based on the same version gets a conflict', async () => {
    const received = await tip('522', '2024-02-01');
    const edit = (verification: string) => system.query(HANDLE_TIP, { input: { id: received.id, expectedVersion: received.version, verification } });
    const [a, b] = await Promise.all([edit('CONFIRMED'), edit('UNFOUNDED')]);
    const outcomes = [a, b].map((r) => r.errors?.[0].extensions?.code ?? 'OK').sort();
    expect(outcomes).toEqual(['CONFLICT', 'OK']);
  });
});

describe('lists', () => {
  test('cursor pagination walks every business once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = dataOf(
        await system.query(
          `query($after: String) { serviceBusinesses(first: 2, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } totalCount } }`,
          { after },
        ),
      );
      seen.push(...page.serviceBusinesses.nodes.map((n: { id: string }) => n.id));
      if (!page.serviceBusinesses.pageInfo.hasNextPage) break;
      after = page.serviceBusinesses.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(dataOf(await system.query(`{ serviceBusinesses { totalCount } }`)).serviceBusinesses.totalCount);
  });

  test('a business is found by its id in upper case too', async () => {
    const id = await business({ name: 'Nhà nghỉ Thu Hà', kind: 'GUESTHOUSE', districtId: '524', employees: 0, openedOn: '2025-02-01' });
    const found = dataOf(await system.query(`query($id: ID!) { serviceBusiness(id: $id) { id name } }`, { id: id.toUpperCase() }));
    expect(found.serviceBusiness).toEqual({ id, name: 'Nhà nghỉ Thu Hà' });
  });

  test('workforce of businesses operating in a period (the IND-1.3a denominator)', async () => {
    const data = dataOf(await system.query(`{ all: serviceBusinessWorkforce(period: "2022") city: serviceBusinessWorkforce(period: "2023", orgUnit: "522") }`));
    expect(data).toEqual({ all: 10 + 6 + 4 + 8, city: 10 + 6 });
  });
});

describe('a list read backward', () => {
  test('a list read backward through the gateway: the last page, then the one before it, in the list order', async () => {
    const pageOf = async (args: string) =>
      dataOf(await system.query(`{ tips(${args}) { totalCount nodes { id receivedOn } pageInfo { startCursor hasPreviousPage hasNextPage } } }`)).tips;
    const all = await pageOf('first: 500');
    expect(all.totalCount).toBeGreaterThan(6);
    const last = await pageOf('last: 3');
    expect(last.nodes).toEqual(all.nodes.slice(-3));
    expect(last.pageInfo).toMatchObject({ hasPreviousPage: all.totalCount > 3, hasNextPage: false });
    const before = await pageOf(`last: 3, before: "${last.pageInfo.startCursor}"`);
    expect(before.nodes).toEqual(all.nodes.slice(-6, -3));
  });
});
