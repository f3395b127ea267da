import { LocalDateResolver } from 'graphql-scalars';
import { consolidatedCsvVi, consolidatedXlsx } from './consolidated.export';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Identity, isAnonymous, SubgraphContext, unauthenticated, userInputError } from '@qn/common';
import { RecordsLoaders } from '../records';
import { RegistryLoaders } from '../registry';
import { onTime, reportingPeriod, reportingPeriodOn, reportingPeriodsOf, ReportingPeriodInfo, ReportingRegime } from './calendar';
import { completeness, CompletenessSummary, deadlineOf, overdue, UnitCompleteness } from './completeness';
import { ConsolidatedReport, consolidate } from './consolidation';
import { consolidatedCsv } from './csv';
import { consolidatedDocx, periodNameVi } from './docx';
import { Report, ReportDeadline, ReportEventRow, ReportStatus } from './entities';
import { fillFigures } from './figures';
import { FigureDifference, ReportFigures } from './figures.types';
import { idempotent } from './idempotency';
import {
  CorrectReportInput,
  CreateReportDraftsInput,
  ReportChangeInput,
  ReturnReportInput,
  SetReportingDeadlineInput,
  UpdateReportNarrativeInput,
} from './inputs';
import { hydrateReport, readableReport, ReportService } from './report.service';
import { findUnit, isCoordinator, ownUnit } from './units';

type Context = SubgraphContext<RecordsLoaders & RegistryLoaders>;

function signedIn(identity: Identity): void {
  if (isAnonymous(identity)) throw unauthenticated('reports need a signed-in caller');
}

@ObjectType('ReportingPeriod', { description: 'A reporting period with its Decree 09/2019 art. 12 data cut-off and submission deadline' })
export class ReportingPeriodObject {
  @Field({ description: '2024Q3, 2024S1, 2024M9 or 2024' })
  id: string;

  @Field({ description: 'QUARTERLY, SIX_MONTHLY, NINE_MONTH or YEARLY' })
  regime: string;

  @Field({ description: 'Ask indicator results for this period to get the numbers a report carries, e.g. 2024Q3R' })
  dataPeriod: string;

  @Field(() => LocalDateResolver, { description: 'First day of the data cut-off window (inclusive)' })
  from: string;

  @Field(() => LocalDateResolver, { description: 'Last day of the data cut-off window (inclusive)' })
  to: string;

  @Field(() => LocalDateResolver, { description: 'First day of the calendar period (e.g. 1 July for Q3)' })
  calendarFrom: string;

  @Field(() => LocalDateResolver, { description: 'Last day of the calendar period (inclusive)' })
  calendarTo: string;

  @Field(() => LocalDateResolver, { description: 'Submission deadline in force (set by DOLISA, or the default)' })
  deadline: string;

  @Field(() => LocalDateResolver, { description: "The default deadline: the 20th of the period's last month" })
  defaultDeadline: string;

  @Field({ description: 'Asked by section VI (quarterly, yearly); others only when the province asks' })
  mandatedByPlan: boolean;

  @Field({ description: 'Vietnamese name, e.g. "quý III năm 2024"' })
  nameVi: string;
}

@ObjectType({ description: 'A report as it stood after one action: every version stays readable' })
export class ReportVersion {
  @Field(() => Int)
  version: number;

  @Field(() => ReportStatus, { description: 'Its status after the action' })
  status: ReportStatus;

  @Field({ description: 'Narrative: results achieved' })
  results: string;

  @Field({ description: 'Narrative: difficulties and shortcomings' })
  difficulties: string;

  @Field({ description: 'Narrative: proposals and recommendations' })
  proposals: string;

  @Field(() => ReportFigures, { description: 'The numbers it carried then' })
  figures: ReportFigures;
}

@ObjectType({ description: 'Who did what to a report, and when' })
export class ReportEvent {
  @Field(() => Int, { description: 'The report version this action produced' })
  version: number;

  @Field({ description: 'CREATE_DRAFT, REFRESH, EDIT, SUBMIT, RETURN, APPROVE or CORRECT' })
  action: string;

  @Field(() => ReportStatus, { description: "The report's status after the action" })
  status: ReportStatus;

  @Field(() => String, { nullable: true, description: 'The reason given with a RETURN or CORRECT (null otherwise)' })
  reason: string | null;

  @Field({ description: 'The caller (token subject)' })
  actor: string;

  @Field(() => String, { nullable: true, description: 'The agency of the caller (null: a token without one)' })
  actorAgency: string | null;

  @Field({ description: 'When it happened (UTC)' })
  at: Date;

  @Field(() => ReportVersion, { description: 'The report as it stood after the action' })
  report: ReportVersion;
}

