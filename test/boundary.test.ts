import { caller, dataOf, GraphQLResponse, startSystem, TestSystem } from './harness';

/**
 * One rule for a record's place in every subgraph, and numbers across the 1/7/2025
 * boundary, through the gateway. Labour's communication activities in Bình Sơn:
 *   2024-06-01  21106 Xã Bình Mỹ (district 524)        → later part of 21100-2025-07 Xã Bình Chương
 *   2025-03-10  21040 Thị trấn Châu Ổ (524)            → later part of 21040-2025-07 Xã Bình Sơn
 *   2025-05-20  21046 Xã Bình Thạnh (524)              → later part of 21040-2025-07 Xã Bình Sơn
 *   2025-08-15  21040-2025-07 Xã Bình Sơn (no district)
 *   2025-09-01  21100-2025-07 Xã Bình Chương (no district)
 */
let system: TestSystem;
const officer = caller('HEALTH', 'AGENCY_OFFICER'); // Health keeps DOLISA's records from 1/3/2025
const error = (r: GraphQLResponse) => r.errors?.[0] ?? null;
const ACTIVITY = `mutation($input: RecordCommunicationActivityInput!) { recordCommunicationActivity(input: $input) { id districtId communeId heldOn } }`;
const activity = (input: Record<string, unknown>) => system.query(ACTIVITY, { input: { form: 'MEETING', participants: 20, ...input } }, { as: officer });

beforeAll(async () => {
  system = await startSystem({ as: caller('HEALTH', 'COORDINATOR') });
  for (const input of [
    { heldOn: '2024-06-01', districtId: '524', communeId: '21106' },
    { heldOn: '2025-03-10', districtId: '524', communeId: '21040' },
    { heldOn: '2025-05-20', districtId: '524', communeId: '21046' },
    { heldOn: '2025-08-15', communeId: '21040-2025-07' },
    { heldOn: '2025-09-01', communeId: '21100-2025-07' },
  ])
    dataOf(await activity(input));
});
afterAll(() => system.stop());

describe("a record's place on its date, the same rule in every subgraph", () => {
  test('after 30/6/2025 a record names the new commune and no district; the error names the field and the units valid then', async () => {
    const stored = dataOf(await activity({ heldOn: '2025-10-01', communeId: '21548' })).recordCommunicationActivity;
    expect(stored).toMatchObject({ districtId: null, communeId: '21548', heldOn: '2025-10-01' });
    // The repro: an abolished district with an old commune.
    const withDistrict = error(await activity({ heldOn: '2025-08-15', districtId: '524', communeId: '21106' }));
    expect(withDistrict).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'districtId' } });
    expect(withDistrict!.message).toContain('no district level on 2025-08-15');
    expect(withDistrict!.message).toContain('21211-2025-07 Xã Tịnh Khê');
    const oldCommune = error(await activity({ heldOn: '2025-08-15', communeId: '21106' }));
    expect(oldCommune).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'communeId' } });
    expect(oldCommune!.message).toContain('Xã Bình Mỹ did not exist on 2025-08-15; it is now 21100-2025-07 Xã Bình Chương');
    // Kon Tum's units are in the territory, outside this plan's.
    const konTum = error(await activity({ heldOn: '2025-08-15', communeId: '23293-2025-07' }));
    expect(konTum!.message).toContain("outside the plan's territory");
    // Before 1/7/2025 the district and commune of that date.
    expect(error(await activity({ heldOn: '2025-06-30', communeId: '21040' }))).toMatchObject({ extensions: { field: 'districtId' } });
  });

  test('police says the same about a district after 30/6/2025 (the agencies agree)', async () => {
    const tip = await system.query(
      `mutation($input: ReceiveTipInput!) { receiveTip(input: $input) { id } }`,
      {
        input: { kind: 'DENUNCIATION', channel: 'HOTLINE', receivedOn: '2025-09-01', districtId: '522' },
      },
      { as: caller('POLICE', 'AGENCY_OFFICER') },
    );
    expect(error(tip)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'districtId' } });
    expect(error(tip)!.message).toContain('there is no district level on 2025-09-01');
    const before = await system.query(
      `mutation($input: ReceiveTipInput!) { receiveTip(input: $input) { id } }`,
      {
        input: { kind: 'DENUNCIATION', channel: 'HOTLINE', receivedOn: '2025-06-30', districtId: '522' },
      },
      { as: caller('POLICE', 'AGENCY_OFFICER') },
    );
    expect(before.errors).toBeUndefined();
  });
});

