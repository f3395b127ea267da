import { inPeriod, MeasureSql, scopeFilter } from '@qn/common';

/**
 * IND-1.2b — pieces on prostitution prevention published by CENTRAL press outlets in the
 * period (target: at least 2 a year). A count: the denominator is empty. For a district,
 * only pieces about that district count.
 */
export const ind12b: MeasureSql = ({ period, orgUnit }, p) => `
  SELECT count(*) AS numerator,
         NULL::int AS denominator
    FROM publication pub
    JOIN press_outlet o ON o.id = pub.outlet_id
   WHERE o.level = 'CENTRAL'
     ${inPeriod('pub.published_on', { period }, p)}
         ${scopeFilter({ orgUnit, period }, p, { district: 'pub.district_id', commune: 'pub.commune_id' })}`;
