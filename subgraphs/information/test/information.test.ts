import { caller, dataOf, startSystem, TestSystem } from '../../../test/harness';

/**
 * Information end to end through the gateway: outlets and publications entered by
 * mutations, IND-1.2a and IND-1.2b checked against values computed by hand.
 */
let system: TestSystem;

const CREATE_OUTLET = `mutation($input: CreatePressOutletInput!) { createPressOutlet(input: $input) { id version } }`;
const PUBLISH = `mutation($input: RecordPublicationInput!) { recordPublication(input: $input) { id version } }`;
const PROPOSE = `mutation($input: ProposeWebsiteBlockingInput!) { proposeWebsiteBlocking(input: $input) { id version domain blocked } }`;
const UPDATE_BLOCKING = `mutation($input: UpdateWebsiteBlockingInput!) { updateWebsiteBlocking(input: $input) { id version blockedOn blocked } }`;

const outlets: Record<string, string> = {};

async function outlet(key: string, name: string, level: string, medium: string) {
  outlets[key] = dataOf(await system.query(CREATE_OUTLET, { input: { name, level, medium } })).createPressOutlet.id;
}

async function publish(key: string, publishedOn: string, districtId?: string, kind = 'ARTICLE') {
  dataOf(await system.query(PUBLISH, { input: { outletId: outlets[key], publishedOn, kind, title: 'Phòng, chống tệ nạn mại dâm', districtId } }));
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

async function publicationCount(): Promise<number> {
  return dataOf(await system.query(`{ publications { totalCount } }`)).publications.totalCount;
}

beforeAll(async () => {
  system = await startSystem({ as: caller('INFORMATION', 'AGENCY_HEAD') });
  await outlet('P1', 'Báo Quảng Ngãi', 'PROVINCIAL', 'PRINT');
  await outlet('P2', 'Đài Phát thanh - Truyền hình Quảng Ngãi', 'PROVINCIAL', 'TV');
  await outlet('C1', 'Báo Lao động', 'CENTRAL', 'PRINT');
  await outlet('C2', 'VnExpress', 'CENTRAL', 'ONLINE');
  // Provincial pieces in 2024: January (twice), February (about 522), March (about 524), April, July.
  await publish('P1', '2024-01-05');
  await publish('P1', '2024-01-20', undefined, 'NEWS');
  await publish('P1', '2024-02-10', '522');
  await publish('P2', '2024-03-31', '524', 'BROADCAST');
  await publish('P1', '2024-04-01');
  await publish('P2', '2024-07-15', undefined, 'PROGRAMME');
  // Central pieces: one at the end of 2023, two in May 2024 (one about 522).
  await publish('C1', '2023-12-31');
  await publish('C1', '2024-05-05');
  await publish('C2', '2024-05-06', '522', 'NEWS');
});

afterAll(() => system.stop());

describe('IND-1.2a months with a provincial publication', () => {
  test('a year: 5 of 12 months (January counted once)', async () => {
    expect(await result('IND-1.2a', '2024')).toMatchObject({ numerator: 5, denominator: 12, value: 41.67, target: 100, status: 'NOT_MET' });
  });
  test('quarters', async () => {
    expect(await result('IND-1.2a', '2024Q1')).toMatchObject({ numerator: 3, denominator: 3, value: 100, status: 'ACHIEVED' });
    expect(await result('IND-1.2a', '2024Q2')).toMatchObject({ numerator: 1, denominator: 3, value: 33.33, status: 'NOT_MET' });
  });
  test('a district counts the pieces about it', async () => {
    expect(await result('IND-1.2a', '2024', '522')).toMatchObject({ numerator: 1, denominator: 12, value: 8.33 });
    expect(await result('IND-1.2a', '2024Q1', '524')).toMatchObject({ numerator: 1, denominator: 3, value: 33.33 });
  });
  test('central pieces do not count', async () => {
    expect(await result('IND-1.2a', '2023')).toMatchObject({ numerator: 0, denominator: 12, value: 0 });
  });
});

describe('IND-1.2b central publications', () => {
  test('a year: two in 2024 meets the target of two', async () => {
    expect(await result('IND-1.2b', '2024')).toMatchObject({ numerator: 2, denominator: null, value: 2, target: 2, status: 'ACHIEVED' });
    expect(await result('IND-1.2b', '2023')).toMatchObject({ numerator: 1, value: 1, status: 'NOT_MET' });
  });
  test('quarters', async () => {
    expect(await result('IND-1.2b', '2024Q2')).toMatchObject({ numerator: 2, value: 2 });
    expect(await result('IND-1.2b', '2024Q1')).toMatchObject({ numerator: 0, value: 0, status: 'NOT_MET' });
  });
  test('one district', async () => {
    expect(await result('IND-1.2b', '2024', '522')).toMatchObject({ numerator: 1, value: 1 });
    expect(await result('IND-1.2b', '2024', '524')).toMatchObject({ numerator: 0, value: 0 });
  });
});

describe('bad input is refused with the field named, and nothing is stored', () => {
  test.each([
    [{ outletId: '00000000-0000-4000-8000-000000000000' }, 'outletId', 'no press outlet'],
    [{ districtId: '000' }, 'districtId', 'unknown district'],
    [{ title: '   ' }, 'title', 'must not be empty'],
    [{ publishedOn: '2099-01-01' }, 'publishedOn', 'in the future'],
    [{ url: 'baoquangngai.vn/bai-viet' }, 'url', 'not an http(s) address'],
  ])('publication %o → %s', async (input, field, message) => {
    const before = await publicationCount();
    const response = await system.query(PUBLISH, { input: { outletId: outlets.P1, publishedOn: '2024-06-01', kind: 'NEWS', title: 'Tin', ...input } });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(response.errors?.[0].message).toContain(message);
    expect(await publicationCount()).toBe(before);
  });

  test('a second outlet with the same name', async () => {
    const response = await system.query(CREATE_OUTLET, { input: { name: 'Báo Quảng Ngãi', level: 'PROVINCIAL', medium: 'ONLINE' } });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  });

  test.each([
    [{ domain: 'http://massage-vip.example/path' }, 'domain', 'not a domain name'],
    [{ domain: 'no spaces.example' }, 'domain', 'not a domain name'],
    [{ domain: 'localhost' }, 'domain', 'not a domain name'],
    [{ blockedOn: '2024-02-28' }, 'blockedOn', 'before proposedOn'],
  ])('website %o → %s', async (input, field, message) => {
    const count = async () => dataOf(await system.query(`{ websiteBlockingProposals { totalCount } }`)).websiteBlockingProposals.totalCount;
    const before = await count();
    const response = await system.query(PROPOSE, {
      input: { domain: 'tim-ban-dem.example', proposedOn: '2024-03-01', reason: 'PROSTITUTION_ADVERTISING', ...input },
    });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(response.errors?.[0].message).toContain(message);
    expect(await count()).toBe(before);
  });

  test('an unknown period', async () => {
    const response = await system.query(`{ indicator(code: "IND-1.2a") { code result(period: "2024Q5") { value } } }`);
    expect(response.errors?.[0].message).toContain("unknown period '2024Q5'");
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
    const list = await system.query(`{ publications(filter: { period: "2024Q5" }) { totalCount } }`);
    expect(list.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.period' });
  });
});

describe('websites proposed for blocking', () => {
  test('proposed, then blocked; the domain is stored in one form', async () => {
    const proposed = dataOf(
      await system.query(PROPOSE, { input: { domain: ' Massage-VIP.example. ', proposedOn: '2024-03-01', reason: 'PROSTITUTION_ADVERTISING' } }),
    ).proposeWebsiteBlocking;
    expect(proposed).toMatchObject({ domain: 'massage-vip.example', blocked: false });
    const again = await system.query(PROPOSE, { input: { domain: 'massage-vip.example', proposedOn: '2024-03-05', reason: 'BROKERING' } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'domain' });
    const early = await system.query(UPDATE_BLOCKING, { input: { id: proposed.id, expectedVersion: proposed.version, blockedOn: '2024-02-01' } });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'blockedOn' });
    const blocked = dataOf(
      await system.query(UPDATE_BLOCKING, { input: { id: proposed.id, expectedVersion: proposed.version, blockedOn: '2024-03-20' } }),
    ).updateWebsiteBlocking;
    expect(blocked).toMatchObject({ blockedOn: '2024-03-20', blocked: true, version: proposed.version + 1 });
    const stale = await system.query(UPDATE_BLOCKING, { input: { id: proposed.id, expectedVersion: proposed.version, blockedOn: '2024-03-21' } });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const lists = dataOf(
      await system.query(
        `{ blocked: websiteBlockingProposals(filter: { blocked: true, period: "2024Q1" }) { totalCount } pending: websiteBlockingProposals(filter: { blocked: false }) { totalCount } }`,
      ),
    );
    expect(lists).toEqual({ blocked: { totalCount: 1 }, pending: { totalCount: 0 } });
  });
});

