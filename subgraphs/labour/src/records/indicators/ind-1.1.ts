import { addDays, inPeriod, MeasureRequest, MeasureSql, periodBasis, territory } from '@qn/common';

/**
 * The calendar month a date counts in: itself, or for a reporting cut-off window
 * (15th → 14th) the month whose cut-off it falls in (15/12/2023 counts in January 2024).
 */
function countingMonth(expr: string, { period }: MeasureRequest): string {
  return periodBasis(period) === 'REPORTING' ? `(date_trunc('month', (${expr})::date - 14) + interval '1 month')` : `(${expr})::timestamp`;
}

/** Quarters touched by [start, end), counted in the period's own months (cut-off months for an R window). */
function quartersBetween(start: string, end: string, { period }: MeasureRequest): number {
  const index = (iso: string) => {
    let y = Number(iso.slice(0, 4));
    let m = Number(iso.slice(5, 7));
    if (periodBasis(period) === 'REPORTING' && Number(iso.slice(8, 10)) >= 15) {
      m += 1;
      if (m === 13) {
        m = 1;
        y += 1;
      }
    }
    return y * 4 + Math.floor((m - 1) / 3);
  };
  return end > start ? index(addDays(end, -1)) - index(start) + 1 : 0;
}

/**
 * IND-1.1 — commune-level units (xã, phường, thị trấn, đặc khu) that organised prevention
 * communication and KEPT IT UP REGULARLY ("được duy trì thường xuyên") / the
 * commune-level units counted.
 *
 * "Regularly" is read as: active in at least three of the four quarters of a year —
 * precisely, in at least ¾ (rounded up) of the quarters of the period while the unit
 * existed: 3 of 4 for a whole year, 2 of 2 for a commune of a district that ended on
 * 30/6/2025, 1 for a single quarter. One activity a year is "organised", not "kept up";
 * all four quarters would fail a commune for one quiet quarter (Tết, the storm season).
 *
 * The units counted are the plan's communes under the unit asked as they stood on the
 * last day of the period on which that unit existed (territory.communesAsOf): a year of
 * 2021–2024 counts the communes of that year (173); 2025 for the province counts the 56
 * units of 1/7/2025, each credited with the activities of the units it was formed from
 * while they existed; 2025 for a district counts its communes of 30/6/2025.
 */
export const ind11: MeasureSql = (request, p) => {
  const { period } = request;
  const units = territory.communesAsOf(request.orgUnit, period.start, period.end);
  if (units.length === 0) return 'SELECT 0 AS numerator, 0 AS denominator';
  const rows = units
    .map((u) => {
      const end = u.commune.validTo !== null && u.commune.validTo < period.end ? u.commune.validTo : period.end;
      const required = Math.ceil(0.75 * quartersBetween(period.start, end, request));
      return `(${p.add(u.commune.id)}::text, ${p.add(u.recordIds)}::text[], ${p.add(required)}::int)`;
    })
    .join(', ');
  return `
  SELECT count(*) FILTER (WHERE
           (SELECT count(DISTINCT date_trunc('quarter', ${countingMonth('a.held_on', request)}))
              FROM communication_activity a
             WHERE a.commune_id = ANY(c.record_ids) ${inPeriod('a.held_on', request, p)}) >= c.required) AS numerator,
         count(*) AS denominator
    FROM (VALUES ${rows}) AS c(id, record_ids, required)`;
};
