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
  const data = dataOf(await system.query(
    `query($code: ID!, $period: String!, $orgUnit: ID) { indicator(code: $code) { code result(period: $period, orgUnit: $orgUnit) { numerator denominator value target status } } }`,
    { code, period, orgUnit },
  ));
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
    const response = await system.query(PROPOSE, { input: { domain: 'tim-ban-dem.example', proposedOn: '2024-03-01', reason: 'PROSTITUTION_ADVERTISING', ...input } });
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
    const proposed = dataOf(await system.query(PROPOSE, { input: { domain: ' Massage-VIP.example. ', proposedOn: '2024-03-01', reason: 'PROSTITUTION_ADVERTISING' } })).proposeWebsiteBlocking;
    expect(proposed).toMatchObject({ domain: 'massage-vip.example', blocked: false });
    const again = await system.query(PROPOSE, { input: { domain: 'massage-vip.example', proposedOn: '2024-03-05', reason: 'BROKERING' } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'domain' });
    const early = await system.query(UPDATE_BLOCKING, { input: { id: proposed.id, expectedVersion: proposed.version, blockedOn: '2024-02-01' } });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'blockedOn' });
    const blocked = dataOf(await system.query(UPDATE_BLOCKING, { input: { id: proposed.id, expectedVersion: proposed.version, blockedOn: '2024-03-20' } })).updateWebsiteBlocking;
    expect(blocked).toMatchObject({ blockedOn: '2024-03-20', blocked: true, version: proposed.version + 1 });
    const stale = await system.query(UPDATE_BLOCKING, { input: { id: proposed.id, expectedVersion: proposed.version, blockedOn: '2024-03-21' } });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const lists = dataOf(await system.query(`{ blocked: websiteBlockingProposals(filter: { blocked: true, period: "2024Q1" }) { totalCount } pending: websiteBlockingProposals(filter: { blocked: false }) { totalCount } }`));
    expect(lists).toEqual({ blocked: { totalCount: 1 }, pending: { totalCount: 0 } });
  });
});

describe('lists', () => {
  test('filters by period, level and district', async () => {
    const data = dataOf(await system.query(`{
      q1: publications(filter: { period: "2024Q1" }) { totalCount }
      central: publications(filter: { level: CENTRAL }) { totalCount }
      city: publications(filter: { districtId: "522", period: "2024" }) { totalCount }
    }`));
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
