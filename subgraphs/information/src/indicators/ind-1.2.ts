import { MeasureSql, scopeFilter } from '@qn/common';

/** Calendar months in [start, end) (periods always start on the first of a month). */
function monthsIn(start: string, end: string): number {
  const month = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
  return month(end) - month(start);
}

/**
 * IND-1.2a — months of the period in which a PROVINCIAL press outlet published at least
 * one piece on prostitution prevention / months in the period (target 100%: 12 of 12
 * months a year). For a district, only pieces about that district count; pieces about
 * the whole province (no district) count only for the province.
 */
export const ind12a: MeasureSql = ({ period, orgUnit }, p) => `
  SELECT (SELECT count(DISTINCT date_trunc('month', pub.published_on))
            FROM publication pub
            JOIN press_outlet o ON o.id = pub.outlet_id
           WHERE o.level = 'PROVINCIAL'
             AND pub.published_on >= ${p.add(period.start)} AND pub.published_on < ${p.add(period.end)}
                 ${scopeFilter(orgUnit, p, { district: 'pub.district_id' })}) AS numerator,
         ${p.add(monthsIn(period.start, period.end))}::int AS denominator`;

/**
 * IND-1.2b — pieces on prostitution prevention published by CENTRAL press outlets in the
 * period (target: at least 2 a year). A count: the denominator is empty. For a district,
 * only pieces about that district count.
 */
export const ind12b: MeasureSql = ({ period, orgUnit }, p) => `
  SELECT count(*) AS numerator,
         NULL::int AS denominator
    FROM publication pub
    JOIN press_outlet o ON o.id = pub.outlet_id
   WHERE o.level = 'CENTRAL'
     AND pub.published_on >= ${p.add(period.start)} AND pub.published_on < ${p.add(period.end)}
         ${scopeFilter(orgUnit, p, { district: 'pub.district_id' })}`;
