import { inPeriod, MeasureSql, periodBasis, scopeFilter } from '@qn/common';

/** Months in [start, end): calendar months, or cut-off months (15th → 14th) for a reporting window, which starts and ends on the 15th. */
function monthsIn(start: string, end: string): number {
  const month = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
  return month(end) - month(start);
}

/**
 * IND-1.2a — months of the period in which a PROVINCIAL press outlet published at least
 * one piece on prostitution prevention / months in the period (target 100%: 12 of 12
 * months a year). A reporting cut-off window (15/12 → 14/3 for 2024Q1R) has cut-off
 * months: a piece of 15/1–14/2 belongs to February's, so it is counted by the month of
 * its date minus 14 days — 3 months for a quarter, 12 for a year, never 4 or 13. For a district, only pieces about that district count; pieces about
 * the whole province (no district) count only for the province.
 */
export const ind12a: MeasureSql = ({ period, orgUnit }, p) => `
  SELECT (SELECT count(DISTINCT date_trunc('month', pub.published_on${periodBasis(period) === 'REPORTING' ? " - interval '14 days'" : ''}))
            FROM publication pub
            JOIN press_outlet o ON o.id = pub.outlet_id
           WHERE o.level = 'PROVINCIAL'
             ${inPeriod('pub.published_on', { period }, p)}
                 ${scopeFilter({ orgUnit, period }, p, { district: 'pub.district_id', commune: 'pub.commune_id' })}) AS numerator,
         ${p.add(monthsIn(period.start, period.end))}::int AS denominator`;
