import { caller, dataOf, startSystem, TestSystem } from '../../../test/harness';

/**
 * Labour end to end through the gateway: records entered by mutations, its nine
 * indicators checked against values computed by hand for a quarter, a year and a
 * district; IND-1.3a's denominator comes from police and part of IND-4.2's numerator
 * from health, through the graph.
 * Commune-level units valid in 2023: 173 (23 in Quảng Ngãi city 522, 22 in Bình Sơn 524).
 */
let system: TestSystem;

const m = (name: string, input: string, fields = 'id version') => `mutation($input: ${input}!) { ${name}(input: $input) { ${fields} } }`;

async function run(name: string, input: string, value: Record<string, unknown>, fields = 'id version') {
  return dataOf(await system.query(m(name, input, fields), { input: value }))[name];
}

async function result(code: string, period: string, orgUnit?: string) {
  const data = dataOf(
    await system.query(
      `query($code: ID!, $period: String!, $orgUnit: ID) { indicator(code: $code) { code result(period: $period, orgUnit: $orgUnit) { numerator denominator value target status } } }`,
      { code, period, orgUnit },
    ),
  );
  return data.indicator.result;
}

const activity = (communeId: string, districtId: string, heldOn: string, form = 'MEETING') =>
  run('recordCommunicationActivity', 'RecordCommunicationActivityInput', { form, communeId, districtId, heldOn, participants: 40 });

let pilotId: string;
/** Police's business in 522 (opened 2020-01-01) that labour's outreach names. */
let business522: string;
let pilotVersion: number;

