import { DataSource } from 'typeorm';
import { requestLoader } from './loaders';
import { todayIso } from './clock';
import { addDays, checkInProgramme, Period, parsePeriod, periodSeries, programmePeriod, PROGRAMME_FIRST_YEAR, PROGRAMME_LAST_YEAR } from './periods';
import { ExplanationData, IndicatorResultData } from './federation/types';
import {
  Anchor,
  goalOf,
  IndicatorStatus,
  indicatorValue,
  judge,
  Measure,
  MeasureInput,
  ResultSummaryData,
  ruleKind,
  summarise,
  TargetSpec,
  trajectoryAnchor,
  YearVerdict,
} from './status';
import { OrgUnitLevel, OrgUnitRecord, REFORM_DATE, territory } from './territory';
import { userInputError } from './errors';
import type { Identity } from './auth/identity';
import { Cell, protectedCaller, Suppression, suppressCells, suppressionReason } from './disclosure';
import { TABLE_VERSIONS_SQL, TableVersions, tablesNamed } from './db/data-version';
import { MeasureCache, measureCacheFor } from './measure-cache';

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
 * `denominator` for the period and organisation unit asked. It may also say how to
 * compute many periods for the province at once (`provinceSeries`).
 */
export type MeasureSql = ((request: MeasureRequest, params: SqlParams) => string) & { provinceSeries?: ProvinceSeriesSql };

/**
 * Several periods of one indicator for the province in ONE set-based SELECT: a row per
 * period, `k` (the period's place in `periods`, from 1), `numerator` and `denominator`,
 * exactly the numbers the indicator's one-period SQL gives for each. Built over
 * `periodWindows`, it reads each record once per period that holds it, where one SELECT
 * per period would scan the agency's tables once per period.
 */
export type ProvinceSeriesSql = (periods: Period[], params: SqlParams) => string;

/** An indicator's one-period SQL together with its set-based SQL for many periods of the province. */
export function withProvinceSeries(cell: (request: MeasureRequest, params: SqlParams) => string, provinceSeries: ProvinceSeriesSql): MeasureSql {
  return Object.assign(cell, { provinceSeries });
}

/**
 * The periods' windows as rows `(k, start_on, end_on)`, `k` from 1 in the order given:
 * two array parameters however many periods (`bounds` gives another window than the
 * period's [start, end), as an indicator counted from the programme's start needs).
 */
export function periodWindows(periods: Period[], params: SqlParams, bounds: (period: Period) => { start: string; end: string } = (p) => p): string {
  const windows = periods.map(bounds);
  return `SELECT w.k::int AS k, w.start_on, w.end_on FROM unnest(${params.add(windows.map((w) => w.start))}::date[], ${params.add(
    windows.map((w) => w.end),
  )}::date[]) WITH ORDINALITY AS w(start_on, end_on, k)`;
}

/** `AND <column> >= start AND <column> < end`: a date column within the period's [start, end). */
export function inPeriod(column: string, { period }: { period: Period }, params: SqlParams): string {
  return ` AND ${column} >= ${params.add(period.start)} AND ${column} < ${params.add(period.end)}`;
}

/**
 * `AND …` restricting rows to the organisation unit over the period — one rule for every
 * subgraph. Nothing for the province; otherwise the rows whose place, as it stood on
 * the record's date, is one of the units `territory.coverage` counts for the unit: the
 * unit itself while it existed, the units it was formed from before, the units that
 * took it over after. A record dated before 1/7/2025 carries its district (and
 * commune, where the agency keeps one), a later one its commune-level unit only. Rows
 * an agency keeps by district only (no commune column) cannot be counted for a
 * commune-level unit: that is a BAD_USER_INPUT, never the district's number under the
 * commune's name.
 */
