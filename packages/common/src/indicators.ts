import { DataSource } from 'typeorm';
import { requestLoader } from './loaders';
import { todayIso } from './clock';
import { checkInProgramme, Period, parsePeriod, periodSeries, programmePeriod, PROGRAMME_FIRST_YEAR, PROGRAMME_LAST_YEAR } from './periods';
import { ExplanationData, IndicatorResultData } from './federation/types';
import {
  Anchor, goalOf, IndicatorStatus, indicatorValue, judge, Measure, MeasureInput, ResultSummaryData, ruleKind, summarise, TargetSpec, trajectoryAnchor, YearVerdict,
} from './status';
import { OrgUnitRecord, territory } from './territory';

/** Collects positional parameters while SQL text is assembled. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export interface MeasureRequest {
  code: string;
  period: Period;
  orgUnit: OrgUnitRecord;
}

/**
 * One indicator's SQL: a SELECT returning exactly one row with `numerator` and
 * `denominator` for the period and organisation unit asked.
 */
export type MeasureSql = (request: MeasureRequest, params: SqlParams) => string;

/** `AND <column> >= start AND <column> < end`: a date column within the period's [start, end). */
export function inPeriod(column: string, { period }: { period: Period }, params: SqlParams): string {
  return ` AND ${column} >= ${params.add(period.start)} AND ${column} < ${params.add(period.end)}`;
}

/**
 * `AND <column> = …` restricting rows to the organisation unit: nothing for the
 * province, the district column for a district, the commune column for a commune.
 */
export function scopeFilter(
  orgUnit: OrgUnitRecord,
  params: SqlParams,
  columns: { district: string; commune?: string },
): string {
  if (orgUnit.level === 'DISTRICT') return ` AND ${columns.district} = ${params.add(orgUnit.id)}`;
  if (orgUnit.level === 'COMMUNE') {
    if (!columns.commune) return ` AND ${columns.district} = ${params.add(orgUnit.parentId)}`;
    return ` AND ${columns.commune} = ${params.add(orgUnit.id)}`;
  }
  return '';
}

/**
 * A per-request loader that computes every requested (indicator, period, unit)
 * measure of a request in ONE SQL statement (the definitions' SELECTs joined by
 * UNION ALL), however many indicators, periods and districts the query asks for.
 */
export function measureLoader(dataSource: DataSource, definitions: Record<string, MeasureSql>) {
  return requestLoader<MeasureRequest, Measure, string>(
    async (requests) => {
      const params = new SqlParams();
      const parts = requests.map((request, i) => {
        const sql = definitions[request.code];
        if (!sql) throw new Error(`no measure defined for ${request.code}`);
        return `SELECT ${i} AS i, m.numerator::float8 AS numerator, m.denominator::float8 AS denominator FROM (${sql(request, params)}) m`;
      });
      const rows: { i: number; numerator: number | null; denominator: number | null }[] = await dataSource.query(
        parts.join('\nUNION ALL\n'),
        params.values,
      );
      const byIndex = new Map(rows.map((r) => [Number(r.i), r]));
      return requests.map((_, i) => {
        const row = byIndex.get(i);
        return { numerator: row?.numerator ?? null, denominator: row?.denominator ?? null };
      });
    },
    {
      cacheKeyFn: (r) => `${r.code}|${r.period.id}|${r.orgUnit.id}`,
    },
  );
}

export type MeasureLoader = ReturnType<typeof measureLoader>;

/** How an agency reads one indicator of the plan: the reading in words and what its numerator and denominator count. */
export interface IndicatorReading {
  text: string;
  /** The agency whose service computes it. */
  computedBy: string;
  numerator: { name: string; source: string };
  denominator?: { name: string; source: string } | null;
}

/** The readings an agency computes, by indicator code. */
export type Readings = Record<string, IndicatorReading>;

function formulaOf(kind: TargetSpec['kind'], m: Measure, value: number | null): string {
  const n = m.numerator ?? '–';
  const d = m.denominator ?? '–';
  const v = value ?? '–';
  switch (kind) {
    case 'MIN_PERCENT': return `100 × ${n} / ${d} = ${v}`;
    case 'GROWTH': return `100 × (${n} − ${d}) / ${d} = ${v}`;
    default: return `${n}`;
  }
}

function inputsOf(reading: IndicatorReading | undefined, m: Measure): MeasureInput[] {
  if (m.inputs) return m.inputs;
  if (!reading) return [];
  const inputs: MeasureInput[] = [{ ...reading.numerator, value: m.numerator, computedBy: reading.computedBy }];
  if (reading.denominator) inputs.push({ ...reading.denominator, value: m.denominator, computedBy: reading.computedBy });
  return inputs;
}

const programmeYears = () => Array.from({ length: PROGRAMME_LAST_YEAR - PROGRAMME_FIRST_YEAR + 1 }, (_, i) => PROGRAMME_FIRST_YEAR + i);

/** The years a period covers (a run of years), e.g. 2021-2025 → 2021 … 2025. */
function yearsOf(period: Period): number[] {
  const from = Number(period.start.slice(0, 4));
  return Array.from({ length: period.year - from + 1 }, (_, i) => from + i);
}

interface Job {
  loader: MeasureLoader;
  code: string;
  target: TargetSpec;
  orgUnit: OrgUnitRecord;
  reading?: IndicatorReading;
}