describe('numbers across the boundary', () => {
  const progress = (period: string, orgUnit?: string) =>
    system.query(`query($p: String!, $u: ID) { task(id: "TASK-II.1b-2") { ... on LabourTask { progress(period: $p, orgUnit: $u) { count } } } }`, {
      p: period,
      u: orgUnit ?? null,
    });
  const result = (code: string, period: string, orgUnit?: string) =>
    system.query(
      `query($c: ID!, $p: String!, $u: ID) { indicator(code: $c) { result(period: $p, orgUnit: $u) { orgUnit { id } computedOver { id } numerator denominator } } }`,
      { c: code, p: period, u: orgUnit ?? null },
    );

  test('2025 for the province counts every record where it stood on its date: 2 before 1/7/2025 + 3 after', async () => {
    expect(dataOf(await progress('2025S1')).task.progress.count).toBe(2); // 10/3 and 20/5, in 524
    expect(dataOf(await progress('2025S2')).task.progress.count).toBe(3); // 15/8, 1/9 and 1/10 on new communes
    expect(dataOf(await progress('2025')).task.progress.count).toBe(5); // 2 + 3
    // IND-1.1 over 2025 counts the 56 units of 1/7/2025 (its numerator is the "kept up regularly" rule's: docs/indicators.md).
    expect(dataOf(await result('IND-1.1', '2025')).indicator.result).toMatchObject({ denominator: 56, computedOver: [{ id: '51' }] });
  });

  test('a 2024 result for a new commune is computed over its predecessors and says so', async () => {
    const r = dataOf(await result('IND-1.1', '2024', '21100-2025-07')).indicator.result;
    // Xã Bình Chương was formed from 21106 Bình Mỹ and 21100 Bình Chương (item 6): Bình Mỹ held one in 2024.
    expect(r.orgUnit).toEqual({ id: '21100-2025-07' });
    expect(r.computedOver.map((u: any) => u.id).sort()).toEqual(['21100', '21106']);
    expect(r.denominator).toBe(2);
    expect(dataOf(await progress('2024', '21100-2025-07')).task.progress.count).toBe(1);
    // The new Bình Sơn over 2025: its seven predecessors until 30/6 and itself after (10/3, 20/5, 15/8).
    expect(dataOf(await progress('2025', '21040-2025-07')).task.progress.count).toBe(3);
    const binhSon = dataOf(await result('IND-1.1', '2025', '21040-2025-07')).indicator.result;
    expect(binhSon.computedOver.map((u: any) => u.id)).toEqual(expect.arrayContaining(['21040-2025-07', '21040', '21046', '21088']));
  });

  test('an old district over 2025 counts its own records of the half year it existed; over 2025Q3 it does not exist', async () => {
    expect(dataOf(await progress('2025', '524')).task.progress.count).toBe(2);
    const r = dataOf(await result('IND-1.1', '2025', '524')).indicator.result;
    expect(r).toMatchObject({ denominator: 22, computedOver: [{ id: '524' }] }); // its 22 communes on 30/6/2025
    const gone = error(await result('IND-1.1', '2025Q3', '524'));
    expect(gone).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'orgUnit' } });
    expect(gone!.message).toContain('district level ended on 2025-06-30');
  });

  test('resultsByDistrict after 30/6/2025 points to resultsByUnit(level: COMMUNE), which answers', async () => {
    const byDistrict = await system.query(`{ indicator(code: "IND-1.1") { resultsByDistrict(period: "2025Q3") { value } } }`);
    expect(error(byDistrict)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(error(byDistrict)!.message).toContain('resultsByUnit(period: "2025Q3", level: COMMUNE)');
    const police = await system.query(`{ indicator(code: "IND-3.1") { resultsByDistrict(period: "2025Q4") { value } } }`);
    expect(error(police)!.message).toContain('resultsByUnit');
    const byUnit = dataOf(
      await system.query(`{ indicator(code: "IND-1.1") { resultsByUnit(period: "2025Q3", level: COMMUNE) { orgUnit { id } numerator denominator } } }`),
    ).indicator.resultsByUnit;
    expect(byUnit).toHaveLength(56);
    expect(
      byUnit
        .filter((r: any) => r.numerator === 1)
        .map((r: any) => r.orgUnit.id)
        .sort(),
    ).toEqual(['21040-2025-07', '21100-2025-07']); // 15/8 and 1/9
    // A year spanning the reform still has its 13 districts, each for its half year.
    expect(
      dataOf(await system.query(`{ indicator(code: "IND-1.1") { resultsByDistrict(period: "2025") { orgUnit { id } } } }`)).indicator.resultsByDistrict,
    ).toHaveLength(13);
  });

  test("a commune result an agency cannot compute at commune level is refused, never its district's number", async () => {
    // IND-4.2's clients are kept by district: 21010 and 21013 used to both answer district 522's number.
    for (const commune of ['21010', '21013']) {
      const r = error(await result('IND-4.2', '2024', commune));
      expect(r).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'orgUnit' } });
      expect(r!.message).toContain('by district only');
    }
    // Police's tips carry their commune (optional before 1/7/2025): 21010 counts the tips that name it — none here.
    expect(dataOf(await result('IND-3.1', '2024', '21010')).indicator.result).toMatchObject({
      orgUnit: { id: '21010' },
      computedOver: [{ id: '21010' }],
      denominator: 0,
    });
    // The district itself still answers.
    expect(dataOf(await result('IND-4.2', '2024', '522')).indicator.result.orgUnit).toEqual({ id: '522' });
  });
});
