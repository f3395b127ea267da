import { inPeriod, MeasureSql, previousYear, scopeFilter } from '@qn/common';

/**
 * IND-3.2 — prostitution-related criminal cases dealt with under the law, growing
 * 3–5% a year: numerator = cases dealt with in the period, denominator = cases dealt
 * with in the same period a year earlier (the value is the growth in percent).
 */
export const ind32: MeasureSql = ({ period, orgUnit }, p) => {
  const before = previousYear(period);
  // The period's units serve the year before too: a new commune's covers its old communes, whose ids its 2024 cases carry.
  const scope = () => scopeFilter({ orgUnit, period }, p, { district: 'c.district_id', commune: 'c.commune_id' });
  return `
  SELECT (SELECT count(*) FROM criminal_case c
           WHERE TRUE${inPeriod('c.dealt_with_on', { period }, p)} ${scope()}) AS numerator,
         (SELECT count(*) FROM criminal_case c
           WHERE TRUE${inPeriod('c.dealt_with_on', { period: before }, p)} ${scope()}) AS denominator`;
};
