import { inPeriod, MeasureSql, scopeFilter } from '@qn/common';

/**
 * IND-1.3b — workers in industrial parks and economic zones reached in the period /
 * workers employed in the zones. Denominator: the zones' workforce recorded for the
 * year the period ends in (a quarter uses its year's figure, 2021-2025 uses 2025's);
 * zones with no workforce for that year are left out of both sides. Numerator: per
 * zone, the headcounts reached by its outreach sessions in the period, capped at its
 * workforce. Scope: the zone's district (a commune is answered for its district,
 * as zones span communes).
 */
export const ind13b: MeasureSql = (request, p) => `
  SELECT coalesce(sum(least(coalesce(r.reached, 0), w.workers_employed)), 0) AS numerator,
         coalesce(sum(w.workers_employed), 0) AS denominator
    FROM industrial_zone z
    JOIN zone_workforce w ON w.zone_id = z.id AND w.year = ${p.add(request.period.year)}
    LEFT JOIN (SELECT o.zone_id, sum(o.workers_reached) AS reached
                 FROM zone_outreach o
                WHERE TRUE ${inPeriod('o.held_on', request, p)}
                GROUP BY o.zone_id) r ON r.zone_id = z.id
   WHERE TRUE ${scopeFilter(request.orgUnit, p, { district: 'z.district_id' })}`;
