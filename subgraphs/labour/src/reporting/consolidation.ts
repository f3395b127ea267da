import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import {
  IndicatorStatus,
  IndicatorStatusEnum,
  clockNow,
  Identity,
  isPrimary,
  protectedCaller,
  standingAgencyOn,
  suppressCells,
  Suppression,
  suppressionReason,
  territory,
  SubgraphContext,
  vietnamDate,
} from '@qn/common';
import { READINGS } from '../records';
import { indicatorTypeName } from '../catalogue';
import { remoteSmallCountFlags } from './graph.client';
import { RecordsLoaders } from '../records';
import { RegistryLoaders } from '../registry';
import { agencyOn, holderOn, IndicatorRow, TaskRow } from '../catalogue';
import { reportingPeriod } from './calendar';
import { completeness, CompletenessSummary, latestReports } from './completeness';
import { Report, ReportStatus, ReportingUnitKind } from './entities';
import { fillFigures } from './figures';
import { IndicatorFigure, ReportFigures } from './figures.types';
import { canRead, expectedUnits } from './units';

@ObjectType({ description: "One indicator's number for the province or a local unit in the consolidated report" })
export class ConsolidatedCell {
  @Field(() => ID, { description: 'The province, or a district-level (to 30/6/2025) or commune-level unit (from 1/7/2025)' })
  orgUnitId: string;

  @Field({ description: 'Its name (Vietnamese)' })
  orgUnitName: string;

  @Field(() => Float, { nullable: true, description: 'What was counted (null: no number, or SUPPRESSED)' })
  numerator: number | null;

  @Field(() => Float, { nullable: true, description: 'What it is measured against (null: none, no number, or SUPPRESSED)' })
  denominator: number | null;

  @Field(() => Float, { nullable: true, description: 'Percent, count or year-on-year change in percent, as the target kind says (null: no number)' })
  value: number | null;

  @Field(() => Float, { nullable: true, description: "The plan's goal" })
  target: number | null;

  @Field(() => IndicatorStatusEnum, { nullable: true, description: 'The verdict (null: no number)' })
  status: IndicatorStatus | null;

  @Field({ description: 'REPORT: as the responsible unit submitted it; LIVE: from the graph today, the unit has not reported' })
  source: string;

  @Field(() => ID, { nullable: true, description: 'The report the number comes from (null: LIVE)' })
  reportId: string | null;

  @Field(() => String, { nullable: true, description: 'Why there is no number' })
  unavailable: string | null;
}

@ObjectType({ description: 'One indicator in the consolidated report: the province and each local reporting unit' })
export class ConsolidatedIndicator {
  @Field(() => ID, { description: "The indicator's code, e.g. IND-3.1" })
  code: string;

  @Field()
  titleVi: string;

  @Field(() => ID, { description: 'The agency that computes it and reports it for the province' })
  ownerCode: string;

  @Field(() => ConsolidatedCell, { description: "The province's number, from the owning agency's report (its source says whether it is LIVE instead)" })
  province: ConsolidatedCell;

  @Field(() => [ConsolidatedCell], { description: 'Each district-level unit (to 30/6/2025) or commune-level unit (from 1/7/2025), from its own report' })
  districts: ConsolidatedCell[];
}

@ObjectType({ description: "One task's progress in the consolidated report, from its owner's report" })
export class ConsolidatedTask {
  @Field(() => ID, { description: "The task's id, e.g. TASK-II.3b-1" })
  taskId: string;

  @Field()
  titleVi: string;

  @Field(() => ID, { description: 'The agency that held the task at the end of the period' })
  ownerCode: string;

  @Field(() => Int, { nullable: true, description: "What the owner's report counted (null: nothing counted or entered)" })
  count: number | null;

  @Field(() => String, { nullable: true, description: "What was counted, or the owner's evidence (null: nothing)" })
  evidence: string | null;

  @Field({ description: 'REPORT: as the owner submitted it; LIVE: from the graph today, the owner has not reported' })
  source: string;
}

@ObjectType({ description: "A unit's narrative in the consolidated report" })
export class ConsolidatedNarrative {
  @Field(() => ID, { description: 'The reporting unit' })
  unitId: string;

  @Field({ description: 'Its name (Vietnamese)' })
  unitName: string;

  @Field({ description: 'Narrative: results achieved' })
  results: string;

  @Field({ description: 'Narrative: difficulties and shortcomings' })
  difficulties: string;

