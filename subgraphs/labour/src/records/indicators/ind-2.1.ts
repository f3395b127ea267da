import { inPeriod, MeasureSql, scopeFilter } from '@qn/common';
import { periodYears, validDuring } from './units';

/**
 * IND-2.1 — district-level units that (1) adopted a prevention plan for a year the
 * period falls in, adopted before the period ended, and (2) ran prevention activities
 * in the period (at least one commune communication activity in the district) / all
 * district-level units that existed at some time in the period (13 until 30/6/2025;
 * none after, so later periods have no data). A commune asks for its district.
 */
export const ind21: MeasureSql = (request, p) => {
  const { first, last } = periodYears(request);
  return `
  SELECT count(*) FILTER (WHERE EXISTS (
           SELECT 1 FROM district_plan dp
            WHERE dp.district_id = u.id AND dp.year BETWEEN ${p.add(first)} AND ${p.add(last)}
                  AND dp.adopted_on < ${p.add(request.period.end)})
           AND EXISTS (
           SELECT 1 FROM communication_activity a
            WHERE a.district_id = u.id ${inPeriod('a.held_on', request, p)})) AS numerator,
         count(*) AS denominator
    FROM org_unit u
   WHERE u.level = 'DISTRICT' ${validDuring('u', request, p)}
         ${scopeFilter(request.orgUnit, p, { district: 'u.id' })}`;
};
