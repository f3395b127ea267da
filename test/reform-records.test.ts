import { caller, dataOf, GraphQLResponse, startSystem, TestSystem } from './harness';

/**
 * Police's records, health's and labour's business-linked records across the 1/7/2025
 * reform, through the gateway: before it a record names its district (and commune), from
 * it the commune-level unit and no district; a business keeps its old place and carries
 * the unit it lies in from 1/7/2025; a record attached to a business must stand where the
 * business stood on the record's date; police's numbers count each record where it stood.
 *
 * Units (../shared/data/org-units-quang-ngai-2025-07-01.detail.tsv): Xã Bình Sơn
 * (21040-2025-07) was formed whole from seven communes of Huyện Bình Sơn (524), among them
 * Bình Thạnh (21046) and Bình Chánh (21052); Xã An Phú (21034-2025-07) from four communes
 * of Quảng Ngãi city (522); Trà Bùi (21142, Huyện Trà Bồng 525) was split between Cà Đam
 * (21136-2025-07) and Tây Trà Bồng (21157-2025-07).
 */
let system: TestSystem;
const POLICE = caller('POLICE', 'AGENCY_HEAD');
const HEALTH = caller('HEALTH', 'AGENCY_HEAD');
const LABOUR = caller('LABOUR', 'AGENCY_HEAD');
const BINH_SON = '21040-2025-07';
const AN_PHU = '21034-2025-07';

const code = (r: GraphQLResponse) => r.errors?.[0]?.extensions?.code;
const field = (r: GraphQLResponse) => r.errors?.[0]?.extensions?.field;
const message = (r: GraphQLResponse) => r.errors?.[0]?.message ?? '';

const RECEIVE_TIP = `mutation($input: ReceiveTipInput!) { receiveTip(input: $input) { id version districtId communeId commune { id } district { id } } }`;
const HANDLE_TIP = `mutation($input: HandleTipInput!) { handleTip(input: $input) { id } }`;
const OPEN_CASE = `mutation($input: OpenCriminalCaseInput!) { openCriminalCase(input: $input) { id districtId communeId } }`;
const CREATE_BUSINESS = `mutation($input: CreateServiceBusinessInput!) { createServiceBusiness(input: $input) { id districtId communeId communeAfterReformId communeAfterReform { id } } }`;
const INSPECT = `mutation($input: RecordInspectionInput!) { recordInspection(input: $input) { id } }`;
const CHECK = `mutation($input: RecordHealthCheckInput!) { recordHealthCheck(input: $input) { id districtId communeId } }`;
const REACH = `mutation($input: RecordBusinessOutreachInput!) { recordBusinessOutreach(input: $input) { id districtId communeId } }`;

async function tip(receivedOn: string, place: { districtId?: string; communeId?: string }, handledAfterDays?: number) {
  const received = dataOf(
    await system.query(RECEIVE_TIP, { input: { kind: 'CRIME_REPORT', channel: 'HOTLINE', receivedOn, ...place } }, { as: POLICE }),
  ).receiveTip;
  if (handledAfterDays !== undefined) {
    const handledOn = new Date(Date.parse(`${receivedOn}T00:00:00Z`) + handledAfterDays * 86400000).toISOString().slice(0, 10);
    dataOf(
      await system.query(
        HANDLE_TIP,
        { input: { id: received.id, expectedVersion: received.version, handledOn, outcome: 'ADMINISTRATIVE_SANCTION', verification: 'CONFIRMED' } },
        { as: POLICE },
      ),
    );
  }
  return received;
}

async function business(input: Record<string, unknown>) {
  return dataOf(await system.query(CREATE_BUSINESS, { input: { kind: 'KARAOKE', employees: 10, ...input } }, { as: POLICE })).createServiceBusiness;
}

async function result(indicator: string, period: string, orgUnit?: string) {
  const data = dataOf(
    await system.query(
      `query($code: ID!, $period: String!, $orgUnit: ID) { indicator(code: $code) { result(period: $period, orgUnit: $orgUnit) { numerator denominator value orgUnit { id } computedOver { id } } } }`,
      { code: indicator, period, orgUnit },
      { as: POLICE },
    ),
  );
  return data.indicator.result;
}

