import {
  MeasureRequest,
  MeasureSql,
  Period,
  periodWindows,
  PROGRAMME_START,
  REFORM_DATE,
  scopeFilter,
  SqlParams,
  territory,
  withProvinceSeries,
} from '@qn/common';

/**
 * The district whose commune-level staff in post a commune-level unit of 1/7/2025 took
 * over: the district of the communes it was formed from (Đặc khu Lý Sơn: Huyện Lý Sơn).
 * Xã Đông Sơn, formed from communes of two districts, goes with the first of them in the
 * succession table.
 */
export function districtFormedIn(communeId: string): string | null {
  const [link] = territory.predecessors(communeId);
  if (!link) return null;
  return link.unit.level === 'DISTRICT' ? link.unit.id : link.unit.parentId;
}

const UNITS_OF_REFORM = territory.list({ level: 'COMMUNE', at: REFORM_DATE, inPlanScope: true });

/** The commune-level units of 1/7/2025 with the district each was formed from, as rows `f(commune_id, district_id)`. */
const formedFrom = (p: SqlParams) =>
  `unnest(${p.add(UNITS_OF_REFORM.map((u) => u.id))}::text[], ${p.add(UNITS_OF_REFORM.map((u) => districtFormedIn(u.id)))}::text[]) AS f(commune_id, district_id)`;

/** The first day whose courses a period counts: the programme's start, or the period's if earlier. */
const coursesFrom = (period: Period) => (period.start < PROGRAMME_START ? period.start : PROGRAMME_START);

/**
 * Cumulative share of staff trained: for each (level, district) the staff in post in
 * the year the period ends in, and the first-time trainees of the courses for that
 * level and district held from the programme's start (2021-01-01) to the end of the
 * period, capped at the staff in post; summed over the unit's (level, district) pairs.
 * Staff in post are counted per district for each year a district existed in (2025
 * included). A commune-level course from 1/7/2025 names its new unit and no district;
 * for the province it joins the commune-level staff of the district that unit was formed
 * from (`districtFormedIn`), so the province's share stays capped district by district.
 * A district asked counts the courses held in it while it existed.
 */
export function trainedShare({ period, orgUnit }: MeasureRequest, p: SqlParams, levels: string): string {
  const from = coursesFrom(period);
  const afterReform = orgUnit.level === 'PROVINCE' && period.end > REFORM_DATE;
  const key = afterReform ? `coalesce(c.district_id, f.district_id, '')` : `coalesce(c.district_id, '')`;
  const formed = afterReform
    ? `LEFT JOIN ${formedFrom(p)}
                       ON c.district_id IS NULL AND f.commune_id = c.commune_id`
    : '';
  return `
  SELECT coalesce(sum(least(coalesce(t.trained, 0), s.staff)), 0) AS numerator,
         coalesce(sum(s.staff), 0) AS denominator
    FROM (SELECT sp.level, sp.district_key, sum(sp.staff) AS staff
            FROM staff_in_post sp
           WHERE sp.level IN (${levels}) AND sp.year = ${p.add(period.year)}
                 ${scopeFilter({ orgUnit, period }, p, { district: 'sp.district_id' })}
           GROUP BY sp.level, sp.district_key) s
    LEFT JOIN (SELECT c.level, ${key} AS district_key, sum(c.new_trainees) AS trained
                 FROM training_course c
                 ${formed}
                WHERE c.level IN (${levels}) AND c.held_on >= ${p.add(from)} AND c.held_on < ${p.add(period.end)}
                      ${scopeFilter({ orgUnit, period }, p, { district: 'c.district_id' })}
                GROUP BY 1, 2) t ON t.level = s.level AND t.district_key = s.district_key`;
}

/**
 * `trainedShare` of the province for many periods at once (`provinceSeries`): the
 * periods as rows (k, the courses' first day, the period's end, the year the period
 * ends in, whether it reaches past the reform), the staff in post of each period's year
 * and the courses of each period's span, each read once per period that holds it,
 * capped and summed per period by the same rule.
 */
export function trainedShareSeries(periods: Period[], p: SqlParams, levels: string): string {
  // Each period's courses from `coursesFrom`; its year is the one it ends in (its last day's).
  const windows = periodWindows(periods, p, (period) => ({ start: coursesFrom(period), end: period.end }));
  return `
  WITH w AS (SELECT k, start_on AS from_on, end_on, extract(year FROM end_on - 1)::int AS year, end_on > ${p.add(REFORM_DATE)}::date AS after_reform
               FROM (${windows}) pw),
       s AS (SELECT w.k, sp.level, sp.district_key, sum(sp.staff) AS staff
               FROM w JOIN staff_in_post sp ON sp.level IN (${levels}) AND sp.year = w.year
              GROUP BY 1, 2, 3),
       t AS (SELECT w.k, c.level,
                    CASE WHEN w.after_reform THEN coalesce(c.district_id, f.district_id, '') ELSE coalesce(c.district_id, '') END AS district_key,
                    sum(c.new_trainees) AS trained
               FROM w JOIN training_course c ON c.level IN (${levels}) AND c.held_on >= w.from_on AND c.held_on < w.end_on
               LEFT JOIN ${formedFrom(p)}
                      ON c.district_id IS NULL AND f.commune_id = c.commune_id
              GROUP BY 1, 2, 3)
  SELECT w.k, coalesce(sum(least(coalesce(t.trained, 0), s.staff)), 0) AS numerator, coalesce(sum(s.staff), 0) AS denominator
    FROM w
    LEFT JOIN s ON s.k = w.k
    LEFT JOIN t ON t.k = s.k AND t.level = s.level AND t.district_key = s.district_key
   GROUP BY w.k`;
}

/** The measure of the staff-trained share for `levels`: one period and unit, or many periods of the province at once. */
export function trainedShareMeasure(levels: string): MeasureSql {
  return withProvinceSeries(
    (request, p) => trainedShare(request, p, levels),
    (periods, p) => trainedShareSeries(periods, p, levels),
  );
}
