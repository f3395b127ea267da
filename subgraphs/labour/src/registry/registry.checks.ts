import { canEnterTaskProgress, Identity, parsePeriod, REFORM_DATE, TaskStatus, territory } from '@qn/common';
import { holdings, MeasureUnit, ProgressSource, TaskMeasure, TaskRow } from '../catalogue';

/** One problem with one field of an entry (a row of an import, or a mutation's input). */
export interface EntryProblem {
  field: string;
  message: string;
}

/** An entry as sent: by a mutation, or a row of a CSV/XLSX import. */
export interface EntryDraft {
  taskId: string;
  period: string;
  unitId?: string | null;
  status: string;
  values: { measure: string; value: number | null }[];
  evidence?: string | null;
}

/** An entry that passed every check, ready to store. */
export interface CheckedEntry {
  task: TaskRow;
  period: string;
  periodStart: string;
  periodEnd: string;
  unitId: string;
  status: TaskStatus;
  figures: Record<string, number>;
  evidence: string;
  agencyCode: string;
}

/** The catalogue a batch of entries is checked against, read once per request. */
export interface RegistryCatalogue {
  tasks: Map<string, TaskRow>;
  measures: ReadonlyMap<string, TaskMeasure[]>;
}

const PROGRAMME_FIRST_YEAR = 2021;
const PROGRAMME_LAST_YEAR = 2025;
const MAX_EVIDENCE = 4000;
const STATUSES = new Set<string>(Object.values(TaskStatus));
/** The local People's Committees: the district level to 30/6/2025, the commune level after. */
const LOCAL_HOLDERS = new Set(['DISTRICTS', 'COMMUNES']);

/**
 * Checks one entry against the catalogue and the caller's rights; returns every problem
 * found (empty: `entry` is set). The same checks serve the mutations and the imports.
 */
export function checkEntry(catalogue: RegistryCatalogue, identity: Identity, draft: EntryDraft): { problems: EntryProblem[]; entry?: CheckedEntry } {
  const problems: EntryProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  const task = catalogue.tasks.get(draft.taskId);
  if (!task) {
    problem('taskId', `no task '${draft.taskId}' in the plan`);
    return { problems };
  }
  const measures = catalogue.measures.get(task.code) ?? [];
  if (measures[0]?.source === ProgressSource.RECORDS) {
    problem(
      'taskId',
      `${task.code} is counted from ${task.ownerCode}'s records in the ${task.ownerSubgraph} subgraph; the registry holds only tasks without records`,
    );
  }
  let start = '';
  let end = '';
  try {
    const period = parsePeriod(draft.period);
    if (period.kind !== 'YEAR' && period.kind !== 'QUARTER') problem('period', `'${draft.period}' is not a year (2024) or a quarter (2024Q3)`);
    else if (period.basis === 'REPORTING') problem('period', `name the calendar period ('${draft.period.replace(/R$/, '')}'), not its cut-off window`);
    else if (period.year < PROGRAMME_FIRST_YEAR || period.year > PROGRAMME_LAST_YEAR)
      problem('period', `the plan runs 2021–2025; '${draft.period}' is outside it`);
    start = period.start;
    end = period.end;
  } catch {
    problem('period', `'${draft.period}' is not a period (2024 or 2024Q3)`);
  }
  const unitId = draft.unitId || territory.province.id;
  const unit = territory.get(unitId);
  // Whoever held the task during the period (a duty moves with the 2025 reorganisation) and its co-owners.
  const holders = start
    ? holdings(task.code, task.ownerCode)
        .filter((h) => (!h.validFrom || h.validFrom < end) && (!h.validTo || h.validTo > start))
        .map((h) => h.agencyCode)
    : [task.ownerCode];
  const agencies = [...new Set([...holders, ...task.coOwnerCodes])];
  // The local level of the period: district-level units until 30/6/2025, commune-level units from 1/7/2025 (2025 has both).
  const levels = new Set<string>(['PROVINCE']);
  if (!start || start < REFORM_DATE) levels.add('DISTRICT');
  if (start && end > REFORM_DATE) levels.add('COMMUNE');
  const localLevels = [...levels].filter((l) => l !== 'PROVINCE');
  const localName = localLevels.map((l) => (l === 'DISTRICT' ? 'district-level units' : 'commune-level units')).join(' or ');
  const local = holders.some((h) => LOCAL_HOLDERS.has(h));
  if (!unit || !levels.has(unit.level) || !unit.inPlanScope) {
    problem('unitId', `'${unitId}' is not the province or one of its ${localName}${start ? ` in ${draft.period}` : ''}`);
  } else if (local && unit.level === 'PROVINCE') {
    problem('unitId', `${task.code} is a duty of each local People's Committee: name one of the ${localName}${start ? ` of ${draft.period}` : ''}`);
  } else if (start && !territory.validDuring(unit, start, end)) {
    problem('unitId', `${unit.name} did not exist during ${draft.period}`);
  }
  if (!canEnterTaskProgress(identity, agencies, unitId)) {
    problem(
      'taskId',
      `${task.code} is ${agencies.join('/')}'s; you may enter only your own agency's tasks${identity.orgUnit ? ` for your district ${identity.orgUnit}` : ''}`,
    );
  }
  if (!STATUSES.has(draft.status)) problem('status', `'${draft.status}' is not one of ${[...STATUSES].join(', ')}`);
  const figures: Record<string, number> = {};
  const known = new Map(measures.map((m) => [m.code, m]));
  for (const { measure, value } of draft.values) {
    const m = known.get(measure);
    if (!m) {
      problem(measure, `${task.code} is not counted in ${measure}; its measures are ${measures.map((x) => x.code).join(', ')}`);
      continue;
    }
    if (value === null || value === undefined) continue;
    if (!Number.isFinite(value) || !Number.isInteger(value) || value < 0) {
      problem(measure, `${m.labelEn} must be a whole number ≥ 0${m.unit === MeasureUnit.VND ? ' (VND)' : ''}, not ${value}`);
      continue;
    }
    if (value > Number.MAX_SAFE_INTEGER) {
      problem(measure, `${value} is too large`);
      continue;
    }
    if (measure in figures) problem(measure, 'given twice');
    figures[measure] = value;
  }
  if ((draft.status === TaskStatus.NOT_STARTED || draft.status === TaskStatus.NOT_APPLICABLE) && Object.values(figures).some((v) => v > 0)) {
    problem('status', `a task ${draft.status === TaskStatus.NOT_STARTED ? 'not started' : 'that does not apply'} has no figures above zero`);
  }
  const evidence = (draft.evidence ?? '').trim();
  if (evidence.length > MAX_EVIDENCE) problem('evidence', `at most ${MAX_EVIDENCE} characters`);
  if (draft.status === TaskStatus.DONE && !evidence) problem('evidence', 'say what was done and where it is documented');
  if (problems.length) return { problems };
  return {
    problems,
    entry: {
      task,
      period: draft.period,
      periodStart: start,
      periodEnd: end,
      unitId,
      status: draft.status as TaskStatus,
      figures,
      evidence,
      agencyCode: identity.agency!,
    },
  };
}