beforeAll(async () => {
  system = await startSystem({ as: caller('LABOUR', 'AGENCY_OFFICER') });
  // IND-1.1 and IND-2.1: activities in 2023 in 21010 (twice), 21013 (522) and 21043 (524); 21040 (524) only in 2022.
  await activity('21010', '522', '2023-02-10');
  await activity('21010', '522', '2023-05-05', 'LOUDSPEAKER');
  await activity('21010', '522', '2023-08-15', 'LOUDSPEAKER');
  await activity('21013', '522', '2023-05-20', 'SOCIAL_MEDIA');
  await activity('21043', '524', '2023-11-11', 'CLUB');
  await activity('21040', '524', '2022-03-01');
  await activity('21262-2025', '522', '2025-02-01'); // Xã An Phú, created 1/1/2025
  await activity('21262-2025', '522', '2025-05-10');

  // IND-2.1: 522 and 524 have plans and activities in 2023; 525 a plan but no activity.
  await run('adoptDistrictPlan', 'AdoptDistrictPlanInput', { districtId: '522', year: 2023, adoptedOn: '2023-01-15' });
  await run('adoptDistrictPlan', 'AdoptDistrictPlanInput', { districtId: '524', year: 2023, adoptedOn: '2023-06-01' });
  await run('adoptDistrictPlan', 'AdoptDistrictPlanInput', { districtId: '525', year: 2023, adoptedOn: '2023-02-01' });
  // IND-2.2: 522 (two programmes) and 533 in 2023, 529 in 2022.
  const integrate = (districtId: string, programme: string, year: number) =>
    run('recordProgrammeIntegration', 'RecordProgrammeIntegrationInput', { districtId, programme, year });
  await integrate('522', 'SOCIAL_SECURITY', 2023);
  await integrate('522', 'HIV_AIDS', 2023);
  await integrate('533', 'SOCIO_ECONOMIC', 2023);
  await integrate('529', 'DRUG_PREVENTION', 2022);

  // IND-4.1: 534 from 2022-03 to 2023-03-31; two pilots in 522 from mid-2023.
  const pilot = (districtId: string, kind: string, startedOn: string, endedOn?: string) =>
    run('startPilotModel', 'StartPilotModelInput', { name: `Mô hình ${kind}`, districtId, kind, startedOn, endedOn });
  await pilot('534', 'HARM_REDUCTION', '2022-03-01', '2023-03-31');
  const p = await pilot('522', 'REINTEGRATION_SERVICES', '2023-06-01');
  pilotId = p.id;
  pilotVersion = p.version;
  await pilot('522', 'GBV_PREVENTION', '2023-09-01');

  // IND-4.2: six persons by code, with labour …
  const client = (code: string, districtId: string) =>
    run('registerSupportClient', 'RegisterSupportClientInput', { code, districtId, registeredOn: '2023-01-05' }, 'id code');
  const assess = (clientCode: string, assessedOn: string, eligible = true) =>
    run('recordNeedAssessment', 'RecordNeedAssessmentInput', { clientCode, assessedOn, inNeed: true, eligible });
  const serve = (clientCode: string, usedOn: string) =>
    run('recordSupportServiceUse', 'RecordSupportServiceUseInput', { clientCode, usedOn, serviceKind: 'VOCATIONAL_TRAINING' });
  await client('QNG-AAAA0001', '522');
  await client('QNG-AAAA0002', '522');
  await client('QNG-AAAA0003', '524');
  await client('QNG-AAAA0004', '524');
  await assess('QNG-AAAA0001', '2023-02-01');
  await serve('QNG-AAAA0001', '2023-03-01');
  await assess('QNG-AAAA0002', '2023-04-10');
  await serve('QNG-AAAA0002', '2023-08-01');
  await assess('QNG-AAAA0003', '2023-05-01');
  await assess('QNG-AAAA0004', '2023-05-02', false); // not eligible: outside the denominator
  await serve('QNG-AAAA0004', '2023-05-03');
  await client('QNG-AAAA0005', '524');
  await client('QNG-AAAA0006', '522');
  await assess('QNG-AAAA0005', '2023-06-01');
  await assess('QNG-AAAA0006', '2023-07-01');
  // … and health's services to the same codes, recorded by health (labour only ever sees health's counts).
  const healthService = async (clientCode: string, contactedOn: string, districtId: string, service: string) =>
    dataOf(
      await system.query(
        `mutation($input: RecordHarmReductionContactInput!) { recordHarmReductionContact(input: $input) { id } }`,
        { input: { clientCode, contactedOn, districtId, service } },
        { as: caller('HEALTH', 'AGENCY_HEAD') },
      ),
    );
  await healthService('QNG-AAAA0001', '2023-03-05', '522', 'STI_TREATMENT'); // also served by labour: counts once
  await healthService('QNG-AAAA0002', '2023-05-01', '522', 'REFERRAL_SOCIAL_SERVICE'); // in Q2, when labour had not yet served them
  await healthService('QNG-AAAA0003', '2023-05-20', '524', 'REFERRAL_SOCIAL_SERVICE'); // served by health only
  await healthService('QNG-AAAA0004', '2023-05-10', '524', 'HIV_TEST'); // not eligible: outside the denominator
  await healthService('QNG-AAAA0005', '2023-06-10', '524', 'OUTREACH'); // plain outreach is not a service used
  await healthService('QNG-AAAA0005', '2022-12-01', '524', 'CONDOM_DISTRIBUTION'); // before the period
  await healthService('QNG-AAAA0006', '2023-09-15', '524', 'REFERRAL_SOCIAL_SERVICE'); // served by health in another district: counts for 522
  await healthService('QNG-AAAA0005', '2023-06-12', '524', 'HIV_TEST'); // harm reduction, not social support: not a support service used

  // IND-1.3a: two businesses in police's registry (10 and 20 employees) and labour's outreach to them.
  const business = async (districtId: string, employees: number) =>
    dataOf(
      await system.query(
        `mutation($input: CreateServiceBusinessInput!) { createServiceBusiness(input: $input) { id } }`,
        { input: { name: `Karaoke ${districtId}`, kind: 'KARAOKE', districtId, employees, openedOn: '2020-01-01' } },
        { as: caller('POLICE', 'AGENCY_OFFICER') },
      ),
    ).createServiceBusiness.id;
  const b1 = await business('522', 10);
  business522 = b1;
  const b2 = await business('524', 20);
  const reach = (businessId: string, districtId: string, heldOn: string, workersEmployed: number, workersReached: number) =>
    run('recordBusinessOutreach', 'RecordBusinessOutreachInput', { businessId, districtId, heldOn, workersEmployed, workersReached });
  await reach(b1, '522', '2023-03-01', 10, 6);
  await reach(b1, '522', '2023-09-01', 10, 6); // 12 reached at a business of 10: counted as 10
  await reach(b2, '524', '2023-05-01', 20, 5);

  // IND-1.3b: VSIP (527) 1000 workers in 2023; Dung Quất (524) 1500 in 2022, 2000 in 2023.
  const zone = async (name: string, kind: string, districtId: string) =>
    (await run('createIndustrialZone', 'CreateIndustrialZoneInput', { name, kind, districtId })).id;
  const vsip = await zone('KCN VSIP Quảng Ngãi', 'INDUSTRIAL_PARK', '527');
  const dq = await zone('KKT Dung Quất', 'ECONOMIC_ZONE', '524');
  const workforce = (zoneId: string, year: number, workersEmployed: number) =>
    run('recordZoneWorkforce', 'RecordZoneWorkforceInput', { zoneId, year, workersEmployed });
  await workforce(vsip, 2023, 1000);
  await workforce(dq, 2022, 1500);
  await workforce(dq, 2023, 2000);
  const zoneReach = (zoneId: string, heldOn: string, workersReached: number) =>
    run('recordZoneOutreach', 'RecordZoneOutreachInput', { zoneId, heldOn, workersReached });
  await zoneReach(vsip, '2023-04-01', 400);
  await zoneReach(vsip, '2023-10-01', 700); // 1100 reached in a zone of 1000: counted as 1000
  await zoneReach(dq, '2023-02-01', 500);
  await zoneReach(dq, '2022-06-01', 300);

  // IND-5.1a/b: staff in post and courses (newTrainees count each person once).
  const staff = (level: string, year: number, count: number, districtId?: string) =>
    run('recordStaffInPost', 'RecordStaffInPostInput', { level, year, staff: count, districtId });
  await staff('PROVINCIAL', 2021, 40);
  await staff('PROVINCIAL', 2023, 50);
  await staff('DISTRICT', 2023, 20, '522');
  await staff('COMMUNE', 2023, 40, '522');
  await staff('DISTRICT', 2023, 10, '524');
  const course = (level: string, heldOn: string, participants: number, newTrainees: number, districtId?: string) =>
    run('recordTrainingCourse', 'RecordTrainingCourseInput', { title: `Tập huấn ${level} ${heldOn}`, level, heldOn, participants, newTrainees, districtId });
  await course('PROVINCIAL', '2021-05-01', 30, 25);
  await course('PROVINCIAL', '2023-04-01', 20, 15);
  await course('DISTRICT', '2022-06-01', 15, 12, '522');
  await course('COMMUNE', '2023-08-01', 30, 18, '522');
  await course('DISTRICT', '2023-03-01', 15, 14, '524'); // 14 trained of 10 in post: counted as 10
});

