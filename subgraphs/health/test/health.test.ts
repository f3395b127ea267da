import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importJWK, SignJWT } from 'jose';
import { ANONYMOUS, DEV_AUDIENCE, DEV_ISSUER, DEV_KEYS_DIR, identityClaims, Identity } from '@qn/common';
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

/** `unit` is the district before 1/7/2025, the commune-level unit from then (the one rule for a record's place). */
async function contact(clientCode: string, contactedOn: string, unit: string, service: string) {
  const place = contactedOn < '2025-07-01' ? { districtId: unit } : { communeId: unit };
  return dataOf(await system.query(CONTACT, { input: { clientCode, contactedOn, ...place, service } })).recordHarmReductionContact;
}

async function count(list: 'harmReductionContacts' | 'periodicHealthChecks'): Promise<number> {
  return dataOf(await system.query(`{ ${list} { totalCount } }`))[list].totalCount;
}

beforeAll(async () => {
  system = await startSystem({ as: caller('HEALTH', 'AGENCY_HEAD') });
  businessId = dataOf(
    await system.query(
      CREATE_BUSINESS,
      { input: { name: 'Karaoke Sao Mai', kind: 'KARAOKE', districtId: '522', employees: 10, openedOn: '2020-05-01' } },
      { as: POLICE },
    ),
  ).createServiceBusiness.id;
  await contact('QNG-AB12CD34', '2024-02-01', '522', 'OUTREACH');
  await contact('qng-ab12cd34', '2024-02-15', '522', 'HIV_TEST');
  await contact('QNG-ZX98YW76', '2024-05-03', '524', 'CONDOM_DISTRIBUTION');
  await contact('QNG-ZX98YW76', '2024-08-20', '524', 'PREP');
  await contact('QNG-MN45PQ67', '2023-11-30', '522', 'REFERRAL_SOCIAL_SERVICE');
});

afterAll(() => system.stop());