const count = async (list: string, as = POLICE) => dataOf(await system.query(`{ ${list} { totalCount } }`, {}, { as }))[list].totalCount;

beforeAll(async () => {
  system = await startSystem({ as: POLICE });
});
afterAll(() => system?.stop());

describe('police tips and criminal cases by the one rule for a place', () => {
  test('a tip of 2025-09-01 names its commune-level unit and is stored without a district', async () => {
    const received = await tip('2025-09-01', { communeId: BINH_SON });
    expect(received).toMatchObject({ districtId: null, communeId: BINH_SON, district: null, commune: { id: BINH_SON } });
    const listed = dataOf(await system.query(`{ tips(filter: { communeId: "${BINH_SON}" }) { nodes { id } } }`, {}, { as: POLICE })).tips.nodes;
    expect(listed.map((t: { id: string }) => t.id)).toContain(received.id);
  });

  test('a tip of 2025-09-01 with a district is BAD_USER_INPUT on districtId, listing the units valid that day, and nothing is stored', async () => {
    const before = await count('tips');
    const response = await system.query(
      RECEIVE_TIP,
      { input: { kind: 'CRIME_REPORT', channel: 'HOTLINE', receivedOn: '2025-09-01', districtId: '524' } },
      { as: POLICE },
    );
    expect(code(response)).toBe('BAD_USER_INPUT');
    expect(field(response)).toBe('districtId');
    expect(message(response)).toContain('there is no district level on 2025-09-01');
    expect(message(response)).toContain(`${AN_PHU} Xã An Phú`);
    const old = await system.query(
      RECEIVE_TIP,
      { input: { kind: 'CRIME_REPORT', channel: 'HOTLINE', receivedOn: '2025-09-01', communeId: '21046' } },
      { as: POLICE },
    );
    expect(field(old)).toBe('communeId');
    expect(message(old)).toContain(`it is now ${BINH_SON} Xã Bình Sơn`);
    const none = await system.query(RECEIVE_TIP, { input: { kind: 'CRIME_REPORT', channel: 'HOTLINE', receivedOn: '2025-09-01' } }, { as: POLICE });
    expect(field(none)).toBe('communeId');
    expect(await count('tips')).toBe(before);
  });

  test('before 1/7/2025 a commune is optional but must lie in the district; a case of 2025-10-01 names its unit', async () => {
    const wrong = await system.query(
      RECEIVE_TIP,
      { input: { kind: 'CRIME_REPORT', channel: 'HOTLINE', receivedOn: '2024-03-01', districtId: '522', communeId: '21046' } },
      { as: POLICE },
    );
    expect(field(wrong)).toBe('communeId');
    const opened = dataOf(
      await system.query(OPEN_CASE, { input: { openedOn: '2025-10-01', charges: ['BROKERING_PROSTITUTION'], communeId: AN_PHU } }, { as: POLICE }),
    ).openCriminalCase;
    expect(opened).toMatchObject({ districtId: null, communeId: AN_PHU });
    const withDistrict = await system.query(
      OPEN_CASE,
      { input: { openedOn: '2025-10-01', charges: ['BROKERING_PROSTITUTION'], districtId: '522' } },
      { as: POLICE },
    );
    expect(field(withDistrict)).toBe('districtId');
  });
});

