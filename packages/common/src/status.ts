import { addDays, elapsedFraction, Period, PROGRAMME_FIRST_YEAR, PROGRAMME_LAST_YEAR } from './periods';
import type { OrgUnitLevel } from './territory';

export type TargetKind = 'MIN_PERCENT' | 'MIN_COUNT' | 'RANGE' | 'GROWTH';
export type IndicatorStatus = 'ACHIEVED' | 'ON_TRACK' | 'AT_RISK' | 'NOT_MET' | 'NO_DATA' | 'NOT_APPLICABLE' | 'SUPPRESSED';

/**
 * How a value builds up inside the target's own period, which decides what a shorter
 * period can be judged against:
 * - RATE: a share that holds for any part of the year (tips handled in time, months with
 *   a publication): a quarter keeps the target;
 * - COVERAGE: distinct people, units or businesses reached over the year: a part of the
 *   year is not a share of the year's reach, so it is not judged;
 * - FLOW: a count that adds up over the year (central publications): pro-rated for a
 *   window that starts with the year (Q1, S1, M9, January), not judged otherwise;
 * - STATE: something that holds while it lasts (a pilot model running): any period keeps
 *   the target.
 */
export type Accrual = 'RATE' | 'COVERAGE' | 'FLOW' | 'STATE';

/** A milestone of a cumulative target, given as data: the value to reach by the end of `year`. */
export interface Milestone {
  year: number;
  value: number;
}

export interface TargetSpec {
  kind: TargetKind;
  value?: number | null;
  min?: number | null;
  max?: number | null;
  cumulative?: boolean | null;
  /** YEAR (reached every year) or PROGRAMME (reached by 2025). */
  per?: string | null;
  accrual?: Accrual | null;
  /** The lowest organisation level the goal binds: PROVINCE for a province-wide count or share of districts. */
  lowestLevel?: OrgUnitLevel | null;
  /** The value before the programme (end of 2020), when the plan gives one; else the first year's value is the baseline. */
  baseline?: number | null;
  /** Milestones of a cumulative target that replace the straight line for those years. */
  milestones?: Milestone[] | null;
}

/** The target fields a verdict needs: what agencies ask of labour's catalogue with `@requires`. */
export const TARGET_SELECTION = 'kind value min max cumulative per accrual lowestLevel baseline milestones { year value }';

/** The target as a federation representation carries it (every field the verdict needs). */
export function targetRepresentation(target: TargetSpec): Record<string, unknown> {
  return {
    kind: target.kind,
    value: target.value ?? null,
    min: target.min ?? null,
    max: target.max ?? null,
    cumulative: target.cumulative ?? false,
    per: target.per ?? 'YEAR',
    accrual: target.accrual ?? null,
    lowestLevel: target.lowestLevel ?? null,
    baseline: target.baseline ?? null,
    milestones: target.milestones ?? null,
  };
}

export interface Measure {
  numerator: number | null;
  denominator: number | null;
  /** Where an input comes from another agency or has parts, the inputs as they were computed. */
  inputs?: MeasureInput[];
}

export interface MeasureInput {
  name: string;
  value: number | null;
  /** The agency whose service computed it. */
  computedBy: string;
  /** The records it was counted from. */
  source: string;
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
      return round((100 * m.numerator) / m.denominator);
    case 'GROWTH':
      if (!m.denominator || m.numerator === null) return null;
      return round((100 * (m.numerator - m.denominator)) / m.denominator);
    default:
      return m.numerator;
  }
}

export function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The goal a value is compared with: the value, or the lower bound of a range or growth target. */
export function goalOf(target: TargetSpec): number {
  return (target.kind === 'RANGE' || target.kind === 'GROWTH' ? (target.min ?? target.value) : target.value) ?? 0;
}

/**
 * The four kinds of target of section II, each with its rule (docs/indicators.md):
 * YEARLY (a share or count every year), GROWTH (year on year), CUMULATIVE (reached by
 * 2025 on a trajectory), PROGRAMME (a state to hold during the programme: IND-4.1).
 */
export type RuleKind = 'YEARLY' | 'GROWTH' | 'CUMULATIVE' | 'PROGRAMME';

export function ruleKind(target: TargetSpec): RuleKind {
  if (target.cumulative) return 'CUMULATIVE';
  if (target.kind === 'GROWTH') return 'GROWTH';
  if (target.per === 'PROGRAMME') return 'PROGRAMME';
  return 'YEARLY';
}

/** The point a cumulative trajectory starts from: the plan's baseline (end of 2020), else the first programme year with a value (its end). */
export interface Anchor {
  year: number;
  value: number;
  given: boolean;
}