@ObjectType({ description: 'A file for download, base64-encoded' })
export class ExportFile {
  @Field({ description: 'A file name to save it under, e.g. bao-cao-phong-chong-mai-dam-2024Q3.docx' })
  filename: string;

  @Field({ description: "The file's media type, e.g. text/csv; charset=utf-8" })
  mimeType: string;

  @Field({ description: "The file's bytes, base64" })
  base64: string;
}

async function periodObject(context: Context, p: ReportingPeriodInfo): Promise<ReportingPeriodObject> {
  return { ...p, deadline: await deadlineOf(context.dataSource, p), nameVi: periodNameVi(p.id) };
}

const REGIMES: ReportingRegime[] = ['QUARTERLY', 'SIX_MONTHLY', 'NINE_MONTH', 'YEARLY'];

@Resolver(() => Report)
export class ReportResolver {
  @Query(() => [ReportingPeriodObject], { description: 'The reporting periods of a year with their cut-offs and deadlines' })
  async reportingPeriods(@Arg('year', () => Int) year: number, @Ctx() context: Context) {
    if (year < 2000 || year > 2100) throw userInputError('year', 'between 2000 and 2100');
    return Promise.all(reportingPeriodsOf(year).map((p) => periodObject(context, p)));
  }

  @Query(() => ReportingPeriodObject, { description: 'A reporting period by id (2024Q3), or the one whose cut-off window holds a date' })
  async reportingPeriod(
    @Ctx() context: Context,
    @Arg('id', { nullable: true }) id?: string,
    @Arg('date', { nullable: true, description: "YYYY-MM-DD: 14/3 is still Q1, 15/3 is Q2; 15/12 is next year's Q1" }) date?: string,
    @Arg('regime', { nullable: true, description: 'QUARTERLY (default), SIX_MONTHLY, NINE_MONTH, YEARLY' }) regime?: string,
  ) {
    if (id) return periodObject(context, reportingPeriod(id, 'id'));
    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw userInputError('date', 'give id, or a date as YYYY-MM-DD');
    if (regime && !REGIMES.includes(regime as ReportingRegime)) throw userInputError('regime', `one of ${REGIMES.join(', ')}`);
    return periodObject(context, reportingPeriodOn(date, (regime as ReportingRegime) ?? 'QUARTERLY'));
  }

  @Query(() => Report, { nullable: true, description: "A report by id: coordinators see every unit's, others only their own unit's" })
  async report(@Arg('id', () => ID) id: string, @Ctx() context: Context) {
    signedIn(context.identity);
    return readableReport(context.dataSource, context.identity, id).catch((e) => {
      if (e.extensions?.code === 'NOT_FOUND') return null;
      throw e;
    });
  }

  @Query(() => [Report], { description: "Reports (every revision), newest period first: coordinators see every unit's, others their own unit's" })
  async reports(
    @Ctx() context: Context,
    @Arg('period', { nullable: true }) period?: string,
    @Arg('unitId', () => ID, { nullable: true }) unitId?: string,
    @Arg('status', () => ReportStatus, { nullable: true, description: 'Only reports in this status' }) status?: ReportStatus,
  ) {
    signedIn(context.identity);
    if (period) reportingPeriod(period);
    const own = ownUnit(context.identity);
    if (!isCoordinator(context.identity)) {
      if (!own || (unitId && unitId !== own)) return [];
      unitId = own;
    }
    return context.dataSource.getRepository(Report).find({
      where: { ...(period ? { period } : {}), ...(unitId ? { unitId } : {}), ...(status ? { status } : {}) },
      order: { period: 'DESC', unitKind: 'ASC', unitId: 'ASC', revision: 'ASC' },
      take: 2000,
    });
  }

  @Authorized('REPORT_APPROVE')
  @Query(() => CompletenessSummary, { description: 'Completeness and timeliness of a period: expected, received, on time, late, missing' })
  reportingCompleteness(@Arg('period') period: string, @Ctx() context: Context) {
    return completeness(context.dataSource, period);
  }

  @Authorized('REPORT_APPROVE')
  @Query(() => [UnitCompleteness], {
    description: "Reports missing past their deadline in a year (the plan's quarterly and yearly ones, and those the province asked for)",
  })
  overdueReports(@Arg('year', () => Int) year: number, @Ctx() context: Context) {
    if (year < 2000 || year > 2100) throw userInputError('year', 'between 2000 and 2100');
    return overdue(context.dataSource, year);
  }

  @Authorized('AGGREGATES')
  @Query(() => ConsolidatedReport, {
    description: "The province's consolidated report for a period, from the units' reports (live numbers where a unit has not reported)",
  })
  consolidatedReport(@Arg('period') period: string, @Ctx() context: Context) {
    signedIn(context.identity);
    return consolidate(context, period);
  }

  // --- fields

