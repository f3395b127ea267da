import { DataSource } from 'typeorm';
import { parsePeriod, requestLoader, TaskProgressData, TaskStatus, territory } from '@qn/common';
import { MeasureUnit, TASK_MEASURES, TaskMeasure } from '../catalogue';
import { TaskProgressEntry } from './entities/progress-entry';

export interface RegistryProgressKey {
  taskCode: string;
  period: string;
  orgUnit?: string | null;
}

const DAY = 86_400_000;
const span = (e: TaskProgressEntry) => Date.parse(e.periodEnd) - Date.parse(e.periodStart);

/** Several entries' statuses as one: the same status when they agree; otherwise under way. */
function combinedStatus(entries: TaskProgressEntry[]): TaskStatus {
  const statuses = new Set(entries.map((e) => e.status).filter((s) => s !== TaskStatus.NOT_APPLICABLE));
  if (statuses.size === 0) return TaskStatus.NOT_APPLICABLE;
  if (statuses.size === 1) return [...statuses][0];
  return TaskStatus.IN_PROGRESS;
}

/**
 * A task's progress in a period from its registry entries:
 * - period: the entries of the calendar period asked (a report's cut-off window `2024Q3R`
 *   is the report of `2024Q3`); a year without a yearly entry adds up its quarters' entries;
 * - unit: the province's entry, else the districts' entries added up; a district: its own.
 * Values add up; `count` is the first measure not in VND (else the number of entries).
 * Null when nothing was entered.
 */
export function progressFromEntries(entries: TaskProgressEntry[], measures: TaskMeasure[], key: RegistryProgressKey): TaskProgressData | null {
  const asked = parsePeriod(key.period);
  const calendar = parsePeriod(asked.id.replace(/R$/, ''));
  const unit = territory.resolve(key.orgUnit);
  const inPeriod = entries.filter((e) => e.taskCode === key.taskCode && e.periodStart >= calendar.start && e.periodEnd <= calendar.end);
  let chosen: TaskProgressEntry[];
  if (unit.level === 'PROVINCE') {
    const own = inPeriod.filter((e) => e.unitId === unit.id);
    chosen = own.length ? own : inPeriod.filter((e) => territory.get(e.unitId)?.level === 'DISTRICT');
  } else {
    chosen = inPeriod.filter((e) => e.unitId === unit.id);
  }
  if (!chosen.length) return null;
  // The coarsest periods entered: a yearly entry, else the quarters.
  const widest = Math.max(...chosen.map(span));
  chosen = chosen.filter((e) => Math.abs(span(e) - widest) < DAY * 3);
  const values = measures
    .map((m) => {
      const present = chosen.filter((e) => e.figures[m.code] !== undefined);
      return present.length ? { measure: m.code, value: present.reduce((sum, e) => sum + e.figures[m.code], 0) } : null;
    })
    .filter((v): v is { measure: string; value: number } => v !== null);
  const counted = measures.find((m) => m.unit !== MeasureUnit.VND);
  const count = counted ? (values.find((v) => v.measure === counted.code)?.value ?? 0) : chosen.length;
  const label = counted?.labelEn ?? measures[0]?.labelEn ?? 'entries';
  const evidence =
    chosen.length === 1
      ? chosen[0].evidence || label
      : `${label}: ${chosen.length} entries (${chosen
          .map((e) => `${e.period} ${e.unitId}`)
          .sort()
          .join(', ')})`;
  return { period: asked.id, count: Math.min(count, 2_147_483_647), evidence, status: combinedStatus(chosen), values };
}

/** A per-request loader of registry progress: one SQL statement for every task and period a request asks. */
export function registryProgressLoader(dataSource: DataSource) {
  return requestLoader<RegistryProgressKey, TaskProgressData | null, string>(
    async (keys) => {
      const calendars = keys.map((k) => parsePeriod(parsePeriod(k.period).id.replace(/R$/, '')));
      const start = calendars.map((c) => c.start).sort()[0];
      const end = calendars
        .map((c) => c.end)
        .sort()
        .at(-1)!;
      const tasks = [...new Set(keys.map((k) => k.taskCode))];
      const entries = await dataSource
        .getRepository(TaskProgressEntry)
        .createQueryBuilder('e')
        .where('e.task_code IN (:...tasks) AND e.period_start >= :start AND e.period_end <= :end', { tasks, start, end })
        .getMany();
      return keys.map((k) => progressFromEntries(entries, TASK_MEASURES.get(k.taskCode) ?? [], k));
    },
    { cacheKeyFn: (k) => `${k.taskCode}|${k.period}|${k.orgUnit ?? ''}` },
  );
}

export type RegistryProgressLoader = ReturnType<typeof registryProgressLoader>;
