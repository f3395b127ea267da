import { dataOf, startSystem, TestSystem } from './harness';

/**
 * The territory over time through the gateway: the 1/1/2025 merges, the 1/7/2025
 * reform (no district level, Kon Tum merged in, 96 commune-level units of which 56
 * are old Quảng Ngãi's) and the succession table read both ways.
 * Hand counts from ../shared/data/org-units-quang-ngai-2025-07-01.txt: items 1–48 and
 * 82–87 (54 units), 91 (Lý Sơn) and the retained Ba Xa (21538) are old Quảng Ngãi's: 56.
 */
let system: TestSystem;
beforeAll(async () => {
  system = await startSystem();
});
afterAll(() => system.stop());

test("on 2026-12-01 the province has 96 commune-level units, 56 of them in the plan's scope, and no district", async () => {
  const data = dataOf(
    await system.query(`{
    all: orgUnits(level: COMMUNE, at: "2026-12-01") { id code name kind parent { id } validFrom validTo inPlanScope formerProvince }
    scope: orgUnits(level: COMMUNE, at: "2026-12-01", inPlanScope: true) { id }
    districts: orgUnits(level: DISTRICT, at: "2026-12-01") { id }
    province: orgUnit(id: "51") { validTo children(at: "2026-12-01") { id } }
    konTum: orgUnit(id: "62") { validTo successors { unit { id } kind date } }
  }`),
  );
  expect(data.all).toHaveLength(96);
  expect(data.scope).toHaveLength(56);
  expect(data.all.filter((u: any) => !u.inPlanScope)).toHaveLength(40);
  expect(data.all.every((u: any) => u.parent.id === '51' && u.validFrom === '2025-07-01' && u.validTo === null)).toBe(true);
  // 86 xã, 9 phường, 1 đặc khu (khoản 92 of Resolution 1677).
  const kinds = data.all.reduce((n: Record<string, number>, u: any) => ({ ...n, [u.kind]: (n[u.kind] ?? 0) + 1 }), {});
  expect(kinds).toEqual({ COMMUNE: 86, WARD: 9, SPECIAL_ZONE: 1 });
  expect(data.districts).toEqual([]);
  expect(data.province).toMatchObject({ validTo: null });
  expect(data.province.children).toHaveLength(96);
  expect(data.konTum).toEqual({ validTo: '2025-07-01', successors: [{ unit: { id: '51' }, kind: 'MERGE', date: '2025-07-01' }] });
});

test('the same code is not the same unit: 21034 was Xã Nghĩa Dũng and is now Xã An Phú, under another id', async () => {
  const data = dataOf(
    await system.query(`{
    old: orgUnit(id: "21034") { code name validTo parent { id } successors { unit { id } kind } }
    now: orgUnit(id: "21034-2025-07") { code name validFrom predecessors { unit { id name } kind part } }
    at2024: orgUnits(level: COMMUNE, at: "2024-06-01", inPlanScope: true) { id }
  }`),
  );
  expect(data.old).toEqual({
    code: '21034',
    name: 'Xã Nghĩa Dũng',
    validTo: '2025-07-01',
    parent: { id: '522' },
    successors: [{ unit: { id: '21034-2025-07' }, kind: 'MERGE' }],
  });
  expect(data.now).toMatchObject({ code: '21034', name: 'Xã An Phú', validFrom: '2025-07-01' });
  // Item 2: Nghĩa Hà, Nghĩa Dõng, Nghĩa Dũng and the An Phú of 1/1/2025 (id 21262-2025).
  expect(data.now.predecessors.map((l: any) => l.unit.id).sort()).toEqual(['21034', '21037', '21256', '21262-2025']);
  // The 2021–2024 territory is unchanged: 173 commune-level units in old Quảng Ngãi.
  expect(data.at2024).toHaveLength(173);
});

test("xã Bình Sơn (21040) lists its seven old communes; Trà Bùi's two successors are parts; Lý Sơn becomes a special zone", async () => {
  const data = dataOf(
    await system.query(`{
    binhSon: orgUnit(id: "21040-2025-07") { id code name predecessors { unit { id name parent { id } } kind part } }
    traBui: orgUnit(id: "21142") { name successors { unit { id name } kind part } }
    traBuiNow: orgUnit(id: "21142") { successors(at: "2026-12-01") { unit { id } part } }
    lySonDistrict: orgUnit(id: "536") { level successors { unit { id code name kind level } kind } }
    nghiaMy: orgUnit(id: "21286") { validTo successors(at: "2026-12-01") { unit { id name } part } }
  }`),
  );
  const binhSon = data.binhSon;
  expect(binhSon.code).toBe('21040');
  expect(binhSon.name).toBe('Xã Bình Sơn');
  // Item 7: 21040, 21046, 21052, 21070, 21055, 21082, 21088, all of Huyện Bình Sơn (524), whole.
  expect(binhSon.predecessors.map((l: any) => l.unit.id).sort()).toEqual(['21040', '21046', '21052', '21055', '21070', '21082', '21088']);
  expect(binhSon.predecessors.every((l: any) => l.kind === 'MERGE' && l.part === false && l.unit.parent.id === '524')).toBe(true);
  expect(data.traBui.name).toBe('Xã Trà Bùi');
  expect(data.traBui.successors).toEqual(
    expect.arrayContaining([
      { unit: { id: '21136-2025-07', name: 'Xã Cà Đam' }, kind: 'SPLIT', part: true },
      { unit: { id: '21157-2025-07', name: 'Xã Tây Trà Bồng' }, kind: 'SPLIT', part: true },
    ]),
  );
  expect(data.traBui.successors).toHaveLength(2);
  expect(data.traBuiNow.successors.every((l: any) => l.part)).toBe(true);
  expect(data.lySonDistrict).toEqual({
    level: 'DISTRICT',
    successors: [{ unit: { id: '21548', code: '21548', name: 'Đặc khu Lý Sơn', kind: 'SPECIAL_ZONE', level: 'COMMUNE' }, kind: 'RECLASSIFY' }],
  });
  // Nghĩa Mỹ (gone on 1/1/2025) reaches today's territory through Sông Vệ → Xã Vệ Giang.
  expect(data.nghiaMy).toEqual({ validTo: '2025-01-01', successors: [{ unit: { id: '21238-2025-07', name: 'Xã Vệ Giang' }, part: false }] });
});

test("every old Quảng Ngãi commune of 30/6/2025 has a successor in the plan's scope, and only district-level units are abolished", async () => {
  const data = dataOf(
    await system.query(`{
    eve: orgUnits(level: COMMUNE, at: "2025-06-30", inPlanScope: true) { id successors { unit { id inPlanScope } } }
    successions: orgUnitSuccessions { predecessor successorId kind part date }
  }`),
  );
  expect(data.eve).toHaveLength(170);
  for (const unit of data.eve) {
    expect(unit.successors.length).toBeGreaterThan(0);
    expect(unit.successors.every((l: any) => l.unit.inPlanScope)).toBe(true);
  }
  const abolished = data.successions.filter((s: any) => s.kind === 'ABOLISH');
  // 12 old Quảng Ngãi districts (Lý Sơn is reclassified, not abolished) + 10 of Kon Tum.
  expect(abolished).toHaveLength(22);
  expect(abolished.every((s: any) => s.successorId === null && s.date === '2025-07-01')).toBe(true);
  expect(data.successions.filter((s: any) => s.part).map((s: any) => s.predecessor)).toEqual(['21142', '21142']);
});