afterAll(() => system.stop());

describe('IND-1.1 communes with communication activities', () => {
  test('a year, a quarter, districts and a commune', async () => {
    // "Kept up regularly": active in at least 3 of the 4 quarters. 2023: 21010 in Q1, Q2 and Q3 counts;
    // 21013 (Q2 only) and 21043 (Q4 only) organised something but did not keep it up.
    expect(await result('IND-1.1', '2023')).toMatchObject({ numerator: 1, denominator: 173, value: 0.58, target: 70, status: 'NOT_MET' });
    // A quarter needs its one quarter (21010, 21013), and is not judged against a yearly share.
    expect(await result('IND-1.1', '2023Q2')).toMatchObject({ numerator: 2, denominator: 173, value: 1.16, status: 'NOT_APPLICABLE' });
    expect(await result('IND-1.1', '2023', '522')).toMatchObject({ numerator: 1, denominator: 23, value: 4.35, status: 'NOT_MET' });
    expect(await result('IND-1.1', '2023', '524')).toMatchObject({ numerator: 0, denominator: 22, value: 0, status: 'NOT_MET' });
    // One commune is not a share of communes.
    expect(await result('IND-1.1', '2023', '21010')).toMatchObject({ numerator: 1, denominator: 1, value: 100, status: 'NOT_APPLICABLE' });
  });
  test('2025 counts the communes as merged on 1 January', async () => {
    // Xã An Phú (from 1/1/2025): active in Q1 and Q2, 2 of the 2 quarters of the first half.
    expect(await result('IND-1.1', '2025S1', '522')).toMatchObject({ numerator: 1, denominator: 22 });
    // The province's 2025 counts the 56 units of 1/7/2025 in the plan's scope (the year's last day).
    expect(await result('IND-1.1', '2025')).toMatchObject({ denominator: 56 });
  });
});

describe('IND-1.3a workers of service businesses reached (denominator from police)', () => {
  test('a year, a quarter and a district', async () => {
    expect(await result('IND-1.3a', '2023')).toMatchObject({ numerator: 15, denominator: 30, value: 50, target: 70, status: 'NOT_MET' });
    expect(await result('IND-1.3a', '2023Q2')).toMatchObject({ numerator: 5, denominator: 30, value: 16.67 });
    expect(await result('IND-1.3a', '2023', '522')).toMatchObject({ numerator: 10, denominator: 10, value: 100, status: 'ACHIEVED' });
  });
});

describe('IND-1.3b workers of industrial and economic zones reached', () => {
  test('a year, a quarter, a district and the year before', async () => {
    expect(await result('IND-1.3b', '2023')).toMatchObject({ numerator: 1500, denominator: 3000, value: 50, target: 60 });
    expect(await result('IND-1.3b', '2023Q2')).toMatchObject({ numerator: 400, denominator: 3000, value: 13.33 });
    expect(await result('IND-1.3b', '2023', '524')).toMatchObject({ numerator: 500, denominator: 2000, value: 25 });
    expect(await result('IND-1.3b', '2022')).toMatchObject({ numerator: 300, denominator: 1500, value: 20 });
  });
});