describe('IND-3.1 across the reform: each tip counted where it was received, on its date', () => {
  beforeAll(async () => {
    // 2025 before the reform.
    await tip('2025-03-10', { districtId: '522' }, 5); // T1 in time
    await tip('2025-05-05', { districtId: '524', communeId: '21046' }, 10); // T2 in time, Bình Thạnh → Xã Bình Sơn
    await tip('2025-06-30', { districtId: '524' }); // T3 not handled, Bình Sơn district only
    // 2025 after the reform.
    await tip('2025-07-01', { communeId: BINH_SON }, 20); // T4 in time (the 20th day is the deadline)
    await tip('2025-10-02', { communeId: AN_PHU }, 30); // T5 late
    // 2024: one tip with its commune, one with its district only.
    await tip('2024-10-10', { districtId: '524', communeId: '21052' }, 3); // T6 in time, Bình Chánh → Xã Bình Sơn
    await tip('2024-04-04', { districtId: '524' }, 3); // T7 in time, district only
  });

  test('the 2025 result for the province is the records before and after 1/7/2025', async () => {
    // Received in 2025: T1, T2, T3 before 1/7 and T4, T5 after, plus the tip of 2025-09-01 above (not handled) = 6;
    // handled by the deadline: T1, T2, T4 = 3 → 3 / 6 = 50%.
    expect(await result('IND-3.1', '2025')).toMatchObject({ numerator: 3, denominator: 6, value: 50, orgUnit: { id: '51' }, computedOver: [{ id: '51' }] });
    // Before the reform alone (2025Q2: T2, T3; 2025Q1: T1) and after it alone (2025Q3: T4 and the tip of 2025-09-01; 2025Q4: T5).
    expect(await result('IND-3.1', '2025Q1')).toMatchObject({ numerator: 1, denominator: 1 });
    expect(await result('IND-3.1', '2025Q2')).toMatchObject({ numerator: 1, denominator: 2 });
    expect(await result('IND-3.1', '2025Q3')).toMatchObject({ numerator: 1, denominator: 2 });
    expect(await result('IND-3.1', '2025Q4')).toMatchObject({ numerator: 0, denominator: 1 });
  });

  test("a new commune's 2025 counts its own tips and those of its predecessors before 1/7/2025", async () => {
    // Xã Bình Sơn: T2 (Bình Thạnh, in time), T4 (in time) and the tip of 2025-09-01 (open) = 2 / 3;
    // T3 named only Huyện Bình Sơn, which is not one of its communes' records.
    const binhSon = await result('IND-3.1', '2025', BINH_SON);
    expect(binhSon).toMatchObject({ numerator: 2, denominator: 3, orgUnit: { id: BINH_SON } });
    expect(binhSon.computedOver.map((u: { id: string }) => u.id).sort()).toEqual(
      [BINH_SON, '21040', '21046', '21052', '21055', '21070', '21082', '21088'].sort(),
    );
    // Huyện Bình Sơn in 2025 is its records up to 30/6/2025: T2, T3 → 1 / 2.
    expect(await result('IND-3.1', '2025', '524')).toMatchObject({ numerator: 1, denominator: 2, computedOver: [{ id: '524' }] });
  });

  test('a 2024 result for a new commune is computed over its predecessors and says so', async () => {
    // 2024 in Xã Bình Sơn's seven old communes: T6 (Bình Chánh) only; T7 named no commune → 1 / 1.
    const binhSon = await result('IND-3.1', '2024', BINH_SON);
    expect(binhSon).toMatchObject({ numerator: 1, denominator: 1, value: 100, orgUnit: { id: BINH_SON } });
    expect(binhSon.computedOver.map((u: { id: string }) => u.id).sort()).toEqual(['21040', '21046', '21052', '21055', '21070', '21082', '21088']);
  });
});

