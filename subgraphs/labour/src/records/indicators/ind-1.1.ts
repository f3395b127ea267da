import { MeasureSql, territory } from '@qn/common';
import { inPeriod } from './units';

/**
 * IND-1.1 — commune-level units (xã, phường, thị trấn, đặc khu) that organised at least
 * one prevention communication activity in the period / the commune-level units counted.
 * The units counted are the plan's communes under the unit asked as they stood on the
 * last day of the period on which that unit existed (territory.communesAsOf): a year of
 * 2021–2024 counts the communes of that year (173); 2025 for the province counts the 56
 * units of 1/7/2025, each credited with the activities of the units it was formed from
 * while they existed; 2025 for a district counts its communes of 30/6/2025. A commune
 * counts once whatever the number of its activities; "kept up regularly" is read off the
 * quarterly series.
 */
export const ind11: MeasureSql = (request, p) => {
  const units = territory.communesAsOf(request.orgUnit, request.period.start, request.period.end);
  if (units.length === 0) return 'SELECT 0 AS numerator, 0 AS denominator';
  const rows = units.map((u) => `(${p.add(u.commune.id)}::text, ${p.add(u.recordIds)}::text[])`).join(', ');
  return `
  SELECT count(*) FILTER (WHERE EXISTS (
           SELECT 1 FROM communication_activity a
            WHERE a.commune_id = ANY(c.record_ids) ${inPeriod('a.held_on', request, p)})) AS numerator,
         count(*) AS denominator
    FROM (VALUES ${rows}) AS c(id, record_ids)`;
};
