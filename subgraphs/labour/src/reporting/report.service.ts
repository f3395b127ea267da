import { DataSource, EntityManager, In } from 'typeorm';
import {
  addDays,
  checkText,
  clockNow,
  todayIso,
  conflictError,
  forbidden,
  Identity,
  notFoundError,
  SubgraphContext,
  updateVersioned,
  userInputError,
} from '@qn/common';
import { RecordsLoaders } from '../records';
import { RegistryLoaders } from '../registry';
import { reportingPeriod, ReportingPeriodInfo } from './calendar';
import { Report, ReportEventRow, ReportStatus } from './entities';
import { NotificationKind } from '../notifications';
import { notifyReportChange } from './reminders';
import { fillFigures } from './figures';
import { idempotent } from './idempotency';
import { assertViolationsCommented } from './figure-checks';
import { assertHeadOf, canRead, expectedUnits, findUnit, isCoordinator, ownUnit, ReportingUnit } from './units';

type Context = SubgraphContext<RecordsLoaders & RegistryLoaders>;
type Json = Record<string, unknown>;

const DATE_FIELDS = ['firstSubmittedAt', 'submittedAt', 'approvedAt', 'createdAt', 'updatedAt'] as const;
export const NARRATIVE_MAX = 50000;

/** A report as stored JSON (answers kept for idempotent retries, snapshots in the history). */
export function serializeReport(report: Report): Json {
  return JSON.parse(JSON.stringify(report)) as Json;
}

export function hydrateReport(json: Json): Report {
  const report = Object.assign(new Report(), json);
  for (const f of DATE_FIELDS) {
    const v = json[f];
    (report as unknown as Json)[f] = typeof v === 'string' ? new Date(v) : (v ?? null);
  }
  return report;
}

async function appendEvent(manager: EntityManager, report: Report, action: string, identity: Identity, at: Date, reason: string | null = null) {
  await manager.getRepository(ReportEventRow).insert({
    reportId: report.id,
    period: report.period,
    unitId: report.unitId,
    version: report.version,
    action,
    status: report.status,
    reason,
    actor: identity.subject,
    actorAgency: identity.agency,
    actorRoles: identity.roles,
    at,
    snapshot: serializeReport(report) as never,
  });
}

export async function loadReport(dataSource: DataSource | EntityManager, id: string): Promise<Report> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFoundError('Report', id);
  const report = await dataSource.getRepository(Report).findOneBy({ id });
  if (!report) throw notFoundError('Report', id);
  return report;
}

/** The report a caller may read; a report of another unit is NOT_FOUND rather than a hint that it exists. */
export async function readableReport(dataSource: DataSource, identity: Identity, id: string): Promise<Report> {
  const report = await loadReport(dataSource, id);
  if (!canRead(identity, report.unitId)) throw notFoundError('Report', id);
  return report;
}

function checkStatus(report: Report, allowed: ReportStatus[], what: string): void {
  if (!allowed.includes(report.status)) {
    if (report.status === ReportStatus.APPROVED) {
      throw conflictError(`report ${report.id} is approved and locked; a change after approval is a correction (correctReport) with its reason`, 'id');
    }
    throw conflictError(`cannot ${what} a report that is ${report.status} (allowed: ${allowed.join(', ')})`, 'id');
  }
}

/**
 * One versioned change of a report in one transaction: re-reads the row, checks the
 * status, applies the change with `UPDATE … WHERE id = $1 AND version = $2` (a
 * concurrent change makes it a CONFLICT), appends the event with the new state.
 */
async function changeReport(
  manager: EntityManager,
  identity: Identity,
  id: string,
  expectedVersion: number,
  allowed: ReportStatus[],
  what: string,
  action: string,
  changes: (report: Report, now: Date) => Partial<Report>,
  reason: string | null = null,
  authorize: (report: Report) => void = () => undefined,
): Promise<Json> {
  const current = await loadReport(manager, id);
  authorize(current);
  if (current.version !== expectedVersion) {
    throw conflictError(
      `Report '${id}' was changed by someone else (now version ${current.version}, you sent ${expectedVersion}); reload it and apply your change again`,
      'expectedVersion',
    );
  }
  checkStatus(current, allowed, what);
  const now = clockNow();
  const updated = await updateVersioned(manager as unknown as DataSource, Report, id, expectedVersion, { ...changes(current, now), updatedAt: now });
  await appendEvent(manager, updated, action, identity, now, reason);
  return serializeReport(updated);
}