describe('lists', () => {
  test('filters by period, level and district', async () => {
    const data = dataOf(
      await system.query(`{
      q1: publications(filter: { period: "2024Q1" }) { totalCount }
      central: publications(filter: { level: CENTRAL }) { totalCount }
      city: publications(filter: { districtId: "522", period: "2024" }) { totalCount }
    }`),
    );
    expect(data).toEqual({ q1: { totalCount: 4 }, central: { totalCount: 3 }, city: { totalCount: 2 } });
  });

  test('SQL statements do not grow with the length of a list', async () => {
    const statementsFor = async (first: number) => {
      const before = system.statements().information;
      const data = dataOf(await system.query(`query($first: Int) { publications(first: $first) { nodes { title outlet { name level } } } }`, { first }));
      expect(data.publications.nodes).toHaveLength(first);
      return system.statements().information - before;
    };
    expect(await statementsFor(2)).toBe(await statementsFor(8));
  });
});

describe('task progress counted from information records', () => {
  // Runs last: counts the records stored above. Pieces in 2024: provincial on 01-05, 01-20 (NEWS), 02-10 (522),
  // 03-31 (BROADCAST, 524), 04-01, 07-15 (PROGRAMME); central on 05-05 and 05-06 (522). One central piece on 2023-12-31.
  // One website proposed for blocking, on 2024-03-01.
  async function task(id: string, period: string, orgUnit?: string) {
    return dataOf(
      await system.query(
        `query($id: ID!, $period: String!, $orgUnit: ID) { task(id: $id) { __typename id progress(period: $period, orgUnit: $orgUnit) { period count evidence } } }`,
        { id, period, orgUnit },
      ),
    ).task;
  }
  const count = async (id: string, period: string, orgUnit?: string) => (await task(id, period, orgUnit)).progress.count;

  test('TASK-II.1b-3 and TASK-V.7-3 count every piece published', async () => {
    expect(await task('TASK-II.1b-3', '2024')).toEqual({
      __typename: 'InformationTask',
      id: 'TASK-II.1b-3',
      progress: { period: '2024', count: 8, evidence: 'pieces on prostitution prevention published or broadcast by provincial and central press outlets' },
    });
    expect(await count('TASK-II.1b-3', '2023')).toBe(1);
    expect(await count('TASK-II.1b-3', '2024Q2')).toBe(3);
    expect(await count('TASK-II.1b-3', '2024', '522')).toBe(2);
    expect(await count('TASK-V.7-3', '2024')).toBe(8);
  });

  test('TASK-V.7-1 and TASK-V.11-1 count pieces by provincial outlets', async () => {
    expect(await count('TASK-V.7-1', '2024')).toBe(6);
    expect(await count('TASK-V.7-1', '2024Q1')).toBe(4);
    expect(await count('TASK-V.7-1', '2024', '522')).toBe(1);
    expect(await count('TASK-V.7-1', '2023')).toBe(0);
    // PRESS's tasks are information's type too.
    expect(await task('TASK-V.11-1', '2024')).toMatchObject({ __typename: 'InformationTask', progress: { count: 6 } });
  });

  test('TASK-V.11-2 counts provincial programmes and broadcasts', async () => {
    expect(await count('TASK-V.11-2', '2024')).toBe(2);
    expect(await count('TASK-V.11-2', '2024Q1')).toBe(1);
    expect(await count('TASK-V.11-2', '2024', '524')).toBe(1);
    expect(await count('TASK-V.11-2', '2024', '522')).toBe(0);
  });

  test('TASK-V.7-2 counts websites proposed for blocking, province-wide only', async () => {
    expect((await task('TASK-V.7-2', '2024')).progress).toMatchObject({ count: 1, evidence: expect.stringContaining('proposed for blocking') });
    expect(await count('TASK-V.7-2', '2024Q1')).toBe(1);
    expect(await count('TASK-V.7-2', '2024Q2')).toBe(0);
    expect(await count('TASK-V.7-2', '2024', '522')).toBe(0);
  });

  test('a task of another agency is not answered by information, even one it co-owns', async () => {
    // TASK-V.1-4 is labour's, with INFORMATION as co-owner.
    const before = system.statements().information;
    const data = dataOf(await system.query(`{ task(id: "TASK-V.1-4") { __typename ... on InformationTask { progress(period: "2024") { count } } } }`));
    expect(data.task).toEqual({ __typename: 'LabourTask' });
    expect(system.statements().information).toBe(before);
    // Asked directly under information's type, information has no evidence for it.
    const direct = dataOf(
      await system.querySubgraph(
        'information',
        `{ _entities(representations: [{ __typename: "InformationTask", id: "TASK-V.1-4" }]) { ... on InformationTask { id progress(period: "2024") { count } } } }`,
        {},
        { as: caller('INFORMATION', 'AGENCY_HEAD') },
      ),
    );
    expect(direct._entities).toEqual([{ id: 'TASK-V.1-4', progress: null }]);
  });
});