/** The value and verdict of one whole year at the unit (a trajectory point or a summary year). */
async function yearVerdict(job: Job, year: number, anchor: Anchor | null): Promise<YearVerdict> {
  const period = parsePeriod(String(year));
  const measure = await job.loader.load({ code: job.code, period, orgUnit: job.orgUnit });
  const value = indicatorValue(job.target.kind, measure);
  const verdict = judge({ target: job.target, period, level: job.orgUnit.level, value, today: todayIso(), anchor });
  return { year, value, milestone: verdict.milestone, status: verdict.status };
}

/**
 * A result and its verdict, with its explanation; the trajectory (the five programme
 * years at the unit) is computed only when asked for, through the same loader.
 */
class ComputedResult implements IndicatorResultData {
  period: string;
  orgUnit: { id: string };
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  target: number | null;
  status: IndicatorStatus;
  statusReason: string | null;
  milestone: number | null;
  explanation: ExplanationData;
  summary: ResultSummaryData | null;
  private trajectoryPromise?: Promise<YearVerdict[]>;

  constructor(private readonly job: Job, private readonly anchor: Anchor | null, fields: Omit<IndicatorResultData, 'trajectory' | 'baseline'>) {
    Object.assign(this, fields);
  }

  /** The plan's baseline, a cumulative target's anchor, else the unit's first programme year (loaded only when asked). */
  get baseline(): Promise<number | null> {
    const { loader, code, target, orgUnit } = this.job;
    if (target.baseline !== null && target.baseline !== undefined) return Promise.resolve(target.baseline);
    if (this.anchor) return Promise.resolve(this.anchor.value);
    return loader.load({ code, period: parsePeriod(String(PROGRAMME_FIRST_YEAR)), orgUnit }).then((m) => indicatorValue(target.kind, m));
  }

  get trajectory(): Promise<YearVerdict[]> {
    this.trajectoryPromise ??= Promise.all(programmeYears().map((y) => yearVerdict(this.job, y, this.anchor)));
    return this.trajectoryPromise;
  }
}

/** The result of one indicator for one period and unit: SQL measure → value → verdict under the target's rule. */
export async function computeResult(
  loader: MeasureLoader,
  code: string,
  target: TargetSpec,
  periodId: string,
  orgUnitId?: string | null,
  reading?: IndicatorReading,
): Promise<IndicatorResultData> {
  const period = programmePeriod(periodId);
  const orgUnit = territory.resolve(orgUnitId);
  return resultFor({ loader, code, target, orgUnit, reading }, period);
}

async function resultFor(job: Job, period: Period): Promise<IndicatorResultData> {
  const { loader, code, target, orgUnit } = job;
  const kind = ruleKind(target);
  const byYear = period.kind === 'MULTI_YEAR' && (kind === 'YEARLY' || kind === 'GROWTH');
  // One batch: the period (unless it is judged year by year) and, where the verdict needs them, the programme's
  // years (a cumulative target's anchor is the first with a value; a run of years is judged year by year).
  const needYears = kind === 'CUMULATIVE' || byYear;
  const [measure, ...years] = await Promise.all([
    byYear ? Promise.resolve<Measure>({ numerator: null, denominator: null }) : loader.load({ code, period, orgUnit }),
    ...(needYears ? programmeYears().map((y) => loader.load({ code, period: parsePeriod(String(y)), orgUnit })) : []),
    ...(byYear ? yearsOf(period).map((y) => loader.load({ code, period: parsePeriod(String(y)), orgUnit })) : []),
  ]);
  const yearValues = needYears ? programmeYears().map((year, i) => ({ year, value: indicatorValue(target.kind, years[i]) })) : [];
  const anchor = kind === 'CUMULATIVE' ? trajectoryAnchor(target, yearValues.find((y) => y.value !== null) ?? null) : null;
  const value = byYear ? null : indicatorValue(target.kind, measure);
  const verdict = judge({ target, period, level: orgUnit.level, value, today: todayIso(), anchor });
  const summary = byYear ? summarise(await Promise.all(yearsOf(period).map((y) => yearVerdict(job, y, anchor)))) : null;
  const reading = job.reading?.text ?? code;
  return new ComputedResult(job, anchor, {
    period: period.id,
    orgUnit: { id: orgUnit.id },
    numerator: measure.numerator,
    denominator: measure.denominator,
    value,
    target: goalOf(target),
    status: verdict.status,
    statusReason: verdict.reason,
    milestone: verdict.milestone,
    explanation: {
      formula: byYear ? `each year: ${formulaOf(target.kind, { numerator: null, denominator: null }, null).replace(/–/g, '…')} (see summary)` : formulaOf(target.kind, measure, value),
      reading,
      inputs: byYear ? [] : inputsOf(job.reading, measure),
      targetRule: verdict.rule,
    },
    summary,
  });
}

/** One result per district that existed during the period. */
export async function computeByDistrict(
  loader: MeasureLoader,
  code: string,
  target: TargetSpec,
  periodId: string,
  reading?: IndicatorReading,
): Promise<IndicatorResultData[]> {
  const period = programmePeriod(periodId);
  const districts = territory.districtsDuring(period.start, period.end);
  return Promise.all(districts.map((d) => resultFor({ loader, code, target, orgUnit: d, reading }, period)));
}

/** One result per period from `from` to `to`, for dashboards. */
export async function computeSeries(
  loader: MeasureLoader,
  code: string,
  target: TargetSpec,
  from: string,
  to: string,
  orgUnitId?: string | null,
  reading?: IndicatorReading,
): Promise<IndicatorResultData[]> {
  const orgUnit = territory.resolve(orgUnitId);
  return Promise.all(periodSeries(from, to).map((p, i, all) => checkInProgramme(p, i === 0 ? 'from' : i === all.length - 1 ? 'to' : 'period')).map((p) => resultFor({ loader, code, target, orgUnit, reading }, p)));
}