export class ReportService {
  constructor(private readonly context: Context) {}

  private get dataSource() {
    return this.context.dataSource;
  }
  private get identity() {
    return this.context.identity;
  }

  /**
   * Opens the reports of a period: a draft for every expected unit that has none yet
   * (or only the units named), filled from the graph. Coordinators open any unit's;
   * a unit's head only their own. Existing reports are returned as they are.
   */
  async createDrafts(periodId: string, unitIds: string[] | undefined, key: string): Promise<Report[]> {
    const period = reportingPeriod(periodId);
    const identity = this.identity;
    if (period.regime === 'PROGRAMME' && !unitIds?.length)
      throw userInputError('period', 'the final review 2021-2025 is one report of the standing agency: open it with createProgrammeReview');
    // Who may open drafts is decided before anything is read: only coordinators and the
    // heads of reporting units, a head only for their own unit.
    const coordinator = isCoordinator(identity);
    if (!coordinator && !identity.roles.includes('AGENCY_HEAD'))
      throw forbidden("only the plan's coordinators and the heads of reporting units open report drafts");
    const requested = unitIds?.length ? [...new Set(unitIds)] : null;
    if (!coordinator) for (const u of requested ?? []) assertHeadOf(identity, u);
    // One read of the expected units; the ids named are checked against it in memory.
    const all = await expectedUnits(this.dataSource, period);
    let units: ReportingUnit[];
    if (requested) {
      const byId = new Map(all.map((u) => [u.id, u]));
      units = requested.map((id) => {
        const unit = byId.get(id);
        if (!unit)
          throw userInputError('unitIds', `'${id}' is not a unit that reports for ${period.id} (an agency code such as POLICE, or a district id such as 522)`);
        return unit;
      });
    } else if (coordinator) {
      units = all;
    } else {
      const own = ownUnit(identity);
      units = all.filter((u) => u.id === own);
      if (units.length === 0) throw forbidden(`your unit does not report for ${period.id}`);
    }
    const payload = { period: period.id, units: units.map((u) => u.id).sort() };
    const answer = await idempotent<Map<string, Report['figures']>, Json[]>(
      this.dataSource,
      identity,
      key,
      'createReportDrafts',
      payload,
      async (manager, figures) => {
        const now = clockNow();
        const out: Json[] = [];
        for (const unit of units) {
          const existing = await manager.getRepository(Report).findOne({ where: { period: period.id, unitId: unit.id }, order: { revision: 'DESC' } });
          if (existing) {
            out.push(serializeReport(existing));
            continue;
          }
          const inserted: { id: string }[] = await manager
            .createQueryBuilder()
            .insert()
            .into(Report)
            .values({
              period: period.id,
              unitId: unit.id,
              unitKind: unit.kind,
              unitName: unit.nameVi,
              revision: 1,
              status: ReportStatus.DRAFT,
              version: 1,
              figures: figures.get(unit.id)!,
              createdBy: identity.subject,
              createdAt: now,
              updatedAt: now,
            })
            .orIgnore()
            .returning(['id'])
            .execute()
            .then((r) => r.raw);
          const report = inserted.length
            ? await loadReport(manager, inserted[0].id)
            : await manager.getRepository(Report).findOneOrFail({ where: { period: period.id, unitId: unit.id }, order: { revision: 'DESC' } });
          if (inserted.length) await appendEvent(manager, report, 'CREATE_DRAFT', identity, now);
          out.push(serializeReport(report));
        }
        return out;
      },
      async () => {
        const existing = await this.dataSource
          .getRepository(Report)
          .find({ where: { period: period.id, unitId: In(units.map((u) => u.id)) }, select: ['unitId'] });
        const have = new Set(existing.map((r) => r.unitId));
        return fillFigures(
          this.dataSource,
          this.context.loaders,
          identity,
          units.filter((u) => !have.has(u.id)),
          period.dataPeriod,
        );
      },
    );
    return answer.map(hydrateReport);
  }