export function scopeFilter(
  request: Pick<MeasureRequest, 'orgUnit' | 'period'>,
  params: SqlParams,
  columns: { district: string; commune?: string; communeSince?: string },
): string {
  const { orgUnit, period } = request;
  if (orgUnit.level === 'PROVINCE') return '';
  const cover = territory.coverage(orgUnit, period.start, period.end);
  const parts: string[] = [];
  if (cover.districtIds.length) parts.push(`${columns.district} = ANY(${params.add(cover.districtIds)}::text[])`);
  if (cover.communeIds.length) {
    // Records whose commune is kept only from a date (the reform) cannot be counted for a commune before it.
    const since = columns.communeSince;
    const early = since ? cover.computedOver.filter((u) => u.level === 'COMMUNE' && u.validFrom < since) : [];
    if (early.length && orgUnit.level === 'COMMUNE') {
      throw userInputError(
        'orgUnit',
        `${orgUnit.name} (${orgUnit.id}): this agency keeps these records by district only until ${addDays(since!, -1)} (by commune-level unit from ${since}), so it cannot count them for a commune-level unit over ${period.id}, which reaches back before ${since} (it would be computed over ${early
          .slice(0, 3)
          .map((u) => u.name)
          .join(', ')}${early.length > 3 ? ' …' : ''}); ask for a period from ${since}, a district (before it) or the province`,
      );
    }
    if (columns.commune && !early.length) {
      parts.push(`${columns.commune} = ANY(${params.add(cover.communeIds)}::text[])`);
    } else if (orgUnit.level === 'COMMUNE' || !cover.districtIds.length) {
      throw userInputError(
        'orgUnit',
        `${orgUnit.name} (${orgUnit.id}): this agency keeps these records by district only, so it cannot count them for a commune-level unit; ask for a district (before 1/7/2025) or the province`,
      );
    }
    // A district asked past 30/6/2025 (Lý Sơn, now a special zone): records kept by district only all predate the reform.
  }
  return ` AND (${parts.join(' OR ')})`;
}

/**
 * The most parameters one statement is given. PostgreSQL's protocol counts them in 16
 * bits (65,535 at most); a batch that needs more (IND-1.1 over a hundred periods of
 * communes, one SELECT each) is sent as several statements, each under the bound.
 */
export const MAX_STATEMENT_PARAMS = 30_000;

/**
 * One SELECT per item of a batch (each naming its item in a column `i`), joined by UNION
 * ALL into as few statements as keep each under MAX_STATEMENT_PARAMS parameters: the
 * one way a loader of this codebase asks for a batch's numbers.
 */
export class UnionStatements {
  /** The items whose SELECT could not be written (`add` given their index): each fails alone, not the batch. */
  readonly refused = new Map<number, Error>();
  private readonly list: { parts: string[]; params: SqlParams }[] = [{ parts: [], params: new SqlParams() }];

  /**
   * Adds the SELECT `build` writes. If it throws, it adds nothing (its parameters are
   * taken back), and the error is item `refusedAs`'s refusal or, without one, thrown.
   */
  add(build: (params: SqlParams) => string, refusedAs?: number): { sql: string; statement: number } | undefined {
    let current = this.list[this.list.length - 1];
    const mark = current.params.values.length;
    let part: string;
    try {
      part = build(current.params);
    } catch (error) {
      current.params.values.length = mark;
      if (refusedAs === undefined) throw error;
      this.refused.set(refusedAs, error as Error);
      return undefined;
    }
    if (current.params.values.length > MAX_STATEMENT_PARAMS && current.parts.length) {
      current.params.values.length = mark;
      current = { parts: [], params: new SqlParams() };
      this.list.push(current);
      part = build(current.params);
    }
    current.parts.push(part);
    return { sql: part, statement: this.list.length - 1 };
  }

  /** Sends the statements (`wrap` may put each union inside a larger SELECT) and returns each one's rows, by the statement `add` named. */
  async runEach<R>(dataSource: DataSource, wrap: (union: string) => string = (union) => union): Promise<R[][]> {
    const out: R[][] = [];
    for (const { parts, params } of this.list) {
      out.push(parts.length ? ((await dataSource.query(wrap(parts.join('\nUNION ALL\n')), params.values)) as R[]) : []);
    }
    return out;
  }

