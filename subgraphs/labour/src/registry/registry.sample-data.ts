import { DataSource } from 'typeorm';
import { TaskStatus, territory } from '@qn/common';
import { insertChunks, SeededRandom } from '@qn/dev';
import { MeasureUnit, ProgressSource, TaskMeasure, TaskRow } from '../catalogue';
import { TaskProgressEntry } from './entities/progress-entry';

const YEARS = [2021, 2022, 2023, 2024, 2025];

/** A plausible yearly range for a measure, by its unit (VND: per year, for the whole province). */
const RANGE: Record<MeasureUnit, [number, number]> = {
  [MeasureUnit.COUNT]: [2, 30],
  [MeasureUnit.VND]: [50_000_000, 900_000_000],
  [MeasureUnit.PEOPLE]: [40, 900],
  [MeasureUnit.SESSIONS]: [4, 60],
  [MeasureUnit.INSPECTIONS]: [6, 80],
  [MeasureUnit.CASES]: [1, 20],
  [MeasureUnit.VISITS]: [1, 12],
  [MeasureUnit.DOCUMENTS]: [1, 6],
};

/** Figures that hang together: loans and their amount, cases tried no more than prosecuted, defendants at least one a case. */
function figuresFor(task: string, measures: TaskMeasure[], random: SeededRandom, scale: number): Record<string, number> {
  const figures: Record<string, number> = {};
  for (const m of measures) {
    const [min, max] = RANGE[m.unit];
    figures[m.code] =
      m.unit === MeasureUnit.VND ? random.int(min / 1_000_000, max / 1_000_000) * 1_000_000 : Math.max(0, Math.round(random.int(min, max) * scale));
  }
  if (task === 'TASK-V.12-1') figures.LOAN_AMOUNT = figures.LOANS * random.int(20, 50) * 1_000_000;
  if (task === 'TASK-V.15-2') {
    figures.CASES_PROSECUTED = random.int(12, 20);
    figures.CASES_TRIED = figures.CASES_PROSECUTED - random.int(0, 3);
    figures.DEFENDANTS = figures.CASES_TRIED + random.int(2, 10);
  }
  if (task === 'TASK-V.3-2') figures.TRAFFICKING_CASES_DETECTED = random.int(0, 3);
  if (task === 'TASK-V.6-1') figures.VIOLATIONS = Math.min(figures.VIOLATIONS, Math.floor(figures.INSPECTIONS / 3));
  return figures;
}

/**
 * Registry entries for 2021–2025 (deterministic): a yearly entry of every task whose
 * progress is entered rather than counted from records — the eleven agencies without a
 * subgraph (the district-level People's Committees per district, while the district level
 * existed), DOLISA's tasks without records and police's rule review; and for the second
 * half of 2025 the local duties of the 56 commune-level units, a quarterly entry each for
 * 2025Q3 and 2025Q4 (their own random stream, so the years before are unchanged). Runs
 * only on an empty registry.
 */
export async function generateRegistrySampleData(dataSource: DataSource): Promise<void> {
  if (await dataSource.getRepository(TaskProgressEntry).exist()) return;
  const random = new SeededRandom('registry');
  const tasks = await dataSource.getRepository(TaskRow).find({ order: { position: 'ASC' } });
  const measures = await dataSource.getRepository(TaskMeasure).find({ order: { position: 'ASC' } });
  const rows: Partial<TaskProgressEntry>[] = [];
  const now = new Date('2025-12-20T03:00:00Z');
  for (const task of tasks) {
    const own = measures.filter((m) => m.taskCode === task.code);
    if (own[0]?.source !== ProgressSource.REGISTRY) continue;
    for (const year of YEARS) {
      const start = `${year}-01-01`;
      const end = `${year + 1}-01-01`;
      const units = task.ownerCode === 'DISTRICTS' ? territory.districtsDuring(start, end).filter((d) => d.inPlanScope) : [territory.province];
      for (const unit of units) {
        const share = task.ownerCode === 'DISTRICTS' ? 0.25 : 1;
        const figures = figuresFor(task.code, own, random, share);
        const status = year < 2025 ? (random.chance(0.85) ? TaskStatus.DONE : TaskStatus.IN_PROGRESS) : TaskStatus.IN_PROGRESS;
        rows.push({
          taskCode: task.code,
          period: String(year),
          periodStart: start,
          periodEnd: end,
          unitId: unit.id,
          status,
          figures,
          evidence: `Báo cáo kết quả năm ${year} của ${task.ownerCode === 'DISTRICTS' ? unit.name : task.ownerCode} (số ${random.int(10, 300)}/BC)`,
          agencyCode: task.ownerCode,
          version: 1,
          enteredBy: 'sample-data',
          updatedAt: now,
        });
      }
    }
  }
  const communes = territory.list({ level: 'COMMUNE', at: '2025-07-01', inPlanScope: true });
  const after = new SeededRandom('registry-communes-2025');
  for (const task of tasks) {
    const own = measures.filter((m) => m.taskCode === task.code);
    if (own[0]?.source !== ProgressSource.REGISTRY || task.ownerCode !== 'DISTRICTS') continue;
    for (const [period, start, end] of [
      ['2025Q3', '2025-07-01', '2025-10-01'],
      ['2025Q4', '2025-10-01', '2026-01-01'],
    ]) {
      for (const commune of communes) {
        // A commune is about a quarter of a district's yearly work in a quarter, spread over four times as many units.
        rows.push({
          taskCode: task.code,
          period,
          periodStart: start,
          periodEnd: end,
          unitId: commune.id,
          status: TaskStatus.IN_PROGRESS,
          figures: figuresFor(task.code, own, after, 0.25 / 4),
          evidence: `Báo cáo ${period === '2025Q3' ? 'quý III' : 'quý IV'} năm 2025 của UBND ${commune.name} (số ${after.int(10, 300)}/BC-UBND)`,
          agencyCode: 'COMMUNES',
          version: 1,
          enteredBy: 'sample-data',
          updatedAt: now,
        });
      }
    }
  }
  await insertChunks(dataSource, TaskProgressEntry, rows);
}