describe('service businesses across the reform', () => {
  test('an old commune that went whole to one unit gives the business its unit; one opened after the reform has only that unit', async () => {
    const old = await business({ name: 'Karaoke Bình Thạnh', districtId: '524', communeId: '21046', openedOn: '2020-01-01' });
    expect(old).toMatchObject({ districtId: '524', communeId: '21046', communeAfterReformId: BINH_SON, communeAfterReform: { id: BINH_SON } });
    const closed = await business({ name: 'Nhà nghỉ cũ', districtId: '524', communeId: '21046', openedOn: '2020-01-01', closedOn: '2025-05-01' });
    expect(closed.communeAfterReformId).toBeNull();
    const opened = await business({ name: 'Massage An Phú', communeAfterReformId: AN_PHU, openedOn: '2025-08-01' });
    expect(opened).toMatchObject({ districtId: null, communeId: AN_PHU, communeAfterReformId: AN_PHU });
    const withDistrict = await system.query(
      CREATE_BUSINESS,
      { input: { name: 'X', kind: 'BAR', districtId: '522', communeAfterReformId: AN_PHU, openedOn: '2025-08-01' } },
      { as: POLICE },
    );
    expect(field(withDistrict)).toBe('districtId');
  });

  test('a business in a split commune names its unit, one of those the commune went to', async () => {
    const before = await count('serviceBusinesses');
    const unnamed = await system.query(
      CREATE_BUSINESS,
      { input: { name: 'Nhà nghỉ Trà Bùi', kind: 'GUESTHOUSE', districtId: '525', communeId: '21142', openedOn: '2019-01-01' } },
      { as: POLICE },
    );
    expect(field(unnamed)).toBe('communeAfterReformId');
    expect(message(unnamed)).toContain('21136-2025-07 Xã Cà Đam (part)');
    expect(message(unnamed)).toContain('21157-2025-07 Xã Tây Trà Bồng (part)');
    const elsewhere = await system.query(
      CREATE_BUSINESS,
      {
        input: { name: 'Nhà nghỉ Trà Bùi', kind: 'GUESTHOUSE', districtId: '525', communeId: '21142', communeAfterReformId: BINH_SON, openedOn: '2019-01-01' },
      },
      { as: POLICE },
    );
    expect(field(elsewhere)).toBe('communeAfterReformId');
    expect(await count('serviceBusinesses')).toBe(before);
    expect(
      await business({
        name: 'Nhà nghỉ Trà Bùi',
        kind: 'GUESTHOUSE',
        districtId: '525',
        communeId: '21142',
        communeAfterReformId: '21136-2025-07',
        openedOn: '2019-01-01',
      }),
    ).toMatchObject({ communeAfterReformId: '21136-2025-07' });
  });
});

describe('correcting a business across the reform', () => {
  const UPDATE = `mutation($input: UpdateServiceBusinessInput!) { updateServiceBusiness(input: $input) { version communeAfterReformId } }`;
  const CREATE = `mutation($input: CreateServiceBusinessInput!) { createServiceBusiness(input: $input) { id version communeAfterReformId } }`;
  test('a business known only by its district is given its unit later; closing it before the reform takes the unit away', async () => {
    const created = dataOf(
      await system.query(CREATE, { input: { name: 'Bar Sông Trà', kind: 'BAR', districtId: '522', openedOn: '2016-01-01' } }, { as: POLICE }),
    ).createServiceBusiness;
    // Police does not know its old commune, so which of Quảng Ngãi city's units it went to is not known yet.
    expect(created.communeAfterReformId).toBeNull();
    // Until then no record of 1/7/2025 or later can name it: police's inspection, health's check.
    const inspection = await system.query(
      INSPECT,
      { input: { businessId: created.id, inspectedOn: '2025-08-01', team: 'POLICE', outcome: 'NO_VIOLATION' } },
      { as: POLICE },
    );
    expect([field(inspection), message(inspection)]).toEqual(['businessId', expect.stringContaining('updateServiceBusiness')]);
    const check = await system.query(CHECK, { input: { businessId: created.id, checkedOn: '2025-08-01', staffChecked: 2, communeId: AN_PHU } }, { as: HEALTH });
    expect([field(check), message(check)]).toEqual(['businessId', expect.stringContaining('updateServiceBusiness')]);
    const wrong = await system.query(UPDATE, { input: { id: created.id, expectedVersion: created.version, communeAfterReformId: BINH_SON } }, { as: POLICE });
    expect(field(wrong)).toBe('communeAfterReformId');
    expect(message(wrong)).toContain(`${AN_PHU} Xã An Phú`);
    const named = dataOf(
      await system.query(UPDATE, { input: { id: created.id, expectedVersion: created.version, communeAfterReformId: AN_PHU } }, { as: POLICE }),
    ).updateServiceBusiness;
    expect(named.communeAfterReformId).toBe(AN_PHU);
    const closed = dataOf(
      await system.query(UPDATE, { input: { id: created.id, expectedVersion: named.version, closedOn: '2025-04-30' } }, { as: POLICE }),
    ).updateServiceBusiness;
    expect(closed.communeAfterReformId).toBeNull();
  });
});