  @Field({ description: 'Narrative: proposals and recommendations' })
  proposals: string;
}

@ObjectType({ description: "The province's report for a period, consolidated by the plan's standing agency from the units' reports" })
export class ConsolidatedReport {
  @Field({ description: 'The reporting period, e.g. 2024Q3' })
  period: string;

  @Field(() => ID, {
    description: 'The standing agency on the day the report is produced, in whose name it is issued: LABOUR (DOLISA) to 28/2/2025, HEALTH from 1/3/2025',
  })
  issuerCode: string;

  @Field({ description: "The issuing agency's name (Vietnamese), as the document's heading and closing name it" })
  issuerNameVi: string;

  @Field({ description: 'The data cut-off window the numbers cover, e.g. 2024Q3R' })
  dataPeriod: string;

  @Field(() => LocalDateResolver, { description: 'First day of the cut-off window (inclusive)' })
  from: string;

  @Field(() => LocalDateResolver, { description: 'Last day of the cut-off window (inclusive)' })
  to: string;

  @Field({ description: 'When it was produced (UTC)' })
  generatedAt: Date;

  @Field(() => [ConsolidatedIndicator], { description: 'Each indicator of the plan' })
  indicators: ConsolidatedIndicator[];

  @Field(() => [ConsolidatedTask], { description: 'Each task held by a reporting agency' })
  tasks: ConsolidatedTask[];

  @Field(() => CompletenessSummary, { description: 'Which units reported, on time or late, and which are missing' })
  completeness: CompletenessSummary;

  @Field(() => [ConsolidatedNarrative], { description: "The units' narratives the caller may read (coordinators every unit's, others their own)" })
  narratives: ConsolidatedNarrative[];
}

/** The revision whose numbers count: the latest one submitted, resubmitted or approved. */
function acceptedRevision(all: Report[]): Report | null {
  const accepted = all.filter((r) => [ReportStatus.SUBMITTED, ReportStatus.RESUBMITTED, ReportStatus.APPROVED].includes(r.status));
  return accepted.length ? accepted[accepted.length - 1] : null;
}

/**
 * The consolidated table as a protected caller (anonymous or ANALYST only) may see it:
 * for the indicators whose owning agency protects small counts (asked of each agency;
 * an agency that cannot answer counts as protecting), the province's cell and the
 * districts' cells under the same rule as every indicator result (`disclosure.ts`). The
 * reported figures are frozen, so the rule is applied here to the numbers shown; a live
 * cell the agency already suppressed counts as hidden.
 */
async function protectSmallCounts(identity: Identity, rows: IndicatorRow[], table: ConsolidatedIndicator[]): Promise<ConsolidatedIndicator[]> {
  if (!protectedCaller(identity)) return table;
  const flags = new Map<string, boolean>();
  const others = rows.filter((row) => row.ownerSubgraph !== 'labour');
  for (const row of rows) if (row.ownerSubgraph === 'labour') flags.set(row.code, Boolean(READINGS[row.code]?.protectSmallCounts));
  const answers = await remoteSmallCountFlags(
    others.map((row) => ({ type: indicatorTypeName(row), code: row.code })),
    identity,
  );
  others.forEach((row, i) => flags.set(row.code, answers[i]));
  const hide = (c: ConsolidatedCell, why: Suppression): ConsolidatedCell => ({
    ...c,
    numerator: null,
    denominator: null,
    value: null,
    status: 'SUPPRESSED',
    unavailable: suppressionReason(why),
  });
  const known = (c: ConsolidatedCell) =>
    c.status === 'SUPPRESSED'
      ? { id: c.orgUnitId, numerator: null, denominator: null }
      : { id: c.orgUnitId, numerator: c.numerator, denominator: c.denominator };
  return table.map((indicator) => {
    if (!flags.get(indicator.code)) return indicator;
    const provinceHidden = indicator.province.status === 'SUPPRESSED' || isPrimary(known(indicator.province));
    const already = new Map<string, Suppression>(indicator.districts.filter((d) => d.status === 'SUPPRESSED').map((d) => [d.orgUnitId, 'UNDECIDED']));
    // The province has no siblings: hidden, it is hidden for its own small count, which a district behind it carries and is hidden for.
    const decided = suppressCells(indicator.districts.map(known), already);
    return {
      ...indicator,
      province: provinceHidden && indicator.province.status !== 'SUPPRESSED' ? hide(indicator.province, 'PRIMARY') : indicator.province,
      districts: indicator.districts.map((d) => {
        const why = decided.get(d.orgUnitId);
        return why && d.status !== 'SUPPRESSED' ? hide(d, why) : d;
      }),
    };
  });
}

