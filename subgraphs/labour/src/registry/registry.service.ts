import { DataSource, EntityManager, In } from 'typeorm';
import { GraphQLError } from 'graphql';
import { AuditTrail, clockNow, conflictError, forbidden, Identity, idempotent, notFoundError, updateVersioned, userInputError } from '@qn/common';
import { TASK_MEASURES, TaskRow } from '../catalogue';
import { TaskProgressEntry } from './entities/progress-entry';
import { CheckedEntry, checkEntry, EntryDraft, EntryProblem, RegistryCatalogue } from './registry.checks';
import { readSheet, RowProblem, rowsToDrafts } from './registry.import';

export async function loadRegistryCatalogue(manager: DataSource | EntityManager): Promise<RegistryCatalogue> {
  const tasks = await manager.getRepository(TaskRow).find();
  return { tasks: new Map(tasks.map((t) => [t.code, t])), measures: TASK_MEASURES };
}

/** The first problem as the mutation's error: BAD_USER_INPUT naming the field (FORBIDDEN for another agency's task). */
function refuse(problems: EntryProblem[]): never {
  const first = problems[0];
  if (first.field === 'taskId' && first.message.includes('you may enter only')) throw forbidden(first.message);
  throw userInputError(first.field, first.message);
}

/** Stored JSON of an entry (kept for idempotent retries) back to an entry. */
const revive = (json: Record<string, unknown>): TaskProgressEntry =>
  Object.assign(new TaskProgressEntry(), json, { updatedAt: new Date(json.updatedAt as string) });
const asJson = (entry: TaskProgressEntry): Record<string, unknown> => JSON.parse(JSON.stringify(entry));

const columns = (entry: CheckedEntry, identity: Identity, now: Date) => ({
  taskCode: entry.task.code,
  period: entry.period,
  periodStart: entry.periodStart,
  periodEnd: entry.periodEnd,
  unitId: entry.unitId,
  status: entry.status,
  figures: entry.figures,
  evidence: entry.evidence,
  agencyCode: entry.agencyCode,
  enteredBy: identity.subject,
  updatedAt: now,
});

export interface RecordInput extends EntryDraft {
  idempotencyKey: string;
}

export interface UpdateInput {
  id: string;
  expectedVersion: number;
  status: string;
  values: { measure: string; value: number | null }[];
  evidence?: string | null;
  idempotencyKey: string;
}

/** A new entry for (task, period, unit); CONFLICT when one exists (change it with its version). */
export async function recordEntry(dataSource: DataSource, identity: Identity, input: RecordInput): Promise<TaskProgressEntry> {
  const { idempotencyKey, ...draft } = input;
  const json = await idempotent(dataSource, identity, idempotencyKey, 'recordTaskProgress', draft, async (manager) => {
    const { problems, entry } = checkEntry(await loadRegistryCatalogue(manager), identity, draft);
    if (!entry) refuse(problems);
    const repo = manager.getRepository(TaskProgressEntry);
    const existing = await repo.findOneBy({ taskCode: entry.task.code, period: entry.period, unitId: entry.unitId });
    if (existing)
      throw conflictError(
        `${entry.task.code} ${entry.period} ${entry.unitId} is already entered (version ${existing.version}); change it with updateTaskProgress`,
        'expectedVersion',
      );
    try {
      const id = (await repo.insert({ ...columns(entry, identity, clockNow()), version: 1 })).identifiers[0].id as string;
      return asJson(await repo.findOneByOrFail({ id }));
    } catch (error) {
      if ((error as { code?: string }).code === '23505')
        throw conflictError('someone has just entered this task for this period and unit; reload it and change it with updateTaskProgress', 'expectedVersion');
      throw error;
    }
  });
  return revive(json);
}

/** Changes an entry if it is still at `expectedVersion` (UPDATE … WHERE version), checked like a new one. */
export async function updateEntry(dataSource: DataSource, identity: Identity, input: UpdateInput): Promise<TaskProgressEntry> {
  const { idempotencyKey, ...payload } = input;
  const json = await idempotent(dataSource, identity, idempotencyKey, 'updateTaskProgress', payload, async (manager) => {
    const current = await manager.getRepository(TaskProgressEntry).findOneBy({ id: input.id });
    if (!current) throw notFoundError('TaskProgressEntry', input.id);
    const draft: EntryDraft = {
      taskId: current.taskCode,
      period: current.period,
      unitId: current.unitId,
      status: input.status,
      values: input.values,
      evidence: input.evidence,
    };
    const { problems, entry } = checkEntry(await loadRegistryCatalogue(manager), identity, draft);
    if (!entry) refuse(problems);
    return asJson(await updateVersioned(manager, TaskProgressEntry, current.id, input.expectedVersion, columns(entry, identity, clockNow())));
  });
  return revive(json);
}

export interface ImportInput {
  format: 'CSV' | 'XLSX';
  content: string;
  idempotencyKey: string;
}

