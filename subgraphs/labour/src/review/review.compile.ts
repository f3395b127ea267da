import { DataSource } from 'typeorm';
import {
  answered,
  computeProgress,
  computeResult,
  entityOperation,
  ExplanationData,
  formulaOf,
  goalOf,
  graphClient,
  Identity,
  IndicatorResultData,
  isEntity,
  PROGRAMME_FIRST_YEAR,
  PROGRAMME_LAST_YEAR,
  ResultSummaryData,
  ruleKind,
  STATUS_VI,
  TargetSpec,
  territory,
  viNumber,
  YearVerdict,
} from '@qn/common';
import { Agency, IndicatorRow, indicatorTypeName, TaskRow, taskTypeName } from '../catalogue';
import { READINGS, RecordsLoaders, TASK_EVIDENCE } from '../records';
import {
  completeness,
  dmy,
  IndicatorFigure,
  errorText,
  indicatorRepresentation,
  latestReports,
  PROGRAMME_REVIEW_PERIOD,
  remoteTaskProgress,
  Report,
  ReportFigures,
  ReportingUnit,
  ReportStatus,
  unanswered,
} from '../reporting';
import { compileBudgetPlan, FUNDING_SOURCES } from '../budget';
import { programmeIssuer } from './issuer';
import { ReviewBudgetLine, ReviewContent, ReviewIndicator, ReviewTask, ReviewUnit } from './review.types';

const YEARS = Array.from({ length: PROGRAMME_LAST_YEAR - PROGRAMME_FIRST_YEAR + 1 }, (_, i) => PROGRAMME_FIRST_YEAR + i);
export const ADDRESSEES_VI = ['Ủy ban nhân dân tỉnh Quảng Ngãi', 'Bộ Y tế'];

const vi = viNumber;

/**
 * An indicator's programme result as the review reads it (RESULT_FIELDS): common's one
 * result type, with its promised parts (baseline, trajectory) settled.
 */
type ProgrammeResult = Pick<IndicatorResultData, 'numerator' | 'denominator' | 'value' | 'status' | 'statusReason'> & {
  milestone: number | null;
  baseline: number | null;
  summary: (Pick<ResultSummaryData, 'yearsMet' | 'yearsJudged'> & { lastYear: Pick<YearVerdict, 'year' | 'status'> | null }) | null;
  trajectory: YearVerdict[];
  explanation: Pick<ExplanationData, 'formula' | 'reading' | 'targetRule'> | null;
};

const RESULT_FIELDS = `numerator denominator value status statusReason milestone baseline summary { yearsMet yearsJudged lastYear { year status } }
  trajectory { year value milestone status } explanation { formula reading targetRule }`;

const { entities } = graphClient('labour');

const REVIEW_INDICATORS = entityOperation<{ code: string; result: ProgrammeResult | null }>({
  name: 'ReviewIndicators',
  on: 'Indicator',
  variables: { period: 'String!' },
  selection: `code result(period: $period) { ${RESULT_FIELDS} }`,
  accept: isEntity,
});

/** Every indicator's programme result 2021-2025 with its five years: labour's computed here, the others' asked of their agencies, one request each. */
async function programmeResults(rows: IndicatorRow[], loaders: RecordsLoaders, identity: Identity): Promise<Map<string, ProgrammeResult | string>> {
  const out = new Map<string, ProgrammeResult | string>();
  const own = rows.filter((row) => row.ownerSubgraph === 'labour');
  const others = rows.filter((row) => row.ownerSubgraph !== 'labour');
  const asked = entities(
    REVIEW_INDICATORS,
    others.map((row) => indicatorRepresentation({ type: indicatorTypeName(row), code: row.code, target: row.target })),
    { period: PROGRAMME_REVIEW_PERIOD },
    identity,
  );
  await Promise.all(
    own.map(async (row) => {
      try {
        const result: IndicatorResultData = await computeResult(
          loaders.measures,
          row.code,
          row.target,
          PROGRAMME_REVIEW_PERIOD,
          null,
          READINGS[row.code],
          identity,
        );
        out.set(row.code, {
          ...result,
          baseline: (await result.baseline) ?? null,
          milestone: result.milestone ?? null,
          summary: result.summary ?? null,
          trajectory: (await result.trajectory) ?? [],
          explanation: result.explanation ?? null,
        });
      } catch (error) {
        out.set(row.code, errorText(error));
      }
    }),
  );
  (await asked).forEach((answer, i) => {
    const row = others[i];
    out.set(row.code, answered(answer) ? (answer.result ?? `the ${row.ownerSubgraph} subgraph gave no result`) : unanswered(row, answer));
  });
  return out;
}

