import { inPeriod, MeasureSql, scopeFilter } from '@qn/common';

/**
 * IND-3.1 — denunciations, crime reports and complaints received in the period
 * that were handled within their legal time limit / all received in the period, each
 * counted where it was received, as it stood on that day (district + commune before
 * 1/7/2025, the commune-level unit after).
 */
export const ind31: MeasureSql = ({ period, orgUnit }, p) => `
  SELECT count(*) FILTER (WHERE t.handled_on IS NOT NULL AND t.handled_on <= t.deadline_on) AS numerator,
         count(*) AS denominator
    FROM tip t
   WHERE TRUE${inPeriod('t.received_on', { period }, p)}
         ${scopeFilter({ orgUnit, period }, p, { district: 't.district_id', commune: 't.commune_id' })}`;
