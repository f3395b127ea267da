import { addDays, inPeriod, MeasureRequest, MeasureSql, Period, periodBasis, periodWindows, SqlParams, territory, withProvinceSeries } from '@qn/common';

/**
 * The calendar month a date counts in: itself, or for a reporting cut-off window
 * (15th → 14th) the month whose cut-off it falls in (15/12/2023 counts in January 2024).
 */
function countingMonth(expr: string, { period }: MeasureRequest): string {
  return countingMonthSql(expr, periodBasis(period) === 'REPORTING');
}

function countingMonthSql(expr: string, reporting: boolean): string {
  return reporting ? `(date_trunc('month', (${expr})::date - 14) + interval '1 month')` : `(${expr})::timestamp`;
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

/** The communes counted for the request, each with the ids its records may carry and the quarters it must be active in. */
function communesCounted(request: MeasureRequest): { id: string; recordIds: string[]; required: number }[] {
  const { period } = request;
  return territory.communesAsOf(request.orgUnit, period.start, period.end).map((u) => {
    const end = u.commune.validTo !== null && u.commune.validTo < period.end ? u.commune.validTo : period.end;
    return { id: u.commune.id, recordIds: u.recordIds, required: Math.ceil(0.75 * quartersBetween(period.start, end, request)) };
  });
}

const ind11Cell = (request: MeasureRequest, p: SqlParams): string => {
  const units = communesCounted(request);
  if (units.length === 0) return 'SELECT 0 AS numerator, 0 AS denominator';
  const rows = units.map((u) => `(${p.add(u.id)}::text, ${p.add(u.recordIds)}::text[], ${p.add(u.required)}::int)`).join(', ');
  return `
  SELECT count(*) FILTER (WHERE
           (SELECT count(DISTINCT date_trunc('quarter', ${countingMonth('a.held_on', request)}))
              FROM communication_activity a
             WHERE a.commune_id = ANY(c.record_ids) ${inPeriod('a.held_on', request, p)}) >= c.required) AS numerator,
         count(*) AS denominator
    FROM (VALUES ${rows}) AS c(id, record_ids, required)`;
};

/**
 * The province over many periods at once: the communes of every period as three arrays
 * (period, commune, quarters required) and their record ids as three more, whatever the
 * number of periods and communes; each activity is read for the periods that hold it.
 */
function ind11Series(periods: Period[], p: SqlParams): string {
  const counted = periods.map((period) => communesCounted({ code: 'IND-1.1', period, orgUnit: territory.province }));
  const communes = counted.flatMap((units, i) => units.map((u) => ({ k: i + 1, ...u })));
  const records = communes.flatMap((c) => c.recordIds.map((recordId) => ({ k: c.k, id: c.id, recordId })));
  const reporting = periods.map((period) => periodBasis(period) === 'REPORTING');
  return `
  WITH w AS (${periodWindows(periods, p)}),
       basis AS (SELECT b.k::int AS k, b.reporting FROM unnest(${p.add(reporting)}::boolean[]) WITH ORDINALITY AS b(reporting, k)),
       c AS (SELECT * FROM unnest(${p.add(communes.map((c) => c.k))}::int[], ${p.add(communes.map((c) => c.id))}::text[], ${p.add(
         communes.map((c) => c.required),
       )}::int[]) AS c(k, id, required)),
       r AS (SELECT * FROM unnest(${p.add(records.map((r) => r.k))}::int[], ${p.add(records.map((r) => r.id))}::text[], ${p.add(
         records.map((r) => r.recordId),
       )}::text[]) AS r(k, id, record_id)),
       active AS (
         SELECT r.k, r.id,
                count(DISTINCT date_trunc('quarter', CASE WHEN basis.reporting THEN ${countingMonthSql('a.held_on', true)} ELSE ${countingMonthSql('a.held_on', false)} END)) AS quarters
           FROM r JOIN w ON w.k = r.k JOIN basis ON basis.k = r.k
           JOIN communication_activity a ON a.commune_id = r.record_id AND a.held_on >= w.start_on AND a.held_on < w.end_on
          GROUP BY r.k, r.id)
  SELECT w.k, count(c.id) FILTER (WHERE coalesce(x.quarters, 0) >= c.required) AS numerator, count(c.id) AS denominator
    FROM w
    LEFT JOIN c ON c.k = w.k
    LEFT JOIN active x ON x.k = c.k AND x.id = c.id
   GROUP BY w.k`;
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
export const ind11: MeasureSql = withProvinceSeries(ind11Cell, ind11Series);
