import { MeasureRequest, REFORM_DATE, scopeFilter, SqlParams } from '@qn/common';

/**
 * A service business counts for a unit over a period if, on some day of the period it
 * operated, it stood in one of the units the period counts for it (`scopeFilter`): by its
 * district (and old commune) for the part before 1/7/2025, by its commune-level unit for the
 * part from then. A business that operated on both sides of the reform in 2025 counts for the
 * province once, for a new commune of 2025 through either of its places, and for an old
 * district only for its days before the reform. SQL for `alias` (a service_business row).
 */
export function businessDuring({ orgUnit, period }: Pick<MeasureRequest, 'orgUnit' | 'period'>, p: SqlParams, alias: string): string {
  if (orgUnit.level === 'PROVINCE') return 'TRUE';
  const parts: string[] = [];
  if (period.start < REFORM_DATE) {
    parts.push(
      `(${alias}.opened_on < DATE '${REFORM_DATE}' ${scopeFilter({ orgUnit, period }, p, { district: `${alias}.district_id`, commune: `${alias}.commune_id` })})`,
    );
  }
  if (period.end > REFORM_DATE) {
    parts.push(
      `((${alias}.closed_on IS NULL OR ${alias}.closed_on >= DATE '${REFORM_DATE}') ${scopeFilter({ orgUnit, period }, p, { district: 'NULL', commune: `${alias}.commune_after_reform_id` })})`,
    );
  }
  return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
}