describe('IND-2.1 and IND-2.2 districts with plans and integration', () => {
  test('IND-2.1: a plan and activities in the period', async () => {
    expect(await result('IND-2.1', '2023')).toMatchObject({ numerator: 2, denominator: 13, value: 15.38, target: 100 });
    expect(await result('IND-2.1', '2023Q2')).toMatchObject({ numerator: 1, denominator: 13, value: 7.69 });
    expect(await result('IND-2.1', '2023', '524')).toMatchObject({ numerator: 1, denominator: 1, value: 100, status: 'ACHIEVED' });
    expect(await result('IND-2.1', '2023', '525')).toMatchObject({ numerator: 0, denominator: 1, value: 0 });
  });
  test('IND-2.1: no district-level units after 30/6/2025', async () => {
    // Nothing to count; a quarter of a yearly coverage is not judged anyway.
    expect(await result('IND-2.1', '2025Q3')).toMatchObject({ numerator: 0, denominator: 0, value: null, status: 'NOT_APPLICABLE' });
    expect(await result('IND-2.1', '2025S2')).toMatchObject({ numerator: 0, denominator: 0, value: null });
  });
  test('IND-2.2: integration per year', async () => {
    expect(await result('IND-2.2', '2023')).toMatchObject({ numerator: 2, denominator: 13, value: 15.38, target: 50 });
    expect(await result('IND-2.2', '2023Q1')).toMatchObject({ numerator: 2, denominator: 13 });
    // A yearly share over a run of years is not summed: each year is in the summary.
    expect(await result('IND-2.2', '2021-2025')).toMatchObject({ numerator: null, denominator: null, value: null, status: 'NOT_APPLICABLE' });
    expect(await result('IND-2.2', '2023', '529')).toMatchObject({ numerator: 0, denominator: 1, value: 0 });
  });
});

describe('IND-4.1 districts with a pilot model (range 1 to 2)', () => {
  test('counts units, not models', async () => {
    expect(await result('IND-4.1', '2023')).toMatchObject({ numerator: 2, denominator: null, value: 2, target: 1, status: 'ACHIEVED' });
    expect(await result('IND-4.1', '2023Q2')).toMatchObject({ numerator: 1, value: 1 });
    expect(await result('IND-4.1', '2022')).toMatchObject({ numerator: 1, value: 1 });
    expect(await result('IND-4.1', '2021')).toMatchObject({ numerator: 0, value: 0, status: 'NOT_MET' });
    expect(await result('IND-4.1', '2024', '534')).toMatchObject({ numerator: 0 });
    expect(await result('IND-4.1', '2023', '522')).toMatchObject({ numerator: 1 });
  });
});

describe("IND-4.2 persons in need and eligible who used support (labour's or health's)", () => {
  // In need and eligible in 2023: 0001 (Q1, 522), 0002 (Q2, 522), 0003 (Q2, 524), 0005 (Q2, 524), 0006 (Q3, 522).
  // Served in 2023: 0001 (labour Q1 and health Q1: once), 0002 (health Q2, labour Q3), 0003 (health Q2),
  // 0006 (health Q3, in 524) — health's by a referral to a social service; 0005 only had outreach and an HIV test.
  test("a year, quarters and districts: the union of both agencies' services, each person once", async () => {
    expect(await result('IND-4.2', '2023')).toMatchObject({ numerator: 4, denominator: 5, value: 80, target: 60, status: 'ACHIEVED' });
    expect(await result('IND-4.2', '2023Q1')).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
    expect(await result('IND-4.2', '2023Q2')).toMatchObject({ numerator: 2, denominator: 3, value: 66.67 });
    expect(await result('IND-4.2', '2023Q3')).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
    expect(await result('IND-4.2', '2023', '522')).toMatchObject({ numerator: 3, denominator: 3, value: 100 });
    expect(await result('IND-4.2', '2023', '524')).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    expect(await result('IND-4.2', '2022')).toMatchObject({ numerator: 0, denominator: 0, status: 'NO_DATA' });
  });

  test('by district and by quarter: SQL statements do not grow with the number of units or periods', async () => {
    const cost = async (query: string) => {
      // Computed, not kept: a statement that writes nothing still gives labour's data a new version.
      await system.ownerQuery('labour', 'DELETE FROM support_client WHERE false');
      const before = system.statements().labour;
      const data = dataOf(await system.query(query));
      return { data, statements: system.statements().labour - before };
    };
    const one = await cost(`{ indicator(code: "IND-4.2") { result(period: "2023") { orgUnit { id } numerator } } }`);
    const many = await cost(`{ indicator(code: "IND-4.2") { resultsByDistrict(period: "2023") { orgUnit { id } numerator denominator }
      series(from: "2023Q1", to: "2023Q4") { numerator } } }`);
    expect(many.statements).toBe(one.statements);
    const byDistrict = Object.fromEntries(many.data.indicator.resultsByDistrict.map((r: any) => [r.orgUnit.id, [r.numerator, r.denominator]]));
    expect(byDistrict).toMatchObject({ '522': [3, 3], '524': [1, 2], '527': [0, 0] });
    expect(many.data.indicator.series.map((r: any) => r.numerator)).toEqual([1, 2, 1, 0]);
  });
});

