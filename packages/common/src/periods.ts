import { userInputError } from './errors';

export type PeriodKind = 'MONTH' | 'QUARTER' | 'HALF_YEAR' | 'NINE_MONTHS' | 'YEAR' | 'MULTI_YEAR';

/**
 * CALENDAR: the calendar months of the period. REPORTING: the data cut-off window of
 * Decree 09/2019/NĐ-CP article 12 for the report of that period, asked with an `R`
 * after the id (`2024Q3R` = 15/6/2024 → 14/9/2024).
 */
export type PeriodBasis = 'CALENDAR' | 'REPORTING';

/**
 * A calendar period in DHIS2's notation: `2024` (year), `2024Q3` (quarter),
 * `2024S1` (half year), `202403` (month), `2021-2025` (several whole years,
 * used for the programme's cumulative indicators).
 * `start` is the first day and `end` the first day after the period (ISO dates),
 * so SQL compares with `>= start AND < end`.
 */
export interface Period {
  id: string;
  kind: PeriodKind;
  start: string;
  end: string;
  /** The calendar year the period ends in. */
  year: number;
  /** Calendar months, or the reporting cut-off window (ids ending in `R`). */
  basis?: PeriodBasis;
}

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

function isoDate(year: number, month: number, day = 1): string {
  // month is 1-based and may be 0 (December of the year before) or 13 (January of the next year)
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.toISOString().slice(0, 10);
}

function checkYear(year: number, id: string, field: string): void {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw userInputError(field, `unknown period '${id}': year must be between ${MIN_YEAR} and ${MAX_YEAR}`);
  }
}

export function parsePeriod(id: string, field = 'period'): Period {
  const trimmed = id.trim();
  if (/^\d{4}(Q[1-4]|S[12]|M9|0[1-9]|1[0-2])?R$/.test(trimmed)) return reportingPeriod(trimmed, field);
  let m: RegExpMatchArray | null;
  if ((m = trimmed.match(/^(\d{4})$/))) {
    const year = Number(m[1]);
    checkYear(year, id, field);
    return { id: trimmed, kind: 'YEAR', start: isoDate(year, 1), end: isoDate(year + 1, 1), year };
  }
  if ((m = trimmed.match(/^(\d{4})Q([1-4])$/))) {
    const year = Number(m[1]);
    const q = Number(m[2]);
    checkYear(year, id, field);
    return { id: trimmed, kind: 'QUARTER', start: isoDate(year, 3 * q - 2), end: isoDate(year, 3 * q + 1), year };
  }
  if ((m = trimmed.match(/^(\d{4})S([12])$/))) {
    const year = Number(m[1]);
    const s = Number(m[2]);
    checkYear(year, id, field);
    return { id: trimmed, kind: 'HALF_YEAR', start: isoDate(year, 6 * s - 5), end: isoDate(year, 6 * s + 1), year };
  }
  if ((m = trimmed.match(/^(\d{4})M9$/))) {
    const year = Number(m[1]);
    checkYear(year, id, field);
    return { id: trimmed, kind: 'NINE_MONTHS', start: isoDate(year, 1), end: isoDate(year, 10), year };
  }
  if ((m = trimmed.match(/^(\d{4})(0[1-9]|1[0-2])$/))) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    checkYear(year, id, field);
    return { id: trimmed, kind: 'MONTH', start: isoDate(year, month), end: isoDate(year, month + 1), year };
  }
  if ((m = trimmed.match(/^(\d{4})-(\d{4})$/))) {
    const from = Number(m[1]);
    const to = Number(m[2]);
    checkYear(from, id, field);
    checkYear(to, id, field);
    if (to < from) throw userInputError(field, `unknown period '${id}': the last year comes before the first`);
    return { id: trimmed, kind: 'MULTI_YEAR', start: isoDate(from, 1), end: isoDate(to + 1, 1), year: to };
  }
  throw userInputError(
    field,
    `unknown period '${id}': use a year (2024), quarter (2024Q3), half year (2024S1), nine months (2024M9), month (202403) or range of years (2021-2025); ` +
      'add R for the reporting cut-off window of Decree 09/2019 (2024Q3R, 2024S1R, 2024M9R nine months, 2024R year, 202403R)',
  );
}

/**
 * The data cut-off window of Decree 09/2019/NĐ-CP article 12 for a report: from the
 * 15th of the month before the period's first month to the 14th of its last month
 * (`end` is the 15th, exclusive). `2024Q1R` = 15/12/2023 → 14/3/2024, `2024S2R` =
 * 15/6 → 14/12, `2024M9R` (nine months) = 15/12/2023 → 14/9/2024, `2024R` =
 * 15/12/2023 → 14/12/2024, `202403R` = 15/2 → 14/3.
 */
function reportingPeriod(id: string, field: string): Period {
  const year = Number(id.slice(0, 4));
  checkYear(year, id, field);
  const rest = id.slice(4, -1);
  let first: number; // first calendar month of the period (1-based)
  let last: number;
  let kind: PeriodKind;
  if (rest === '') {
    kind = 'YEAR';
    first = 1;
    last = 12;
  } else if (rest === 'M9') {
    kind = 'NINE_MONTHS';
    first = 1;
    last = 9;
  } else if (rest[0] === 'Q') {
    kind = 'QUARTER';
    const q = Number(rest[1]);
    first = 3 * q - 2;
    last = 3 * q;
  } else if (rest[0] === 'S') {
    kind = 'HALF_YEAR';
    const s = Number(rest[1]);
    first = 6 * s - 5;
    last = 6 * s;
  } else {
    kind = 'MONTH';
    first = Number(rest);
    last = first;
  }
  return { id, kind, basis: 'REPORTING', start: isoDate(year, first - 1, 15), end: isoDate(year, last, 15), year };
}