  /** Takes the draft's numbers from the graph again (a draft or a returned report). */
  async refreshDraft(id: string, expectedVersion: number, key: string): Promise<Report> {
    const report = await readableReport(this.dataSource, this.identity, id);
    assertHeadOf(this.identity, report.unitId);
    const period = reportingPeriod(report.period);
    const json = await idempotent<Report['figures'], Json>(
      this.dataSource,
      this.identity,
      key,
      'refreshReportDraft',
      { id, expectedVersion },
      (manager, figures) =>
        changeReport(manager, this.identity, id, expectedVersion, [ReportStatus.DRAFT, ReportStatus.RETURNED], 'refresh', 'REFRESH', () => ({ figures })),
      async () => {
        const unit = await findUnit(this.dataSource, period, report.unitId);
        return (await fillFigures(this.dataSource, this.context.loaders, this.identity, [unit], period.dataPeriod)).get(unit.id)!;
      },
    );
    return hydrateReport(json);
  }

  async updateNarrative(
    id: string,
    expectedVersion: number,
    narrative: { results?: string; difficulties?: string; proposals?: string },
    key: string,
  ): Promise<Report> {
    for (const [field, value] of Object.entries(narrative)) checkText(field, value, { max: NARRATIVE_MAX });
    const changes = Object.fromEntries(Object.entries(narrative).filter(([, v]) => v !== undefined && v !== null));
    if (Object.keys(changes).length === 0) throw userInputError('results', 'nothing to change: give results, difficulties or proposals');
    const json = await idempotent<void, Json>(this.dataSource, this.identity, key, 'updateReportNarrative', { id, expectedVersion, ...changes }, (manager) =>
      changeReport(
        manager,
        this.identity,
        id,
        expectedVersion,
        [ReportStatus.DRAFT, ReportStatus.RETURNED],
        'edit',
        'EDIT',
        () => changes,
        null,
        (r) => {
          this.assertVisible(r);
          assertHeadOf(this.identity, r.unitId);
        },
      ),
    );
    return hydrateReport(json);
  }

  /**
   * Submits a draft or a returned report with the numbers of the moment of submission:
   * they are taken from the graph again (the draft's numbers stay in the history), and
   * if any of them cannot be had the submission is refused, naming them. A report cannot
   * be submitted before its data window has closed (Vietnam date, QN_NOW / QN_TODAY).
   */
  async submit(id: string, expectedVersion: number, key: string): Promise<Report> {
    const json = await idempotent<Report['figures'], Json>(
      this.dataSource,
      this.identity,
      key,
      'submitReport',
      { id, expectedVersion },
      (manager, figures) =>
        changeReport(
          manager,
          this.identity,
          id,
          expectedVersion,
          [ReportStatus.DRAFT, ReportStatus.RETURNED],
          'submit',
          'SUBMIT',
          (r, now) => {
            if (!r.results.trim()) throw userInputError('results', 'write the results section before submitting');
            return {
              status: r.status === ReportStatus.RETURNED ? ReportStatus.RESUBMITTED : ReportStatus.SUBMITTED,
              submittedAt: now,
              firstSubmittedAt: r.firstSubmittedAt ?? now,
              submittedBy: this.identity.subject,
              figures,
            };
          },
          null,
          (r) => {
            this.assertVisible(r);
            assertHeadOf(this.identity, r.unitId);
          },
        ),
      async () => {
        const report = await readableReport(this.dataSource, this.identity, id);
        assertHeadOf(this.identity, report.unitId);
        const period = reportingPeriod(report.period);
        const today = todayIso();
        if (today <= period.to) {
          throw conflictError(
            `the data window of ${period.id} (${period.from} → ${period.to}) has not closed yet: the report can be submitted from ${addDays(period.to, 1)}`,
            'id',
          );
        }
        const unit = await findUnit(this.dataSource, period, report.unitId);
        const figures = (await fillFigures(this.dataSource, this.context.loaders, this.identity, [unit], period.dataPeriod)).get(unit.id)!;
        const missing = figures.indicators.filter((f) => f.unavailable);
        if (missing.length) {
          throw conflictError(
            `cannot submit: ${missing.map((f) => `${f.code} (${f.orgUnitId}): ${f.unavailable}`).join('; ')}; submit again when the numbers can be taken`,
            'id',
          );
        }
        await assertViolationsCommented(this.dataSource, report, figures);
        return figures;
      },
    );
    return hydrateReport(json);
  }

