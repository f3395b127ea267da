import { Identity, territory } from '@qn/common';
import { caller, dataOf, GraphQLResponse, startSystem, TestSystem } from './harness';

/**
 * Labour's other records, information's publications and education's sessions on the new
 * commune-level units from 1/7/2025, through the gateway: the one rule for a record's place,
 * long-lived places (zones, institutions, persons followed, pilots) that carry their unit of
 * 1/7/2025, numbers across the boundary, and create mutations that a retry with the same
 * idempotency key does not repeat.
 */
let system: TestSystem;
const labour = caller('HEALTH', 'AGENCY_OFFICER'); // Health keeps DOLISA's records from 1/3/2025
const information = caller('INFORMATION', 'AGENCY_HEAD');
const education = caller('EDUCATION', 'AGENCY_HEAD');
const error = (r: GraphQLResponse) => r.errors?.[0] ?? null;
const mutate = (name: string, inputType: string, input: Record<string, unknown>, as: Identity, fields = 'id') =>
  system.query(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${fields} } }`, { input }, { as });
const rows = async (subgraph: 'labour' | 'information' | 'education', sql: string, params: unknown[] = []) =>
  Number((await system.subgraphs[subgraph].dataSource.query(sql, params))[0].n);

/** A unit valid after the reform and in the plan's scope, and some of the old communes it was formed from. */
const BINH_SON = '21040-2025-07'; // Xã Bình Sơn ← Thị trấn Châu Ổ 21040, Xã Bình Thạnh 21046 … (524)
const BINH_CHUONG = '21100-2025-07'; // Xã Bình Chương ← Xã Bình Mỹ 21106 … (524)

beforeAll(async () => {
  system = await startSystem({ as: caller('HEALTH', 'COORDINATOR') });
});
afterAll(() => system.stop());

describe("labour's records on the new units", () => {
  const CLIENT = 'id districtId communeId communeAfterReformId registeredOn version';

  test('a person registered on 2025-09-01 names the new unit and no district; a district is refused with the units valid then', async () => {
    const stored = dataOf(
      await mutate(
        'registerSupportClient',
        'RegisterSupportClientInput',
        { code: 'QNG-REF0RM01', communeId: BINH_SON, registeredOn: '2025-09-01' },
        labour,
        CLIENT,
      ),
    );
    expect(stored.registerSupportClient).toMatchObject({ districtId: null, communeId: BINH_SON, communeAfterReformId: BINH_SON });
    const before = await rows('labour', 'SELECT count(*) AS n FROM support_client');
    const withDistrict = error(
      await mutate('registerSupportClient', 'RegisterSupportClientInput', { code: 'QNG-REF0RM02', districtId: '524', registeredOn: '2025-09-01' }, labour),
    );
    expect(withDistrict).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'districtId' } });
    expect(withDistrict!.message).toContain('no district level on 2025-09-01');
    expect(withDistrict!.message).toContain('21211-2025-07 Xã Tịnh Khê');
    expect(await rows('labour', 'SELECT count(*) AS n FROM support_client')).toBe(before);
  });

  test('a person registered before the reform is followed by a new unit before a service of 2025-09-01 is recorded', async () => {
    dataOf(
      await mutate('registerSupportClient', 'RegisterSupportClientInput', { code: 'QNG-REF0RM03', districtId: '524', registeredOn: '2024-03-01' }, labour),
    );
    const service = { clientCode: 'QNG-REF0RM03', serviceKind: 'COUNSELLING', usedOn: '2025-09-01' };
    const refused = error(await mutate('recordSupportServiceUse', 'RecordSupportServiceUseInput', service, labour));
    expect(refused).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'clientCode' } });
    expect(refused!.message).toContain('updateSupportClient');
    expect(refused!.message).toContain(`${BINH_SON} Xã Bình Sơn`); // formed from old Bình Sơn's communes
    const wrongUnit = error(
      await mutate('updateSupportClient', 'UpdateSupportClientInput', { code: 'QNG-REF0RM03', expectedVersion: 1, communeAfterReformId: '21040' }, labour),
    );
    expect(wrongUnit).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'communeAfterReformId' } });
    const updated = dataOf(
      await mutate(
        'updateSupportClient',
        'UpdateSupportClientInput',
        { code: 'QNG-REF0RM03', expectedVersion: 1, communeAfterReformId: BINH_SON },
        labour,
        CLIENT,
      ),
    );
    expect(updated.updateSupportClient).toMatchObject({ districtId: '524', communeAfterReformId: BINH_SON, version: 2 });
    dataOf(await mutate('recordSupportServiceUse', 'RecordSupportServiceUseInput', service, labour));
    dataOf(
      await mutate(
        'recordNeedAssessment',
        'RecordNeedAssessmentInput',
        { clientCode: 'QNG-REF0RM03', assessedOn: '2025-09-05', inNeed: true, eligible: true },
        labour,
      ),
    );
    const r = dataOf(
      await system.query(
        `{ indicator(code: "IND-4.2") {
      unit: result(period: "2025Q3", orgUnit: "${BINH_SON}") { numerator denominator }
      other: result(period: "2025Q3", orgUnit: "${BINH_CHUONG}") { numerator denominator }
      district: result(period: "2025", orgUnit: "524") { numerator denominator } } }`,
        {},
        { as: labour },
      ),
    ).indicator;
    // Assessed on 5/9 where Xã Bình Sơn follows the person, served on 1/9: 1 of 1 there, none in Bình Chương,
    // and none for old Bình Sơn over 2025 (no assessment while the district existed).
    expect(r.unit).toEqual({ numerator: 1, denominator: 1 });
    expect(r.other).toEqual({ numerator: 0, denominator: 0 });
    expect(r.district).toEqual({ numerator: 0, denominator: 0 });
  });

  test('a course for commune staff on 2025-09-01 names its new unit; a district, or district-level staff, are refused', async () => {
    const course = { title: 'Tập huấn cấp xã', level: 'COMMUNE', heldOn: '2025-09-01', participants: 10, newTrainees: 6 };
    const stored = dataOf(
      await mutate(
        'recordTrainingCourse',
        'RecordTrainingCourseInput',
        { ...course, communeId: BINH_SON },
        labour,
        'id districtId communeId commune { id name }',
      ),
    );
    expect(stored.recordTrainingCourse).toMatchObject({ districtId: null, communeId: BINH_SON, commune: { id: BINH_SON, name: 'Xã Bình Sơn' } });
    const withDistrict = error(await mutate('recordTrainingCourse', 'RecordTrainingCourseInput', { ...course, districtId: '524' }, labour));
    expect(withDistrict).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'districtId' } });
    expect(withDistrict!.message).toContain('21211-2025-07 Xã Tịnh Khê');
    const districtStaff = error(
      await mutate('recordTrainingCourse', 'RecordTrainingCourseInput', { ...course, level: 'DISTRICT', communeId: BINH_SON }, labour),
    );
    expect(districtStaff).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'level' } });
    // Staff in post of 2025 are the districts' (they existed in 2025): old Bình Sơn's commune staff, 20.
    dataOf(await mutate('recordStaffInPost', 'RecordStaffInPostInput', { level: 'COMMUNE', districtId: '524', year: 2025, staff: 20 }, labour));
    dataOf(await mutate('recordTrainingCourse', 'RecordTrainingCourseInput', { ...course, heldOn: '2025-04-01', districtId: '524', newTrainees: 5 }, labour));
    const r = dataOf(
      await system.query(
        '{ indicator(code: "IND-5.1b") { y: result(period: "2025") { numerator denominator } d: result(period: "2025", orgUnit: "524") { numerator denominator } } }',
        {},
        { as: labour },
      ),
    ).indicator;
    // The province: 5 trained on 1/4 in old Bình Sơn + 6 on 1/9 in Xã Bình Sơn, formed from its communes = 11 of its 20.
    expect(r.y).toEqual({ numerator: 11, denominator: 20 });
    // Old Bình Sơn over 2025: the course held in it while it existed = 5 of 20.
    expect(r.d).toEqual({ numerator: 5, denominator: 20 });
  });

  test('a pilot started on 2025-09-01 names its new unit; one running across the reform carries its unit of 1/7/2025', async () => {
    const PILOT = 'id districtId communeId communeAfterReformId communeAfterReform { name }';
    const started = dataOf(
      await mutate(
        'startPilotModel',
        'StartPilotModelInput',
        { name: 'Mô hình mới', kind: 'PREVENTION', communeId: BINH_SON, startedOn: '2025-09-01' },
        labour,
        PILOT,
      ),
    );
    expect(started.startPilotModel).toMatchObject({ districtId: null, communeId: BINH_SON, communeAfterReformId: BINH_SON });
    const withDistrict = error(
      await mutate('startPilotModel', 'StartPilotModelInput', { name: 'Mô hình', kind: 'PREVENTION', districtId: '524', startedOn: '2025-09-01' }, labour),
    );
    expect(withDistrict).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'districtId' } });
    const across = dataOf(
      await mutate(
        'startPilotModel',
        'StartPilotModelInput',
        { name: 'Mô hình cũ', kind: 'PREVENTION', districtId: '524', startedOn: '2024-02-01', communeAfterReformId: BINH_CHUONG },
        labour,
        PILOT,
      ),
    );
    expect(across.startPilotModel).toMatchObject({
      districtId: '524',
      communeId: null,
      communeAfterReformId: BINH_CHUONG,
      communeAfterReform: { name: 'Xã Bình Chương' },
    });
    // IND-4.1 for 2025 counts each pilot once, for the unit running it on its last day in 2025: Bình Sơn's and Bình Chương's = 2.
    const r = dataOf(
      await system.query(
        '{ indicator(code: "IND-4.1") { y: result(period: "2025") { numerator } d: result(period: "2025", orgUnit: "524") { numerator } } }',
        {},
        { as: labour },
      ),
    ).indicator;
    expect(r.y.numerator).toBe(2);
    // Old Bình Sơn over 2025: only the model it ran while it existed (the other started after 30/6/2025) = 1.
    expect(r.d.numerator).toBe(1);
  });

  test("zone outreach from 1/7/2025 stands at the zone's unit of 1/7/2025, which must be named first", async () => {
    const zone = dataOf(
      await mutate('createIndustrialZone', 'CreateIndustrialZoneInput', { name: 'KCN thử', kind: 'INDUSTRIAL_PARK', districtId: '524' }, labour, 'id version'),
    ).createIndustrialZone;
    dataOf(await mutate('recordZoneWorkforce', 'RecordZoneWorkforceInput', { zoneId: zone.id, year: 2025, workersEmployed: 1000 }, labour));
    const session = { zoneId: zone.id, heldOn: '2025-09-01', workersReached: 300 };
    const refused = error(await mutate('recordZoneOutreach', 'RecordZoneOutreachInput', session, labour));
    expect(refused).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'zoneId' } });
    expect(refused!.message).toContain('updateIndustrialZone');
    dataOf(
      await mutate('updateIndustrialZone', 'UpdateIndustrialZoneInput', { id: zone.id, expectedVersion: zone.version, communeAfterReformId: BINH_SON }, labour),
    );
    dataOf(await mutate('recordZoneOutreach', 'RecordZoneOutreachInput', session, labour));
    dataOf(await mutate('recordZoneOutreach', 'RecordZoneOutreachInput', { ...session, heldOn: '2025-04-01', workersReached: 200 }, labour));
    const r = dataOf(
      await system.query(
        `{ indicator(code: "IND-1.3b") {
      y: result(period: "2025") { numerator denominator } q3: result(period: "2025Q3", orgUnit: "${BINH_SON}") { numerator denominator }
      d: result(period: "2025", orgUnit: "524") { numerator denominator } } }`,
        {},
        { as: labour },
      ),
    ).indicator;
    // The province over 2025: both sessions, 200 + 300 = 500 of 1000.
    expect(r.y).toEqual({ numerator: 500, denominator: 1000 });
    // Xã Bình Sơn over 2025Q3: the session of 1/9 only; old Bình Sơn over 2025: the session of 1/4 only.
    expect(r.q3).toEqual({ numerator: 300, denominator: 1000 });
    expect(r.d).toEqual({ numerator: 200, denominator: 1000 });
  });
});

describe('publications on the new units', () => {
  let outletId: string;
  const piece = (input: Record<string, unknown>) =>
    mutate(
      'recordPublication',
      'RecordPublicationInput',
      { outletId, kind: 'ARTICLE', title: 'Phòng, chống mại dâm', ...input },
      information,
      'id districtId communeId commune { id }',
    );

  beforeAll(async () => {
    outletId = dataOf(
      await mutate('createPressOutlet', 'CreatePressOutletInput', { name: 'Báo Trung ương thử', level: 'CENTRAL', medium: 'ONLINE' }, information),
    ).createPressOutlet.id;
    for (const input of [
      { publishedOn: '2024-06-01', districtId: '524', communeId: '21046' }, // Xã Bình Thạnh → Xã Bình Sơn
      { publishedOn: '2025-03-10', districtId: '524', communeId: '21040' }, // Thị trấn Châu Ổ → Xã Bình Sơn
      { publishedOn: '2025-05-20', districtId: '524' }, //                    the district, no commune
      { publishedOn: '2025-08-15', communeId: BINH_SON },
      { publishedOn: '2025-09-01', communeId: BINH_CHUONG },
      { publishedOn: '2025-10-01' }, //                                       the whole province
    ])
      dataOf(await piece(input));
  });

  test('a piece of 2025-09-01 names the new unit; a district is refused with the units valid then', async () => {
    const stored = dataOf(await piece({ publishedOn: '2025-09-02', communeId: BINH_SON })).recordPublication;
    expect(stored).toMatchObject({ districtId: null, communeId: BINH_SON, commune: { id: BINH_SON } });
    const before = await rows('information', 'SELECT count(*) AS n FROM publication');
    const withDistrict = error(await piece({ publishedOn: '2025-09-01', districtId: '524' }));
    expect(withDistrict).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'districtId' } });
    expect(withDistrict!.message).toContain('21211-2025-07 Xã Tịnh Khê');
    const oldCommune = error(await piece({ publishedOn: '2025-09-01', communeId: '21046' }));
    expect(oldCommune).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'communeId' } });
    expect(await rows('information', 'SELECT count(*) AS n FROM publication')).toBe(before);
    // The extra piece is removed again so the counts below are those of the table above.
    await system.subgraphs.information.dataSource.query('DELETE FROM publication WHERE id = $1', [stored.id]);
  });

  test('IND-1.2b across the boundary: the province, a new unit and its predecessors, an old district', async () => {
    const r = dataOf(
      await system.query(
        `{ indicator(code: "IND-1.2b") {
      y: result(period: "2025") { numerator }
      unit: result(period: "2025", orgUnit: "${BINH_SON}") { numerator computedOver { id } }
      before: result(period: "2024", orgUnit: "${BINH_SON}") { numerator orgUnit { id } computedOver { id } }
      district: result(period: "2025", orgUnit: "524") { numerator }
      q3: result(period: "2025Q3", orgUnit: "${BINH_CHUONG}") { numerator } } }`,
        {},
        { as: information },
      ),
    ).indicator;
    // 2025 for the province: 2 pieces before 1/7 (10/3, 20/5) + 3 after (15/8, 1/9, the province's 1/10) = 5.
    expect(r.y.numerator).toBe(5);
    // Xã Bình Sơn over 2025: Châu Ổ's piece of 10/3 + its own of 15/8 = 2 (the piece of 20/5 names only the district).
    expect(r.unit.numerator).toBe(2);
    expect(r.unit.computedOver.map((u: { id: string }) => u.id)).toEqual(expect.arrayContaining([BINH_SON, '21040', '21046']));
    // Xã Bình Sơn over 2024, before it existed: computed over its old communes — Bình Thạnh's piece of 1/6/2024 = 1.
    expect(r.before).toMatchObject({ numerator: 1, orgUnit: { id: BINH_SON } });
    expect(r.before.computedOver.map((u: { id: string }) => u.id)).toContain('21046');
    expect(r.before.computedOver.map((u: { id: string }) => u.id)).not.toContain(BINH_SON);
    // Old Bình Sơn district over 2025: its two pieces of the first half-year.
    expect(r.district.numerator).toBe(2);
    expect(r.q3.numerator).toBe(1);
  });
});

describe("education's sessions on the new units", () => {
  test("a session of 2025-09-10 stands at its institution's unit of 1/7/2025, which must be named first", async () => {
    const institution = dataOf(
      await mutate(
        'createInstitution',
        'CreateInstitutionInput',
        { name: 'Trường THPT thử', kind: 'UPPER_SECONDARY', districtId: '524', communeId: '21040' },
        education,
        'id version',
      ),
    ).createInstitution;
    dataOf(await mutate('recordEnrolment', 'RecordEnrolmentInput', { institutionId: institution.id, schoolYear: '2025-2026', students: 800 }, education));
    dataOf(await mutate('recordEnrolment', 'RecordEnrolmentInput', { institutionId: institution.id, schoolYear: '2024-2025', students: 700 }, education));
    const session = { institutionId: institution.id, schoolYear: '2025-2026', heldOn: '2025-09-10', form: 'ASSEMBLY', studentsReached: 400 };
    const refused = error(await mutate('recordCommunicationSession', 'RecordCommunicationSessionInput', session, education));
    expect(refused).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'institutionId' } });
    expect(refused!.message).toContain(`${BINH_SON} Xã Bình Sơn`);
    expect(await rows('education', 'SELECT count(*) AS n FROM communication_session')).toBe(0);
    const oldUnit = error(
      await mutate(
        'updateInstitution',
        'UpdateInstitutionInput',
        { id: institution.id, expectedVersion: institution.version, communeAfterReformId: '21040' },
        education,
      ),
    );
    expect(oldUnit).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'communeAfterReformId' } });
    dataOf(
      await mutate(
        'updateInstitution',
        'UpdateInstitutionInput',
        { id: institution.id, expectedVersion: institution.version, communeAfterReformId: BINH_SON },
        education,
      ),
    );
    dataOf(await mutate('recordCommunicationSession', 'RecordCommunicationSessionInput', session, education));
    dataOf(
      await mutate(
        'recordCommunicationSession',
        'RecordCommunicationSessionInput',
        { ...session, schoolYear: '2024-2025', heldOn: '2025-03-10', studentsReached: 300 },
        education,
      ),
    );
    const r = dataOf(
      await system.query(
        `{ indicator(code: "IND-1.3c") {
      y: result(period: "2025") { numerator denominator }
      unit: result(period: "2025Q4", orgUnit: "${BINH_SON}") { numerator denominator }
      year: result(period: "2025", orgUnit: "${BINH_SON}") { numerator denominator computedOver { id } }
      district: result(period: "2025", orgUnit: "524") { numerator denominator } } }`,
        {},
        { as: education },
      ),
    ).indicator;
    // 2025: the larger enrolment of the two school years (800); 300 reached on 10/3 + 400 on 10/9 = 700.
    expect(r.y).toEqual({ numerator: 700, denominator: 800 });
    // Xã Bình Sơn over 2025Q4 (school year 2025-2026 only): no session in the quarter.
    expect(r.unit).toEqual({ numerator: 0, denominator: 800 });
    // Xã Bình Sơn over 2025: the school in Châu Ổ (one of its old communes) before 1/7, in it after: both sessions, 700 of 800.
    expect(r.year).toMatchObject({ numerator: 700, denominator: 800 });
    expect(r.year.computedOver.map((u: { id: string }) => u.id)).toEqual(expect.arrayContaining([BINH_SON, '21040']));
    // Old Bình Sơn over 2025: the school was in it until 30/6; only the session of 10/3 stood there = 300.
    expect(r.district).toEqual({ numerator: 300, denominator: 800 });
    const sessions = dataOf(await system.query(`{ communicationSessions(filter: { communeId: "${BINH_SON}" }) { nodes { heldOn } } }`, {}, { as: education }));
    expect(sessions.communicationSessions.nodes).toEqual([{ heldOn: '2025-09-10' }]);
  });
});

describe('IND-1.1 across the boundary on inserted activities', () => {
  test('the province over 2025 counts the 56 units of 1/7/2025, each active if it or its old communes held activities in 3 quarters', async () => {
    const tinhKhe = '21211-2025-07';
    const [a, b] = territory
      .predecessors(tinhKhe)
      .map((l) => l.unit)
      .filter((u) => territory.validOn(u, '2025-03-01'));
    const activity = (input: Record<string, unknown>) =>
      mutate('recordCommunicationActivity', 'RecordCommunicationActivityInput', { form: 'MEETING', participants: 20, ...input }, labour);
    for (const input of [
      { heldOn: '2025-02-10', districtId: a.parentId, communeId: a.id }, //   Q1, an old commune of Tịnh Khê
      { heldOn: '2025-05-10', districtId: b.parentId, communeId: b.id }, //   Q2, another
      { heldOn: '2025-08-10', communeId: tinhKhe }, //                        Q3, the new unit
      { heldOn: '2025-03-01', districtId: '524', communeId: '21106' }, //     Q1, Bình Mỹ → Bình Chương
      { heldOn: '2025-10-10', communeId: BINH_CHUONG }, //                    Q4
    ])
      dataOf(await activity(input));
    const r = dataOf(
      await system.query(
        `{ indicator(code: "IND-1.1") {
      y: result(period: "2025") { numerator denominator }
      before: result(period: "2024", orgUnit: "${tinhKhe}") { denominator computedOver { id name } } } }`,
        {},
        { as: labour },
      ),
    ).indicator;
    // Tịnh Khê: Q1 + Q2 (its old communes) + Q3 (itself) = 3 of 4 quarters → active; Bình Chương: Q1 + Q4 = 2 → not. 1 of 56.
    expect(r.y).toEqual({ numerator: 1, denominator: 56 });
    // Tịnh Khê over 2024 is computed over its five old communes, each counted in its own right.
    expect(r.before.denominator).toBe(5);
    expect(r.before.computedOver).toEqual(
      expect.arrayContaining([
        { id: a.id, name: a.name },
        { id: b.id, name: b.name },
      ]),
    );
  });
});

describe('a retry with the same idempotency key creates one record', () => {
  const twice = async (name: string, inputType: string, input: Record<string, unknown>, as: Identity) => {
    const first = dataOf(await mutate(name, inputType, input, as))[name];
    const again = dataOf(await mutate(name, inputType, input, as))[name];
    return { first, again };
  };

  test('labour: registering a person', async () => {
    const { first, again } = await twice(
      'registerSupportClient',
      'RegisterSupportClientInput',
      { code: 'QNG-1DEMP0T1', communeId: BINH_CHUONG, registeredOn: '2025-10-01', idempotencyKey: 'client-2025-10-01-a' },
      labour,
    );
    expect(again.id).toBe(first.id);
    expect(await rows('labour', "SELECT count(*) AS n FROM support_client WHERE code = 'QNG-1DEMP0T1'")).toBe(1);
  });

  test('information: recording a publication', async () => {
    const outletId = dataOf(await system.query('{ pressOutlets { nodes { id } } }', {}, { as: information })).pressOutlets.nodes[0].id;
    const input = { outletId, kind: 'NEWS', title: 'Tin thử khóa', publishedOn: '2025-11-01', communeId: BINH_CHUONG, idempotencyKey: 'piece-2025-11-01-a' };
    const { first, again } = await twice('recordPublication', 'RecordPublicationInput', input, information);
    expect(again.id).toBe(first.id);
    expect(await rows('information', "SELECT count(*) AS n FROM publication WHERE title = 'Tin thử khóa'")).toBe(1);
  });

  test('education: registering an institution', async () => {
    const input = {
      name: 'Trường thử khóa',
      kind: 'VOCATIONAL',
      districtId: '522',
      communeAfterReformId: '21025-2025-07',
      idempotencyKey: 'institution-a-0001',
    };
    const { first, again } = await twice('createInstitution', 'CreateInstitutionInput', input, education);
    expect(again.id).toBe(first.id);
    expect(await rows('education', "SELECT count(*) AS n FROM institution WHERE name = 'Trường thử khóa'")).toBe(1);
  });
});

describe("a commune-level unit's officers (from 1/7/2025) work on their own unit's records", () => {
  const officer = caller('COMMUNES', 'DISTRICT_OFFICER', BINH_SON);
  const ACTIVITY = 'id districtId communeId heldOn';
  const record = (communeId: string, as: Identity) =>
    mutate(
      'recordCommunicationActivity',
      'RecordCommunicationActivityInput',
      { form: 'MEETING', heldOn: '2025-09-05', communeId, participants: 25 },
      as,
      ACTIVITY,
    );

  test("they record their unit's activities, not another unit's; the district's officers no longer record after 30/6/2025", async () => {
    const own = dataOf(await record(BINH_SON, officer)).recordCommunicationActivity;
    expect(own).toMatchObject({ districtId: null, communeId: BINH_SON });
    const before = await rows('labour', 'SELECT count(*) AS n FROM communication_activity');
    expect(error(await record(BINH_CHUONG, officer))?.extensions?.code).toBe('FORBIDDEN');
    // Bình Sơn district (524) was abolished on 1/7/2025: its officers hold no post-reform records.
    expect(error(await record(BINH_SON, caller('DISTRICTS', 'DISTRICT_OFFICER', '524')))?.extensions?.code).toBe('FORBIDDEN');
    expect(await rows('labour', 'SELECT count(*) AS n FROM communication_activity')).toBe(before);
  });

  test('their lists hold only the records placed at their unit', async () => {
    dataOf(await record(BINH_CHUONG, labour));
    const seen = dataOf(await system.query(`{ communicationActivities(first: 500) { nodes { communeId } } }`, {}, { as: officer })).communicationActivities
      .nodes;
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen.map((n: { communeId: string }) => n.communeId))).toEqual(new Set([BINH_SON]));
    // The province's officers see both units' activities.
    const all = dataOf(await system.query(`{ communicationActivities(first: 500, filter: { period: "2025Q3" }) { nodes { communeId } } }`, {}, { as: labour }))
      .communicationActivities.nodes;
    expect(all.some((n: { communeId: string }) => n.communeId === BINH_CHUONG)).toBe(true);
  });

  test('a token may name a commune-level unit of 1/7/2025, never an old commune', async () => {
    const old = await system.query('{ communicationActivities(first: 1) { totalCount } }', {}, { as: caller('COMMUNES', 'DISTRICT_OFFICER', '21040') });
    expect(error(old)?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('an institution registered from 1/7/2025', () => {
  const INSTITUTION = 'id districtId communeId communeAfterReformId district { id } communeAfterReform { id }';
  test('names its commune-level unit and no district, and is listed under it', async () => {
    const created = dataOf(
      await mutate(
        'createInstitution',
        'CreateInstitutionInput',
        { name: 'Trường THPT Bình Sơn 2', kind: 'UPPER_SECONDARY', communeId: BINH_SON },
        education,
        INSTITUTION,
      ),
    ).createInstitution;
    expect(created).toMatchObject({
      districtId: null,
      district: null,
      communeId: BINH_SON,
      communeAfterReformId: BINH_SON,
      communeAfterReform: { id: BINH_SON },
    });
    // An old commune without a district is not a place of 1/7/2025: refused, naming the field.
    const old = error(
      await mutate('createInstitution', 'CreateInstitutionInput', { name: 'Trường THPT Châu Ổ', kind: 'UPPER_SECONDARY', communeId: '21040' }, education),
    );
    expect(old).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'communeId' } });
    const listed = dataOf(
      await system.query(`{ institutions(filter: { communeAfterReformId: "${BINH_SON}" }, first: 100) { nodes { id } } }`, {}, { as: education }),
    ).institutions.nodes;
    expect(listed.map((n: { id: string }) => n.id)).toContain(created.id);
  });
});
