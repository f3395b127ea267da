import { caller, dataOf, startSystem, TestSystem } from '../../../test/harness';

/**
 * Health end to end through the gateway: harm-reduction contacts by pseudonymous code
 * and staff health checks at police-registered businesses, entered by mutations.
 */
let system: TestSystem;

const CONTACT = `mutation($input: RecordHarmReductionContactInput!) { recordHarmReductionContact(input: $input) { id version clientCode } }`;
const UPDATE_CONTACT = `mutation($input: UpdateHarmReductionContactInput!) { updateHarmReductionContact(input: $input) { id version service } }`;
const CHECK = `mutation($input: RecordHealthCheckInput!) { recordHealthCheck(input: $input) { id version business { id } } }`;
const CREATE_BUSINESS = `mutation($input: CreateServiceBusinessInput!) { createServiceBusiness(input: $input) { id } }`;
const POLICE = caller('POLICE', 'AGENCY_HEAD');

let businessId: string;

async function contact(clientCode: string, contactedOn: string, districtId: string, service: string) {
  return dataOf(await system.query(CONTACT, { input: { clientCode, contactedOn, districtId, service } })).recordHarmReductionContact;
}

async function count(list: 'harmReductionContacts' | 'periodicHealthChecks'): Promise<number> {
  return dataOf(await system.query(`{ ${list} { totalCount } }`))[list].totalCount;
}

beforeAll(async () => {
  system = await startSystem({ as: caller('HEALTH', 'AGENCY_HEAD') });
  businessId = dataOf(await system.query(CREATE_BUSINESS, { input: { name: 'Karaoke Sao Mai', kind: 'KARAOKE', districtId: '522', employees: 10, openedOn: '2020-05-01' } }, { as: POLICE })).createServiceBusiness.id;
  await contact('QNG-AB12CD34', '2024-02-01', '522', 'OUTREACH');
  await contact('qng-ab12cd34', '2024-02-15', '522', 'HIV_TEST');
  await contact('QNG-ZX98YW76', '2024-05-03', '524', 'CONDOM_DISTRIBUTION');
  await contact('QNG-ZX98YW76', '2024-08-20', '524', 'PREP');
  await contact('QNG-MN45PQ67', '2023-11-30', '522', 'REFERRAL_SOCIAL_SERVICE');
});

afterAll(() => system.stop());

