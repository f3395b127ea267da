import { inPeriod, MeasureSql, scopeFilter } from '@qn/common';

/**
 * IND-1.3a — NUMERATOR ONLY (the denominator is police's, see loaders/measures.ts):
 * workers of service businesses reached by communication in the period. Per business
 * of police's registry, the headcounts reached in its outreach sessions of the period
 * are summed and capped at the largest workforce the sessions found there, so two
 * sessions reaching the same staff do not count them twice; then summed over the
 * businesses of the unit (by the district/commune recorded with the session).
 * Denominator: police's `serviceBusinessWorkforce(period, orgUnit)` — employees of the
 * registered businesses operating in the period — fetched through the graph.
 */
export const ind13a: MeasureSql = (request, p) => `
  SELECT coalesce(sum(b.reached), 0) AS numerator, NULL::float8 AS denominator
    FROM (SELECT least(sum(o.workers_reached), max(o.workers_employed)) AS reached
            FROM business_outreach o
           WHERE TRUE ${inPeriod('o.held_on', request, p)}
                 ${scopeFilter(request.orgUnit, p, { district: 'o.district_id', commune: 'o.commune_id' })}
           GROUP BY o.business_id) b`;