describe('IND-5.1a/b staff trained since 2021 (cumulative)', () => {
  test('IND-5.1a provincial staff', async () => {
    expect(await result('IND-5.1a', '2023')).toMatchObject({ numerator: 40, denominator: 50, value: 80, target: 70, status: 'ACHIEVED' });
    expect(await result('IND-5.1a', '2023Q1')).toMatchObject({ numerator: 25, denominator: 50, value: 50 });
    expect(await result('IND-5.1a', '2021')).toMatchObject({ numerator: 25, denominator: 40, value: 62.5 });
    expect(await result('IND-5.1a', '2023', '522')).toMatchObject({ numerator: 0, denominator: 0, status: 'NO_DATA' });
  });
  test('IND-5.1b district and commune staff', async () => {
    // No district or commune staff in post before 2023: 2023 is the first year with a value, the trajectory's baseline, not judged.
    expect(await result('IND-5.1b', '2023')).toMatchObject({ numerator: 40, denominator: 70, value: 57.14, target: 50, status: 'NOT_APPLICABLE' });
    expect(await result('IND-5.1b', '2023', '522')).toMatchObject({ numerator: 30, denominator: 60, value: 50 });
    expect(await result('IND-5.1b', '2023Q1', '524')).toMatchObject({ numerator: 10, denominator: 10, value: 100 });
  });
});

describe('task progress', () => {
  async function progress(id: string, period: string, orgUnit?: string) {
    const data = dataOf(
      await system.query(
        `query($id: ID!, $period: String!, $orgUnit: ID) { task(id: $id) { id ... on LabourTask { progress(period: $period, orgUnit: $orgUnit) { period count evidence } } ... on RegistryTask { registry: progress(period: $period) { count } } } }`,
        { id, period, orgUnit },
      ),
    );
    return data.task;
  }
  test('labour tasks count labour records', async () => {
    expect((await progress('TASK-V.1-6', '2023')).progress).toEqual({ period: '2023', count: 3, evidence: 'pilot models running' });
    expect((await progress('TASK-V.1-3', '2023')).progress).toMatchObject({ count: 3, evidence: 'training courses held' });
    expect((await progress('TASK-II.1b-2', '2023', '522')).progress).toMatchObject({ count: 4 }); // 21010: February, May, August; 21013: May
    expect((await progress('TASK-II.1b-4', '2023')).progress).toMatchObject({ count: 1 });
    expect((await progress('TASK-V.1-7', '2023')).progress).toBeNull();
  });
  test('tasks of agencies without a subgraph have no progress here', async () => {
    expect((await progress('TASK-V.3-1', '2023')).registry).toBeNull();
  });
});

