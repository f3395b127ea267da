import {
  addDays,
  businessPlaceSql,
  MeasureRequest,
  MeasureSql,
  Period,
  periodWindows,
  PROGRAMME_START,
  scopeFilter,
  SqlParams,
  withProvinceSeries,
} from '@qn/common';

const since = (period: Period) => (period.start < PROGRAMME_START ? period.start : PROGRAMME_START);

/**
 * The same for the province over many periods at once: each business's first inspection
 * from the window's start is found once (one pass over the inspections per distinct
 * start, in practice one: 1/1/2021), then compared with each period's end.
 */
function inspectedSinceStartSeries(periods: Period[], p: SqlParams): string {
  return `
  WITH w AS (${periodWindows(periods, p, (period) => ({ start: since(period), end: period.end }))}),
       first_seen AS (
         SELECT f.start_on, i.business_id, min(i.inspected_on) AS first_on
           FROM (SELECT DISTINCT start_on FROM w) f JOIN inspection i ON i.inspected_on >= f.start_on
          GROUP BY f.start_on, i.business_id)
  SELECT w.k, count(b.id) FILTER (WHERE s.first_on < w.end_on) AS numerator, count(b.id) AS denominator
    FROM w
    LEFT JOIN service_business b ON b.opened_on < w.end_on AND (b.closed_on IS NULL OR b.closed_on >= w.end_on - 1)
    LEFT JOIN first_seen s ON s.start_on = w.start_on AND s.business_id = b.id
   GROUP BY w.k`;
}

const ind33bCell = ({ period, orgUnit }: MeasureRequest, p: SqlParams): string => {
  const from = p.add(since(period));
  const end = p.add(period.end);
  const last = addDays(period.end, -1);
  // An ISO date the code computed, not input: safe as a literal.
  const placeOn = `DATE '${orgUnit.validTo && orgUnit.validTo <= last ? addDays(orgUnit.validTo, -1) : last}'`;
  return `
  SELECT count(*) FILTER (WHERE EXISTS (
           SELECT 1 FROM inspection i
            WHERE i.business_id = b.id AND i.inspected_on >= ${from} AND i.inspected_on < ${end})) AS numerator,
         count(*) AS denominator
    FROM service_business b
   WHERE b.opened_on < ${end} AND (b.closed_on IS NULL OR b.closed_on >= ${end}::date - 1)
         ${scopeFilter({ orgUnit, period }, p, businessPlaceSql('b', placeOn))}`;
};

/**
 * IND-3.3b — "đến năm 2025, 100% các cơ sở được kiểm tra ít nhất một lần": of the
 * service businesses still operating on the last day of the period, the share inspected
 * at least once since the programme began (2021-01-01). A business that closed before
 * the end of the period can no longer be inspected, and the goal is about the businesses
 * there are, so it counts on neither side (its inspections, if any, count in IND-3.3a of
 * their years). A business counts where it stood on the last day of the period on which the
 * unit asked existed (a district of 2021–2025: on 30/6/2025; a commune-level unit of today,
 * or the province: on the period's last day).
 */
export const ind33b: MeasureSql = withProvinceSeries(ind33bCell, inspectedSinceStartSeries);
