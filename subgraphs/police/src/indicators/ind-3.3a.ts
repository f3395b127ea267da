import { businessPlaceSql, MeasureRequest, MeasureSql, Period, periodWindows, scopeFilter, SqlParams, withProvinceSeries } from '@qn/common';
import { businessDuring } from './business-place';

/**
 * Businesses operating at some time in [from, end) that had at least one inspection
 * in that window / all businesses operating in it. A business counts for the unit where
 * it stood while it operated in the period (`businessDuring`), an inspection where the
 * business stood on the inspection's date (district + old commune before 1/7/2025, its
 * commune-level unit from then).
 */
function inspectedShare({ period, orgUnit }: MeasureRequest, p: SqlParams, from: string): string {
  const start = p.add(from);
  const end = p.add(period.end);
  return `
  SELECT count(*) FILTER (WHERE EXISTS (
           SELECT 1 FROM inspection i
            WHERE i.business_id = b.id AND i.inspected_on >= ${start} AND i.inspected_on < ${end}
                  ${scopeFilter({ orgUnit, period }, p, businessPlaceSql('b', 'i.inspected_on'))})) AS numerator,
         count(*) AS denominator
    FROM service_business b
   WHERE b.opened_on < ${end} AND (b.closed_on IS NULL OR b.closed_on >= ${start})
     AND ${businessDuring({ orgUnit, period }, p, 'b')}`;
}

/**
 * The same for the province over many periods at once: each inspection is read for the
 * periods that hold it (index on inspected_on), and each business once per period,
 * instead of an index probe per business and period.
 */
function inspectedShareSeries(periods: Period[], p: SqlParams): string {
  return `
  WITH w AS (${periodWindows(periods, p)}),
       inspected AS (
         SELECT DISTINCT w.k, i.business_id FROM w JOIN inspection i ON i.inspected_on >= w.start_on AND i.inspected_on < w.end_on)
  SELECT w.k, count(b.id) FILTER (WHERE x.business_id IS NOT NULL) AS numerator, count(b.id) AS denominator
    FROM w
    LEFT JOIN service_business b ON b.opened_on < w.end_on AND (b.closed_on IS NULL OR b.closed_on >= w.start_on)
    LEFT JOIN inspected x ON x.k = w.k AND x.business_id = b.id
   GROUP BY w.k`;
}

/** IND-3.3a — share of registered service businesses inspected in the period (target ≥20% a year). */
export const ind33a: MeasureSql = withProvinceSeries((request, p) => inspectedShare(request, p, request.period.start), inspectedShareSeries);
