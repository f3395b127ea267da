import { addDays, checkInProgramme, parsePeriod, Period, PROGRAMME_FIRST_YEAR, PROGRAMME_LAST_YEAR, userInputError, vietnamDate } from '@qn/common';
import reporting from './data/reporting.json';

/** The regimes of section VI plus the optional ones Decree 09/2019 art. 12 defines cut-offs for. */
export type ReportingRegime = 'QUARTERLY' | 'SIX_MONTHLY' | 'NINE_MONTH' | 'YEARLY' | 'PROGRAMME';

/** The final review of the whole programme (báo cáo tổng kết, V.1): one report, `2021-2025`. */
export const PROGRAMME_REVIEW_PERIOD = `${PROGRAMME_FIRST_YEAR}-${PROGRAMME_LAST_YEAR}`;

/**
 * A reporting period: the report a unit owes, named like a calendar period
 * (`2024Q3`, `2024S1`, `2024M9`, `2024`). Its numbers are computed over the data
 * cut-off window of Decree 09/2019 art. 12, which is the calendar id with an `R`
 * (`2024Q3R` = 15/6/2024 → 14/9/2024); the report is due by `defaultDeadline`
 * (the 20th of the period's last month) unless DOLISA has set another date.
 */
export interface ReportingPeriodInfo {
  id: string;
  regime: ReportingRegime;
  year: number;
  /** The period indicator results are asked for: `2024Q3R`. */
  dataPeriod: string;
  /** First and last day of the data cut-off window, both inclusive. */
  from: string;
  to: string;
  /** The calendar period of the same name (2024-07-01 → 2024-09-30). */
  calendarFrom: string;
  calendarTo: string;
  defaultDeadline: string;
  /** Asked by section VI of the plan (quarterly and yearly); the others only when the province asks. */
  mandatedByPlan: boolean;
}

type DayRule = { month: number; day: number; yearOffset: number };
const REGIMES = reporting.regimes as { kind: ReportingRegime; mandatedByPlan: boolean; periods: { period: string; submissionDeadline: DayRule }[] }[];

const iso = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);

const PATTERN = /^(\d{4})(Q[1-4]|S[12]|M9)?$/;

/** Parses a reporting period id (`2024Q3`, `2024S1`, `2024M9`, `2024`); anything else is a clear input error. */
export function reportingPeriod(id: string, field = 'period'): ReportingPeriodInfo {
  const trimmed = id.trim();
  if (trimmed === PROGRAMME_REVIEW_PERIOD) return programmeReviewPeriod();
  const m = trimmed.match(PATTERN);
  if (!m) {
    throw userInputError(
      field,
      `unknown reporting period '${id}': use a quarter (2024Q3), half year (2024S1), nine months (2024M9) year (2024) or the programme (2021-2025, the final review)`,
    );
  }
  const year = Number(m[1]);
  const suffix = m[2] ?? '';
  const regime: ReportingRegime = suffix === '' ? 'YEARLY' : suffix[0] === 'Q' ? 'QUARTERLY' : suffix[0] === 'S' ? 'SIX_MONTHLY' : 'NINE_MONTH';
  const data: Period = parsePeriod(`${trimmed}R`, field);
  const calendar: Period = checkInProgramme(parsePeriod(trimmed, field), field);
  const rules = REGIMES.find((r) => r.kind === regime)!;
  const rule = rules.periods.find((p) => p.period === (suffix || 'Y'))!.submissionDeadline;
  return {
    id: trimmed,
    regime,
    year,
    dataPeriod: data.id,
    from: data.start,
    to: addDays(data.end, -1),
    calendarFrom: calendar.start,
    calendarTo: addDays(calendar.end, -1),
    defaultDeadline: iso(year + rule.yearOffset, rule.month, rule.day),
    mandatedByPlan: rules.mandatedByPlan,
  };
}

/**
 * The final review's period: the programme's whole years, 1/1/2021 → 31/12/2025, due by
 * the 20th of January after it (reporting.json: PROGRAMME).
 */
function programmeReviewPeriod(): ReportingPeriodInfo {
  const rule = REGIMES.find((r) => r.kind === 'PROGRAMME')!.periods[0].submissionDeadline;
  const from = `${PROGRAMME_FIRST_YEAR}-01-01`;
  const to = `${PROGRAMME_LAST_YEAR}-12-31`;
  return {
    id: PROGRAMME_REVIEW_PERIOD,
    regime: 'PROGRAMME',
    year: PROGRAMME_LAST_YEAR,
    dataPeriod: PROGRAMME_REVIEW_PERIOD,
    from,
    to,
    calendarFrom: from,
    calendarTo: to,
    defaultDeadline: iso(PROGRAMME_LAST_YEAR + rule.yearOffset, rule.month, rule.day),
    mandatedByPlan: true,
  };
}

/** The reporting periods of a year: four quarters, two halves, nine months, the year. */
export function reportingPeriodsOf(year: number): ReportingPeriodInfo[] {
  return ['Q1', 'Q2', 'S1', 'Q3', 'M9', 'Q4', 'S2', ''].map((s) => reportingPeriod(`${year}${s}`));
}

/** The reporting period (of a regime) whose cut-off window contains a date: 14/3 is still Q1, 15/3 is Q2; 15/12 is next year's Q1. */
export function reportingPeriodOn(date: string, regime: ReportingRegime = 'QUARTERLY'): ReportingPeriodInfo {
  const year = Number(date.slice(0, 4));
  for (const y of [year, year + 1]) {
    const ids = regime === 'QUARTERLY' ? ['Q1', 'Q2', 'Q3', 'Q4'] : regime === 'SIX_MONTHLY' ? ['S1', 'S2'] : regime === 'NINE_MONTH' ? ['M9'] : [''];
    for (const s of ids) {
      const p = reportingPeriod(`${y}${s}`);
      if (p.from <= date && date <= p.to) return p;
    }
  }
  throw userInputError('date', `${date} lies in no ${regime.toLowerCase()} reporting window`);
}

/** Submitted on time: on or before the deadline day, Vietnam time. */
export function onTime(submittedAt: Date, deadline: string): boolean {
  return vietnamDate(submittedAt) <= deadline;
}
