import { businessPlaceSql, inPeriod, MeasureSql, periodWindows, scopeFilter, withProvinceSeries } from '@qn/common';
import { businessDuring } from './business-place';

/** Workers employed at registered businesses operating in the period: IND-1.3a's denominator, which labour asks for. */
export const WORKFORCE = 'WORKFORCE';

/** Counts of police records in a period: the evidence behind police's tasks and labour's IND-1.3a (numerator only). */
export const EVIDENCE_MEASURES: Record<string, MeasureSql> = {
  [WORKFORCE]: withProvinceSeries(
    ({ period, orgUnit }, p) => `
    SELECT coalesce(sum(b.employees), 0) AS numerator, NULL::float8 AS denominator FROM service_business b
     WHERE b.opened_on < ${p.add(period.end)} AND (b.closed_on IS NULL OR b.closed_on >= ${p.add(period.start)})
       AND ${businessDuring({ orgUnit, period }, p, 'b')}`,
    // Many periods of the province (labour's IND-1.3a series): the registry read once for all of them.
    (periods, p) => `
    SELECT w.k, coalesce(sum(b.employees), 0) AS numerator, NULL::float8 AS denominator
      FROM (${periodWindows(periods, p)}) w
      LEFT JOIN service_business b ON b.opened_on < w.end_on AND (b.closed_on IS NULL OR b.closed_on >= w.start_on)
     GROUP BY w.k`,
  ),
  'EVIDENCE-INSPECTIONS': ({ period, orgUnit }, p) => `
    SELECT count(*) AS numerator, NULL::float8 AS denominator
      FROM inspection i JOIN service_business b ON b.id = i.business_id
     WHERE TRUE${inPeriod('i.inspected_on', { period }, p)}
           ${scopeFilter({ orgUnit, period }, p, businessPlaceSql('b', 'i.inspected_on'))}`,
  'EVIDENCE-CASES-OPENED': ({ period, orgUnit }, p) => `
    SELECT count(*) AS numerator, NULL::float8 AS denominator FROM criminal_case c
     WHERE TRUE${inPeriod('c.opened_on', { period }, p)} ${scopeFilter({ orgUnit, period }, p, { district: 'c.district_id', commune: 'c.commune_id' })}`,
  'EVIDENCE-RINGS-DEALT-WITH': ({ period, orgUnit }, p) => `
    SELECT count(*) AS numerator, NULL::float8 AS denominator FROM criminal_case c
     WHERE TRUE${inPeriod('c.dealt_with_on', { period }, p)}
       AND c.charges && ARRAY['TRAFFICKING', 'CHILD_TRAFFICKING', 'BUYING_SEX_FROM_MINOR', 'HARBOURING_PROSTITUTION']::text[]
           ${scopeFilter({ orgUnit, period }, p, { district: 'c.district_id', commune: 'c.commune_id' })}`,
};

/**
 * What counts as progress of each police task. TASK-V.2-1 (reviewing the rules for
 * service businesses) has no kind of record here: police enters its progress in labour's
 * task-progress registry, and PoliceTask.progress answers it from there (registryFrom).
 */
export const TASK_EVIDENCE: Record<string, { description: string; measure: string }> = {
  'TASK-II.3b-3': { description: 'inspections of service businesses (police and the 178 team)', measure: 'EVIDENCE-INSPECTIONS' },
  'TASK-II.3b-4': { description: 'prostitution-related criminal cases opened', measure: 'EVIDENCE-CASES-OPENED' },
  'TASK-V.2-2': { description: 'cases of trafficking, child prostitution or harbouring prostitution dealt with', measure: 'EVIDENCE-RINGS-DEALT-WITH' },
};
