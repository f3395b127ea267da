import { businessPlaceSql, MeasureRequest, MeasureSql, scopeFilter, SqlParams } from '@qn/common';
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

/** IND-3.3a — share of registered service businesses inspected in the period (target ≥20% a year). */
export const ind33a: MeasureSql = (request, p) => inspectedShare(request, p, request.period.start);