function targetVi(target: TargetSpec & { unit?: string }): string {
  const goal = vi(goalOf(target));
  switch (ruleKind(target)) {
    case 'CUMULATIVE':
      return `${goal}% đến năm ${PROGRAMME_LAST_YEAR}`;
    case 'GROWTH':
      return `tăng ${vi(target.min)} - ${vi(target.max)}% mỗi năm`;
    case 'PROGRAMME':
      return `từ ${vi(target.min)} đến ${vi(target.max)} đơn vị`;
    default:
      return target.kind === 'MIN_PERCENT' ? `ít nhất ${goal}% mỗi năm` : `ít nhất ${goal} mỗi năm`;
  }
}

function ruleVi(target: TargetSpec, baseline: number | null): string {
  switch (ruleKind(target)) {
    case 'CUMULATIVE':
      return `Cộng dồn từ năm ${PROGRAMME_FIRST_YEAR}; mỗi năm so với mốc trên đường thẳng từ giá trị năm gốc (${vi(baseline)}) đến ${vi(goalOf(target))} năm ${PROGRAMME_LAST_YEAR}; năm gốc không đánh giá.`;
    case 'GROWTH':
      return 'Mỗi năm so với năm trước; không đánh giá cộng dồn nhiều năm.';
    case 'PROGRAMME':
      return 'Đánh giá trong từng kỳ và cả giai đoạn so với mức tối thiểu.';
    default:
      return 'Đánh giá từng năm so với chỉ tiêu; không cộng dồn các năm.';
  }
}

/**
 * The computation in the document's words and number format: a run of years judged year by year has
 * no one computation (each year's is its own), so its formula is stated in words.
 */
function formulaVi(kind: IndicatorRow['target']['kind'], answer: ProgrammeResult | null): string {
  if (answer) return formulaOf(kind, answer, answer.value, vi);
  switch (kind) {
    case 'MIN_PERCENT':
      return 'mỗi năm 100 × tử số / mẫu số';
    case 'GROWTH':
      return 'mỗi năm 100 × (số năm đó − số năm trước) / số năm trước';
    default:
      return 'số đếm của mỗi năm';
  }
}

function reviewIndicator(row: IndicatorRow, answer: ProgrammeResult | string | undefined): ReviewIndicator {
  const base = { code: row.code, titleVi: row.titleVi, ownerCode: row.ownerCode, targetVi: targetVi(row.target) };
  if (!answer || typeof answer === 'string') {
    return {
      ...base,
      years: YEARS.map((year) => ({ year, value: null, milestone: null, status: 'NO_DATA' })),
      summaryStatus: 'NO_DATA',
      summaryVi: 'Không lấy được số liệu',
      yearsMet: null,
      yearsJudged: null,
      trend: 'NONE',
      baseline: null,
      explanation: '',
      unavailable: answer ?? 'no result',
    };
  }
  const years = answer.trajectory;
  const valued = years.filter((y) => y.value !== null);
  const first = valued[0]?.value ?? null;
  const last = valued[valued.length - 1]?.value ?? null;
  const trend = first === null || last === null || valued.length < 2 ? 'NONE' : last > first ? 'UP' : last < first ? 'DOWN' : 'FLAT';
  const kind = ruleKind(row.target);
  const byYear = kind === 'YEARLY' || kind === 'GROWTH';
  const summary = answer.summary;
  const summaryStatus = byYear ? (summary?.lastYear?.status ?? 'NO_DATA') : answer.status;
  const summaryVi = byYear
    ? `Đạt ${summary?.yearsMet ?? 0}/${summary?.yearsJudged ?? 0} năm được đánh giá; năm ${summary?.lastYear?.year ?? PROGRAMME_LAST_YEAR}: ${STATUS_VI[summaryStatus] ?? summaryStatus}`
    : `Đến năm ${PROGRAMME_LAST_YEAR}: ${vi(answer.value)} so với mục tiêu ${vi(goalOf(row.target))} - ${STATUS_VI[answer.status] ?? answer.status}`;
  return {
    ...base,
    years,
    summaryStatus,
    summaryVi,
    yearsMet: summary?.yearsMet ?? null,
    yearsJudged: summary?.yearsJudged ?? null,
    trend,
    baseline: answer.baseline,
    explanation: `${ruleVi(row.target, answer.baseline)} Công thức: ${formulaVi(row.target.kind, byYear ? null : answer)}.`,
    unavailable: null,
  };
}

