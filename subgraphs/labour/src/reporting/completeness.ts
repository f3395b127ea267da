import { LocalDateResolver } from 'graphql-scalars';
import { addDays, PROGRAMME_END, PROGRAMME_START, clockNow, vietnamDate } from '@qn/common';
import { DataSource } from 'typeorm';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { onTime, reportingPeriod, reportingPeriodsOf, ReportingPeriodInfo } from './calendar';
import { Report, ReportDeadline, ReportStatus } from './entities';
import { expectedUnits, ReportingUnit } from './units';

/** ON_TIME / LATE: received (first submission by / after the deadline); OVERDUE: not received and past the deadline; PENDING: not received, not yet due. */
export type Timeliness = 'ON_TIME' | 'LATE' | 'OVERDUE' | 'PENDING';

@ObjectType({ description: "One unit's report for a period: expected, received, on time or late, or missing" })
export class UnitCompleteness {
  @Field({ description: 'The reporting period, e.g. 2024Q3' })
  period: string;

  @Field(() => ID, { description: 'The reporting unit: an agency code, a district id (to 30/6/2025) or a commune-level unit id (from 1/7/2025)' })
  unitId: string;

  @Field({ description: "The unit's name (Vietnamese)" })
  unitName: string;

  @Field({ description: 'AGENCY, DISTRICT or COMMUNE' })
  unitKind: string;

  @Field(() => ID, { nullable: true, description: 'The latest revision of its report (null: none opened yet)' })
  reportId: string | null;

  @Field(() => String, { nullable: true, description: 'Status of the latest revision; null when no report was opened' })
  status: ReportStatus | null;

  @Field({ description: 'Submitted at least once (a returned report has been received)' })
  received: boolean;

  @Field(() => String, { description: 'ON_TIME, LATE, OVERDUE (missing past the deadline) or PENDING (missing, not yet due)' })
  timeliness: Timeliness;

  @Field(() => Date, { nullable: true, description: 'The first submission of any revision (timeliness is judged on it; null: not received)' })
  firstSubmittedAt: Date | null;

  @Field(() => LocalDateResolver, { description: 'The submission deadline of the period' })
  deadline: string;

  @Field(() => Int, { nullable: true, description: 'Days after the deadline it arrived, or has been missing (Vietnam dates)' })
  daysLate: number | null;
}

@ObjectType({ description: 'Reporting rates of a period, as DHIS2 counts them' })
export class CompletenessSummary {
  @Field({ description: 'The reporting period, e.g. 2024Q3' })
  period: string;

  @Field(() => LocalDateResolver, { description: 'The submission deadline of the period' })
  deadline: string;

  @Field(() => Int, { description: 'Units expected to report (units)' })
  expected: number;

  @Field(() => Int, { description: 'Units whose report was submitted at least once (units)' })
  received: number;

  @Field(() => Int, { description: 'Units that submitted on or before the deadline (units)' })
  onTime: number;

  @Field(() => Int, { description: 'Units that submitted after the deadline (units)' })
  late: number;

  @Field(() => Int, { description: 'Expected but not received (overdue or not yet due)' })
  missing: number;

  @Field(() => Int, { description: 'Missing and past the deadline' })
  overdue: number;

  @Field(() => Float, { description: 'received / expected, in percent' })
  reportingRate: number;

  @Field(() => Float, { description: 'on time / expected, in percent' })
  timelyRate: number;

  @Field(() => [UnitCompleteness], { description: 'Each expected unit and where its report stands' })
  units: UnitCompleteness[];
}

export async function deadlineOf(dataSource: DataSource, period: ReportingPeriodInfo): Promise<string> {
  const row = await dataSource.getRepository(ReportDeadline).findOneBy({ period: period.id });
  return row?.deadline ?? period.defaultDeadline;
}

const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);
const pct = (a: number, b: number) => (b ? Math.round((10000 * a) / b) / 100 : 0);

