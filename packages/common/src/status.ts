import { Period, elapsedFraction } from './periods';

export type TargetKind = 'MIN_PERCENT' | 'MIN_COUNT' | 'RANGE' | 'GROWTH';
export type IndicatorStatus = 'ACHIEVED' | 'ON_TRACK' | 'AT_RISK' | 'NOT_MET' | 'NO_DATA';

export interface TargetSpec {
  kind: TargetKind;
  value?: number | null;
  min?: number | null;
  max?: number | null;
  cumulative?: boolean | null;
}

export interface Measure {
  numerator: number | null;
  denominator: number | null;
}

/**
 * The indicator's value from its numerator and denominator:
 * a percentage for MIN_PERCENT, the count itself for MIN_COUNT and RANGE,
 * the year-on-year change in percent for GROWTH (numerator = this period,
 * denominator = the same period a year earlier).
 */
export function indicatorValue(kind: TargetKind, m: Measure): number | null {
  switch (kind) {
    case 'MIN_PERCENT':
      if (!m.denominator || m.numerator === null) return null;
      return round(100 * m.numerator / m.denominator);
    case 'GROWTH':
      if (!m.denominator || m.numerator === null) return null;
      return round(100 * (m.numerator - m.denominator) / m.denominator);
    default:
      return m.numerator;
  }
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * How a result stands against its target (docs/indicators.md explains the rules):
 * - NO_DATA: nothing to divide by (no denominator, or no base year for growth).
 * - A period that has ended: ACHIEVED when the target is met, else NOT_MET.
 * - A period still open: ON_TRACK when the target is met already or the value is at
 *   least the share of the target that the elapsed part of the period calls for;
 *   else AT_RISK. Growth is judged on the full target even while open.
 * - RANGE targets (1 to 2 units): reaching the minimum meets the target; going above
 *   the maximum still counts as met.
 */
export function indicatorStatus(target: TargetSpec, value: number | null, period: Period, today: string): IndicatorStatus {
  if (value === null || value === undefined) return 'NO_DATA';
  const goal = target.kind === 'RANGE' || target.kind === 'GROWTH' ? target.min ?? target.value ?? 0 : target.value ?? 0;
  const met = value >= goal;
  const fraction = elapsedFraction(period, today);
  if (fraction >= 1) return met ? 'ACHIEVED' : 'NOT_MET';
  if (met) return 'ON_TRACK';
  if (target.kind === 'GROWTH') return 'AT_RISK';
  return value >= goal * fraction ? 'ON_TRACK' : 'AT_RISK';
}
