import { inPeriod, MeasureSql, REFORM_DATE, scopeFilter } from '@qn/common';
import { ZONE_PLACE } from './evidence';

/**
 * IND-1.3b — workers in industrial parks and economic zones reached in the period /
 * workers employed in the zones. Denominator: the zones' workforce recorded for the
 * year the period ends in (a quarter uses its year's figure, 2021-2025 uses 2025's);
 * zones with no workforce for that year are left out of both sides. Numerator: per
 * zone, the headcounts reached by its outreach sessions in the period, capped at its
 * workforce. Scope: a zone is a long-lived place — its district until 30/6/2025, the
 * commune-level unit it is in from 1/7/2025 — and a unit counts the zones that were in it
 * during the period, with the sessions that stood in it on their date (old Bình Sơn over
 * 2025: Dung Quất's workforce and its sessions of the first half-year). Zones are kept by
 * district before the reform (they span communes), so a commune-level unit is answered
 * only for periods from 1/7/2025.
 */
export const ind13b: MeasureSql = (request, p) => {
  const { period } = request;
  const places = [
    ...(period.start < REFORM_DATE ? [`(TRUE ${scopeFilter(request, p, { district: 'z.district_id', communeSince: REFORM_DATE })})`] : []),
    ...(period.end > REFORM_DATE ? [`(TRUE ${scopeFilter(request, p, { district: 'NULL::text', commune: 'z.commune_after_reform_id' })})`] : []),
  ];
  return `
  SELECT coalesce(sum(least(coalesce(r.reached, 0), w.workers_employed)), 0) AS numerator,
         coalesce(sum(w.workers_employed), 0) AS denominator
    FROM industrial_zone z
    JOIN zone_workforce w ON w.zone_id = z.id AND w.year = ${p.add(period.year)}
    LEFT JOIN (SELECT o.zone_id, sum(o.workers_reached) AS reached
                 FROM zone_outreach o
                 JOIN industrial_zone z ON z.id = o.zone_id
                WHERE TRUE ${inPeriod('o.held_on', request, p)}
                      ${scopeFilter(request, p, ZONE_PLACE('o.held_on'))}
                GROUP BY o.zone_id) r ON r.zone_id = z.id
   WHERE ${places.join(' OR ')}`;
};
