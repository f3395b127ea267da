import { DataSource } from 'typeorm';
import { requestLoader } from './loaders';
import { todayIso } from './clock';
import { Period, parsePeriod, periodSeries } from './periods';
import { IndicatorResultData } from './federation/types';
import { indicatorStatus, indicatorValue, Measure, TargetSpec } from './status';
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

/** The result of one indicator for one period and unit: SQL measure → value → status against the target. */
export async function computeResult(
  loader: MeasureLoader,
  code: string,
  target: TargetSpec,
  periodId: string,
  orgUnitId?: string | null,
): Promise<IndicatorResultData> {
  const period = parsePeriod(periodId);
  const orgUnit = territory.resolve(orgUnitId);
  return resultFor(loader, code, target, period, orgUnit);
}

async function resultFor(
  loader: MeasureLoader,
  code: string,
  target: TargetSpec,
  period: Period,
  orgUnit: OrgUnitRecord,
): Promise<IndicatorResultData> {
  const measure = await loader.load({ code, period, orgUnit });
  const value = indicatorValue(target.kind, measure);
  return {
    period: period.id,
    orgUnit: { id: orgUnit.id },
    numerator: measure.numerator,
    denominator: measure.denominator,
    value,
    target: target.kind === 'RANGE' || target.kind === 'GROWTH' ? target.min ?? null : target.value ?? null,
    status: indicatorStatus(target, value, period, todayIso()),
  };
}

/** One result per district that existed during the period. */
export async function computeByDistrict(
  loader: MeasureLoader,
  code: string,
  target: TargetSpec,
  periodId: string,
): Promise<IndicatorResultData[]> {
  const period = parsePeriod(periodId);
  const districts = territory.districtsDuring(period.start, period.end);
  return Promise.all(districts.map((d) => resultFor(loader, code, target, period, d)));
}

/** One result per period from `from` to `to`, for dashboards. */
export async function computeSeries(
  loader: MeasureLoader,
  code: string,
  target: TargetSpec,
  from: string,
  to: string,
  orgUnitId?: string | null,
): Promise<IndicatorResultData[]> {
  const orgUnit = territory.resolve(orgUnitId);
  return Promise.all(periodSeries(from, to).map((p) => resultFor(loader, code, target, p, orgUnit)));
}
