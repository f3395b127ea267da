import { inPeriod, MeasureRequest, MeasureSql, periodWindows, placeOnDate, scopeFilter, SqlParams, withProvinceSeries } from '@qn/common';

/**
 * Where a person (`c`, a support_client) is followed on a date: the district of
 * registration before 1/7/2025, the commune-level unit whose services follow them from
 * then. Persons were registered by district only before the reform (a commune was
 * optional), so a commune-level unit is counted from 1/7/2025 on.
 */
export const CLIENT_PLACE = (dateExpr: string) => placeOnDate(dateExpr, { district: 'c.district_id', communeAfterReform: 'c.commune_after_reform_id' });

/** `c` was assessed in the period as in need AND eligible, in the unit where the person stood on that day. */
function inNeedAndEligible(request: MeasureRequest, p: SqlParams): string {
  return `EXISTS (SELECT 1 FROM need_assessment a
                  WHERE a.client_id = c.id AND a.in_need AND a.eligible ${inPeriod('a.assessed_on', request, p)}
                        ${scopeFilter(request, p, CLIENT_PLACE('a.assessed_on'))})`;
}

/** `c` used at least one support or reintegration service recorded by labour in the period. */
function servedByLabour(request: MeasureRequest, p: SqlParams): string {
  return `EXISTS (SELECT 1 FROM support_service_use s WHERE s.client_id = c.id ${inPeriod('s.used_on', request, p)})`;
}

/**
 * IND-4.2 — persons (pseudonymous codes) assessed in the period as in need of support
 * AND eligible for it, who used at least one support or reintegration service in the
 * same period, recorded by labour OR by health / persons assessed in need and eligible
 * in the period. Each person counts once however many assessments or services, and
 * whichever agency served them. Scope: where the person was followed by labour on the
 * day of an assessment of the period — the district of registration before 1/7/2025, the
 * commune-level unit of 1/7/2025 after (`CLIENT_PLACE`).
 *
 * This SQL gives the denominator and labour's part of the numerator. Health's part is
 * added in loaders/measures.ts through the graph, never from health's database: the
 * codes of the persons in need and eligible whom labour did NOT serve
 * (`ind42NotServedByLabour`) go to health's `healthServiceUsers`, which counts those
 * who had a social-support health service (a referral to a social service) in the period.
 */
export const ind42: MeasureSql = withProvinceSeries(
  (request, p) => `
  SELECT count(*) FILTER (WHERE ${servedByLabour(request, p)}) AS numerator,
         count(*) AS denominator
    FROM support_client c
   WHERE ${inNeedAndEligible(request, p)}`,
  // Many periods of the province: each assessment and each service use read for the periods that hold it.
  (periods, p) => `
  WITH w AS (${periodWindows(periods, p)}),
       assessed AS (
         SELECT DISTINCT w.k, a.client_id FROM w
           JOIN need_assessment a ON a.in_need AND a.eligible AND a.assessed_on >= w.start_on AND a.assessed_on < w.end_on),
       served AS (
         SELECT DISTINCT w.k, s.client_id FROM w JOIN support_service_use s ON s.used_on >= w.start_on AND s.used_on < w.end_on)
  SELECT w.k, count(a.client_id) FILTER (WHERE s.client_id IS NOT NULL) AS numerator, count(a.client_id) AS denominator
    FROM w
    LEFT JOIN assessed a ON a.k = w.k
    LEFT JOIN served s ON s.k = a.k AND s.client_id = a.client_id
   GROUP BY w.k`,
);

/**
 * IND-4.2: one row, `codes` — the persons in need and eligible in the period whom labour
 * did not serve in it, to ask health about. Erased persons (code `ERA-…`) still count in
 * the denominator, but their code links to nothing anywhere, so they are not asked about.
 */
export const ind42NotServedByLabour: MeasureSql = (request, p) => `
  SELECT coalesce(array_agg(c.code ORDER BY c.code), '{}') AS codes
    FROM support_client c
   WHERE ${inNeedAndEligible(request, p)}
     AND NOT ${servedByLabour(request, p)}
     AND c.code LIKE 'QNG-%'`;