/** What the records show for each task each year, and what its owner's accepted yearly report said. */
async function reviewTasks(
  dataSource: DataSource,
  tasks: TaskRow[],
  agencies: Map<string, Agency>,
  loaders: RecordsLoaders,
  identity: Identity,
): Promise<ReviewTask[]> {
  const records = new Map<string, Map<number, number | null>>();
  const evidence = new Map<string, string | null>();
  const others = tasks.filter((t) => t.ownerSubgraph !== 'labour' && t.ownerSubgraph !== 'registry');
  /** A task's count for a year (null: none), and what it counts. */
  const note = (t: TaskRow, year: number, progress: { count: number; evidence: string } | null) => {
    if (!records.has(t.code)) records.set(t.code, new Map());
    records.get(t.code)!.set(year, progress?.count ?? null);
    if (progress) evidence.set(t.code, progress.evidence);
  };
  await Promise.all(
    YEARS.map(async (year) => {
      await Promise.all(
        tasks
          .filter((t) => t.ownerSubgraph === 'labour')
          .map(async (t) => note(t, year, await computeProgress(loaders.measures, TASK_EVIDENCE[t.code], String(year)).catch(() => null))),
      );
      const progress = await remoteTaskProgress(
        others.map((t) => ({ type: taskTypeName(t), id: t.code })),
        String(year),
        identity,
      );
      for (const t of others) note(t, year, progress.get(t.code) ?? null);
    }),
  );
  const yearly = new Map<number, Map<string, Report>>();
  for (const year of YEARS) {
    const reports = await latestReports(dataSource, String(year));
    const accepted = new Map<string, Report>();
    for (const [unitId, r] of reports) {
      const ok = r.all.filter((x) => [ReportStatus.SUBMITTED, ReportStatus.RESUBMITTED, ReportStatus.APPROVED].includes(x.status));
      if (ok.length) accepted.set(unitId, ok[ok.length - 1]);
    }
    yearly.set(year, accepted);
  }
  const { owners } = programmeIssuer();
  return tasks.map((t) => ({
    taskId: t.code,
    titleVi: t.titleVi,
    owners: owners(t.code, t.ownerCode).map((o) => ({ code: o.code, from: o.from, to: o.to, nameVi: agencies.get(o.code)?.nameVi ?? o.code })),
    evidence: evidence.get(t.code) ?? null,
    years: YEARS.map((year) => ({
      year,
      records: records.get(t.code)?.get(year) ?? null,
      reported:
        yearly
          .get(year)
          ?.get(t.ownerCode)
          ?.figures.tasks.find((x) => x.taskId === t.code)?.count ?? null,
    })),
  }));
}

/** Five years of each reporting unit: the quarterly and yearly reports expected, received, on time and late. */
async function reviewUnits(dataSource: DataSource): Promise<ReviewUnit[]> {
  const units = new Map<string, ReviewUnit>();
  for (const year of YEARS) {
    for (const suffix of ['Q1', 'Q2', 'Q3', 'Q4', '']) {
      const summary = await completeness(dataSource, `${year}${suffix}`);
      for (const u of summary.units) {
        if (!units.has(u.unitId))
          units.set(u.unitId, { unitId: u.unitId, unitName: u.unitName, years: YEARS.map((y) => ({ year: y, expected: 0, received: 0, onTime: 0, late: 0 })) });
        const row = units.get(u.unitId)!.years.find((y) => y.year === year)!;
        row.expected += 1;
        if (u.received) row.received += 1;
        if (u.timeliness === 'ON_TIME') row.onTime += 1;
        if (u.timeliness === 'LATE') row.late += 1;
      }
    }
  }
  return [...units.values()];
}

async function reviewBudget(dataSource: DataSource): Promise<ReviewBudgetLine[]> {
  const lines: ReviewBudgetLine[] = [];
  for (const year of YEARS) {
    const plan = await compileBudgetPlan(dataSource, year);
    for (const source of FUNDING_SOURCES)
      lines.push({ year, fundingSource: source, total: plan.byFundingSource.find((f) => f.fundingSource === source)?.total ?? '0' });
    lines.push({ year, fundingSource: 'TOTAL', total: plan.total });
  }
  return lines;
}