  /** Sends the statements and returns all their rows. */
  async run<R>(dataSource: DataSource, wrap?: (union: string) => string): Promise<R[]> {
    return (await this.runEach<R>(dataSource, wrap)).flat();
  }
}

/** The key a measure is kept under besides the data version: all its SQL depends on (no MeasureSql reads the clock or the caller). */
function measureKey(request: MeasureRequest): string {
  return `${request.code}|${request.period.id}|${request.orgUnit.id}`;
}

/**
 * A per-request loader that computes every requested (indicator, period, unit)
 * measure of a request in ONE SQL statement (the definitions' SELECTs joined by
 * UNION ALL), however many indicators, periods and districts the query asks for. The
 * province's periods of an indicator with `provinceSeries` are one part of it, whatever
 * their number.
 *
 * Measures are kept between requests with the data versions of the tables their SQL
 * names (`measure-cache.ts`, `db/data-version.ts`): a request first reads every table's
 * version (one cheap statement); a measure kept with the same versions of its tables is
 * served without SQL, the others are computed in the one statement, which also reads the
 * versions in its own snapshot (a row of its own, `i` = -1), and are kept with those. A
 * write to one table leaves the measures of the others kept. A refused request is not
 * kept, nor a measure whose SQL names a bookkeeping table. A data source bound to a
 * transaction (a mutation's view) neither reads nor fills the cache: it may see its own
 * writes before they commit.
 */
