import { strFromU8, unzipSync } from 'fflate';
import { Identity } from '@qn/common';
import { caller, dataOf, GraphQLResponse, startSystem, TestSystem } from './harness';

/**
 * The plan through 2025's reorganisation, through the gateway: agencies over time and
 * the transfer of duties, the standing agency (DOLISA to 28/2/2025, Health from
 * 1/3/2025) whose coordinators approve and in whose name reports are issued, the
 * reporters of each period, and a programme that ends on 31/12/2025.
 */
let system: TestSystem;
const health = caller('HEALTH', 'COORDINATOR');
const dolisa = caller('LABOUR', 'COORDINATOR');
const policeHead = caller('POLICE', 'AGENCY_HEAD');
let n = 0;
const key = (label: string) => `reorg-${label}-${process.pid}-${++n}`;
const code = (r: GraphQLResponse) => r.errors?.[0]?.extensions?.code;
const message = (r: GraphQLResponse) => r.errors?.[0]?.message ?? '';
const setNow = (iso: string) => {
  process.env.QN_NOW = iso;
};
const gql = (query: string, variables: Record<string, unknown> = {}, as: Identity = health) => system.query(query, variables, { as });
const mutate = (name: string, inputType: string, input: Record<string, unknown>, as: Identity, fields = 'id unitId status version') =>
  gql(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${fields} } }`, { input }, as);

beforeAll(async () => {
  system = await startSystem({ as: health });
});
afterAll(async () => {
  delete process.env.QN_NOW;
  await system?.stop();
});

describe('agencies over time', () => {
  test('DOLISA, Information and the district committees end; their successors begin', async () => {
    const data = dataOf(
      await gql(`{
      all: agencies { code validFrom validTo successor { code } }
      now: agencies(at: "2026-12-01") { code }
      before: agencies(at: "2025-02-28") { code }
    }`),
    );
    const by = Object.fromEntries(data.all.map((a: any) => [a.code, a]));
    expect(by.LABOUR).toMatchObject({ validTo: '2025-03-01', successor: { code: 'HEALTH' } });
    expect(by.INFORMATION).toMatchObject({ validTo: '2025-03-01', successor: { code: 'SCIENCE_TECHNOLOGY' } });
    expect(by.DISTRICTS).toMatchObject({ validTo: '2025-07-01', successor: { code: 'COMMUNES' } });
    expect(by.SCIENCE_TECHNOLOGY).toMatchObject({ validFrom: '2025-03-01', validTo: null });
    expect(by.COMMUNES).toMatchObject({ validFrom: '2025-07-01', validTo: null });
    // 16 of the plan − LABOUR, INFORMATION, DISTRICTS + SCIENCE_TECHNOLOGY, COMMUNES = 15 on 1/12/2026.
    expect(data.now.map((a: any) => a.code)).toEqual(expect.arrayContaining(['HEALTH', 'CULTURE', 'SCIENCE_TECHNOLOGY', 'COMMUNES']));
    expect(data.now).toHaveLength(15);
    expect(data.now.map((a: any) => a.code)).not.toContain('LABOUR');
    expect(data.before).toHaveLength(16);
  });

  test('the standing agency is DOLISA to 28/2/2025 and the Department of Health from 1/3/2025 (and today)', async () => {
    const data = dataOf(
      await gql(`{
      a: standingAgency(at: "2025-02-28") { code } b: standingAgency(at: "2025-03-01") { code } today: standingAgency { code nameVi }
    }`),
    );
    expect(data).toEqual({ a: { code: 'LABOUR' }, b: { code: 'HEALTH' }, today: { code: 'HEALTH', nameVi: 'Sở Y tế' } });
  });

  test('each task has its owner at a date, with its history', async () => {
    const data = dataOf(
      await gql(`{
      lead: task(id: "TASK-V.1-7") { plan: owner { code } feb: owner(at: "2025-02-28") { code } mar: owner(at: "2025-03-01") { code }
        ownerHistory { agency { code } validFrom validTo } }
      press: task(id: "TASK-V.7-1") { owner(at: "2025-06-01") { code } }
      websites: task(id: "TASK-V.7-2") { owner(at: "2025-06-01") { code } }
      local: task(id: "TASK-V.16-1") { june: owner(at: "2025-06-30") { code } july: owner(at: "2025-07-01") { code } }
      hiv: task(id: "TASK-V.4-1") { coOwners { code } now: coOwners(at: "2026-12-01") { code } }
      healthNow: agency(code: "HEALTH") { plan: tasks { id } now: tasks(at: "2026-12-01") { id } }
    }`),
    );
    expect(data.lead).toEqual({
      plan: { code: 'LABOUR' },
      feb: { code: 'LABOUR' },
      mar: { code: 'HEALTH' },
      ownerHistory: [
        { agency: { code: 'LABOUR' }, validFrom: null, validTo: '2025-03-01' },
        { agency: { code: 'HEALTH' }, validFrom: '2025-03-01', validTo: null },
      ],
    });
    expect(data.press.owner.code).toBe('CULTURE');
    expect(data.websites.owner.code).toBe('SCIENCE_TECHNOLOGY');
    expect(data.local).toEqual({ june: { code: 'DISTRICTS' }, july: { code: 'COMMUNES' } });
    // V.4-1 is Health's with DOLISA; after 1/3/2025 DOLISA's part is Health's own.
    expect(data.hiv).toEqual({ coOwners: [{ code: 'LABOUR' }], now: [{ code: 'HEALTH' }] });
    // Health's two V.4 tasks in the plan; today also DOLISA's tasks (51 of the 70 are LABOUR's: tasks.json).
    expect(data.healthNow.plan.map((t: any) => t.id)).toEqual(['TASK-V.4-1', 'TASK-V.4-2']);
    expect(data.healthNow.now.map((t: any) => t.id)).toEqual(expect.arrayContaining(['TASK-V.1-1', 'TASK-V.1-8', 'TASK-V.4-1', 'TASK-II.1b-1']));
  });
});

/** Opens the POLICE report of a period, has it written and submitted by POLICE's head, and returns it. */
async function submittedPoliceReport(period: string, opener: Identity) {
  const draft = dataOf(await mutate('createReportDrafts', 'CreateReportDraftsInput', { period, unitIds: ['POLICE'], idempotencyKey: key('d') }, opener))
    .createReportDrafts[0];
  const written = dataOf(
    await mutate(
      'updateReportNarrative',
      'UpdateReportNarrativeInput',
      {
        id: draft.id,
        expectedVersion: draft.version,
        idempotencyKey: key('n'),
        results: 'Công an tỉnh đã kiểm tra các cơ sở kinh doanh dịch vụ.',
        difficulties: '',
        proposals: '',
      },
      policeHead,
    ),
  ).updateReportNarrative;
  return dataOf(await mutate('submitReport', 'ReportChangeInput', { id: written.id, expectedVersion: written.version, idempotencyKey: key('s') }, policeHead))
    .submitReport;
}

describe("the standing agency approves, on the action's date", () => {
  test('after 1/3/2025 a HEALTH coordinator approves and a LABOUR coordinator is refused', async () => {
    setNow('2025-09-16T09:00:00+07:00');
    const report = await submittedPoliceReport('2025Q3', health);
    const refused = await mutate('approveReport', 'ReportChangeInput', { id: report.id, expectedVersion: report.version, idempotencyKey: key('a') }, dolisa);
    expect(code(refused)).toBe('FORBIDDEN');
    expect(message(refused)).toContain('HEALTH');
    const approved = dataOf(
      await mutate('approveReport', 'ReportChangeInput', { id: report.id, expectedVersion: report.version, idempotencyKey: key('a') }, health),
    ).approveReport;
    expect(approved).toMatchObject({ unitId: 'POLICE', status: 'APPROVED' });
  });

  test('before 1/3/2025 it was DOLISA: a LABOUR coordinator approves and a HEALTH coordinator is refused', async () => {
    setNow('2025-02-10T09:00:00+07:00');
    const report = await submittedPoliceReport('2024Q4', dolisa);
    expect(code(await mutate('approveReport', 'ReportChangeInput', { id: report.id, expectedVersion: report.version, idempotencyKey: key('a') }, health))).toBe(
      'FORBIDDEN',
    );
    const approved = dataOf(
      await mutate('approveReport', 'ReportChangeInput', { id: report.id, expectedVersion: report.version, idempotencyKey: key('a') }, dolisa),
    ).approveReport;
    expect(approved.status).toBe('APPROVED');
  });

  test("the 2025Q3 report is issued in the Department of Health's name", async () => {
    setNow('2025-09-25T09:00:00+07:00');
    const report = dataOf(await gql(`{ consolidatedReport(period: "2025Q3") { issuerCode issuerNameVi document { base64 } } }`)).consolidatedReport;
    expect(report).toMatchObject({ issuerCode: 'HEALTH', issuerNameVi: 'Sở Y tế' });
    const xml = strFromU8(unzipSync(new Uint8Array(Buffer.from(report.document.base64, 'base64')))['word/document.xml']);
    const text = xml.replace(/<w:p[ >].*?<\/w:p>/gs, (p) => `${p.replace(/<[^>]+>/g, '')}\n`).replace(/<[^>]+>/g, '');
    for (const expected of [
      'ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI',
      'SỞ Y TẾ',
      '/BC-SYT',
      'Sở Y tế tổng hợp',
      'Sở Y tế kính báo cáo',
      'Ủy ban nhân dân các xã, phường, đặc khu',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('LAO ĐỘNG - THƯƠNG BINH');
  });
});

describe('reporting units over time', () => {
  test('each period expects the agencies and local units valid on its cut-off day', async () => {
    setNow('2026-12-01T09:00:00+07:00');
    const count = async (period: string) => {
      const c = dataOf(
        await gql(`query($p: String!) { reportingCompleteness(period: $p) { expected units { unitId unitKind } } }`, { p: period }),
      ).reportingCompleteness;
      const kinds = c.units.reduce((m: Record<string, number>, u: any) => ({ ...m, [u.unitKind]: (m[u.unitKind] ?? 0) + 1 }), {});
      return { expected: c.expected, kinds, ids: c.units.map((u: any) => u.unitId) };
    };
    // 2024Q3: 15 agencies (16 of section V less the DISTRICTS group) + 13 districts, as before.
    expect(await count('2024Q3')).toMatchObject({ expected: 28, kinds: { AGENCY: 15, DISTRICT: 13 } });
    // 2025Q2 (to 14/6/2025): without DOLISA and Information, with Science and Technology = 14, + 13 districts.
    const q2 = await count('2025Q2');
    expect(q2).toMatchObject({ expected: 27, kinds: { AGENCY: 14, DISTRICT: 13 } });
    expect(q2.ids).toEqual(expect.arrayContaining(['HEALTH', 'SCIENCE_TECHNOLOGY', '522', '536']));
    expect(q2.ids).not.toContain('LABOUR');
    // 2025Q3 (to 14/9/2025): the 14 departments + the 56 commune-level units of the plan's scope.
    const q3 = await count('2025Q3');
    expect(q3).toMatchObject({ expected: 70, kinds: { AGENCY: 14, COMMUNE: 56 } });
    expect(q3.ids).toEqual(expect.arrayContaining(['21040-2025-07', '21548']));
    expect(q3.ids).not.toContain('524');
    // The yearly 2025 report (to 14/12/2025) follows the same rule.
    expect(await count('2025')).toMatchObject({ expected: 70, kinds: { AGENCY: 14, COMMUNE: 56 } });
  });
});

describe('a programme that ends on 31/12/2025', () => {
  const window = '2021-01-01 … 2025-12-31';
  test('drafts, budget estimates and results outside the window are refused, naming it', async () => {
    setNow('2026-12-01T09:00:00+07:00');
    for (const period of ['2031Q1', '2019Q1', '2026Q1']) {
      const r = await mutate('createReportDrafts', 'CreateReportDraftsInput', { period, idempotencyKey: key('w') }, health);
      expect(code(r)).toBe('BAD_USER_INPUT');
      expect(message(r)).toContain(window);
    }
    const budget = await mutate(
      'setBudgetEstimate',
      'SetBudgetEstimateInput',
      {
        year: 2031,
        unitId: 'POLICE',
        taskCode: 'TASK-V.2-1',
        amount: '1000',
        fundingSource: 'PROVINCIAL_BUDGET',
        idempotencyKey: key('b'),
      },
      policeHead,
      'id',
    );
    expect(code(budget)).toBe('BAD_USER_INPUT');
    expect(message(budget)).toContain(window);
    for (const period of ['2031', '2026Q1', '2020']) {
      const r = await gql(`query($p: String!) { indicator(code: "IND-1.1") { result(period: $p) { status } } }`, { p: period });
      expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      expect(message(r)).toContain(window);
    }
    const police = await gql(`{ indicator(code: "IND-3.1") { result(period: "2031") { status } } }`);
    expect(message(police)).toContain(window);
    // The plan's own periods still answer, the whole programme included.
    const inside = dataOf(
      await gql(
        `{ indicator(code: "IND-1.1") { y: result(period: "2025") { period } all: result(period: "2021-2025") { period } q: result(period: "2021Q1R") { period } } }`,
      ),
    );
    expect(inside.indicator).toEqual({ y: { period: '2025' }, all: { period: '2021-2025' }, q: { period: '2021Q1R' } });
  });

  test('no report of 2026 or later is expected or overdue; 2025 records may still be entered in 2026', async () => {
    setNow('2026-12-01T09:00:00+07:00');
    expect(dataOf(await gql(`{ overdueReports(year: 2026) { unitId } }`)).overdueReports).toEqual([]);
    // Health's officers keep the social-affairs records DOLISA kept.
    const late = dataOf(
      await gql(
        `mutation($input: RecordCommunicationActivityInput!) { recordCommunicationActivity(input: $input) { id heldOn } }`,
        {
          input: { form: 'MEETING', communeId: '21010', districtId: '522', heldOn: '2025-06-20', participants: 25 },
        },
        caller('HEALTH', 'AGENCY_OFFICER'),
      ),
    );
    expect(late.recordCommunicationActivity.heldOn).toBe('2025-06-20');
  });
});
