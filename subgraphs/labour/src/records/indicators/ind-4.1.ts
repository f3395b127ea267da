import { MeasureRequest, MeasureSql, REFORM_DATE, scopeFilter, SqlParams } from '@qn/common';

/**
 * IND-4.1 — a count (target RANGE 1 to 2 units): units with at least one pilot model
 * running at some time in the period (started before the period ended and not ended
 * before it began), whatever its kind; a unit with several pilots counts once. No
 * denominator. A pilot is in a unit over the period if it ran there while it stood there:
 * before 1/7/2025 in the district that started it, from then in the commune-level unit
 * running it. It counts once, for the unit running it on the last day it ran in the
 * period (a model of old Quảng Ngãi city running through 2025 is one unit for 2025, its
 * commune-level unit of 1/7/2025, not two; one whose unit after 30/6/2025 was not given
 * counts by its district).
 */
const reform = `DATE '${REFORM_DATE}'`;
const after = 'coalesce(m.commune_after_reform_id, m.commune_id)';

/** `AND …`: the pilot `m` ran in the period, in the unit while it stood there (its district before 1/7/2025, its commune-level unit after). */
export function pilotInUnit({ period, orgUnit }: Pick<MeasureRequest, 'period' | 'orgUnit'>, p: SqlParams): string {
  const request = { orgUnit, period };
  const places = [
    ...(period.start < REFORM_DATE
      ? [`(m.started_on < ${reform} ${scopeFilter(request, p, { district: 'm.district_id', commune: 'm.commune_id', communeSince: REFORM_DATE })})`]
      : []),
    ...(period.end > REFORM_DATE
      ? [`((m.ended_on IS NULL OR m.ended_on >= ${reform}) ${scopeFilter(request, p, { district: 'NULL::text', commune: after })})`]
      : []),
  ];
  return ` AND m.started_on < ${p.add(period.end)} AND (m.ended_on IS NULL OR m.ended_on >= ${p.add(period.start)}) AND (${places.join(' OR ')})`;
}

export const ind41: MeasureSql = ({ period, orgUnit }, p) => {
  const end = `${p.add(period.end)}::date`;
  const last = `LEAST(coalesce(m.ended_on, ${end} - 1), ${end} - 1)`;
  return `
  SELECT count(DISTINCT CASE WHEN ${last} < ${reform} THEN m.district_id ELSE coalesce(${after}, m.district_id) END) AS numerator, NULL::float8 AS denominator
    FROM pilot_model m
   WHERE TRUE ${pilotInUnit({ period, orgUnit }, p)}`;
};