describe('harm-reduction contacts', () => {
  test('codes are stored in one form and lists filter by period, district, service and client', async () => {
    const data = dataOf(
      await system.query(`{
      q1: harmReductionContacts(filter: { period: "2024Q1" }) { totalCount nodes { clientCode service district { id } } }
      y2024: harmReductionContacts(filter: { period: "2024", districtId: "524" }) { totalCount }
      tests: harmReductionContacts(filter: { service: HIV_TEST }) { totalCount }
      client: harmReductionContacts(filter: { clientCode: "qng-zx98yw76" }) { totalCount }
    }`),
    );
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
    const response = await system.query(CONTACT, {
      input: { clientCode: 'QNG-AB12CD34', contactedOn: '2024-03-01', districtId: '522', service: 'OUTREACH', ...input },
    });
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
    const response = await system.query(
      CONTACT,
      { input: { clientCode: 'QNG-AB12CD34', contactedOn: '2024-03-01', districtId: '522', service: 'OUTREACH' } },
      { as: officer },
    );
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await count('harmReductionContacts')).toBe(before);
  });

  test('other agencies cannot read the records', async () => {
    const response = await system.query(`{ harmReductionContacts { totalCount } }`, {}, { as: POLICE });
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('healthServiceUsers: counts for another subgraph (IND-4.2), never for a person', () => {
  const SERVICE_USERS = `query($period: String!, $codes: [String!]!, $orgUnit: ID) { healthServiceUsers(period: $period, clientCodes: $codes, orgUnit: $orgUnit) }`;
  const LABOUR_SERVICE: Identity = { ...caller('LABOUR', 'AGENCY_OFFICER'), service: 'labour' };
  // Xã Bình Sơn (21040-2025-07), formed from seven communes of Huyện Bình Sơn (524).
  beforeAll(() => contact('QNG-KL11MN22', '2025-08-02', '21040-2025-07', 'REFERRAL_SOCIAL_SERVICE'));
  const asService = (variables: Record<string, unknown>, as: Identity = LABOUR_SERVICE) => system.querySubgraph('health', SERVICE_USERS, variables, { as });
  const count = async (variables: Record<string, unknown>, as?: Identity) => dataOf(await asService(variables, as)).healthServiceUsers;

  test('labour, calling as a service, learns how many of its codes health gave social support — referrals to a social service, in the period and district', async () => {
    const codes = ['QNG-AB12CD34', 'QNG-ZX98YW76', 'QNG-MN45PQ67', 'QNG-KL11MN22', 'QNG-UNKNOWN1'];
    // 2024: AB12CD34 had outreach and an HIV test, ZX98YW76 condoms and PrEP — harm reduction, not social support.
    expect(await count({ period: '2024', codes })).toBe(0);
    // MN45PQ67 was referred to a social service in 2023 (Quảng Ngãi city), KL11MN22 in August 2025 (Bình Sơn).
    expect(await count({ period: '2023', codes })).toBe(1);
    expect(await count({ period: '2025', codes })).toBe(1);
    expect(await count({ period: '2025Q1', codes })).toBe(0);
    expect(await count({ period: '2025Q3', codes })).toBe(1);
    // Counted where it stood on its date: the new commune; Huyện Bình Sơn (524) ended on 30/6/2025 and only its records up to then count for it.
    expect(await count({ period: '2025', codes, orgUnit: '21040-2025-07' })).toBe(1);
    expect(await count({ period: '2025Q3', codes, orgUnit: '21040-2025-07' })).toBe(1);
    expect(await count({ period: '2025', codes, orgUnit: '524' })).toBe(0);
    expect(await count({ period: '2025', codes, orgUnit: '21034-2025-07' })).toBe(0);
    expect(await count({ period: '2025', codes, orgUnit: '522' })).toBe(0);
    expect(await count({ period: '2023', codes, orgUnit: '522' })).toBe(1);
    expect(await count({ period: '2023', codes: ['qng-mn45pq67', 'QNG-MN45PQ67'] })).toBe(1);
    expect(await count({ period: '2024', codes: [] })).toBe(0);
    // Serving an anonymous caller (published yearly figures) is still a service call.
    expect(await count({ period: '2023', codes }, { ...ANONYMOUS, service: 'labour' })).toBe(1);
  });

  test('one SQL statement however many codes', async () => {
    const codes = Array.from({ length: 5000 }, (_, i) => `QNG-${String(i).padStart(8, '0')}`);
    const before = system.statements().health;
    expect(await count({ period: '2023', codes: [...codes.slice(0, 4999), 'QNG-MN45PQ67'] })).toBe(1);
    expect(system.statements().health - before).toBe(1);
  });

  test.each([
    [{ codes: Array.from({ length: 5001 }, (_, i) => `QNG-${String(i).padStart(8, '0')}`) }, 'clientCodes', 'at most 5000'],
    [{ codes: ['QNG-AB12CD34', 'Nguyễn Thị A'] }, 'clientCodes', 'pseudonymous code'],
    [{ period: '2024Q7' }, 'period', 'unknown period'],
    [{ orgUnit: '000' }, 'orgUnit', 'unknown'],
    [{ period: '2025', orgUnit: '21142' }, 'orgUnit', 'split between'],
  ])('bad input %#: %s', async (variables, field, message) => {
    const response = await asService({ period: '2024', codes: ['QNG-AB12CD34'], ...variables });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(response.errors?.[0].message).toContain(message);
  });

  test.each([
    caller('HEALTH', 'AGENCY_HEAD'),
    caller('HEALTH', 'AGENCY_OFFICER'),
    caller('HEALTH', 'DISTRICT_OFFICER', '522'),
    caller('LABOUR', 'AGENCY_HEAD'),
    caller('DOLISA', 'COORDINATOR'),
    caller(null, 'ANALYST'),
  ])("no person may call it, whatever their role: not in the gateway's graph, FORBIDDEN at health itself: %o", async (person) => {
    const response = await system.query(SERVICE_USERS, { period: '2024', codes: ['QNG-AB12CD34'] }, { as: person });
    expect(response.data?.healthServiceUsers ?? null).toBeNull();
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const direct = await system.querySubgraph('health', SERVICE_USERS, { period: '2024', codes: ['QNG-AB12CD34'] }, { as: person });
    expect(direct.data?.healthServiceUsers ?? null).toBeNull();
    expect(direct.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  test('nor anonymously, nor with a token of their own that claims to be a service', async () => {
    // Straight at health with the gateway's token for an anonymous caller.
    const anonymous = await system.querySubgraph('health', SERVICE_USERS, { period: '2024', codes: ['QNG-AB12CD34'] }, { as: null });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // A caller's token signed by the identity provider, with a `service` claim: the gateway ignores the claim.
    const jwk = JSON.parse(readFileSync(path.join(DEV_KEYS_DIR, 'private-key.json'), 'utf8'));
    const token = await new SignJWT({ ...identityClaims(caller('HEALTH', 'AGENCY_HEAD')), service: 'labour' })
      .setProtectedHeader({ alg: 'ES256', kid: jwk.kid })
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(await importJWK(jwk, 'ES256'));
    // Through the gateway the field is not in the graph at all (@inaccessible), whatever the token claims.
    const claimed = await system.query(SERVICE_USERS, { period: '2024', codes: ['QNG-AB12CD34'] }, { as: null, headers: { authorization: `Bearer ${token}` } });
    expect(claimed.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(claimed.data?.healthServiceUsers ?? null).toBeNull();
  });

  test('straight to the subgraph, a gateway token without `service` is refused', async () => {
    for (const person of [caller('HEALTH', 'AGENCY_HEAD'), caller('DOLISA', 'COORDINATOR')]) {
      const response = await asService({ period: '2024', codes: ['QNG-AB12CD34'] }, person);
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('periodic health checks of service-business staff', () => {
  test('a check points at the police business by its key', async () => {
    const check = dataOf(
      await system.query(CHECK, { input: { businessId, checkedOn: '2024-04-10', staffChecked: 8, staffReferred: 1, districtId: '522' } }),
    ).recordHealthCheck;
    expect(check.business).toEqual({ id: businessId });
    const data = dataOf(
      await system.query(
        `query($id: ID!) { periodicHealthChecks(filter: { businessId: $id, period: "2024" }) { totalCount nodes { staffChecked staffReferred } } }`,
        { id: businessId },
      ),
    );
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

  describe('the business is checked with police, through the graph', () => {
    const UPDATE_CHECK = `mutation($input: UpdateHealthCheckInput!) { updateHealthCheck(input: $input) { id version checkedOn } }`;
    const UNKNOWN = '00000000-0000-4000-8000-000000000001';
    let closedId: string;

    beforeAll(async () => {
      closedId = dataOf(
        await system.query(
          CREATE_BUSINESS,
          {
            input: { name: 'Massage Hoa Sen', kind: 'MASSAGE', districtId: '522', employees: 6, openedOn: '2019-03-01', closedOn: '2022-12-31' },
          },
          { as: POLICE },
        ),
      ).createServiceBusiness.id;
    });

    test.each([
      ['a business police does not know', () => ({ businessId: UNKNOWN }), 'businessId', 'not a business registered with police'],
      ["a district that is not the business's", () => ({ districtId: '524' }), 'districtId', 'is not the district of business'],
      ['a day before the business opened', () => ({ checkedOn: '2020-04-30' }), 'checkedOn', 'before the business opened (2020-05-01)'],
      ['a day after the business closed', () => ({ businessId: closedId, checkedOn: '2023-01-01' }), 'checkedOn', 'after the business closed (2022-12-31)'],
    ])('%s → BAD_USER_INPUT, nothing stored, one police statement', async (_what, input, field, message) => {
      const before = await count('periodicHealthChecks');
      const police = system.statements().police;
      const response = await system.query(CHECK, { input: { businessId, checkedOn: '2024-05-01', staffChecked: 5, districtId: '522', ...input() } });
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(response.errors?.[0].message).toContain(message);
      expect(response.data?.recordHealthCheck ?? null).toBeNull();
      expect(await count('periodicHealthChecks')).toBe(before);
      expect(system.statements().police - police).toBe(1);
    });

    test('the last day a business is open still counts', async () => {
      const before = await count('periodicHealthChecks');
      // Rolled back by hand below so the task counts at the end stay as they are.
      const check = dataOf(
        await system.query(CHECK, { input: { businessId: closedId, checkedOn: '2022-12-31', staffChecked: 2, districtId: '522' } }),
      ).recordHealthCheck;
      await system.subgraphs.health.dataSource.query('DELETE FROM periodic_health_check WHERE id = $1', [check.id]);
      expect(await count('periodicHealthChecks')).toBe(before);
    });

    test('an officer of 524 cannot attach a check to a 522 business by claiming 524', async () => {
      const before = await count('periodicHealthChecks');
      const response = await system.query(
        CHECK,
        { input: { businessId, checkedOn: '2024-05-01', staffChecked: 5, districtId: '524' } },
        {
          as: caller('HEALTH', 'DISTRICT_OFFICER', '524'),
        },
      );
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'districtId' });
      expect(JSON.stringify(response)).not.toContain('522');
      expect(await count('periodicHealthChecks')).toBe(before);
    });

    test("a correction moving a check outside the business's life is refused; one inside it is taken", async () => {
      const [current] = dataOf(await system.query(`{ periodicHealthChecks(filter: { period: "2024" }) { nodes { id version checkedOn } } }`))
        .periodicHealthChecks.nodes;
      const refused = await system.query(UPDATE_CHECK, { input: { id: current.id, expectedVersion: current.version, checkedOn: '2019-12-31' } });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'checkedOn' });
      expect(refused.errors?.[0].message).toContain('before the business opened');
      const same = dataOf(
        await system.query(UPDATE_CHECK, { input: { id: current.id, expectedVersion: current.version, checkedOn: current.checkedOn } }),
      ).updateHealthCheck;
      expect(same).toMatchObject({ id: current.id, version: current.version + 1, checkedOn: current.checkedOn });
    });

    test("serviceBusinessDistricts is for subgraphs only: not in the gateway's graph, and every person is FORBIDDEN at police itself", async () => {
      const query = `query($ids: [ID!]!) { serviceBusinessDistricts(ids: $ids) { id districtId openedOn closedOn } }`;
      for (const person of [POLICE, caller('HEALTH', 'AGENCY_HEAD'), caller('LABOUR', 'AGENCY_OFFICER'), caller('DOLISA', 'COORDINATOR')]) {
        const response = await system.query(query, { ids: [businessId] }, { as: person });
        expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
        const direct = await system.querySubgraph('police', query, { ids: [businessId] }, { as: person });
        expect(direct.errors?.[0].extensions?.code).toBe('FORBIDDEN');
        expect(JSON.stringify([response, direct])).not.toContain('2020-05-01');
      }
      // Asked by the health service straight at police: in order, null where unknown.
      const asHealth = { ...caller('HEALTH', 'AGENCY_HEAD'), service: 'health' };
      const answer = dataOf(await system.querySubgraph('police', query, { ids: [closedId, UNKNOWN, 'not-a-uuid', businessId] }, { as: asHealth }));
      expect(answer.serviceBusinessDistricts).toEqual([
        { id: closedId, districtId: '522', openedOn: '2019-03-01', closedOn: '2022-12-31' },
        null,
        null,
        { id: businessId, districtId: '522', openedOn: '2020-05-01', closedOn: null },
      ]);
      const tooMany = await system.querySubgraph('police', query, { ids: Array.from({ length: 1001 }, () => UNKNOWN) }, { as: asHealth });
      expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
    });
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
      const data = dataOf(
        await system.query(`query($first: Int) { periodicHealthChecks(first: $first) { nodes { checkedOn business { id } district { id } } } }`, { first }),
      );
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
    return dataOf(
      await system.query(
        `query($id: ID!, $period: String!, $orgUnit: ID) { task(id: $id) { __typename id progress(period: $period, orgUnit: $orgUnit) { period count evidence } } }`,
        { id, period, orgUnit },
      ),
    ).task;
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
    const direct = dataOf(
      await system.querySubgraph(
        'health',
        `{ _entities(representations: [{ __typename: "HealthTask", id: "TASK-V.8-1" }]) { ... on HealthTask { id progress(period: "2024") { count } } } }`,
        {},
        { as: caller('HEALTH', 'AGENCY_HEAD') },
      ),
    );
    expect(direct._entities).toEqual([{ id: 'TASK-V.8-1', progress: null }]);
  });
});

describe('when police is down', () => {
  let down: TestSystem;
  let checkId: string;
  let downBusinessId: string;
  const HEALTH = caller('HEALTH', 'AGENCY_HEAD');
  const checks = async () => dataOf(await down.query(`{ periodicHealthChecks { totalCount } }`)).periodicHealthChecks.totalCount;

  beforeAll(async () => {
    down = await startSystem({ as: HEALTH });
    downBusinessId = dataOf(
      await down.query(
        CREATE_BUSINESS,
        { input: { name: 'Karaoke Ánh Dương', kind: 'KARAOKE', districtId: '524', employees: 8, openedOn: '2021-01-01' } },
        { as: POLICE },
      ),
    ).createServiceBusiness.id;
    checkId = dataOf(await down.query(CHECK, { input: { businessId: downBusinessId, checkedOn: '2024-03-01', staffChecked: 4, districtId: '524' } }))
      .recordHealthCheck.id;
    await down.stopSubgraph('police');
  });
  afterAll(() => down.stop());

  test('recording or correcting a check fails with SUBGRAPH_UNAVAILABLE naming police, and nothing is stored', async () => {
    const before = await checks();
    const response = await down.query(CHECK, { input: { businessId: downBusinessId, checkedOn: '2024-06-01', staffChecked: 4, districtId: '524' } });
    expect(response.errors?.[0].extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
    expect(response.errors?.[0].message).toBe('the police subgraph is unavailable');
    expect(JSON.stringify(response.errors)).not.toMatch(/https?:|127\.0\.0\.1|localhost|ECONNREFUSED|fetch failed/i);
    const update = await down.query(`mutation($input: UpdateHealthCheckInput!) { updateHealthCheck(input: $input) { id version } }`, {
      input: { id: checkId, expectedVersion: 1, staffChecked: 5 },
    });
    expect(update.errors?.[0].extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
    expect(await checks()).toBe(before);
    const [row] = await down.subgraphs.health.dataSource.query('SELECT version, staff_checked FROM periodic_health_check WHERE id = $1', [checkId]);
    expect(row).toEqual({ version: 1, staff_checked: 4 });
  });
});
