import { DataSource } from 'typeorm';
import { parsePeriod, territory } from '@qn/common';
import { TASK_MEASURES, TaskRow } from '../catalogue';
import rules from './data/validation-rules.json';
import { TaskProgressEntry } from './entities/progress-entry';

/** One figure that breaks a rule of `data/validation-rules.json`, or stands out from the unit's own history. */
export interface FigureViolation {
  /** Stable within a report: what a comment on the violation names. */
  key: string;
  rule: string;
  taskId: string | null;
  indicator: string | null;
  measure: string | null;
  orgUnitId: string;
  value: number;
  /** The bound it breaks, or the median of the history for an outlier. */
  limit: number | null;
  message: string;
  messageVi: string;
}

export interface CheckedIndicatorFigure {
  code: string;
  orgUnitId: string;
  numerator: number | null;
  denominator: number | null;
}

/** A rule as data; which fields it has depends on its kind. */
type Rule = { id: string; kind: string; labelVi: string; labelEn: string } & Record<string, any>;

/**
 * The modified z-score of `x` against `history` (Iglewicz and Hoaglin): 0.6745 (x − median) / MAD,
 * MAD the median absolute deviation from the median. With MAD = 0 (a constant history) any
 * other value is infinitely far: it is flagged.
 */
export function modifiedZScore(x: number, history: number[]): { z: number; median: number } {
  const median = middle(history);
  const mad = middle(history.map((h) => Math.abs(h - median)));
  if (mad === 0) return { z: x === median ? 0 : Infinity, median };
  return { z: (0.6745 * (x - median)) / mad, median };
}

function middle(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const label = (taskId: string, measure: string) => TASK_MEASURES.get(taskId)?.find((m) => m.code === measure);

/**
 * Checks a report's figures before it is submitted, DHIS2-style: each rule of the data file
 * over the unit's registry entries of the report's period (and the indicator figures the
 * report carries), and each entered value against the same unit's values of the earlier
 * periods of the same kind (years for a yearly report, quarters for a quarterly one): a
 * modified z-score beyond the threshold (3.5) over at least three earlier periods is an outlier.
 */
export async function checkReportFigures(
  dataSource: DataSource,
  report: { period: string; unitId: string; agencyCode: string; district: boolean },
  indicators: CheckedIndicatorFigure[],
): Promise<FigureViolation[]> {
  const violations: FigureViolation[] = [];
  const byKind = (kind: string) => (rules as Rule[]).filter((r) => r.kind === kind);
  for (const rule of byKind('NUMERATOR_LE_DENOMINATOR')) {
    for (const f of indicators.filter((i) => i.code === rule.indicator)) {
      if (f.numerator === null || f.denominator === null || f.numerator <= f.denominator) continue;
      violations.push({
        key: `${rule.id}:${f.orgUnitId}`,
        rule: rule.id,
        taskId: null,
        indicator: f.code,
        measure: null,
        orgUnitId: f.orgUnitId,
        value: f.numerator,
        limit: f.denominator,
        message: `${f.code}: ${rule.labelEn} (${f.numerator} > ${f.denominator})`,
        messageVi: `${f.code}: ${rule.labelVi} (${f.numerator} > ${f.denominator})`,
      });
    }
  }
  let period;
  try {
    period = parsePeriod(report.period);
  } catch {
    return violations;
  }
  if (period.kind !== 'YEAR' && period.kind !== 'QUARTER') return violations;
  const owner = report.district ? 'DISTRICTS' : report.agencyCode;
  const tasks = (await dataSource.getRepository(TaskRow).find({ where: { ownerCode: owner } })).map((t) => t.code);
  if (!tasks.length) return violations;
  const entries = await dataSource
    .getRepository(TaskProgressEntry)
    .createQueryBuilder('e')
    .where('e.task_code IN (:...tasks) AND e.period_end <= :end', { tasks, end: period.end })
    .getMany();
  const span = Date.parse(period.end) - Date.parse(period.start);
  const sameKind = (e: TaskProgressEntry) => Math.abs(Date.parse(e.periodEnd) - Date.parse(e.periodStart) - span) < 3 * 86_400_000;
  const current = entries.filter((e) => e.period === period.id && (!report.district || e.unitId === report.unitId));
  for (const e of current) {
    const push = (rule: Record<string, any>, measure: string, value: number, limit: number | null, detail: string) => {
      const m = label(e.taskCode, measure);
      violations.push({
        key: `${rule.id}:${e.taskCode}:${measure}:${e.unitId}`,
        rule: rule.id,
        taskId: e.taskCode,
        indicator: null,
        measure,
        orgUnitId: e.unitId,
        value,
        limit,
        message: `${e.taskCode} ${m?.labelEn ?? measure}: ${rule.labelEn} (${detail})`,
        messageVi: `${e.taskCode} ${m?.labelVi ?? measure}: ${rule.labelVi} (${detail})`,
      });
    };
    for (const rule of byKind('LE').filter((r) => r.task === e.taskCode)) {
      const left = e.figures[rule.left];
      const right = e.figures[rule.right];
      if (left !== undefined && right !== undefined && left > right) push(rule, rule.left, left, right, `${left} > ${right}`);
    }
    for (const rule of byKind('ZERO_IF_ZERO').filter((r) => r.task === e.taskCode)) {
      const left = e.figures[rule.left];
      const right = e.figures[rule.right];
      if (left === 0 && right !== undefined && right > 0) push(rule, rule.right, right, 0, `${rule.left} = 0, ${rule.right} = ${right}`);
    }
    const province = entries.find((p) => p.taskCode === e.taskCode && p.period === e.period && p.unitId === territory.province.id);
    if (province && e.unitId !== territory.province.id) {
      for (const rule of byKind('DISTRICT_LE_PROVINCE')) {
        for (const [measure, value] of Object.entries(e.figures)) {
          const whole = province.figures[measure];
          if (whole !== undefined && value > whole) push(rule, measure, value, whole, `${value} > ${whole}`);
        }
      }
    }
    for (const rule of byKind('OUTLIER')) {
      const earlier = entries.filter((h) => h.taskCode === e.taskCode && h.unitId === e.unitId && sameKind(h) && h.periodEnd <= e.periodStart);
      for (const [measure, value] of Object.entries(e.figures)) {
        const history = earlier.map((h) => h.figures[measure]).filter((v): v is number => v !== undefined);
        if (history.length < rule.minHistory) continue;
        const { z, median } = modifiedZScore(value, history);
        if (Math.abs(z) > rule.threshold)
          push(
            rule,
            measure,
            value,
            median,
            `${value} against a median of ${median} over ${history.length} earlier periods, modified z ${Number.isFinite(z) ? z.toFixed(1) : '∞'}`,
          );
      }
    }
  }
  return violations;
}