  async returnReport(id: string, expectedVersion: number, reason: string, key: string): Promise<Report> {
    checkText('reason', reason, { max: 5000, required: true });
    const json = await idempotent<void, Json>(this.dataSource, this.identity, key, 'returnReport', { id, expectedVersion, reason }, (manager) =>
      changeReport(
        manager,
        this.identity,
        id,
        expectedVersion,
        [ReportStatus.SUBMITTED, ReportStatus.RESUBMITTED],
        'return',
        'RETURN',
        () => ({ status: ReportStatus.RETURNED, returnReason: reason }),
        reason,
      ).then(async (changed) => {
        await notifyReportChange(manager, hydrateReport(changed), NotificationKind.RETURNED);
        return changed;
      }),
    );
    return hydrateReport(json);
  }

  async approve(id: string, expectedVersion: number, key: string): Promise<Report> {
    const json = await idempotent<void, Json>(this.dataSource, this.identity, key, 'approveReport', { id, expectedVersion }, (manager) =>
      changeReport(
        manager,
        this.identity,
        id,
        expectedVersion,
        [ReportStatus.SUBMITTED, ReportStatus.RESUBMITTED],
        'approve',
        'APPROVE',
        (_r, now) => ({ status: ReportStatus.APPROVED, approvedAt: now, approvedBy: this.identity.subject }),
        null,
        // Four eyes: whoever submitted a report (a head who is also a coordinator) does not approve it.
        (report) => {
          if (report.submittedBy === this.identity.subject) throw forbidden('a report is approved by someone other than the person who submitted it');
        },
      ).then(async (changed) => {
        await notifyReportChange(manager, hydrateReport(changed), NotificationKind.APPROVED);
        return changed;
      }),
    );
    return hydrateReport(json);
  }

  /**
   * A correction after approval: a new revision, with its reason, starting as a draft
   * with the approved narrative and today's numbers. The approved revision is never touched.
   */
  async correct(id: string, reason: string, key: string): Promise<Report> {
    checkText('reason', reason, { max: 5000, required: true });
    const approved = await readableReport(this.dataSource, this.identity, id);
    assertHeadOf(this.identity, approved.unitId);
    const period = reportingPeriod(approved.period);
    const json = await idempotent<Report['figures'], Json>(
      this.dataSource,
      this.identity,
      key,
      'correctReport',
      { id, reason },
      async (manager, figures) => {
        const current = await loadReport(manager, id);
        checkStatus(current, [ReportStatus.APPROVED], 'correct');
        const latest = await manager
          .getRepository(Report)
          .findOneOrFail({ where: { period: current.period, unitId: current.unitId }, order: { revision: 'DESC' } });
        if (latest.id !== current.id)
          throw conflictError(`revision ${latest.revision} (${latest.id}) is already the latest of this report; correct that one`, 'id');
        const now = clockNow();
        let newId: string;
        try {
          newId = (
            await manager.getRepository(Report).insert({
              period: current.period,
              unitId: current.unitId,
              unitKind: current.unitKind,
              unitName: current.unitName,
              revision: current.revision + 1,
              correctsId: current.id,
              correctionReason: reason,
              status: ReportStatus.DRAFT,
              version: 1,
              results: current.results,
              difficulties: current.difficulties,
              proposals: current.proposals,
              figures,
              createdBy: this.identity.subject,
              createdAt: now,
              updatedAt: now,
            })
          ).identifiers[0].id as string;
        } catch (error) {
          if ((error as { code?: string }).code === '23505') throw conflictError('someone else has just started a correction of this report; reload it', 'id');
          throw error;
        }
        const report = await loadReport(manager, newId);
        await appendEvent(manager, report, 'CORRECT', this.identity, now, reason);
        return serializeReport(report);
      },
      async () => {
        const unit = await findUnit(this.dataSource, period, approved.unitId);
        return (await fillFigures(this.dataSource, this.context.loaders, this.identity, [unit], period.dataPeriod)).get(unit.id)!;
      },
    );
    return hydrateReport(json);
  }

  private assertVisible(report: Report): void {
    if (!canRead(this.identity, report.unitId)) throw notFoundError('Report', report.id);
  }
}

export type { ReportingPeriodInfo };
