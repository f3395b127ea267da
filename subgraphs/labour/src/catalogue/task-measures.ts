import measures from './data/measures.json';
import { MeasureUnit, ProgressSource, TaskMeasure } from './entities/task-measure';

/**
 * Every task's measures, from the version-controlled catalogue data (the table
 * `task_measure` mirrors it for SQL). Static, so computing registry progress needs no
 * statement to read them.
 */
export const TASK_MEASURES: ReadonlyMap<string, TaskMeasure[]> = new Map(
  measures.map((t) => [
    t.task,
    t.measures.map((m, i) =>
      Object.assign(new TaskMeasure(), {
        taskCode: t.task,
        code: m.code,
        position: i + 1,
        unit: m.unit as MeasureUnit,
        labelVi: m.labelVi,
        labelEn: m.labelEn,
        source: t.source as ProgressSource,
      }),
    ),
  ]),
);