export interface ImportAnswer {
  created: number;
  updated: number;
  entries: TaskProgressEntry[];
}

/** Every problem of an import in one error: `extensions.problems` lists row, field and message. */
function importRefused(problems: RowProblem[]): GraphQLError {
  const sorted = [...problems].sort((a, b) => a.row - b.row);
  const shown = sorted
    .slice(0, 5)
    .map((p) => `row ${p.row}, ${p.field}: ${p.message}`)
    .join('; ');
  return new GraphQLError(
    `content: nothing was imported; ${sorted.length} problem${sorted.length === 1 ? '' : 's'}: ${shown}${sorted.length > 5 ? '; …' : ''}`,
    {
      extensions: { code: 'BAD_USER_INPUT', field: 'content', problems: sorted },
    },
  );
}

/**
 * Imports a sheet of entries in one transaction: every row is checked like a mutation's
 * input (and a row for an entry already entered must carry its current `version`);
 * any problem in any row stores nothing and lists every problem by row and field.
 */
export async function importEntries(dataSource: DataSource, identity: Identity, input: ImportInput, audit?: AuditTrail): Promise<ImportAnswer> {
  const json = await idempotent(
    dataSource,
    identity,
    input.idempotencyKey,
    'importTaskProgress',
    { format: input.format, content: input.content },
    async (manager) => {
      let sheet: string[][];
      try {
        sheet = await readSheet(input.format, input.content);
      } catch (error) {
        throw userInputError('content', `cannot be read as ${input.format}: ${error instanceof Error ? error.message : String(error)}`);
      }
      const catalogue = await loadRegistryCatalogue(manager);
      const measureCodes = new Set([...catalogue.measures.values()].flat().map((m) => m.code));
      const { rows, problems } = rowsToDrafts(sheet, measureCodes);
      if (!problems.length && !rows.length) throw userInputError('content', 'no rows to import');
      const checked: { row: number; version: number | null; entry: CheckedEntry }[] = [];
      const seen = new Map<string, number>();
      for (const r of rows) {
        const result = checkEntry(catalogue, identity, r.draft);
        problems.push(...result.problems.map((p) => ({ ...p, row: r.row, field: fieldName(p.field) })));
        if (!result.entry) continue;
        const key = `${result.entry.task.code}|${result.entry.period}|${result.entry.unitId}`;
        if (seen.has(key)) problems.push({ row: r.row, field: 'task', message: `the same task, period and unit as row ${seen.get(key)}` });
        seen.set(key, r.row);
        checked.push({ row: r.row, version: r.version, entry: result.entry });
      }
      const repo = manager.getRepository(TaskProgressEntry);
      const existing = checked.length
        ? await repo
            .createQueryBuilder('e')
            .setLock('pessimistic_write')
            .where('e.task_code IN (:...tasks) AND e.period IN (:...periods)', {
              tasks: [...new Set(checked.map((c) => c.entry.task.code))],
              periods: [...new Set(checked.map((c) => c.entry.period))],
            })
            .getMany()
        : [];
      const byKey = new Map(existing.map((e) => [`${e.taskCode}|${e.period}|${e.unitId}`, e]));
      for (const c of checked) {
        const current = byKey.get(`${c.entry.task.code}|${c.entry.period}|${c.entry.unitId}`);
        if (current && c.version === null)
          problems.push({ row: c.row, field: 'version', message: `already entered (version ${current.version}); give that version to change it` });
        else if (current && c.version !== current.version)
          problems.push({ row: c.row, field: 'version', message: `the entry is at version ${current.version}, not ${c.version}; reload it` });
        else if (!current && c.version !== null) problems.push({ row: c.row, field: 'version', message: 'no such entry yet: leave version blank to enter it' });
      }
      if (problems.length) throw importRefused(problems);
      const now = clockNow();
      const ids: string[] = [];
      let created = 0;
      for (const c of checked) {
        const current = byKey.get(`${c.entry.task.code}|${c.entry.period}|${c.entry.unitId}`);
        if (current) {
          ids.push((await updateVersioned(manager, TaskProgressEntry, current.id, current.version, columns(c.entry, identity, now))).id);
        } else {
          ids.push((await repo.insert({ ...columns(c.entry, identity, now), version: 1 })).identifiers[0].id as string);
          created += 1;
        }
      }
      const entries = await repo.findBy({ id: In(ids) });
      const order = new Map(ids.map((id, i) => [id, i]));
      entries.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
      return { created, updated: ids.length - created, entries: entries.map(asJson) };
    },
  );
  audit?.change(
    'importTaskProgress',
    'TaskProgressEntry',
    json.entries.map((e) => String(e.id)),
    ['content', 'format'],
  );
  return { created: json.created, updated: json.updated, entries: json.entries.map(revive) };
}

/** A mutation's field names as the sheet's column names. */
function fieldName(field: string): string {
  return ({ taskId: 'task', unitId: 'unit' } as Record<string, string>)[field] ?? field;
}
