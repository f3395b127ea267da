import { MeasureRequest, MeasureSql, periodBasis, scopeFilter, SqlParams } from '@qn/common';
import { validDuring } from './units';

/**
 * The calendar month a date counts in: itself, or for a reporting cut-off window
 * (15th → 14th) the month whose cut-off it falls in (15/12/2023 counts in January 2024).
 */
function countingMonth(expr: string, { period }: MeasureRequest): string {
  return periodBasis(period) === 'REPORTING' ? `(date_trunc('month', (${expr})::date - 14) + interval '1 month')` : `(${expr})::timestamp`;
}

/**
 * Quarters of the period during which the commune `u` existed (its validity clipped to
 * the period), counted in the period's own months.
 */
function quartersValid(request: MeasureRequest, p: SqlParams): string {
  const start = `greatest(u.valid_from, ${p.add(request.period.start)}::date)`;
  const end = `least(coalesce(u.valid_to, ${p.add(request.period.end)}::date), ${p.add(request.period.end)}::date)`;
  return `(SELECT count(*) FROM generate_series(date_trunc('quarter', ${countingMonth(start, request)}),
                                              date_trunc('quarter', ${countingMonth(`${end} - 1`, request)}), interval '3 months'))`;
}

/**
 * IND-1.1 — commune-level units (xã, phường, thị trấn) that organised prevention
 * communication and KEPT IT UP REGULARLY ("được duy trì thường xuyên") / all
 * commune-level units that existed at some time in the period.
 *
 * "Regularly" is read as: active in at least three of the four quarters of a year —
 * more precisely in at least ¾ (rounded up) of the quarters the commune existed in the
 * period: 3 of 4 for a whole year, 2 of 2 for a commune that existed only half of 2025
 * (the 1/7/2025 merges), 1 for a single quarter. One activity a year is "organised",
 * not "kept up"; requiring all four quarters would fail a commune for one quiet
 * quarter (Tết, the storm season). Labour's org_unit carries each unit's validity, so
 * the 2025 merges count each commune for the part of the period it existed. Scope: a
 * district counts its own communes.
 */
export const ind11: MeasureSql = (request, p) => `
  SELECT count(*) FILTER (WHERE
           (SELECT count(DISTINCT date_trunc('quarter', ${countingMonth('a.held_on', request)}))
              FROM communication_activity a
             WHERE a.commune_id = u.id AND a.held_on >= ${p.add(request.period.start)} AND a.held_on < ${p.add(request.period.end)})
           >= ceil(0.75 * ${quartersValid(request, p)})) AS numerator,
         count(*) AS denominator
    FROM org_unit u
   WHERE u.level = 'COMMUNE' ${validDuring('u', request, p)}
         ${scopeFilter(request.orgUnit, p, { district: 'u.parent_id', commune: 'u.id' })}`;