/** The 2025 reorganisation in the review's words: the duties that changed hands, then the units that replaced others, date by date. */
function reorganisation(agencies: Map<string, Agency>): string[] {
  const name = (id: string) => territory.units.find((u) => u.id === id)?.name ?? id;
  const out = programmeIssuer().transfers.map(
    (t) => `Từ ngày ${dmy(t.date)}, ${t.tasksVi} của ${agencies.get(t.from)?.nameVi ?? t.from} chuyển cho ${agencies.get(t.to)?.nameVi ?? t.to} (${t.basis}).`,
  );
  const byDate = new Map<string, typeof territory.successions>();
  for (const s of territory.successions) byDate.set(s.date, [...(byDate.get(s.date) ?? []), s]);
  for (const [date, list] of [...byDate.entries()].sort()) {
    const abolished = list.filter((s) => s.kind === 'ABOLISH' && territory.units.find((u) => u.id === s.predecessorId)?.inPlanScope);
    if (abolished.length)
      out.push(
        `Từ ngày ${dmy(date)}, kết thúc hoạt động của ${abolished.length} đơn vị hành chính cấp huyện (${abolished.map((s) => name(s.predecessorId)).join(', ')}); nhiệm vụ của Ủy ban nhân dân cấp huyện chuyển cho Ủy ban nhân dân cấp xã.`,
      );
    const successors = new Map<string, string[]>();
    for (const s of list) {
      if (!s.successorId || s.kind === 'ABOLISH' || s.successorId === territory.province.id) continue;
      const unit = territory.units.find((u) => u.id === s.successorId);
      if (unit && unit.inPlanScope === false) continue;
      successors.set(s.successorId, [...(successors.get(s.successorId) ?? []), name(s.predecessorId)]);
    }
    for (const [successor, predecessors] of successors) {
      out.push(
        `Từ ngày ${dmy(date)}, ${name(successor)} được hình thành từ ${predecessors.join(', ')}${list[0].legalBasis ? ` (${list[0].legalBasis})` : ''}.`,
      );
    }
  }
  return out;
}

/**
 * Drafts the final review from the graph as it is now. Its indicators are also returned
 * as report figures, so a submission is refused while an agency cannot answer.
 */
export async function compileReview(
  dataSource: DataSource,
  loaders: RecordsLoaders,
  identity: Identity,
  units: ReportingUnit[],
  computedAt: string,
): Promise<Map<string, ReportFigures>> {
  const [rows, tasks, agencyRows] = await Promise.all([
    dataSource.getRepository(IndicatorRow).find({ order: { ordinal: 'ASC' } }),
    dataSource.getRepository(TaskRow).find({ order: { position: 'ASC' } }),
    dataSource.getRepository(Agency).find({ order: { ordinal: 'ASC' } }),
  ]);
  const agencies = new Map(agencyRows.map((a) => [a.code, a]));
  const [results, reviewTaskList, unitList, budget] = await Promise.all([
    programmeResults(rows, loaders, identity),
    reviewTasks(dataSource, tasks, agencies, loaders, identity),
    reviewUnits(dataSource),
    reviewBudget(dataSource),
  ]);
  const issuer = programmeIssuer().issuer;
  const content: ReviewContent = {
    issuerCode: issuer.code,
    issuerNameVi: issuer.nameVi,
    issuerHeadingVi: issuer.headingVi,
    issuerAbbreviation: issuer.abbreviation,
    addresseesVi: ADDRESSEES_VI,
    indicators: rows.map((row) => reviewIndicator(row, results.get(row.code))),
    tasks: reviewTaskList,
    units: unitList,
    budget,
    reorganisationVi: reorganisation(agencies),
  };
  const indicators: IndicatorFigure[] = rows.map((row) => {
    const r = results.get(row.code);
    const ok = r && typeof r !== 'string' ? r : null;
    return {
      code: row.code,
      titleVi: row.titleVi,
      orgUnitId: territory.province.id,
      period: PROGRAMME_REVIEW_PERIOD,
      numerator: null,
      denominator: null,
      value: ok?.value ?? null,
      target: goalOf(row.target),
      status: ok?.status ?? null,
      statusReason: ok?.statusReason ?? null,
      milestone: ok?.milestone ?? null,
      source: row.ownerSubgraph,
      unavailable: ok ? null : ((r as string | undefined) ?? 'no result'),
    };
  });
  return new Map(
    units.map((u) => [
      u.id,
      { dataPeriod: PROGRAMME_REVIEW_PERIOD, computedAt, indicators, tasks: [], counts: [], review: content as unknown as Record<string, object | string> },
    ]),
  );
}