describe('bad input is refused with the field named, and nothing is stored', () => {
  async function count(list: string): Promise<number> {
    return dataOf(await system.query(`{ ${list} { totalCount } }`))[list].totalCount;
  }

  test.each([
    [{ communeId: '21043', districtId: '522' }, 'communeId', 'not in district'],
    [{ communeId: '99999', districtId: '522' }, 'communeId', 'unknown commune'],
    [{ communeId: '21262-2025', districtId: '522', heldOn: '2023-05-01' }, 'communeId', 'did not exist'],
    [{ communeId: '21010', districtId: '522', participants: -1 }, 'participants', 'at least 0'],
    [{ communeId: '21010', districtId: '000' }, 'districtId', 'unknown district'],
    [{ communeId: '21010', districtId: '522', heldOn: '2099-01-01' }, 'heldOn', 'in the future'],
  ])('communication activity %o → %s', async (input, field, message) => {
    const before = await count('communicationActivities');
    const response = await system.query(m('recordCommunicationActivity', 'RecordCommunicationActivityInput'), {
      input: { form: 'BANNER', heldOn: '2023-06-01', ...input },
    });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(response.errors?.[0].message).toContain(message);
    expect(await count('communicationActivities')).toBe(before);
  });

  test.each([
    [{ workersEmployed: 10, workersReached: 11 }, 'workersReached', 'more than'],
    [{ workersEmployed: 10, workersReached: -2 }, 'workersReached', 'at least 0'],
    [{ workersEmployed: -1, workersReached: 0 }, 'workersEmployed', 'at least 0'],
    [{ workersEmployed: 10, workersReached: 5, businessId: 'not-a-uuid' }, 'businessId', 'not the id'],
  ])('business outreach %o → %s', async (input, field, message) => {
    const before = await count('businessOutreach');
    const response = await system.query(m('recordBusinessOutreach', 'RecordBusinessOutreachInput'), {
      input: { businessId: '00000000-0000-4000-8000-000000000001', districtId: '522', heldOn: '2023-06-01', ...input },
    });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(response.errors?.[0].message).toContain(message);
    expect(await count('businessOutreach')).toBe(before);
  });

  describe('the business is checked with police, through the graph', () => {
    const UNKNOWN = '00000000-0000-4000-8000-000000000001';
    /** A 522 business opened 2023-07-01 with no employees (so police's IND-1.3a denominator stays as it is). */
    let lateBusiness: string;

    beforeAll(async () => {
      lateBusiness = dataOf(
        await system.query(
          `mutation($input: CreateServiceBusinessInput!) { createServiceBusiness(input: $input) { id } }`,
          { input: { name: 'Nhà nghỉ Mới 522', kind: 'GUESTHOUSE', districtId: '522', employees: 0, openedOn: '2023-07-01' } },
          { as: caller('POLICE', 'AGENCY_HEAD') },
        ),
      ).createServiceBusiness.id;
    });

    test.each([
      ['a business police does not know', () => ({ businessId: UNKNOWN }), 'businessId', 'not a business registered with police'],
      ["a district that is not the business's", () => ({ districtId: '524' }), 'districtId', 'is not the district of business'],
      ['a day before the business opened', () => ({ businessId: lateBusiness, heldOn: '2023-06-30' }), 'heldOn', 'before the business opened (2023-07-01)'],
    ])('%s → BAD_USER_INPUT, nothing stored, one police statement', async (_what, input, field, message) => {
      const before = await count('businessOutreach');
      const police = system.statements().police;
      const response = await system.query(m('recordBusinessOutreach', 'RecordBusinessOutreachInput'), {
        input: { businessId: business522, districtId: '522', heldOn: '2023-06-01', workersEmployed: 10, workersReached: 5, ...input() },
      });
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(response.errors?.[0].message).toContain(message);
      expect(await count('businessOutreach')).toBe(before);
      expect(system.statements().police - police).toBe(1);
    });

    test('a district officer of 524 cannot attach outreach to a 522 business by claiming 524', async () => {
      const before = await count('businessOutreach');
      const response = await system.query(
        m('recordBusinessOutreach', 'RecordBusinessOutreachInput'),
        {
          input: { businessId: business522, districtId: '524', heldOn: '2023-06-01', workersEmployed: 10, workersReached: 5 },
        },
        { as: caller('DISTRICTS', 'DISTRICT_OFFICER', '524') },
      );
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'districtId' });
      // The answer must not reveal the business's district; ids and correlation ids are hex,
      // so 522 inside one of them is no leak.
      expect(JSON.stringify(response)).not.toMatch(/(?<![0-9a-f])522(?![0-9a-f])/i);
      expect(await count('businessOutreach')).toBe(before);
    });

    test('a correction moving a session before the business opened is refused', async () => {
      const current = await run(
        'recordBusinessOutreach',
        'RecordBusinessOutreachInput',
        {
          businessId: lateBusiness,
          districtId: '522',
          heldOn: '2023-07-01',
          workersEmployed: 2,
          workersReached: 1,
        },
        'id version heldOn',
      );
      try {
        const response = await system.query(m('updateBusinessOutreach', 'UpdateBusinessOutreachInput'), {
          input: { id: current.id, expectedVersion: current.version, heldOn: '2023-06-30' },
        });
        expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'heldOn' });
        const [after] = dataOf(
          await system.query(`query($id: ID!) { businessOutreach(filter: { targetId: $id }) { nodes { id version heldOn } } }`, { id: lateBusiness }),
        ).businessOutreach.nodes;
        expect(after).toEqual(current);
      } finally {
        // Out again, so the indicators computed above and below stay as they are.
        await system.subgraphs.labour.dataSource.query('DELETE FROM business_outreach WHERE id = $1', [current.id]);
      }
    });

    test("serviceBusinessDistricts is not in the gateway's graph for a person", async () => {
      for (const person of [caller('LABOUR', 'AGENCY_OFFICER'), caller('POLICE', 'AGENCY_HEAD')]) {
        const response = await system.query(
          `query($ids: [ID!]!) { serviceBusinessDistricts(ids: $ids) { id districtId } }`,
          { ids: [business522] },
          { as: person },
        );
        expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(response.data ?? null).toBeNull();
      }
    });
  });

  test("zone outreach beyond the zone's workforce", async () => {
    const zones = dataOf(await system.query(`{ industrialZones { id name } }`)).industrialZones;
    const vsip = zones.find((z: { name: string }) => z.name === 'KCN VSIP Quảng Ngãi').id;
    const before = await count('zoneOutreach');
    const response = await system.query(m('recordZoneOutreach', 'RecordZoneOutreachInput'), {
      input: { zoneId: vsip, heldOn: '2023-06-01', workersReached: 1001 },
    });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'workersReached' });
    const noYear = await system.query(m('recordZoneOutreach', 'RecordZoneOutreachInput'), { input: { zoneId: vsip, heldOn: '2021-06-01', workersReached: 1 } });
    expect(noYear.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'heldOn' });
    expect(await count('zoneOutreach')).toBe(before);
  });

  test('a person is known only by a pseudonymous code', async () => {
    const before = await count('supportClients');
    const response = await system.query(m('registerSupportClient', 'RegisterSupportClientInput'), {
      input: { code: 'Nguyễn Thị A', districtId: '522', registeredOn: '2023-01-01' },
    });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    const unknown = await system.query(m('recordSupportServiceUse', 'RecordSupportServiceUseInput'), {
      input: { clientCode: 'QNG-ZZZZ9999', serviceKind: 'LEGAL_AID', usedOn: '2023-01-01' },
    });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'clientCode' });
    expect(await count('supportClients')).toBe(before);
  });

  test('a pilot that ends before it starts; a course with more new trainees than participants', async () => {
    const pilots = await count('pilotModels');
    const pilot = await system.query(m('startPilotModel', 'StartPilotModelInput'), {
      input: { name: 'X', kind: 'PREVENTION', districtId: '522', startedOn: '2023-05-01', endedOn: '2023-04-01' },
    });
    expect(pilot.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endedOn' });
    expect(await count('pilotModels')).toBe(pilots);
    const courses = await count('trainingCourses');
    const course = await system.query(m('recordTrainingCourse', 'RecordTrainingCourseInput'), {
      input: { title: 'X', level: 'DISTRICT', districtId: '522', heldOn: '2023-05-01', participants: 10, newTrainees: 11 },
    });
    expect(course.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newTrainees' });
    const noDistrict = await system.query(m('recordTrainingCourse', 'RecordTrainingCourseInput'), {
      input: { title: 'X', level: 'COMMUNE', heldOn: '2023-05-01', participants: 10, newTrainees: 1 },
    });
    expect(noDistrict.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'districtId' });
    expect(await count('trainingCourses')).toBe(courses);
  });

  test('an unknown period in a filter', async () => {
    const response = await system.query(`{ communicationActivities(filter: { period: "2023Q7" }) { totalCount } }`);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.period' });
  });
});

