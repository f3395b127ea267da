import { DataSource } from 'typeorm';
import { addDays, answered, clockNow, computeProgress, computeResult, Identity, IndicatorResultData, parsePeriod, territory } from '@qn/common';
import { agencyOn, holderOn, IndicatorRow, indicatorTypeName, TaskRow, taskTypeName } from '../catalogue';
import { EVIDENCE_MEASURES, READINGS, RecordsLoaders, TASK_EVIDENCE } from '../records';
import { RegistryLoaders } from '../registry';
import { CountFigure, IndicatorFigure, ReportFigures, TaskFigure } from './figures.types';
import { RemoteIndicator, RemoteResult, remoteIndicatorResults, remoteTaskProgress, unanswered } from './graph.client';
import { ReportingUnit } from './units';
import { ReportingUnitKind } from './entities';

/** Labels of the key counts a report carries (labour's evidence records, by unit). */
export const COUNT_LABELS: Record<string, string> = {
  'EVIDENCE-COMMUNICATION': 'Hoạt động truyền thông của cấp xã',
  'EVIDENCE-SOCIAL-MEDIA': 'Hoạt động truyền thông trên mạng xã hội',
  'EVIDENCE-WORKER-OUTREACH': 'Buổi truyền thông cho người lao động',
  'EVIDENCE-DISTRICT-PLANS': 'Kế hoạch cấp huyện được ban hành',
  'EVIDENCE-INTEGRATION': 'Chương trình có lồng ghép phòng, chống mại dâm',
  'EVIDENCE-PILOTS': 'Mô hình thí điểm đang hoạt động',
  'EVIDENCE-ASSESSMENTS': 'Lượt đánh giá nhu cầu hỗ trợ',
  'EVIDENCE-SUPPORT-SERVICES': 'Lượt sử dụng dịch vụ hỗ trợ',
  'EVIDENCE-TRAINING': 'Lớp tập huấn',
};

/** What a report says of an error where a number should be: its message. */
export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function figure(
  row: IndicatorRow,
  orgUnitId: string,
  period: string,
  result: RemoteResult | IndicatorResultData | null,
  unavailable: string | null,
): IndicatorFigure {
  return {
    code: row.code,
    titleVi: row.titleVi,
    orgUnitId,
    period,
    numerator: result?.numerator ?? null,
    denominator: result?.denominator ?? null,
    value: result?.value ?? null,
    target: result?.target ?? null,
    status: result?.status ?? null,
    statusReason: result?.statusReason ?? null,
    milestone: result?.milestone ?? null,
    source: row.ownerSubgraph,
    unavailable: result ? null : (unavailable ?? 'no result'),
  };
}

/**
 * Where the numbers of a report of another kind come from: the final review
 * (PROGRAMME_REVIEW_PERIOD) registers its own (the review room sits above reporting),
 * so drafting, submitting and correcting it follow the same lifecycle as any report.
 */
export type FigureSource = (
  dataSource: DataSource,
  loaders: RecordsLoaders,
  identity: Identity,
  units: ReportingUnit[],
  dataPeriod: string,
) => Promise<Map<string, ReportFigures>>;
const FIGURE_SOURCES = new Map<string, FigureSource>();

export function registerFigureSource(dataPeriod: string, source: FigureSource): void {
  FIGURE_SOURCES.set(dataPeriod, source);
}

/**
 * Fills the numbers of the reports of `units` for one data period from the graph:
 * - indicators: an agency's own indicators for the province; every indicator for a
 *   district's territory. Labour's are computed here; every other agency's come from
 *   its own subgraph through `_entities` (one request per agency for all units);
 * - tasks: the unit's tasks with their progress (labour's here, other agencies' from
 *   their subgraphs where they count it, the registry's entries for tasks without records);
 * - key counts: labour's evidence records in the unit (DOLISA: the province).
 * A subgraph that cannot answer leaves its numbers empty with the reason, never a made-up zero.
 */
