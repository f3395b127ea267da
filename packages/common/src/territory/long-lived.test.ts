import { placeOnDate, scopeFilter, SqlParams } from '../indicators';
import { parsePeriod } from '../periods';
import { longLivedPlace, territory } from './index';

/** Units of the real territory: Xã Bình Sơn (21040-2025-07) was formed from seven communes of Huyện Bình Sơn (524), among them Thị trấn Châu Ổ (21040). */
const BINH_SON = '21040-2025-07';
const failure = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    const e = error as { message: string; extensions: { code: string; field: string } };
    return { code: e.extensions.code, field: e.extensions.field, message: e.message };
  }
  return null;
};

describe('longLivedPlace: where a zone, institution, person or pilot stands across 1/7/2025', () => {
  test('placed before the reform: its district (and commune), and the unit of 1/7/2025 when given', () => {
    expect(longLivedPlace({ districtId: '524' }, '2024-03-01')).toEqual({ districtId: '524', communeId: null, communeAfterReformId: null });
    expect(longLivedPlace({ districtId: '524', communeId: '21040', communeAfterReformId: BINH_SON }, '2024-03-01')).toEqual({
      districtId: '524',
      communeId: '21040',
      communeAfterReformId: BINH_SON,
    });
  });

  test('placed after the reform: the commune-level unit is both its place and its unit from 1/7/2025', () => {
    expect(longLivedPlace({ communeId: BINH_SON }, '2025-09-01')).toEqual({ districtId: null, communeId: BINH_SON, communeAfterReformId: BINH_SON });
    expect(failure(() => longLivedPlace({ communeId: BINH_SON, communeAfterReformId: '21100-2025-07' }, '2025-09-01'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'communeAfterReformId',
    });
  });

  test("the unit of 1/7/2025 must be one of the plan's units valid then: an old commune or a Kon Tum unit is refused", () => {
    const old = failure(() => longLivedPlace({ districtId: '524', communeAfterReformId: '21040' }, '2024-03-01'));
    expect(old).toMatchObject({ code: 'BAD_USER_INPUT', field: 'communeAfterReformId' });
    expect(old!.message).toContain(`it is now ${BINH_SON} Xã Bình Sơn`);
    const konTum = territory.list({ level: 'COMMUNE', at: '2025-07-01', inPlanScope: false })[0];
    expect(failure(() => longLivedPlace({ districtId: '524', communeAfterReformId: konTum.id }, '2024-03-01'))!.message).toContain('outside the plan');
  });

  test('in use after 30/6/2025 without its unit: the error names the field and the units formed from its old district', () => {
    const e = failure(() => longLivedPlace({ districtId: '524' }, '2025-06-30', { inUseAfterReform: true, what: 'zone' }));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'communeAfterReformId' });
    expect(e!.message).toContain('the zone is in use after 30/6/2025');
    expect(e!.message).toContain(`${BINH_SON} Xã Bình Sơn`);
    expect(e!.message).not.toContain('Xã Tịnh Khê'); // formed from Quảng Ngãi city's communes, not Bình Sơn's
  });
});

describe("placeOnDate and scopeFilter: a long-lived place counted where it stood on the record's date", () => {
  const columns = placeOnDate('o.held_on', { district: 'z.district_id', communeAfterReform: 'z.commune_after_reform_id' });

  test('the old district before 1/7/2025, the unit of 1/7/2025 from then', () => {
    expect(columns.district).toBe(`(CASE WHEN o.held_on < DATE '2025-07-01' THEN z.district_id END)`);
    expect(columns.commune).toBe(`(CASE WHEN o.held_on < DATE '2025-07-01' THEN NULL ELSE z.commune_after_reform_id END)`);
    expect(columns.communeSince).toBe('2025-07-01');
  });

  test('a new unit from 2025Q3 is counted by its unit; over 2025, reaching back before the reform, it is refused', () => {
    const params = new SqlParams();
    const q3 = scopeFilter({ orgUnit: territory.get(BINH_SON)!, period: parsePeriod('2025Q3') }, params, columns);
    expect(q3).toBe(` AND (${columns.commune} = ANY($1::text[]))`);
    expect(params.values).toEqual([[BINH_SON]]);
    const year = failure(() => scopeFilter({ orgUnit: territory.get(BINH_SON)!, period: parsePeriod('2025') }, new SqlParams(), columns));
    expect(year).toMatchObject({ code: 'BAD_USER_INPUT', field: 'orgUnit' });
    expect(year!.message).toContain('by district only until 2025-06-30');
  });

  test('an old district over 2025 is counted by its district (its half-year); the province has no filter', () => {
    const params = new SqlParams();
    expect(scopeFilter({ orgUnit: territory.get('524')!, period: parsePeriod('2025') }, params, columns)).toBe(` AND (${columns.district} = ANY($1::text[]))`);
    expect(params.values).toEqual([['524']]);
    expect(scopeFilter({ orgUnit: territory.province, period: parsePeriod('2025') }, new SqlParams(), columns)).toBe('');
  });

  test('with a commune kept before the reform too, a new unit over 2025 is counted over its old communes', () => {
    const withCommune = placeOnDate('s.held_on', { district: 'i.district_id', commune: 'i.commune_id', communeAfterReform: 'i.commune_after_reform_id' });
    expect(withCommune.communeSince).toBeUndefined();
    const params = new SqlParams();
    scopeFilter({ orgUnit: territory.get(BINH_SON)!, period: parsePeriod('2025') }, params, withCommune);
    expect(params.values[0]).toEqual(expect.arrayContaining([BINH_SON, '21040', '21046']));
  });
});