describe('updates', () => {
  test('a stale version gets a conflict and changes nothing', async () => {
    const ended = await run(
      'updatePilotModel',
      'UpdatePilotModelInput',
      { id: pilotId, expectedVersion: pilotVersion, endedOn: '2024-12-31' },
      'id version endedOn',
    );
    expect(ended).toMatchObject({ version: pilotVersion + 1, endedOn: '2024-12-31' });
    const stale = await system.query(m('updatePilotModel', 'UpdatePilotModelInput'), {
      input: { id: pilotId, expectedVersion: pilotVersion, endedOn: '2025-01-31' },
    });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
  });
});

describe('lists', () => {
  test('filters by period and unit, cursor pagination', async () => {
    const q2 = dataOf(await system.query(`{ communicationActivities(filter: { period: "2023Q2", districtId: "522" }) { totalCount nodes { communeId } } }`));
    expect(q2.communicationActivities.totalCount).toBe(2);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = dataOf(
        await system.query(`query($after: String) { communicationActivities(first: 2, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } } }`, {
          after,
        }),
      );
      seen.push(...page.communicationActivities.nodes.map((n: { id: string }) => n.id));
      if (!page.communicationActivities.pageInfo.hasNextPage) break;
      after = page.communicationActivities.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(8);
  });

  test('statements do not grow with the length of a list', async () => {
    const listQuery = (first: number) => `{ communicationActivities(first: ${first}) { nodes { district { name } commune { name } } }
      supportClients(first: ${first}) { nodes { code assessments { assessedOn } services { usedOn } } }
      zoneOutreach(first: ${first}) { nodes { zone { name workforce { year workersEmployed } } } } }`;
    const cost = async (first: number) => {
      const before = system.statements().labour;
      dataOf(await system.query(listQuery(first)));
      return system.statements().labour - before;
    };
    expect(await cost(5)).toBe(await cost(1));
  });

  test('all nine indicators by district in one statement', async () => {
    const before = system.statements().labour;
    const data = dataOf(await system.query(`{ indicators(owner: "LABOUR") { code resultsByDistrict(period: "2023") { numerator } } }`));
    expect(data.indicators).toHaveLength(9);
    // the catalogue list, the data version, the measures (one UNION ALL) — not one per indicator or district
    expect(system.statements().labour - before).toBeLessThanOrEqual(4);
  });
});

