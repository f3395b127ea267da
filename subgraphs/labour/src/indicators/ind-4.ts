import { MeasureSql, scopeFilter } from '@qn/common';
import { inPeriod } from './units';

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

/**
 * IND-4.2 — persons (pseudonymous codes) assessed in the period as in need of support
 * AND eligible for it, who used at least one support or reintegration service
 * recorded by labour in the same period / persons assessed in need and eligible in the
 * period. Each person counts once however many assessments or services. Scope: the
 * district the person is registered in. Health's harm-reduction services for the same
 * codes are not yet counted (they reach labour only through the graph; see README).
 */
export const ind42: MeasureSql = (request, p) => `
  SELECT count(*) FILTER (WHERE EXISTS (
           SELECT 1 FROM support_service_use s
            WHERE s.client_id = c.id ${inPeriod('s.used_on', request, p)})) AS numerator,
         count(*) AS denominator
    FROM support_client c
   WHERE EXISTS (SELECT 1 FROM need_assessment a
                  WHERE a.client_id = c.id AND a.in_need AND a.eligible ${inPeriod('a.assessed_on', request, p)})
         ${scopeFilter(request.orgUnit, p, { district: 'c.district_id' })}`;