export function measureLoader(dataSource: DataSource, definitions: Record<string, MeasureSql>, options: { cache?: MeasureCache | null } = {}) {
  const cache = dataSource.manager.queryRunner ? null : options.cache === undefined ? measureCacheFor(dataSource) : options.cache;
  return requestLoader<MeasureRequest, Measure, string>(
    async (requests) => {
      const versions: TableVersions | null = cache ? JSON.parse(((await dataSource.query(TABLE_VERSIONS_SQL)) as { versions: string }[])[0].versions) : null;
      const kept = requests.map((request) => (cache ? cache.get(versions!, measureKey(request)) : undefined));
      // A request that cannot be asked (a unit the agency cannot count) fails alone, not the batch.
      const statements = new UnionStatements();
      /** Per request computed: the text of its part (what tables it reads) and the statement it went into. */
      const parts = new Map<number, { sql: string; statement: number }>();
      // The province's periods of an indicator with set-based SQL: one part for all of them.
      const series = new Map<string, number[]>();
      requests.forEach((request, i) => {
        if (!kept[i] && request.orgUnit.level === 'PROVINCE' && definitions[request.code]?.provinceSeries) {
          series.set(request.code, [...(series.get(request.code) ?? []), i]);
        }
      });
      for (const [code, indexes] of series) {
        if (indexes.length < 2) continue;
        const periods = indexes.map((i) => requests[i].period);
        const part = statements.add(
          (params) =>
            `SELECT (${params.add(indexes)}::int[])[s.k] AS i, s.numerator::float8 AS numerator, s.denominator::float8 AS denominator FROM (${definitions[code].provinceSeries!(periods, params)}) s`,
        )!;
        for (const i of indexes) parts.set(i, part);
      }
      requests.forEach((request, i) => {
        if (kept[i] || parts.has(i)) return;
        const sql = definitions[request.code];
        if (!sql) throw new Error(`no measure defined for ${request.code}`);
        const part = statements.add(
          (params) => `SELECT ${i} AS i, m.numerator::float8 AS numerator, m.denominator::float8 AS denominator FROM (${sql(request, params)}) m`,
          i,
        );
        if (part) parts.set(i, part);
      });
      type Row = { i: number; numerator: number | null; denominator: number | null; versions?: string | null };
      const results = await statements.runEach<Row>(dataSource, (union) =>
        cache ? `SELECT u.*, NULL::text AS versions FROM (${union}) u\nUNION ALL\nSELECT -1, NULL::float8, NULL::float8, (${TABLE_VERSIONS_SQL})` : union,
      );
      // Each statement's rows, and the versions its snapshot read.
      const computed = results.map((rows) => {
        const own = rows.find((r) => Number(r.i) === -1);
        return { byIndex: new Map(rows.map((r) => [Number(r.i), r])), versions: own?.versions ? (JSON.parse(own.versions) as TableVersions) : null };
      });
      // The tables each part names, read once per part (a province series is one part for many requests).
      const tablesOf = new Map<{ sql: string; statement: number }, string[] | null>();
      return requests.map((request, i) => {
        const error = statements.refused.get(i);
        if (error) return error;
        if (kept[i]) return kept[i];
        const part = parts.get(i)!;
        const { byIndex, versions: at } = computed[part.statement];
        const row = byIndex.get(i);
        const measure = { numerator: row?.numerator ?? null, denominator: row?.denominator ?? null };
        if (cache && at) {
          if (!tablesOf.has(part)) tablesOf.set(part, tablesNamed(part.sql, at));
          const tables = tablesOf.get(part);
          if (tables) cache.set(at, measureKey(request), measure, tables);
        }
        return measure;
      });
    },
    { cacheKeyFn: measureKey },
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
  /**
   * It counts persons or criminal matters: for anonymous and ANALYST-only callers a cell of
   * 1 or 2 is suppressed, with the siblings that would reveal it (`disclosure.ts`). The
   * owning agency sets it on its reading.
   */
  protectSmallCounts?: boolean;
}

/** The readings an agency computes, by indicator code. */
export type Readings = Record<string, IndicatorReading>;

/** A number as the API's explanations write it: as it is, '–' where there is none. */
const plainNumber = (x: number | null | undefined): string => (x === null || x === undefined ? '–' : String(x));

/** The computation of a value, each number written by `format` (a document passes its own number format). */
export function formulaOf(kind: TargetSpec['kind'], m: Measure, value: number | null, format: (x: number | null) => string = plainNumber): string {
  const n = format(m.numerator);
  const d = format(m.denominator);
  const v = format(value);
  switch (kind) {
    case 'MIN_PERCENT':
      return `100 × ${n} / ${d} = ${v}`;
    case 'GROWTH':
      return `100 × (${n} − ${d}) / ${d} = ${v}`;
    default:
      return `${n}`;
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
  /** Small counts are suppressed: a flagged reading asked by an anonymous or ANALYST-only caller. */
  protect: boolean;
}

function jobFor(loader: MeasureLoader, code: string, target: TargetSpec, orgUnit: OrgUnitRecord, reading: IndicatorReading | undefined, caller: Identity): Job {
  return { loader, code, target, orgUnit, reading, protect: Boolean(reading?.protectSmallCounts) && protectedCaller(caller) };
}

/** The territory is fixed for the life of the process: each level's units of a period are listed once. */
const LEVEL_UNITS = new Map<string, OrgUnitRecord[]>();

/**
 * The units a level lists for a period (`resultsByUnit`, `resultsByDistrict`): the
 * province; the district-level units that existed during it; the commune-level units of
 * the plan's territory as they stood on its last day.
 */
function unitsOfLevel(level: OrgUnitLevel, period: Period): OrgUnitRecord[] {
  const key = `${level}|${period.start}|${period.end}`;
  let units = LEVEL_UNITS.get(key);
  if (!units) {
    if (level === 'PROVINCE') units = [territory.province];
    else if (level === 'DISTRICT') units = territory.districtsDuring(period.start, period.end);
    else units = territory.list({ level: 'COMMUNE', at: addDays(period.end, -1), inPlanScope: true });
    LEVEL_UNITS.set(key, units);
  }
  return units;
}

/**
 * Whether (and why) one cell — the job's indicator for `period` at `unit` — is
 * suppressed for a protected job (`disclosure.ts`). Decided over the unit's sibling
 * group (the units its level lists for the period with the same parent) and the unit
 * above it (hidden to protect its own siblings, its units would add up to it): the same
 * answer whether the unit is asked alone or in a list. Every measure it needs is asked
 * of the request's loader at once, so it lands in the request's one SQL statement.
 */
function suppressionOf(job: Job, period: Period, unit: OrgUnitRecord): Promise<Suppression | null> {
  if (!job.protect) return Promise.resolve(null);
  const listed = unitsOfLevel(unit.level, period);
  if (!listed.some((u) => u.id === unit.id)) return Promise.resolve('UNLISTED');
  const siblings = listed.filter((u) => u.parentId === unit.parentId);
  // The province has no siblings: hidden, it is hidden for its own count, which hides none of its units, so it is not asked.
  const parentId = unit.parentId && unit.parentId !== territory.province.id ? unit.parentId : null;
  const parent = parentId ? territory.get(parentId) : undefined;
  return Promise.all([
    job.loader.loadMany(siblings.map((u) => ({ code: job.code, period, orgUnit: u }))),
    parent ? suppressionOf(job, period, parent) : Promise.resolve(null),
  ]).then(([measures, above]) => {
    if (measures.some((m) => m instanceof Error)) return 'UNDECIDED';
    const cells: Cell[] = siblings.map((u, i) => ({ id: u.id, ...(measures[i] as Measure) }));
    // A parent hidden for its own small count cannot be rebuilt from its units (the one or two behind it are
    // among them, hidden); one hidden to protect a sibling can, so then its units are hidden too.
    return suppressCells(cells).get(unit.id) ?? (above && above !== 'PRIMARY' ? 'PARENT' : null);
  });
}

/** The value and verdict of one whole year at the unit (a trajectory point or a summary year). */
async function yearVerdict(job: Job, year: number, anchor: Anchor | null): Promise<YearVerdict> {
  const period = parsePeriod(String(year));
  const [measure, suppressed] = await Promise.all([job.loader.load({ code: job.code, period, orgUnit: job.orgUnit }), suppressionOf(job, period, job.orgUnit)]);
  if (suppressed) return { year, value: null, milestone: null, status: 'SUPPRESSED' };
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
  computedOver: { id: string }[];
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

  constructor(
    private readonly job: Job,
    private readonly anchor: Anchor | null,
    fields: Omit<IndicatorResultData, 'trajectory' | 'baseline'>,
  ) {
    Object.assign(this, fields);
  }

  /** The plan's baseline, a cumulative target's anchor, else the unit's first programme year (loaded only when asked; null when that year's cell is suppressed). */
  get baseline(): Promise<number | null> {
    const { loader, code, target, orgUnit } = this.job;
    if (target.baseline !== null && target.baseline !== undefined) return Promise.resolve(target.baseline);
    if (this.anchor) return Promise.resolve(this.anchor.value);
    const period = parsePeriod(String(PROGRAMME_FIRST_YEAR));
    return Promise.all([loader.load({ code, period, orgUnit }), suppressionOf(this.job, period, orgUnit)]).then(([m, suppressed]) =>
      suppressed ? null : indicatorValue(target.kind, m),
    );
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
  orgUnitId: string | null | undefined,
  reading: IndicatorReading | undefined,
  caller: Identity,
): Promise<IndicatorResultData> {
  const period = programmePeriod(periodId);
  const orgUnit = territory.resolve(orgUnitId);
  return resultFor(jobFor(loader, code, target, orgUnit, reading, caller), period);
}

async function resultFor(job: Job, period: Period): Promise<IndicatorResultData> {
  const { loader, code, target, orgUnit } = job;
  const kind = ruleKind(target);
  const byYear = period.kind === 'MULTI_YEAR' && (kind === 'YEARLY' || kind === 'GROWTH');
  // One batch: the period (unless it is judged year by year) and, where the verdict needs them, the programme's
  // years (a cumulative target's anchor is the first with a value; a run of years is judged year by year).
  const needYears = kind === 'CUMULATIVE' || byYear;
  // A protected cumulative target's anchor is a programme year's value: it is used only where that year's cell is shown.
  const yearSuppressions = Promise.all(kind === 'CUMULATIVE' ? programmeYears().map((y) => suppressionOf(job, parsePeriod(String(y)), orgUnit)) : []);
  const [measure, suppressed, hiddenYears, ...years] = await Promise.all([
    byYear ? Promise.resolve<Measure>({ numerator: null, denominator: null }) : loader.load({ code, period, orgUnit }),
    byYear ? Promise.resolve(null) : suppressionOf(job, period, orgUnit),
    yearSuppressions,
    ...(needYears ? programmeYears().map((y) => loader.load({ code, period: parsePeriod(String(y)), orgUnit })) : []),
    ...(byYear ? yearsOf(period).map((y) => loader.load({ code, period: parsePeriod(String(y)), orgUnit })) : []),
  ]);
  const yearValues = needYears ? programmeYears().map((year, i) => ({ year, value: indicatorValue(target.kind, years[i] as Measure) })) : [];
  const firstYear = yearValues.find((y) => y.value !== null) ?? null;
  const anchorHidden = firstYear !== null && Boolean((hiddenYears as (Suppression | null)[])[programmeYears().indexOf(firstYear.year)]);
  const anchor = kind === 'CUMULATIVE' ? trajectoryAnchor(target, firstYear) : null;
  if (suppressed || (anchorHidden && anchor && !anchor.given)) {
    return suppressedResult(
      job,
      period,
      measure as Measure,
      (suppressed as Suppression | null) ?? 'PRIMARY',
      suppressed ? null : `its baseline year ${firstYear!.year}`,
    );
  }
  const value = byYear ? null : indicatorValue(target.kind, measure);
  const verdict = judge({ target, period, level: orgUnit.level, value, today: todayIso(), anchor });
  const summary = byYear ? summarise(await Promise.all(yearsOf(period).map((y) => yearVerdict(job, y, anchor)))) : null;
  const reading = job.reading?.text ?? code;
  return new ComputedResult(job, anchor, {
    period: period.id,
    orgUnit: { id: orgUnit.id },
    computedOver: territory.coverage(orgUnit, period.start, period.end).computedOver.map((u) => ({ id: u.id })),
    numerator: (measure as Measure).numerator,
    denominator: (measure as Measure).denominator,
    value,
    target: goalOf(target),
    status: verdict.status,
    statusReason: verdict.reason,
    milestone: verdict.milestone,
    explanation: {
      formula: byYear
        ? `each year: ${formulaOf(target.kind, { numerator: null, denominator: null }, null, () => '…')} (see summary)`
        : formulaOf(target.kind, measure as Measure, value),
      reading,
      inputs: byYear ? [] : inputsOf(job.reading, measure as Measure),
      targetRule: verdict.rule,
    },
    summary,
  });
}

/**
 * A cell not shown to this caller (`disclosure.ts`): no numerator, denominator, value or
 * verdict, and nothing in the explanation, trajectory or baseline that would give them.
 * The trajectory and baseline stay lazy: each year there is decided as its own cell.
 */
function suppressedResult(job: Job, period: Period, measure: Measure, why: Suppression, cause: string | null): IndicatorResultData {
  const { target, orgUnit } = job;
  const verdict = judge({ target, period, level: orgUnit.level, value: null, today: todayIso(), anchor: null });
  const hidden: Measure = { numerator: null, denominator: null };
  const reason = suppressionReason(why);
  return new ComputedResult(job, null, {
    period: period.id,
    orgUnit: { id: orgUnit.id },
    computedOver: territory.coverage(orgUnit, period.start, period.end).computedOver.map((u) => ({ id: u.id })),
    numerator: null,
    denominator: null,
    value: null,
    target: goalOf(target),
    status: 'SUPPRESSED',
    statusReason: cause ? `${reason} (${cause})` : reason,
    milestone: ruleKind(target) === 'CUMULATIVE' ? null : verdict.milestone,
    explanation: {
      formula: `${formulaOf(target.kind, hidden, null)} (suppressed)`,
      reading: job.reading?.text ?? job.code,
      // The inputs' names as an exact answer has them (labour's and health's parts of IND-4.2), never their values.
      inputs: inputsOf(job.reading, { ...hidden, inputs: measure.inputs }).map((input) => ({ ...input, value: null })),
      targetRule: verdict.rule,
    },
    summary: null,
  });
}

/**
 * One result per district-level unit that existed during the period. After 30/6/2025
 * there is none: a clear error that points to `resultsByUnit(level: COMMUNE)`.
 */
export async function computeByDistrict(
  loader: MeasureLoader,
  code: string,
  target: TargetSpec,
  periodId: string,
  reading: IndicatorReading | undefined,
  caller: Identity,
): Promise<IndicatorResultData[]> {
  const period = programmePeriod(periodId);
  if (period.start >= REFORM_DATE) {
    throw userInputError(
      'period',
      `there are no district-level units in ${period.id}: the district level ended on 30/6/2025; ask resultsByUnit(period: "${period.id}", level: COMMUNE) for the commune-level units`,
    );
  }
  return computeByUnit(loader, code, target, periodId, 'DISTRICT', reading, caller);
}

/**
 * One result per unit of a level in the period: the province; the district-level units
 * that existed during it (each for the part of it it existed); or the commune-level
 * units of the plan's territory as they stood on its last day (173 in 2024, the 56 of
 * 1/7/2025 for 2025), each counted over the units it was formed from where the period
 * reaches back before it (`computedOver` says which).
 */
export async function computeByUnit(
  loader: MeasureLoader,
  code: string,
  target: TargetSpec,
  periodId: string,
  level: OrgUnitLevel,
  reading: IndicatorReading | undefined,
  caller: Identity,
): Promise<IndicatorResultData[]> {
  const period = programmePeriod(periodId);
  const units = unitsOfLevel(level, period);
  if (units.length === 0) {
    throw userInputError(
      'level',
      `no ${level.toLowerCase()}-level unit existed in ${period.id}${level === 'DISTRICT' ? ' (the district level ended on 30/6/2025): ask level COMMUNE' : ''}`,
    );
  }
  return Promise.all(units.map((u) => resultFor(jobFor(loader, code, target, u, reading, caller), period)));
}

/** One result per period from `from` to `to`, for dashboards. */
export async function computeSeries(
  loader: MeasureLoader,
  code: string,
  target: TargetSpec,
  from: string,
  to: string,
  orgUnitId: string | null | undefined,
  reading: IndicatorReading | undefined,
  caller: Identity,
): Promise<IndicatorResultData[]> {
  const orgUnit = territory.resolve(orgUnitId);
  const job = jobFor(loader, code, target, orgUnit, reading, caller);
  return Promise.all(
    periodSeries(from, to)
      .map((p, i, all) => checkInProgramme(p, i === 0 ? 'from' : i === all.length - 1 ? 'to' : 'period'))
      .map((p) => resultFor(job, p)),
  );
}

/**
 * The place, as it stood on a record's date, of a record kept at a long-lived place (an
 * industrial zone, an institution, a person's registration, a pilot model): before
 * 1/7/2025 its district (and commune, where the agency keeps one), from 1/7/2025 the
 * commune-level unit it is in from then on (`communeAfterReform`, the same column shape
 * as police's service businesses). The result is the `columns` of `scopeFilter`; where no
 * commune is kept before the reform, a commune-level unit can be asked only from it on.
 */
export function placeOnDate(
  dateExpr: string,
  columns: { district: string; commune?: string; communeAfterReform: string },
): { district: string; commune: string; communeSince?: string } {
  // A constant of the territory, not a caller's value: written into the SQL, so no parameter goes unused.
  const reform = `DATE '${REFORM_DATE}'`;
  return {
    district: `(CASE WHEN ${dateExpr} < ${reform} THEN ${columns.district} END)`,
    commune: `(CASE WHEN ${dateExpr} < ${reform} THEN ${columns.commune ?? 'NULL'} ELSE ${columns.communeAfterReform} END)`,
    ...(columns.commune ? {} : { communeSince: REFORM_DATE }),
  };
}
