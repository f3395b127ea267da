import { MeasureRequest, SqlParams } from '@qn/common';

/** First and last calendar year a period touches (a quarter of 2024 → 2024..2024; 2021-2025 → 2021..2025). */
export function periodYears({ period }: MeasureRequest): { first: number; last: number } {
  return { first: Number(period.start.slice(0, 4)), last: period.year };
}

/**
 * `AND …` keeping org_unit rows (alias `u`) of the plan's territory (old Quảng Ngãi) that
 * were valid at some time in the period, from labour's own copy of the territory (loaded
 * with the catalogue), so units merged or created by the 2025 reforms are counted only
 * while they existed, and old Kon Tum's never.
 */
export function validDuring(alias: string, { period }: MeasureRequest, p: SqlParams): string {
  return ` AND ${alias}.in_plan_scope AND ${alias}.valid_from < ${p.add(period.end)} AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > ${p.add(period.start)})`;
}
