import { userInputError } from '@qn/common';

/**
 * A school year as Vietnamese schools name it, `2023-2024`. For counting it runs from
 * 1 September to 31 August, so every day belongs to exactly one school year; `end`
 * is the first day after it, as in `Period`.
 */
export interface SchoolYear {
  id: string;
  start: string;
  end: string;
}

export const SCHOOL_YEAR_STARTS = '09-01';

export function parseSchoolYear(id: string, field = 'schoolYear'): SchoolYear {
  const m = id.trim().match(/^(\d{4})-(\d{4})$/);
  const first = m ? Number(m[1]) : NaN;
  if (!m || Number(m[2]) !== first + 1 || first < 2000 || first > 2099) {
    throw userInputError(field, `unknown school year '${id}': write two consecutive years, e.g. 2023-2024`);
  }
  return { id: `${first}-${first + 1}`, start: `${first}-${SCHOOL_YEAR_STARTS}`, end: `${first + 1}-${SCHOOL_YEAR_STARTS}` };
}

/** The school year a date (ISO) falls in. */
export function schoolYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const first = date.slice(5) >= SCHOOL_YEAR_STARTS ? year : year - 1;
  return `${first}-${first + 1}`;
}