  @FieldResolver(() => LocalDateResolver, { description: 'Submission deadline of its period' })
  deadline(@Root() report: Report, @Ctx() context: Context) {
    return deadlineOf(context.dataSource, reportingPeriod(report.period));
  }

  @FieldResolver(() => String, { nullable: true, description: 'ON_TIME or LATE once submitted (judged on the first submission), else null' })
  async timeliness(@Root() report: Report, @Ctx() context: Context) {
    if (!report.firstSubmittedAt) return null;
    return onTime(report.firstSubmittedAt, await deadlineOf(context.dataSource, reportingPeriod(report.period))) ? 'ON_TIME' : 'LATE';
  }

  @FieldResolver(() => [ReportEvent], { description: 'Every action on this revision, oldest first, with the report as it stood after it' })
  async history(@Root() report: Report, @Ctx() context: Context): Promise<ReportEvent[]> {
    const rows = await context.dataSource.getRepository(ReportEventRow).find({ where: { reportId: report.id }, order: { id: 'ASC' } });
    return rows.map((e) => ({
      version: e.version,
      action: e.action,
      status: e.status as ReportStatus,
      reason: e.reason,
      actor: e.actor,
      actorAgency: e.actorAgency,
      at: e.at,
      report: hydrateReport(e.snapshot) as unknown as ReportVersion,
    }));
  }

  @FieldResolver(() => ReportVersion, { nullable: true, description: 'This revision as it stood at one version' })
  async atVersion(
    @Root() report: Report,
    @Arg('version', () => Int, { description: 'A version of this revision (ReportEvent.version)' }) version: number,
    @Ctx() context: Context,
  ) {
    const row = await context.dataSource.getRepository(ReportEventRow).findOne({ where: { reportId: report.id, version }, order: { id: 'DESC' } });
    return row ? hydrateReport(row.snapshot) : null;
  }

  @FieldResolver(() => [Report], { description: "Every revision of this unit's report for the period (corrections after approval)" })
  revisions(@Root() report: Report, @Ctx() context: Context) {
    return context.dataSource.getRepository(Report).find({ where: { period: report.period, unitId: report.unitId }, order: { revision: 'ASC' } });
  }

  @FieldResolver(() => [FigureDifference], { description: "Where today's live numbers in the graph differ from those the report carries (empty: none differ)" })
  async liveDifferences(@Root() report: Report, @Ctx() context: Context): Promise<FigureDifference[]> {
    const period = reportingPeriod(report.period);
    const unit = await findUnit(context.dataSource, period, report.unitId);
    const live = (await fillFigures(context.dataSource, context.loaders, context.identity, [unit], report.figures.dataPeriod)).get(unit.id)!;
    const out: FigureDifference[] = [];
    const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
    for (const f of report.figures.indicators) {
      const l = live.indicators.find((x) => x.code === f.code && x.orgUnitId === f.orgUnitId);
      for (const field of ['numerator', 'denominator', 'value', 'status'] as const) {
        if (str(f[field]) !== str(l?.[field]))
          out.push({ kind: 'INDICATOR', key: f.code, orgUnitId: f.orgUnitId, field, reported: str(f[field]), live: str(l?.[field]) });
      }
    }
    for (const t of report.figures.tasks) {
      const l = live.tasks.find((x) => x.taskId === t.taskId);
      if (str(t.count) !== str(l?.count))
        out.push({ kind: 'TASK', key: t.taskId, orgUnitId: null, field: 'count', reported: str(t.count), live: str(l?.count) });
    }
    for (const c of report.figures.counts) {
      const l = live.counts.find((x) => x.key === c.key);
      if (str(c.value) !== str(l?.value)) out.push({ kind: 'COUNT', key: c.key, orgUnitId: null, field: 'count', reported: str(c.value), live: str(l?.value) });
    }
    return out;
  }

  // --- mutations

  @Mutation(() => [Report], {
    description: "Opens a period's reports: a draft filled from the graph for each unit that has none (coordinators: any unit; a unit's head: their own)",
  })
  createReportDrafts(@Arg('input') input: CreateReportDraftsInput, @Ctx() context: Context) {
    signedIn(context.identity);
    return new ReportService(context).createDrafts(input.period, input.unitIds, input.idempotencyKey);
  }

  @Authorized('REPORT_SUBMIT')
  @Mutation(() => Report, { description: "Takes a draft's (or returned report's) numbers from the graph again" })
  refreshReportDraft(@Arg('input') input: ReportChangeInput, @Ctx() context: Context) {
    return new ReportService(context).refreshDraft(input.id, input.expectedVersion, input.idempotencyKey);
  }

  @Authorized('REPORT_SUBMIT')
  @Mutation(() => Report, { description: 'Writes the narrative sections of a draft or returned report' })
  updateReportNarrative(@Arg('input') input: UpdateReportNarrativeInput, @Ctx() context: Context) {
    const { id, expectedVersion, idempotencyKey, ...narrative } = input;
    return new ReportService(context).updateNarrative(id, expectedVersion, narrative, idempotencyKey);
  }