describe('records attached to a business stand where the business stood on their date', () => {
  let binhThanh: string;
  let anPhu: string;
  beforeAll(async () => {
    binhThanh = (await business({ name: 'Karaoke Sao Mai', districtId: '524', communeId: '21046', openedOn: '2019-06-01' })).id;
    anPhu = (await business({ name: 'Massage Hoa Sen', communeAfterReformId: AN_PHU, openedOn: '2025-07-15' })).id;
  });

  test('a health check after the reform against a business in another commune is refused, and nothing is stored', async () => {
    const before = await count('periodicHealthChecks', HEALTH);
    const other = await system.query(CHECK, { input: { businessId: binhThanh, checkedOn: '2025-09-10', staffChecked: 4, communeId: AN_PHU } }, { as: HEALTH });
    expect(code(other)).toBe('BAD_USER_INPUT');
    expect(field(other)).toBe('communeId');
    expect(message(other)).toContain(`'${AN_PHU}' is not the commune-level unit of business`);
    const district = await system.query(
      CHECK,
      { input: { businessId: binhThanh, checkedOn: '2025-09-10', staffChecked: 4, districtId: '524' } },
      { as: HEALTH },
    );
    expect(field(district)).toBe('districtId');
    expect(await count('periodicHealthChecks', HEALTH)).toBe(before);
    const ok = dataOf(
      await system.query(CHECK, { input: { businessId: binhThanh, checkedOn: '2025-09-10', staffChecked: 4, communeId: BINH_SON } }, { as: HEALTH }),
    ).recordHealthCheck;
    expect(ok).toMatchObject({ districtId: null, communeId: BINH_SON });
    // The same business before the reform is in its district (and old commune).
    const early = dataOf(
      await system.query(
        CHECK,
        { input: { businessId: binhThanh, checkedOn: '2025-03-10', staffChecked: 4, districtId: '524', communeId: '21046' } },
        { as: HEALTH },
      ),
    ).recordHealthCheck;
    expect(early).toMatchObject({ districtId: '524', communeId: '21046' });
    const wrongOld = await system.query(
      CHECK,
      { input: { businessId: binhThanh, checkedOn: '2025-03-10', staffChecked: 4, districtId: '524', communeId: '21052' } },
      { as: HEALTH },
    );
    expect(field(wrongOld)).toBe('communeId');
    expect(await count('periodicHealthChecks', HEALTH)).toBe(before + 2);
  });

  test("labour's business outreach follows its business's place: the new unit after the reform", async () => {
    const reach = (input: Record<string, unknown>) =>
      system.query(REACH, { input: { businessId: anPhu, heldOn: '2025-10-01', workersEmployed: 8, workersReached: 5, ...input } }, { as: LABOUR });
    const before = await count('businessOutreach', LABOUR);
    expect(field(await reach({ communeId: BINH_SON }))).toBe('communeId');
    expect(field(await reach({ districtId: '522', communeId: AN_PHU }))).toBe('districtId');
    expect(field(await reach({ communeId: AN_PHU, heldOn: '2025-07-10' }))).toBe('heldOn');
    expect(await count('businessOutreach', LABOUR)).toBe(before);
    const session = dataOf(await reach({ communeId: AN_PHU })).recordBusinessOutreach;
    expect(session).toMatchObject({ districtId: null, communeId: AN_PHU });
    const listed = dataOf(
      await system.query(
        `{ a: businessOutreach(filter: { communeId: "${AN_PHU}" }) { nodes { id } } b: businessOutreach(filter: { communeId: "${BINH_SON}" }) { nodes { id } } }`,
        {},
        { as: LABOUR },
      ),
    );
    expect(listed.a.nodes).toEqual([{ id: session.id }]);
    expect(listed.b.nodes).toEqual([]);
  });

  test("IND-3.3a counts an inspection where its business stood on the inspection's date", async () => {
    await dataOf(
      await system.query(INSPECT, { input: { businessId: binhThanh, inspectedOn: '2025-03-01', team: 'POLICE', outcome: 'NO_VIOLATION' } }, { as: POLICE }),
    );
    await dataOf(
      await system.query(INSPECT, { input: { businessId: anPhu, inspectedOn: '2025-10-01', team: 'TEAM_178', outcome: 'NO_VIOLATION' } }, { as: POLICE }),
    );
    // Operating in 2025 in Xã Bình Sơn or its old communes: Karaoke Bình Thạnh, Nhà nghỉ cũ (closed 1/5/2025, in Bình Thạnh),
    // Karaoke Sao Mai = 3; inspected in 2025 there: Sao Mai (1/3/2025, in Bình Thạnh) = 1.
    expect(await result('IND-3.3a', '2025', BINH_SON)).toMatchObject({ numerator: 1, denominator: 3 });
    // Xã An Phú: Massage An Phú and Massage Hoa Sen, opened after the reform; Hoa Sen inspected on 1/10/2025 → 1 / 2.
    expect(await result('IND-3.3a', '2025', AN_PHU)).toMatchObject({ numerator: 1, denominator: 2 });
    // Huyện Bình Sơn (524) in 2025 is its days to 30/6/2025: the three businesses of Bình Thạnh, Sao Mai inspected → 1 / 3.
    expect(await result('IND-3.3a', '2025', '524')).toMatchObject({ numerator: 1, denominator: 3 });
    // The province: every business operating in 2025 — the six above and Bar Sông Trà (closed 30/4/2025) — and the two inspected → 2 / 7.
    expect(await result('IND-3.3a', '2025')).toMatchObject({ numerator: 2, denominator: 7 });
    // Listed where the business stood on the inspection's date: Sao Mai's of 1/3/2025 in Bình Thạnh, not yet in Xã Bình Sơn.
    const list = async (communeId: string) =>
      dataOf(await system.query(`{ inspections(filter: { communeId: "${communeId}" }) { nodes { businessId inspectedOn } } }`, {}, { as: POLICE })).inspections
        .nodes;
    expect(await list('21046')).toEqual([{ businessId: binhThanh, inspectedOn: '2025-03-01' }]);
    expect(await list(BINH_SON)).toEqual([]);
    expect(await list(AN_PHU)).toEqual([{ businessId: anPhu, inspectedOn: '2025-10-01' }]);
  });
});