/**
 * Consolidates a period: each indicator for the province from the report of the agency
 * that computes it, and for each district from the district's report; each agency's
 * tasks from its report. Where a unit has not reported (or its report was returned),
 * today's live numbers from the graph stand in, marked LIVE.
 */
export async function consolidate(context: SubgraphContext<RecordsLoaders & RegistryLoaders>, periodId: string): Promise<ConsolidatedReport> {
  const { dataSource } = context;
  const period = reportingPeriod(periodId);
  const units = await expectedUnits(dataSource, period);
  const reports = await latestReports(dataSource, period.id);
  const figures = new Map<string, { figures: ReportFigures; reportId: string | null; source: string; report: Report | null }>();
  for (const unit of units) {
    const accepted = acceptedRevision(reports.get(unit.id)?.all ?? []);
    if (accepted) figures.set(unit.id, { figures: accepted.figures, reportId: accepted.id, source: 'REPORT', report: accepted });
  }
  const missing = units.filter((u) => !figures.has(u.id));
  if (missing.length) {
    const live = await fillFigures(dataSource, context.loaders, context.identity, missing, period.dataPeriod);
    for (const unit of missing) figures.set(unit.id, { figures: live.get(unit.id)!, reportId: null, source: 'LIVE', report: null });
  }
  const indicators = await dataSource.getRepository(IndicatorRow).find({ order: { ordinal: 'ASC' } });
  const tasks = await dataSource.getRepository(TaskRow).find({ order: { position: 'ASC' } });
  const districts = units.filter((u) => u.kind !== ReportingUnitKind.AGENCY);
  const province = territory.province;
  const generatedAt = clockNow();
  const issuer = standingAgencyOn(vietnamDate(generatedAt));

  const cell = (unitId: string, code: string, orgUnitId: string, orgUnitName: string): ConsolidatedCell => {
    const entry = figures.get(unitId);
    const f: IndicatorFigure | undefined = entry?.figures.indicators.find((i) => i.code === code && i.orgUnitId === orgUnitId);
    return {
      orgUnitId,
      orgUnitName,
      numerator: f?.numerator ?? null,
      denominator: f?.denominator ?? null,
      value: f?.value ?? null,
      target: f?.target ?? null,
      status: f?.status ?? null,
      source: entry?.source ?? 'LIVE',
      reportId: entry?.reportId ?? null,
      unavailable: f ? f.unavailable : `${unitId} reports no ${code}`,
    };
  };

  const agencyUnits = units.filter((u) => u.kind === ReportingUnitKind.AGENCY);
  return {
    period: period.id,
    dataPeriod: period.dataPeriod,
    from: period.from,
    to: period.to,
    issuerCode: issuer.code,
    issuerNameVi: issuer.nameVi,
    generatedAt,
    indicators: await protectSmallCounts(
      context.identity,
      indicators,
      indicators.map((row) => ({
        code: row.code,
        titleVi: row.titleVi,
        ownerCode: agencyOn(row.ownerCode, period.to),
        province: cell(agencyOn(row.ownerCode, period.to), row.code, province.id, province.name),
        districts: districts.map((d) => cell(d.id, row.code, d.id, d.nameVi.replace(/^UBND /, ''))),
      })),
    ),
    tasks: tasks
      .filter((t) => agencyUnits.some((u) => u.id === holderOn(t.code, t.ownerCode, period.to)))
      .map((t) => {
        const entry = figures.get(holderOn(t.code, t.ownerCode, period.to));
        const f = entry?.figures.tasks.find((x) => x.taskId === t.code);
        return {
          taskId: t.code,
          titleVi: t.titleVi,
          ownerCode: holderOn(t.code, t.ownerCode, period.to),
          count: f?.count ?? null,
          evidence: f?.evidence ?? null,
          source: entry?.source ?? 'LIVE',
        };
      }),
    completeness: await completeness(dataSource, period.id, units),
    // A unit's narrative goes to whoever may read its report (report(id)): coordinators every unit's, others their own.
    narratives: units
      .filter((u) => canRead(context.identity, u.id))
      .flatMap((u) => {
        const r = figures.get(u.id)?.report;
        return r ? [{ unitId: u.id, unitName: u.nameVi, results: r.results, difficulties: r.difficulties, proposals: r.proposals }] : [];
      }),
  };
}