export function trajectoryAnchor(target: TargetSpec, firstYear: { year: number; value: number | null } | null): Anchor | null {
  if (target.baseline !== null && target.baseline !== undefined) return { year: PROGRAMME_FIRST_YEAR - 1, value: target.baseline, given: true };
  if (!firstYear || firstYear.value === null || firstYear.value === undefined) return null;
  return { year: firstYear.year, value: firstYear.value, given: false };
}

/**
 * A cumulative target's milestone for the end of `year`: the data's milestone for that
 * year when there is one, else the straight line from the anchor to the goal at the end
 * of 2025. Null before the anchor (nothing to judge against).
 */
export function yearMilestone(target: TargetSpec, anchor: Anchor | null, year: number): number | null {
  const given = target.milestones?.find((m) => m.year === year);
  if (given) return given.value;
  const goal = goalOf(target);
  if (year >= PROGRAMME_LAST_YEAR) return goal;
  if (!anchor || year < anchor.year) return null;
  return round(anchor.value + ((goal - anchor.value) * (year - anchor.year)) / (PROGRAMME_LAST_YEAR - anchor.year));
}

/** The milestone on the day before `endExclusive`: between two year-end milestones, pro rata of the year elapsed. */
export function milestoneAt(target: TargetSpec, anchor: Anchor | null, endExclusive: string): number | null {
  const lastDay = addDays(endExclusive, -1);
  const year = Number(lastDay.slice(0, 4));
  const yearEnd = yearMilestone(target, anchor, year);
  if (endExclusive === `${year + 1}-01-01`) return yearEnd;
  const before = yearMilestone(target, anchor, year - 1);
  if (yearEnd === null || before === null) return null;
  const t = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  const fraction = (t(endExclusive) - t(`${year}-01-01`)) / (t(`${year + 1}-01-01`) - t(`${year}-01-01`));
  return round(before + (yearEnd - before) * fraction);
}

export interface Verdict {
  status: IndicatorStatus;
  /** What the value was judged against: the target, a pro-rated or trajectory milestone; null when not judged. */
  milestone: number | null;
  /** Why a result is NOT_APPLICABLE or NO_DATA. */
  reason: string | null;
  /** The rule applied, in words. */
  rule: string;
}

export interface VerdictInput {
  target: TargetSpec;
  period: Period;
  level: OrgUnitLevel;
  value: number | null;
  today: string;
  /** A cumulative target's anchor at this unit (see trajectoryAnchor). */
  anchor?: Anchor | null;
}

const LEVEL_DEPTH: Record<OrgUnitLevel, number> = { PROVINCE: 0, DISTRICT: 1, COMMUNE: 2 };
const PERIOD_WORD: Record<string, string> = {
  MONTH: 'a month',
  QUARTER: 'a quarter',
  HALF_YEAR: 'a half year',
  NINE_MONTHS: 'nine months',
  YEAR: 'a year',
  MULTI_YEAR: 'a run of years',
};

function monthsBetween(start: string, end: string): number {
  const month = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
  return month(end) - month(start);
}

/** A window that begins with its year: calendar 1 January, or the reporting cut-off 15 December of the year before. */
function startsWithYear(period: Period): boolean {
  return period.start === `${period.year}-01-01` || period.start === `${period.year - 1}-12-15`;
}

function fmt(x: number): string {
  return String(round(x));
}

/**
 * The verdict of one result under its target's rule (docs/indicators.md, "Verdicts"):
 * the milestone that fits the period and unit, or NOT_APPLICABLE with the reason, then
 * ACHIEVED / NOT_MET for an ended period, ON_TRACK / AT_RISK for an open one.
 */
