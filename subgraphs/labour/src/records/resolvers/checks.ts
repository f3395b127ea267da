import { checkCount, territory, userInputError } from '@qn/common';

/** Years labour accepts records for: the programme with a margin on each side. */
export const FIRST_YEAR = 2016;
export const LAST_YEAR = 2030;

/**
 * A district-level unit of the plan's territory valid on the date, by the one rule for a
 * record's place (`territory.place`): after 30/6/2025 there is no district, and the error
 * names the commune-level units valid then.
 */
export function checkDistrictOn(districtId: string, on: string, field = 'districtId'): void {
  territory.place({ districtId }, on, { fields: { district: field } });
}

/** A district-level unit that existed at some time in the year. */
export function checkDistrictInYear(districtId: string, year: number, field = 'districtId'): void {
  checkCount('year', year, { min: FIRST_YEAR, max: LAST_YEAR });
  const district = territory.checkDistrict(districtId, field);
  if (!territory.validDuring(district, `${year}-01-01`, `${year + 1}-01-01`)) {
    throw userInputError(field, `district '${districtId}' (${district.name}) did not exist in ${year}`);
  }
}
