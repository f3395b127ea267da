import { addDays, businessPlaceSql, MeasureSql, PROGRAMME_START, scopeFilter } from '@qn/common';

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
export const ind33b: MeasureSql = ({ period, orgUnit }, p) => {
  const from = p.add(period.start < PROGRAMME_START ? period.start : PROGRAMME_START);
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