describe('when police is down', () => {
  test('IND-1.3a fails with SUBGRAPH_UNAVAILABLE naming police; the other indicators still answer', async () => {
    await system.stopSubgraph('police');
    const response = await system.query(
      `{ a: indicator(code: "IND-1.3a") { result(period: "2023") { value } } b: indicator(code: "IND-1.3b") { result(period: "2023") { value } } }`,
    );
    expect(response.data?.b.result).toMatchObject({ value: 50 });
    expect(response.data?.a.result).toBeNull();
    const error = response.errors?.find((e) => e.path?.includes('a'));
    expect(error?.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
    // The same shape as the gateway's own: the failed agency in `extensions.service`.
    expect(error?.extensions?.service).toBe('police');
    // The client learns which agency failed, not its address or the low-level reason (those go to labour's log).
    expect(error?.message).toBe('the police subgraph is unavailable');
  });
});

describe('when health is down', () => {
  test('IND-4.2 fails alone with SUBGRAPH_UNAVAILABLE naming health; the other indicators still answer', async () => {
    await system.stopSubgraph('health');
    const response = await system.query(`{
      a: indicator(code: "IND-4.2") { result(period: "2023") { value } }
      b: indicator(code: "IND-4.1") { result(period: "2023") { numerator } }
      c: indicator(code: "IND-2.2") { resultsByDistrict(period: "2023") { numerator } }
    }`);
    expect(response.data?.a.result).toBeNull();
    expect(response.data?.b.result).toMatchObject({ numerator: 2 });
    expect(response.data?.c.resultsByDistrict).toHaveLength(13);
    const errors = response.errors ?? [];
    expect(errors).toHaveLength(1);
    expect(errors[0].path).toEqual(['a', 'result']);
    expect(errors[0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE' });
    expect(errors[0].message).toBe('the health subgraph is unavailable');
    expect(JSON.stringify(errors[0])).not.toMatch(/https?:|127\.0\.0\.1|localhost|ECONNREFUSED|fetch failed/i);
  });
});

describe('recording business outreach when police is down', () => {
  let down: TestSystem;
  let businessId: string;
  let outreach: { id: string; version: number };
  const outreachCount = async () => dataOf(await down.query(`{ businessOutreach { totalCount } }`)).businessOutreach.totalCount;

  beforeAll(async () => {
    down = await startSystem({ as: caller('LABOUR', 'AGENCY_OFFICER') });
    businessId = dataOf(
      await down.query(
        `mutation($input: CreateServiceBusinessInput!) { createServiceBusiness(input: $input) { id } }`,
        { input: { name: 'Karaoke 524', kind: 'KARAOKE', districtId: '524', employees: 12, openedOn: '2020-01-01' } },
        { as: caller('POLICE', 'AGENCY_HEAD') },
      ),
    ).createServiceBusiness.id;
    outreach = dataOf(
      await down.query(m('recordBusinessOutreach', 'RecordBusinessOutreachInput'), {
        input: { businessId, districtId: '524', heldOn: '2023-05-01', workersEmployed: 12, workersReached: 5 },
      }),
    ).recordBusinessOutreach;
    await down.stopSubgraph('police');
  });
  afterAll(() => down.stop());

  test('recording or correcting fails with SUBGRAPH_UNAVAILABLE naming police, and nothing is stored', async () => {
    const before = await outreachCount();
    const response = await down.query(m('recordBusinessOutreach', 'RecordBusinessOutreachInput'), {
      input: { businessId, districtId: '524', heldOn: '2023-08-01', workersEmployed: 12, workersReached: 6 },
    });
    expect(response.errors?.[0].extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
    expect(response.errors?.[0].message).toBe('the police subgraph is unavailable');
    expect(JSON.stringify(response.errors)).not.toMatch(/https?:|127\.0\.0\.1|localhost|ECONNREFUSED|fetch failed/i);
    const update = await down.query(m('updateBusinessOutreach', 'UpdateBusinessOutreachInput'), {
      input: { id: outreach.id, expectedVersion: outreach.version, workersReached: 7 },
    });
    expect(update.errors?.[0].extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
    expect(await outreachCount()).toBe(before);
    const [row] = await down.subgraphs.labour.dataSource.query('SELECT version, workers_reached FROM business_outreach WHERE id = $1', [outreach.id]);
    expect(row).toEqual({ version: outreach.version, workers_reached: 5 });
  });
});
