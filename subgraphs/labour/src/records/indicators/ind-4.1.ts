import { MeasureSql, scopeFilter } from '@qn/common';

/**
 * IND-4.1 — a count (target RANGE 1 to 2 units): district-level units with at least
 * one pilot model running at some time in the period (started before the period
 * ended and not ended before it began), whatever its kind; a unit with several
 * pilots counts once. No denominator.
 */
export const ind41: MeasureSql = ({ period, orgUnit }, p) => `
  SELECT count(DISTINCT m.district_id) AS numerator, NULL::float8 AS denominator
    FROM pilot_model m
   WHERE m.started_on < ${p.add(period.end)} AND (m.ended_on IS NULL OR m.ended_on >= ${p.add(period.start)})
         ${scopeFilter(orgUnit, p, { district: 'm.district_id' })}`;
