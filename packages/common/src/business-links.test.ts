import { businessPlace, businessPlaceOn, checkBusinessLink, BusinessDistrict, BusinessDistrictsLoader } from './business-links';

const fieldOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    const { extensions, message } = error as { extensions: { code: string; field: string }; message: string };
    return { code: extensions.code, field: extensions.field, message };
  }
  return null;
};
const base = { districtId: '524', communeId: '21046', communeAfterReformId: null, openedOn: '2020-01-01', closedOn: null };
const unitOf = (b: Parameters<typeof businessPlace>[0]) => businessPlace(b).communeAfterReformId;

describe("a business's place on a date", () => {
  const business = { districtId: '524', communeId: '21046', communeAfterReformId: '21040-2025-07' };
  test('its district and old commune to 30/6/2025, its commune-level unit and no district from 1/7/2025', () => {
    expect(businessPlaceOn(business, '2025-06-30')).toEqual({ districtId: '524', communeId: '21046' });
    expect(businessPlaceOn(business, '2025-07-01')).toEqual({ districtId: null, communeId: '21040-2025-07' });
  });
});

describe('the commune-level unit a business lies in from 1/7/2025', () => {
  test('derived when its old commune went whole to one unit (Bình Thạnh → Xã Bình Sơn), and through the 1/1/2025 merges', () => {
    expect(unitOf(base)).toBe('21040-2025-07');
    // Nghĩa Mỹ (21286) ended on 1/1/2025 in Sông Vệ, which went to Xã Vệ Giang.
    expect(unitOf({ ...base, districtId: '528', communeId: '21286' })).toBe('21238-2025-07');
    // Lý Sơn had no communes: its district became the special zone.
    expect(unitOf({ ...base, districtId: '536', communeId: null })).toBe('21548');
  });

  test('none for a business that closed before the reform, and none may be given', () => {
    expect(unitOf({ ...base, closedOn: '2025-06-30' })).toBeNull();
    expect(fieldOf(() => businessPlace({ ...base, closedOn: '2025-06-30', communeAfterReformId: '21040-2025-07' }))).toMatchObject({
      field: 'communeAfterReformId',
    });
  });

  test('a split commune (Trà Bùi) needs the unit named, one of its two successors', () => {
    const traBui = { ...base, districtId: '525', communeId: '21142' };
    expect(fieldOf(() => businessPlace(traBui))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'communeAfterReformId' });
    expect(unitOf({ ...traBui, communeAfterReformId: '21157-2025-07' })).toBe('21157-2025-07');
    expect(fieldOf(() => businessPlace({ ...traBui, communeAfterReformId: '21040-2025-07' }))?.message).toContain('21136-2025-07 Xã Cà Đam (part)');
  });

  test("a business known by its district only stays without a unit until police names one of its communes' successors", () => {
    expect(unitOf({ ...base, communeId: null })).toBeNull();
    expect(unitOf({ ...base, communeId: null, communeAfterReformId: '21040-2025-07' })).toBe('21040-2025-07');
    expect(fieldOf(() => businessPlace({ ...base, communeId: null, communeAfterReformId: '21034-2025-07' }))).toMatchObject({ field: 'communeAfterReformId' });
  });

  test("a business opened after the reform has only its unit, valid and in the plan's territory", () => {
    const later = { districtId: null, communeId: null, communeAfterReformId: '21034-2025-07', openedOn: '2025-08-01', closedOn: null };
    expect(businessPlace(later)).toEqual({ districtId: null, communeId: '21034-2025-07', communeAfterReformId: '21034-2025-07' });
    expect(businessPlace({ ...later, communeId: '21034-2025-07', communeAfterReformId: null })).toEqual({
      districtId: null,
      communeId: '21034-2025-07',
      communeAfterReformId: '21034-2025-07',
    });
    expect(fieldOf(() => businessPlace({ ...later, communeAfterReformId: null }))).toMatchObject({ field: 'communeId' });
    expect(fieldOf(() => businessPlace({ ...later, districtId: '522' }))).toMatchObject({ field: 'districtId' });
    expect(fieldOf(() => businessPlace({ ...later, communeAfterReformId: '21034' }))).toMatchObject({ field: 'communeId' });
    // Kon Tum's units are in the province, outside the plan's territory.
    expect(fieldOf(() => businessPlace({ ...later, communeAfterReformId: '23368-2025-07' }))?.message).toContain("outside the plan's territory");
  });
});

describe('checkBusinessLink: the record stands where the business stood on its date', () => {
  const business: BusinessDistrict = {
    id: 'b',
    districtId: '524',
    communeId: '21046',
    communeAfterReformId: '21040-2025-07',
    openedOn: '2020-01-01',
    closedOn: null,
  };
  const loader = { load: async (id: string) => (id === 'b' ? business : null) } as unknown as BusinessDistrictsLoader;
  const failure = (link: Parameters<typeof checkBusinessLink>[1]) =>
    checkBusinessLink(loader, link).then(
      () => null,
      (e) => ({ field: e.extensions.field, message: e.message as string }),
    );
  const link = { businessId: 'b', dateField: 'checkedOn' };

  test('before 1/7/2025 the district, and the commune where both name one', async () => {
    expect(await failure({ ...link, districtId: '524', communeId: null, date: '2025-06-30' })).toBeNull();
    expect(await failure({ ...link, districtId: '524', communeId: '21046', date: '2025-06-30' })).toBeNull();
    expect(await failure({ ...link, districtId: '522', date: '2025-06-30' })).toMatchObject({ field: 'districtId' });
    expect(await failure({ ...link, districtId: '524', communeId: '21052', date: '2025-06-30' })).toMatchObject({ field: 'communeId' });
  });

  test("from 1/7/2025 the commune-level unit, without telling the business's own", async () => {
    expect(await failure({ ...link, districtId: null, communeId: '21040-2025-07', date: '2025-07-01' })).toBeNull();
    const other = await failure({ ...link, districtId: null, communeId: '21034-2025-07', date: '2025-07-01' });
    expect(other).toMatchObject({ field: 'communeId' });
    expect(other!.message).not.toContain('21040');
    expect(await failure({ ...link, businessId: 'x', districtId: null, communeId: '21040-2025-07', date: '2025-07-01' })).toMatchObject({
      field: 'businessId',
    });
  });
});