/** The basis a period was computed on (calendar months unless its id ends in `R`). */
export function periodBasis(period: Period): PeriodBasis {
  return period.basis ?? 'CALENDAR';
}

/** The same period one year earlier (for year-on-year growth). */
export function previousYear(period: Period): Period {
  const shift = (iso: string) => `${Number(iso.slice(0, 4)) - 1}${iso.slice(4)}`;
  const id =
    period.kind === 'MULTI_YEAR' ? period.id.replace(/\d{4}/g, (y) => String(Number(y) - 1)) : period.id.replace(/^\d{4}/, (y) => String(Number(y) - 1));
  return { ...period, id, start: shift(period.start), end: shift(period.end), year: period.year - 1 };
}

/** Consecutive periods of one kind from `from` to `to` inclusive, e.g. 2024Q1..2025Q2. */
export function periodSeries(from: string, to: string): Period[] {
  const first = parsePeriod(from, 'from');
  const last = parsePeriod(to, 'to');
  if (first.kind !== last.kind || periodBasis(first) !== periodBasis(last)) throw userInputError('to', `'${from}' and '${to}' are periods of different kinds`);
  if (first.kind === 'MULTI_YEAR') throw userInputError('from', 'a series needs years, half years, quarters or months');
  if (last.start < first.start) throw userInputError('to', `'${to}' comes before '${from}'`);
  const out: Period[] = [];
  let current = first;
  while (current.start <= last.start) {
    out.push(current);
    if (out.length > 240) throw userInputError('to', 'a series may have at most 240 periods');
    current = next(current);
  }
  return out;
}

function next(p: Period): Period {
  if (p.basis === 'REPORTING') {
    if (p.kind === 'NINE_MONTHS') return parsePeriod(`${p.year + 1}M9R`);
    const calendar = next(parsePeriod(p.id.slice(0, -1)));
    return parsePeriod(`${calendar.id}R`);
  }
  const y = Number(p.start.slice(0, 4));
  const m = Number(p.start.slice(5, 7));
  switch (p.kind) {
    case 'YEAR':
      return parsePeriod(String(y + 1));
    case 'NINE_MONTHS':
      return parsePeriod(`${y + 1}M9`);
    case 'HALF_YEAR':
      return parsePeriod(m === 1 ? `${y}S2` : `${y + 1}S1`);
    case 'QUARTER': {
      const q = (m - 1) / 3 + 1;
      return parsePeriod(q === 4 ? `${y + 1}Q1` : `${y}Q${q + 1}`);
    }
    case 'MONTH': {
      const nm = m === 12 ? 1 : m + 1;
      const ny = m === 12 ? y + 1 : y;
      return parsePeriod(`${ny}${String(nm).padStart(2, '0')}`);
    }
    default:
      throw new Error(`no next period for ${p.kind}`);
  }
}

/** Fraction of the period elapsed on `today` (ISO date): 0 before it starts, 1 once it has ended. */
export function elapsedFraction(period: Period, today: string): number {
  if (today < period.start) return 0;
  if (today >= period.end) return 1;
  const t = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  return (t(today) - t(period.start)) / (t(period.end) - t(period.start));
}

/** The ISO date `days` days after `iso` (negative: before). */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The programme's years (Decision 1736/QĐ-UBND: 2021–2025); cumulative targets are reached by the last. */
export const PROGRAMME_FIRST_YEAR = 2021;
export const PROGRAMME_LAST_YEAR = 2025;

/** First day of the 2021–2025 programme; cumulative indicators count from here. */
export const PROGRAMME_START = '2021-01-01';

/** Last day of the programme (Decision 1736/QĐ-UBND runs to 31/12/2025); its periods lie in PROGRAMME_START … PROGRAMME_END. */
export const PROGRAMME_END = '2025-12-31';

/** The calendar months a period names: itself, or for a cut-off window (`2025Q3R`) the calendar period of the same name. */
function calendarOf(period: Period): Period {
  return period.basis === 'REPORTING' ? parsePeriod(period.id.slice(0, -1)) : period;
}

/**
 * Refuses a period outside the programme (2021-01-01 … 2025-12-31): drafts, budget
 * estimates, results and progress are asked only of the plan's own periods. A cut-off
 * window is judged by the calendar period it reports on (`2021Q1R` starts on 15/12/2020
 * and is the plan's first quarter). Records dated in the programme may still be entered
 * later: this is about the period asked, not the day of asking.
 */
export function checkInProgramme(period: Period, field = 'period'): Period {
  const calendar = calendarOf(period);
  if (calendar.start < PROGRAMME_START || calendar.end > addDays(PROGRAMME_END, 1)) {
    throw userInputError(
      field,
      `'${period.id}' lies outside the programme's window ${PROGRAMME_START} … ${PROGRAMME_END} (Decision 1736/QĐ-UBND, 2021–2025): ask for a period within it`,
    );
  }
  return period;
}

/** `parsePeriod` for a question about the programme: a period outside its window is a clear input error. */
export function programmePeriod(id: string, field = 'period'): Period {
  return checkInProgramme(parsePeriod(id, field), field);
}