describe("a commune-level unit's officers (from 1/7/2025) work on their own unit's records", () => {
  const officer = caller('POLICE', 'DISTRICT_OFFICER', BINH_SON);
  test("police's officers of Xã Bình Sơn receive their unit's tips, not another unit's, and list only theirs", async () => {
    const own = dataOf(
      await system.query(RECEIVE_TIP, { input: { kind: 'COMPLAINT', channel: 'PHONE', receivedOn: '2025-12-01', communeId: BINH_SON } }, { as: officer }),
    ).receiveTip;
    expect(own.communeId).toBe(BINH_SON);
    const before = await count('tips');
    const other = await system.query(
      RECEIVE_TIP,
      { input: { kind: 'COMPLAINT', channel: 'PHONE', receivedOn: '2025-12-01', communeId: AN_PHU } },
      { as: officer },
    );
    expect(code(other)).toBe('FORBIDDEN');
    // Huyện Bình Sơn's officers hold no record after 30/6/2025.
    const district = await system.query(
      RECEIVE_TIP,
      { input: { kind: 'COMPLAINT', channel: 'PHONE', receivedOn: '2025-12-01', communeId: BINH_SON } },
      { as: caller('POLICE', 'DISTRICT_OFFICER', '524') },
    );
    expect(code(district)).toBe('FORBIDDEN');
    expect(await count('tips')).toBe(before);
    const seen = dataOf(await system.query('{ tips(first: 200) { nodes { communeId } } }', {}, { as: officer })).tips.nodes;
    expect(new Set(seen.map((t: { communeId: string }) => t.communeId))).toEqual(new Set([BINH_SON]));
    const businesses = dataOf(await system.query('{ serviceBusinesses(first: 200) { nodes { communeAfterReformId } } }', {}, { as: officer })).serviceBusinesses
      .nodes;
    expect(businesses.length).toBeGreaterThan(0);
    expect(businesses.every((b: { communeAfterReformId: string }) => b.communeAfterReformId === BINH_SON)).toBe(true);
  });
});