/** The latest revision of each unit's report for a period, and the first submission of any revision. */
export async function latestReports(
  dataSource: DataSource,
  periodId: string,
): Promise<Map<string, { latest: Report; firstSubmittedAt: Date | null; all: Report[] }>> {
  const rows = await dataSource.getRepository(Report).find({ where: { period: periodId }, order: { unitId: 'ASC', revision: 'ASC' } });
  const out = new Map<string, { latest: Report; firstSubmittedAt: Date | null; all: Report[] }>();
  for (const r of rows) {
    const entry = out.get(r.unitId) ?? { latest: r, firstSubmittedAt: null, all: [] };
    entry.all.push(r);
    entry.latest = r;
    if (r.firstSubmittedAt && (!entry.firstSubmittedAt || r.firstSubmittedAt < entry.firstSubmittedAt)) entry.firstSubmittedAt = r.firstSubmittedAt;
    out.set(r.unitId, entry);
  }
  return out;
}

export async function completeness(dataSource: DataSource, periodId: string, units?: ReportingUnit[]): Promise<CompletenessSummary> {
  const period = reportingPeriod(periodId);
  const deadline = await deadlineOf(dataSource, period);
  const expected = units ?? (await expectedUnits(dataSource, period));
  const reports = await latestReports(dataSource, period.id);
  const today = vietnamDate(clockNow());
  const rows: UnitCompleteness[] = expected.map((unit) => {
    const entry = reports.get(unit.id);
    const first = entry?.firstSubmittedAt ?? null;
    let timeliness: Timeliness;
    let daysLate: number | null = null;
    if (first) {
      timeliness = onTime(first, deadline) ? 'ON_TIME' : 'LATE';
      if (timeliness === 'LATE') daysLate = days(deadline, vietnamDate(first));
    } else if (today > deadline) {
      timeliness = 'OVERDUE';
      daysLate = days(deadline, today);
    } else {
      timeliness = 'PENDING';
    }
    return {
      period: period.id,
      unitId: unit.id,
      unitName: unit.nameVi,
      unitKind: unit.kind,
      reportId: entry?.latest.id ?? null,
      status: entry?.latest.status ?? null,
      received: first !== null,
      timeliness,
      firstSubmittedAt: first,
      deadline,
      daysLate,
    };
  });
  const count = (t: Timeliness) => rows.filter((r) => r.timeliness === t).length;
  const received = rows.filter((r) => r.received).length;
  return {
    period: period.id,
    deadline,
    expected: rows.length,
    received,
    onTime: count('ON_TIME'),
    late: count('LATE'),
    missing: rows.length - received,
    overdue: count('OVERDUE'),
    reportingRate: pct(received, rows.length),
    timelyRate: pct(count('ON_TIME'), rows.length),
    units: rows,
  };
}

/**
 * The reporting periods of a year whose reports are expected: the plan's quarterly and
 * yearly reports, and the six-monthly or nine-month ones the province asked for (by
 * setting their deadline). A year outside the programme (2021–2025) expects none.
 */
export async function expectedPeriods(dataSource: DataSource, year: number): Promise<ReportingPeriodInfo[]> {
  if (`${year}-01-01` < PROGRAMME_START || `${year}-12-31` > PROGRAMME_END) return [];
  const asked = new Set((await dataSource.getRepository(ReportDeadline).find()).map((d) => d.period));
  return reportingPeriodsOf(year).filter((p) => p.mandatedByPlan || asked.has(p.id));
}

/** Reports of a year's expected periods (`expectedPeriods`) missing past their deadline. */
export async function overdue(dataSource: DataSource, year: number): Promise<UnitCompleteness[]> {
  const today = vietnamDate(clockNow());
  const out: UnitCompleteness[] = [];
  for (const p of await expectedPeriods(dataSource, year)) {
    if (addDays(p.defaultDeadline, -400) > today) continue;
    const summary = await completeness(dataSource, p.id);
    out.push(...summary.units.filter((u) => u.timeliness === 'OVERDUE'));
  }
  return out;
}
