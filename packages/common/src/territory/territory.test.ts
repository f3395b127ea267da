import { OrgUnitRecord, Territory } from './index';

/**
 * A small territory of its own, shaped like Quảng Ngãi's reform: district D2 is merged
 * into D1 on 1/1/2025, commune C3 of D2 ends with it, the district level ends on
 * 1/7/2025, and K1 lies outside the plan's territory.
 */
const unit = (
  id: string,
  level: OrgUnitRecord['level'],
  parentId: string | null,
  validFrom: string,
  validTo: string | null,
  inPlanScope = true,
): OrgUnitRecord => ({
  id,
  code: id,
  name: `Unit ${id}`,
  level,
  kind: level.toLowerCase(),
  parentId,
  validFrom,
  validTo,
  formerProvince: inPlanScope ? '51' : '62',
  inPlanScope,
});
const small = new Territory(
  [
    unit('P', 'PROVINCE', null, '2021-01-01', null),
    unit('D1', 'DISTRICT', 'P', '2021-01-01', '2025-07-01'),
    unit('D2', 'DISTRICT', 'P', '2021-01-01', '2025-01-01'),
    unit('C1', 'COMMUNE', 'D1', '2021-01-01', null),
    unit('C2', 'COMMUNE', 'D1', '2023-05-01', null),
    unit('C3', 'COMMUNE', 'D2', '2021-01-01', '2025-01-01'),
    unit('K1', 'DISTRICT', 'P', '2021-01-01', '2025-07-01', false),
  ],
  [{ predecessorId: 'D2', successorId: 'D1', date: '2025-01-01', kind: 'MERGE', part: false }],
);
const codeAndField = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    const e = error as { message: string; extensions: { code: string; field: string } };
    return { code: e.extensions.code, field: e.extensions.field, message: e.message };
  }
  return null;
};

test('validDuring: a unit that exists at any time of [from, to), validTo exclusive', () => {
  const d2 = small.get('D2')!;
  expect(small.validDuring(d2, '2024-12-31', '2025-01-01')).toBe(true);
  expect(small.validDuring(d2, '2025-01-01', '2025-01-02')).toBe(false); // merged that day
  expect(small.validDuring(small.get('C2')!, '2023-01-01', '2023-05-01')).toBe(false); // created on 1/5
  expect(small.validDuring(small.get('C2')!, '2023-01-01', '2023-05-02')).toBe(true);
});

test('districtsDuring / communesDuring follow the reform', () => {
  expect(small.districtsDuring('2024-01-01', '2025-01-01').map((u) => u.id)).toEqual(['D1', 'D2']);
  expect(small.districtsDuring('2025-01-01', '2026-01-01').map((u) => u.id)).toEqual(['D1']);
  expect(small.districtsDuring('2025-07-01', '2026-01-01')).toEqual([]);
  expect(small.communesDuring('2022-01-01', '2023-01-01').map((u) => u.id)).toEqual(['C1', 'C3']);
  expect(small.communesDuring('2024-01-01', '2025-01-01', 'D1').map((u) => u.id)).toEqual(['C1', 'C2']);
});

test('the plan’s territory leaves out units outside it', () => {
  expect(small.districtsDuring('2021-01-01', '2022-01-01').map((u) => u.id)).toEqual(['D1', 'D2']);
  expect(small.list({ level: 'DISTRICT', at: '2021-06-01' }).map((u) => u.id)).toEqual(['D1', 'D2', 'K1']);
  expect(small.list({ level: 'DISTRICT', at: '2021-06-01', inPlanScope: false }).map((u) => u.id)).toEqual(['K1']);
  expect(codeAndField(() => small.checkDistrict('K1'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'districtId' });
});

test('successions read both ways', () => {
  expect(small.successors('D2').map((l) => [l.unit.id, l.kind, l.date])).toEqual([['D1', 'MERGE', '2025-01-01']]);
  expect(small.predecessors('D1').map((l) => l.unit.id)).toEqual(['D2']);
  expect(small.successors('C1')).toEqual([]);
});

test('list filters by level, parent and date', () => {
  expect(small.list({ level: 'COMMUNE', at: '2025-03-01' }).map((u) => u.id)).toEqual(['C1', 'C2']);
  expect(small.list({ parentId: 'D2' }).map((u) => u.id)).toEqual(['C3']);
});

test('resolve: no unit means the province; an unknown id is an input error on the field', () => {
  expect(small.resolve(undefined).id).toBe('P');
  expect(small.resolve('').id).toBe('P');
  expect(small.resolve('D1').id).toBe('D1');
  expect(codeAndField(() => small.resolve('X9', 'orgUnit'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'orgUnit' });
});

test('checkCommune: exists, lies in the district, existed on the day', () => {
  expect(small.checkCommune('C1', 'D1', '2024-06-01').id).toBe('C1');
  expect(codeAndField(() => small.checkCommune('C1', 'D2', '2024-06-01'))).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'communeId',
    message: expect.stringContaining('not in district'),
  });
  expect(codeAndField(() => small.checkCommune('C2', 'D1', '2023-04-30'))).toMatchObject({
    field: 'communeId',
    message: expect.stringContaining('did not exist on 2023-04-30'),
  });
  expect(codeAndField(() => small.checkCommune('D1', null, '2024-06-01'))).toMatchObject({ message: expect.stringContaining("unknown commune 'D1'") });
  // Records older than the territory data are checked against its first state.
  expect(small.checkCommune('C3', 'D2', '2019-03-01').id).toBe('C3');
});

test('checkDistrict refuses communes and unknown ids', () => {
  expect(small.checkDistrict('D2').id).toBe('D2');
  expect(codeAndField(() => small.checkDistrict('C1'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'districtId' });
});
