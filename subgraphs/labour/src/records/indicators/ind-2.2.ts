import { MeasureSql, scopeFilter } from '@qn/common';
import { periodYears, validDuring } from './units';

/**
 * IND-2.2 — district-level units that integrated prevention into at least one of the
 * socio-economic, social-security, drug-prevention or HIV/AIDS programmes for a year
 * the period falls in / all district-level units that existed at some time in the
 * period. Integration is recorded per year, so every quarter of a year shows that
 * year's integrations.
 */
export const ind22: MeasureSql = (request, p) => {
  const { first, last } = periodYears(request);
  return `
  SELECT count(*) FILTER (WHERE EXISTS (
           SELECT 1 FROM programme_integration pi
            WHERE pi.district_id = u.id AND pi.year BETWEEN ${p.add(first)} AND ${p.add(last)})) AS numerator,
         count(*) AS denominator
    FROM org_unit u
   WHERE u.level = 'DISTRICT' ${validDuring('u', request, p)}
         ${scopeFilter(request.orgUnit, p, { district: 'u.id' })}`;
};