describe("every create mutation of police and health (and labour's business outreach) takes an idempotency key", () => {
  let hotel: string;
  beforeAll(async () => {
    hotel = (await business({ name: 'Khách sạn Biển Xanh', kind: 'HOTEL', districtId: '522', communeId: '21034', openedOn: '2018-03-01' })).id;
  });
  // subgraph, table, mutation, input type, the input, a change of it, the caller.
  const cases: [string, string, string, string, () => Record<string, unknown>, Record<string, unknown>, typeof POLICE][] = [
    [
      'police',
      'service_business',
      'createServiceBusiness',
      'CreateServiceBusinessInput',
      () => ({ name: 'Karaoke Một Lần', kind: 'KARAOKE', communeAfterReformId: AN_PHU, openedOn: '2025-09-01' }),
      { name: 'Karaoke Hai Lần' },
      POLICE,
    ],
    [
      'police',
      'inspection',
      'recordInspection',
      'RecordInspectionInput',
      () => ({ businessId: hotel, inspectedOn: '2025-11-03', team: 'POLICE', outcome: 'NO_VIOLATION' }),
      { inspectedOn: '2025-11-20' },
      POLICE,
    ],
    [
      'police',
      'tip',
      'receiveTip',
      'ReceiveTipInput',
      () => ({ kind: 'DENUNCIATION', channel: 'PHONE', receivedOn: '2025-11-04', communeId: AN_PHU }),
      { channel: 'HOTLINE' },
      POLICE,
    ],
    [
      'police',
      'criminal_case',
      'openCriminalCase',
      'OpenCriminalCaseInput',
      () => ({ openedOn: '2025-11-05', charges: ['HARBOURING_PROSTITUTION'], communeId: AN_PHU }),
      { suspects: 2 },
      POLICE,
    ],
    [
      'health',
      'harm_reduction_contact',
      'recordHarmReductionContact',
      'RecordHarmReductionContactInput',
      () => ({ clientCode: 'QNG-RETRY001', contactedOn: '2025-11-06', communeId: AN_PHU, service: 'HIV_TEST' }),
      { service: 'PREP' },
      HEALTH,
    ],
    [
      'health',
      'periodic_health_check',
      'recordHealthCheck',
      'RecordHealthCheckInput',
      () => ({ businessId: hotel, checkedOn: '2025-11-07', staffChecked: 6, communeId: AN_PHU }),
      { staffChecked: 5 },
      HEALTH,
    ],
    [
      'labour',
      'business_outreach',
      'recordBusinessOutreach',
      'RecordBusinessOutreachInput',
      () => ({ businessId: hotel, heldOn: '2025-11-08', communeId: AN_PHU, workersEmployed: 12, workersReached: 9 }),
      { workersReached: 8 },
      LABOUR,
    ],
  ];

  test.each(cases)(
    '%s %s: a retry with the same key returns the same record and stores one row; another payload under it is refused',
    async (subgraph, table, mutation, inputType, input, change, as) => {
      const rows = async () => Number((await system.subgraphs[subgraph].dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
      const send = (payload: Record<string, unknown>) =>
        system.query(`mutation($input: ${inputType}!) { ${mutation}(input: $input) { id } }`, { input: payload }, { as });
      const key = `retry-${mutation}-${process.pid}`;
      const before = await rows();
      const first = dataOf(await send({ ...input(), idempotencyKey: key }))[mutation];
      const again = dataOf(await send({ ...input(), idempotencyKey: key }))[mutation];
      expect(again.id).toBe(first.id);
      expect(await rows()).toBe(before + 1);
      const other = await send({ ...input(), ...change, idempotencyKey: key });
      expect([code(other), field(other)]).toEqual(['BAD_USER_INPUT', 'idempotencyKey']);
      expect(await rows()).toBe(before + 1);
      // Without a key the same payload is another record.
      expect(dataOf(await send(input()))[mutation].id).not.toBe(first.id);
      expect(await rows()).toBe(before + 2);
    },
  );
});