describe('harm-reduction contacts', () => {
  test('codes are stored in one form and lists filter by period, district, service and client', async () => {
    const data = dataOf(await system.query(`{
      q1: harmReductionContacts(filter: { period: "2024Q1" }) { totalCount nodes { clientCode service district { id } } }
      y2024: harmReductionContacts(filter: { period: "2024", districtId: "524" }) { totalCount }
      tests: harmReductionContacts(filter: { service: HIV_TEST }) { totalCount }
      client: harmReductionContacts(filter: { clientCode: "qng-zx98yw76" }) { totalCount }
    }`));
    expect(data.q1.totalCount).toBe(2);
    expect(data.q1.nodes.map((n: any) => n.clientCode)).toEqual(['QNG-AB12CD34', 'QNG-AB12CD34']);
    expect(data.q1.nodes[0].district).toEqual({ id: '522' });
    expect(data.y2024.totalCount).toBe(2);
    expect(data.tests.totalCount).toBe(1);
    expect(data.client.totalCount).toBe(2);
  });

  test.each([
    [{ clientCode: 'Nguyễn Thị A' }, 'clientCode', 'pseudonymous code'],
    [{ clientCode: 'QNG-1234' }, 'clientCode', 'pseudonymous code'],
    [{ districtId: '000' }, 'districtId', 'unknown district'],
    [{ contactedOn: '2099-01-01' }, 'contactedOn', 'in the future'],
  ])('bad contact %o → %s, nothing stored', async (input, field, message) => {
    const before = await count('harmReductionContacts');
    const response = await system.query(CONTACT, { input: { clientCode: 'QNG-AB12CD34', contactedOn: '2024-03-01', districtId: '522', service: 'OUTREACH', ...input } });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(response.errors?.[0].message).toContain(message);
    expect(await count('harmReductionContacts')).toBe(before);
  });

  test('a correction needs the version read', async () => {
    const created = await contact('QNG-CD56EF78', '2024-06-01', '522', 'OUTREACH');
    const edit = (service: string) => system.query(UPDATE_CONTACT, { input: { id: created.id, expectedVersion: created.version, service } });
    const [a, b] = await Promise.all([edit('HIV_TEST'), edit('STI_TREATMENT')]);
    expect([a, b].map((r) => r.errors?.[0].extensions?.code ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
  });

  test('a district officer sees and records only their district', async () => {
    const officer = caller('HEALTH', 'DISTRICT_OFFICER', '524');
    const list = dataOf(await system.query(`{ harmReductionContacts { totalCount nodes { district { id } } } }`, {}, { as: officer }));
    expect(list.harmReductionContacts.totalCount).toBe(2);
    const before = await count('harmReductionContacts');
    const response = await system.query(CONTACT, { input: { clientCode: 'QNG-AB12CD34', contactedOn: '2024-03-01', districtId: '522', service: 'OUTREACH' } }, { as: officer });
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await count('harmReductionContacts')).toBe(before);
  });

  test('other agencies cannot read the records', async () => {
    const response = await system.query(`{ harmReductionContacts { totalCount } }`, {}, { as: POLICE });
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('periodic health checks of service-business staff', () => {
  test('a check points at the police business by its key', async () => {
    const check = dataOf(await system.query(CHECK, { input: { businessId, checkedOn: '2024-04-10', staffChecked: 8, staffReferred: 1, districtId: '522' } })).recordHealthCheck;
    expect(check.business).toEqual({ id: businessId });
    const data = dataOf(await system.query(`query($id: ID!) { periodicHealthChecks(filter: { businessId: $id, period: "2024" }) { totalCount nodes { staffChecked staffReferred } } }`, { id: businessId }));
    expect(data.periodicHealthChecks).toEqual({ totalCount: 1, nodes: [{ staffChecked: 8, staffReferred: 1 }] });
  });

  test.each([
    [{ staffChecked: 0 }, 'staffChecked', 'at least 1'],
    [{ staffChecked: -4 }, 'staffChecked', 'at least 1'],
    [{ staffChecked: 3, staffReferred: 4 }, 'staffReferred', 'at most 3'],
    [{ staffReferred: -1 }, 'staffReferred', 'at least 0'],
    [{ businessId: 'Karaoke Sao Mai' }, 'businessId', 'not a ServiceBusiness id'],
    [{ districtId: '000' }, 'districtId', 'unknown district'],
  ])('bad check %o → %s, nothing stored', async (input, field, message) => {
    const before = await count('periodicHealthChecks');
    const response = await system.query(CHECK, { input: { businessId, checkedOn: '2024-05-01', staffChecked: 5, districtId: '522', ...input } });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(response.errors?.[0].message).toContain(message);
    expect(await count('periodicHealthChecks')).toBe(before);
  });

  test('an unknown period in a filter', async () => {
    const response = await system.query(`{ periodicHealthChecks(filter: { period: "2024Q5" }) { totalCount } }`);
    expect(response.errors?.[0].message).toContain("unknown period '2024Q5'");
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.period' });
  });

  test('SQL statements do not grow with the length of a list', async () => {
    for (let i = 0; i < 7; i++) {
      dataOf(await system.query(CHECK, { input: { businessId, checkedOn: `2023-0${i + 1}-15`, staffChecked: 4, districtId: '522' } }));
    }
    const statementsFor = async (first: number) => {
      const before = system.statements().health;
      const data = dataOf(await system.query(`query($first: Int) { periodicHealthChecks(first: $first) { nodes { checkedOn business { id } district { id } } } }`, { first }));
      expect(data.periodicHealthChecks.nodes).toHaveLength(first);
      return system.statements().health - before;
    };
    expect(await statementsFor(2)).toBe(await statementsFor(8));
  });
});

describe('task progress counted from health records', () => {
  // Runs last: counts every record the tests above stored.
  // Contacts: 2023-11-30 (522); 2024-02-01, 2024-02-15, 2024-06-01 (522); 2024-05-03, 2024-08-20 (524).
  // Checks: 2024-04-10 (522); seven on the 15th of January to July 2023 (522).
  async function task(id: string, period: string, orgUnit?: string) {
    return dataOf(await system.query(
      `query($id: ID!, $period: String!, $orgUnit: ID) { task(id: $id) { __typename id progress(period: $period, orgUnit: $orgUnit) { period count evidence } } }`,
      { id, period, orgUnit },
    )).task;
  }

  test('TASK-V.4-2 counts periodic health checks of service-business staff', async () => {
    expect(await task('TASK-V.4-2', '2024')).toEqual({
      __typename: 'HealthTask',
      id: 'TASK-V.4-2',
      progress: { period: '2024', count: 1, evidence: 'periodic health checks of service-business staff (one per business visit)' },
    });
    expect((await task('TASK-V.4-2', '2023')).progress).toMatchObject({ count: 7 });
    expect((await task('TASK-V.4-2', '2023Q1')).progress).toMatchObject({ period: '2023Q1', count: 3 });
    expect((await task('TASK-V.4-2', '2023', '522')).progress).toMatchObject({ count: 7 });
    expect((await task('TASK-V.4-2', '2023', '524')).progress).toMatchObject({ count: 0 });
  });

  test('TASK-V.4-1 counts harm-reduction services given', async () => {
    expect((await task('TASK-V.4-1', '2024')).progress).toMatchObject({ count: 5, evidence: expect.stringContaining('harm-reduction') });
    expect((await task('TASK-V.4-1', '2024', '522')).progress).toMatchObject({ count: 3 });
    expect((await task('TASK-V.4-1', '2024', '524')).progress).toMatchObject({ count: 2 });
    expect((await task('TASK-V.4-1', '2024Q1')).progress).toMatchObject({ count: 2 });
    expect((await task('TASK-V.4-1', '2023Q4')).progress).toMatchObject({ count: 1 });
  });

  test('a task of another agency is not answered by health', async () => {
    const before = system.statements().health;
    const data = dataOf(await system.query(`{ task(id: "TASK-V.8-1") { __typename ... on HealthTask { progress(period: "2024") { count } } } }`));
    expect(data.task).toEqual({ __typename: 'EducationTask' });
    expect(system.statements().health).toBe(before);
    // Asked directly under health's type, health has no evidence for it.
    const direct = dataOf(await system.querySubgraph(
      'health',
      `{ _entities(representations: [{ __typename: "HealthTask", id: "TASK-V.8-1" }]) { ... on HealthTask { id progress(period: "2024") { count } } } }`,
      {},
      { as: caller('HEALTH', 'AGENCY_HEAD') },
    ));
    expect(direct._entities).toEqual([{ id: 'TASK-V.8-1', progress: null }]);
  });
});