export function judge(input: VerdictInput): Verdict {
  const { target, period, level, value, today } = input;
  const goal = goalOf(target);
  const kind = ruleKind(target);
  const unitText = target.kind === 'MIN_PERCENT' || target.kind === 'GROWTH' ? ' %' : '';
  const notApplicable = (reason: string): Verdict => ({ status: 'NOT_APPLICABLE', milestone: null, reason, rule: reason });

  const lowest = target.lowestLevel ?? 'COMMUNE';
  if (LEVEL_DEPTH[level] > LEVEL_DEPTH[lowest]) {
    return notApplicable(
      lowest === 'PROVINCE'
        ? 'a province-wide goal: a district or commune is not judged against it'
        : 'a share of communes of a district: a single commune is not judged against it',
    );
  }
  if (period.year < PROGRAMME_FIRST_YEAR || (period.kind !== 'MULTI_YEAR' && period.year > PROGRAMME_LAST_YEAR)) {
    return notApplicable(`outside the programme ${PROGRAMME_FIRST_YEAR}–${PROGRAMME_LAST_YEAR}`);
  }

  let milestone: number = goal;
  let rule: string;
  let proRata = false;
  if (kind === 'CUMULATIVE') {
    const anchor = input.anchor ?? null;
    const judgedAt = today < period.end ? (today > period.start ? today : period.start) : period.end;
    if (anchor && !anchor.given && judgedAt <= `${anchor.year + 1}-01-01` && period.kind !== 'MULTI_YEAR') {
      return notApplicable(
        `${anchor.year} is the baseline year: its value (${fmt(anchor.value)}${unitText}) starts the trajectory to ${fmt(goal)}${unitText} by ${PROGRAMME_LAST_YEAR}`,
      );
    }
    const m = milestoneAt(target, anchor, judgedAt);
    if (m === null)
      return {
        status: 'NO_DATA',
        milestone: null,
        reason: 'no baseline: no programme year before this one has a value to start the trajectory from',
        rule: 'cumulative target on a trajectory',
      };
    milestone = m;
    const from = anchor ? `${anchor.given ? "the plan's baseline" : `${anchor.year}'s value`} ${fmt(anchor.value)}${unitText}` : "the data's milestones";
    rule = `cumulative since ${PROGRAMME_FIRST_YEAR}: ${fmt(goal)}${unitText} by ${PROGRAMME_LAST_YEAR}, on a straight line from ${from}; milestone on ${addDays(judgedAt, -1)}: ${fmt(milestone)}${unitText}`;
  } else if (period.kind === 'MULTI_YEAR' && kind !== 'PROGRAMME') {
    return notApplicable(
      kind === 'GROWTH'
        ? 'growth is judged year on year: a run of years has no summed verdict (see summary)'
        : 'a yearly target is judged year by year: a run of years has no summed verdict (see summary)',
    );
  } else if (kind === 'GROWTH') {
    rule = `growth over the same period a year earlier of at least ${fmt(goal)} %`;
  } else if (kind === 'PROGRAMME') {
    rule = `at least ${fmt(goal)}${target.max ? ` (plan: ${fmt(goal)} to ${fmt(target.max)})` : ''} in any period of the programme`;
  } else if (period.kind === 'YEAR') {
    rule = `every year at least ${fmt(goal)}${unitText}`;
    proRata = target.accrual === 'COVERAGE' || target.accrual === 'FLOW';
  } else {
    const accrual = target.accrual ?? 'RATE';
    if (accrual === 'RATE' || accrual === 'STATE') {
      rule = `a share that holds for any part of the year: ${PERIOD_WORD[period.kind]} keeps the yearly target of ${fmt(goal)}${unitText}`;
    } else if (accrual === 'FLOW' && startsWithYear(period)) {
      const months = monthsBetween(period.start, period.end);
      milestone = round((goal * months) / 12);
      rule = `a count of ${fmt(goal)} a year, pro-rated for the ${months} month(s) from the start of the year: ${fmt(milestone)}`;
    } else if (accrual === 'FLOW') {
      return notApplicable(
        `a count of ${fmt(goal)} a year is judged on the year (or a window from its start): ${PERIOD_WORD[period.kind]} inside the year is not`,
      );
    } else {
      return notApplicable(`a share reached over a whole year (${fmt(goal)}${unitText}): ${PERIOD_WORD[period.kind]} is not a year's reach and is not judged`);
    }
  }

  if (value === null || value === undefined) return { status: 'NO_DATA', milestone, reason: 'nothing to divide by in the period', rule };
  const met = value >= milestone;
  if (elapsedFraction(period, today) >= 1) return { status: met ? 'ACHIEVED' : 'NOT_MET', milestone, reason: null, rule };
  if (met) return { status: 'ON_TRACK', milestone, reason: null, rule };
  if (proRata && value >= milestone * elapsedFraction(period, today))
    return { status: 'ON_TRACK', milestone, reason: null, rule: `${rule}; open: pro rata of the year elapsed` };
  return { status: 'AT_RISK', milestone, reason: null, rule };
}

/** One year of a result's trajectory or summary. */
export interface YearVerdict {
  year: number;
  value: number | null;
  milestone: number | null;
  status: IndicatorStatus;
}

export interface ResultSummaryData {
  years: YearVerdict[];
  /** Years ACHIEVED. */
  yearsMet: number;
  /** Years with a verdict (ACHIEVED or NOT_MET). */
  yearsJudged: number;
  lastYear: YearVerdict | null;
  text: string;
}

/** The summary of a run of years of a yearly or growth target: each year's verdict, the years met, the last year's verdict. */
export function summarise(years: YearVerdict[]): ResultSummaryData {
  const judged = years.filter((y) => y.status === 'ACHIEVED' || y.status === 'NOT_MET');
  const met = years.filter((y) => y.status === 'ACHIEVED');
  const last = years.length ? years[years.length - 1] : null;
  return {
    years,
    yearsMet: met.length,
    yearsJudged: judged.length,
    lastYear: last,
    text: `met in ${met.length} of ${judged.length} years` + (last ? `; ${last.year}: ${last.status}` : ''),
  };
}