export async function fillFigures(
  dataSource: DataSource,
  loaders: RecordsLoaders & RegistryLoaders,
  identity: Identity,
  units: ReportingUnit[],
  dataPeriod: string,
): Promise<Map<string, ReportFigures>> {
  const source = FIGURE_SOURCES.get(dataPeriod);
  if (source) return source(dataSource, loaders, identity, units, dataPeriod);
  const indicators = await dataSource.getRepository(IndicatorRow).find({ order: { ordinal: 'ASC' } });
  const tasks = await dataSource.getRepository(TaskRow).find({ order: { position: 'ASC' } });
  const province = territory.province.id;
  const districts = units.filter((u) => u.kind !== ReportingUnitKind.AGENCY);
  const agencyCodes = new Set(units.filter((u) => u.kind === ReportingUnitKind.AGENCY).map((u) => u.id));
  // Who answers for an indicator or task: the agency holding the duty on the window's last day.
  const day = addDays(parsePeriod(dataPeriod).end, -1);
  const answersFor = (row: IndicatorRow) => agencyOn(row.ownerCode, day);
  const holder = (t: TaskRow) => holderOn(t.code, t.ownerCode, day);

  // Other agencies' indicators: one request per agency's subgraph, province and districts together.
  const remote = new Map<string, RemoteIndicator | string>();
  const asked = indicators.filter((row) => row.ownerSubgraph !== 'labour' && (districts.length > 0 || agencyCodes.has(answersFor(row))));
  const answers = await remoteIndicatorResults(
    asked.map((row) => ({ type: indicatorTypeName(row), code: row.code, target: row.target })),
    dataPeriod,
    identity,
  );
  asked.forEach((row, i) => {
    const answer = answers[i];
    remote.set(row.code, answered(answer) ? answer : unanswered(row, answer));
  });

  const indicatorFigure = async (row: IndicatorRow, orgUnitId: string): Promise<IndicatorFigure> => {
    if (row.ownerSubgraph === 'labour') {
      try {
        const result = await computeResult(
          loaders.measures,
          row.code,
          row.target,
          dataPeriod,
          orgUnitId === province ? null : orgUnitId,
          READINGS[row.code],
          identity,
        );
        return figure(row, orgUnitId, dataPeriod, result, null);
      } catch (error) {
        return figure(row, orgUnitId, dataPeriod, null, errorText(error));
      }
    }
    const answer = remote.get(row.code);
    if (!answer || typeof answer === 'string') return figure(row, orgUnitId, dataPeriod, null, answer ?? 'not asked');
    const result = orgUnitId === province ? answer.province : (answer.districts.find((d) => d.orgUnit.id === orgUnitId) ?? null);
    return figure(row, orgUnitId, dataPeriod, result, `the ${row.ownerSubgraph} subgraph gave no result for ${orgUnitId}`);
  };

  // Tasks of agencies with a subgraph other than labour: asked of that subgraph.
  const remoteTasks = tasks.filter((t) => agencyCodes.has(holder(t)) && t.ownerSubgraph !== 'labour' && t.ownerSubgraph !== 'registry');
  const remoteProgress = await remoteTaskProgress(
    remoteTasks.map((t) => ({ type: taskTypeName(t), id: t.code })),
    dataPeriod,
    identity,
  );

  const taskFigure = async (t: TaskRow, orgUnitId: string | null): Promise<TaskFigure> => {
    let progress: { count: number; evidence: string; status?: string | null } | null;
    if (t.ownerSubgraph === 'labour' && TASK_EVIDENCE[t.code]) {
      progress = await computeProgress(loaders.measures, TASK_EVIDENCE[t.code], dataPeriod, orgUnitId).catch(() => null);
    } else if (t.ownerSubgraph === 'labour' || t.ownerSubgraph === 'registry') {
      // Tasks without records: what the agency entered in the registry for the report's period.
      progress = await loaders.registryProgress.load({ taskCode: t.code, period: dataPeriod, orgUnit: orgUnitId });
    } else {
      progress = remoteProgress.get(t.code) ?? null;
    }
    return { taskId: t.code, titleVi: t.titleVi, count: progress?.count ?? null, evidence: progress?.evidence ?? null, status: progress?.status ?? null };
  };

  // A count labour keeps by district only cannot be given for a commune-level unit: it is left out, never a district's count.
  const counts = async (orgUnitId: string | null): Promise<CountFigure[]> =>
    (
      await Promise.all(
        Object.keys(EVIDENCE_MEASURES).map(async (key) => {
          const orgUnit = territory.resolve(orgUnitId);
          const measure = await loaders.measures.load({ code: key, period: parsePeriod(dataPeriod), orgUnit }).catch(() => null);
          return measure ? [{ key, label: COUNT_LABELS[key] ?? key, value: measure.numerator ?? 0 }] : [];
        }),
      )
    ).flat();

  const computedAt = clockNow().toISOString();
  const out = new Map<string, ReportFigures>();
  await Promise.all(
    units.map(async (unit) => {
      const isDistrict = unit.kind !== ReportingUnitKind.AGENCY;
      const own = isDistrict ? indicators : indicators.filter((r) => answersFor(r) === unit.id);
      const ownTasks = tasks.filter((t) => holder(t) === unit.agencyCode);
      const [indicatorFigures, taskFigures, countFigures] = await Promise.all([
        Promise.all(own.map((r) => indicatorFigure(r, isDistrict ? unit.id : province))),
        Promise.all(ownTasks.map((t) => taskFigure(t, isDistrict ? unit.id : null))),
        isDistrict || unit.id === agencyOn('LABOUR', day) ? counts(isDistrict ? unit.id : null) : Promise.resolve([]),
      ]);
      out.set(unit.id, { dataPeriod, computedAt, indicators: indicatorFigures, tasks: taskFigures, counts: countFigures });
    }),
  );
  return out;
}
