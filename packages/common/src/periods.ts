import { userInputError } from './errors';

export type PeriodKind = 'MONTH' | 'QUARTER' | 'HALF_YEAR' | 'YEAR' | 'MULTI_YEAR';

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
}

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

function isoDate(year: number, month: number, day = 1): string {
  // month is 1-based and may be 13 (January of the next year)
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
    `unknown period '${id}': use a year (2024), quarter (2024Q3), half year (2024S1), month (202403) or range of years (2021-2025)`,
  );
}

/** The same period one year earlier (for year-on-year growth). */
export function previousYear(period: Period): Period {
  const shift = (iso: string) => `${Number(iso.slice(0, 4)) - 1}${iso.slice(4)}`;
  const id = period.kind === 'MULTI_YEAR'
    ? period.id.replace(/\d{4}/g, (y) => String(Number(y) - 1))
    : period.id.replace(/^\d{4}/, (y) => String(Number(y) - 1));
  return { ...period, id, start: shift(period.start), end: shift(period.end), year: period.year - 1 };
}

/** Consecutive periods of one kind from `from` to `to` inclusive, e.g. 2024Q1..2025Q2. */
export function periodSeries(from: string, to: string): Period[] {
  const first = parsePeriod(from, 'from');
  const last = parsePeriod(to, 'to');
  if (first.kind !== last.kind) throw userInputError('to', `'${from}' and '${to}' are periods of different kinds`);
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
  const y = Number(p.start.slice(0, 4));
  const m = Number(p.start.slice(5, 7));
  switch (p.kind) {
    case 'YEAR': return parsePeriod(String(y + 1));
    case 'HALF_YEAR': return parsePeriod(m === 1 ? `${y}S2` : `${y + 1}S1`);
    case 'QUARTER': { const q = (m - 1) / 3 + 1; return parsePeriod(q === 4 ? `${y + 1}Q1` : `${y}Q${q + 1}`); }
    case 'MONTH': { const nm = m === 12 ? 1 : m + 1; const ny = m === 12 ? y + 1 : y; return parsePeriod(`${ny}${String(nm).padStart(2, '0')}`); }
    default: throw new Error(`no next period for ${p.kind}`);
  }
}

/** Fraction of the period elapsed on `today` (ISO date): 0 before it starts, 1 once it has ended. */
export function elapsedFraction(period: Period, today: string): number {
  if (today < period.start) return 0;
  if (today >= period.end) return 1;
  const t = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  return (t(today) - t(period.start)) / (t(period.end) - t(period.start));
}

export function todayIso(): string {
  return (process.env.QN_TODAY ?? new Date().toISOString()).slice(0, 10);
}

/** First day of the 2021–2025 programme; cumulative indicators count from here. */
export const PROGRAMME_START = '2021-01-01';