  @Authorized('REPORT_SUBMIT')
  @Mutation(() => Report, { description: 'Submits (or resubmits a returned) report: its numbers are frozen as they are' })
  submitReport(@Arg('input') input: ReportChangeInput, @Ctx() context: Context) {
    return new ReportService(context).submit(input.id, input.expectedVersion, input.idempotencyKey);
  }

  @Authorized('REPORT_APPROVE')
  @Mutation(() => Report, { description: 'DOLISA returns a submitted report to its unit with a reason' })
  returnReport(@Arg('input') input: ReturnReportInput, @Ctx() context: Context) {
    return new ReportService(context).returnReport(input.id, input.expectedVersion, input.reason, input.idempotencyKey);
  }

  @Authorized('REPORT_APPROVE')
  @Mutation(() => Report, { description: 'DOLISA approves a submitted report; it is locked from then on' })
  approveReport(@Arg('input') input: ReportChangeInput, @Ctx() context: Context) {
    return new ReportService(context).approve(input.id, input.expectedVersion, input.idempotencyKey);
  }

  @Authorized('REPORT_SUBMIT')
  @Mutation(() => Report, { description: "Corrects an approved report: a new revision (a draft with today's numbers) with its reason; the approved one stays" })
  correctReport(@Arg('input') input: CorrectReportInput, @Ctx() context: Context) {
    return new ReportService(context).correct(input.id, input.reason, input.idempotencyKey);
  }

  @Authorized('REPORT_APPROVE')
  @Mutation(() => ReportingPeriodObject, {
    description:
      'Sets the submission deadline of a period (default: the 20th of its last month); setting one for a six-monthly or nine-month period asks the units for that report',
  })
  async setReportingDeadline(@Arg('input') input: SetReportingDeadlineInput, @Ctx() context: Context) {
    const period = reportingPeriod(input.period);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.deadline) || Number.isNaN(Date.parse(input.deadline))) throw userInputError('deadline', 'a date as YYYY-MM-DD');
    if (input.deadline < period.to) throw userInputError('deadline', `must be after the data cut-off ${period.to}`);
    await idempotent(
      context.dataSource,
      context.identity,
      input.idempotencyKey,
      'setReportingDeadline',
      { period: period.id, deadline: input.deadline },
      async (manager) => {
        await manager.getRepository(ReportDeadline).upsert({ period: period.id, deadline: input.deadline, setBy: context.identity.subject }, ['period']);
        return { period: period.id, deadline: input.deadline };
      },
    );
    return periodObject(context, period);
  }
}

@ObjectType({
  description:
    'The consolidated report as files: every label in Vietnamese, numbers as vi-VN writes them (42.638,5); also at the gateway, GET /downloads/consolidated-report/<period>.docx|csv|xlsx',
})
export class ConsolidatedFiles {
  @Field(() => ExportFile, { description: 'DOCX laid out as an official report' })
  document: ExportFile;

  @Field(() => ExportFile, { description: 'CSV, UTF-8 with BOM' })
  csvFile: ExportFile;

  @Field(() => ExportFile, { description: 'XLSX, a sheet per section' })
  workbook: ExportFile;
}

@Resolver(() => ConsolidatedReport)
export class ConsolidatedReportResolver {
  @FieldResolver(() => ConsolidatedFiles, { description: 'The report as DOCX, CSV and XLSX files' })
  async files(@Root() report: ConsolidatedReport): Promise<ConsolidatedFiles> {
    const name = `bao-cao-phong-chong-mai-dam-${report.period}`;
    const [docx, xlsx] = await Promise.all([consolidatedDocx(report), consolidatedXlsx(report)]);
    return {
      document: {
        filename: `${name}.docx`,
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        base64: docx.toString('base64'),
      },
      csvFile: { filename: `${name}.csv`, mimeType: 'text/csv; charset=utf-8', base64: consolidatedCsvVi(report).toString('base64') },
      workbook: { filename: `${name}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: xlsx.toString('base64') },
    };
  }

  @FieldResolver(() => String, { description: 'The consolidated report as CSV (UTF-8; records INDICATOR, TASK, UNIT)' })
  csv(@Root() report: ConsolidatedReport) {
    return consolidatedCsv(report);
  }

  @FieldResolver(() => ExportFile, { description: 'The consolidated report as a printable Vietnamese Word document (DOCX), base64' })
  async document(@Root() report: ConsolidatedReport): Promise<ExportFile> {
    const buffer = await consolidatedDocx(report);
    return {
      filename: `bao-cao-phong-chong-mai-dam-${report.period}.docx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      base64: buffer.toString('base64'),
    };
  }
}
