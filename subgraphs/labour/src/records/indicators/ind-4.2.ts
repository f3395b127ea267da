import { inPeriod, MeasureRequest, MeasureSql, scopeFilter, SqlParams } from '@qn/common';

/** `c` (a support_client) was assessed in the period as in need AND eligible, and is registered in the unit. */
function inNeedAndEligible(request: MeasureRequest, p: SqlParams): string {
  return `EXISTS (SELECT 1 FROM need_assessment a
                  WHERE a.client_id = c.id AND a.in_need AND a.eligible ${inPeriod('a.assessed_on', request, p)})
         ${scopeFilter(request.orgUnit, p, { district: 'c.district_id' })}`;
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
 * whichever agency served them. Scope: the district the person is registered in (with
 * labour).
 *
 * This SQL gives the denominator and labour's part of the numerator. Health's part is
 * added in loaders/measures.ts through the graph, never from health's database: the
 * codes of the persons in need and eligible whom labour did NOT serve
 * (`ind42NotServedByLabour`) go to health's `healthServiceUsers`, which counts those
 * who had a social-support health service (a referral to a social service) in the period.
 */
export const ind42: MeasureSql = (request, p) => `
  SELECT count(*) FILTER (WHERE ${servedByLabour(request, p)}) AS numerator,
         count(*) AS denominator
    FROM support_client c
   WHERE ${inNeedAndEligible(request, p)}`;

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
