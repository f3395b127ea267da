import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { computeProgress, MeasureValue, parsePeriod, programmePeriod, SubgraphContext, TaskProgress, TaskProgressData, territory } from '@qn/common';
import { CatalogueLoaders, LabourTask, RegistryTask, TaskObject } from '../catalogue';
import { RecordsLoaders, TASK_EVIDENCE } from '../records';
import { TaskProgressEntry } from './entities/progress-entry';
import { ImportTaskProgressInput, RecordTaskProgressInput, UpdateTaskProgressInput } from './registry.input';
import { RegistryProgressLoader } from './registry.progress';
import { importEntries, recordEntry, updateEntry } from './registry.service';

type Context = SubgraphContext<CatalogueLoaders & RecordsLoaders & { registryProgress: RegistryProgressLoader }>;

function registryProgress(context: Context, taskCode: string, period: string, orgUnit?: string | null): Promise<TaskProgressData | null> {
  programmePeriod(period);
  territory.resolve(orgUnit);
  return context.loaders.registryProgress.load({ taskCode, period, orgUnit: orgUnit ?? null });
}

@ObjectType({ description: 'What an import stored' })
export class TaskProgressImport {
  @Field(() => Int, { description: 'Entries the import created' })
  created: number;

  @Field(() => Int, { description: 'Entries the import changed' })
  updated: number;

  @Field(() => [TaskProgressEntry], { description: 'Every entry the import wrote, as stored' })
  entries: TaskProgressEntry[];
}

/** Labour's own tasks: counted from its records where it keeps them (records/indicators/evidence.ts), else from the registry. */
@Resolver(() => LabourTask)
export class LabourTaskResolver {
  @Authorized('AGGREGATES')
  @FieldResolver(() => TaskProgress, {
    nullable: true,
    description:
      "What the task has done in a period: counted from labour's records, or for tasks without records from DOLISA's registry entries (null: nothing entered)",
  })
  progress(
    @Root() task: TaskObject,
    @Arg('period') period: string,
    @Arg('orgUnit', () => ID, { nullable: true }) orgUnit: string | undefined,
    @Ctx() context: Context,
  ) {
    const evidence = TASK_EVIDENCE[task.id];
    return evidence ? computeProgress(context.loaders.measures, evidence, period, orgUnit) : registryProgress(context, task.id, period, orgUnit);
  }
}

/** Tasks of agencies without a subgraph: their progress is what they enter in the registry. */
@Resolver(() => RegistryTask)
export class RegistryTaskResolver {
  @Authorized('AGGREGATES')
  @FieldResolver(() => TaskProgress, {
    nullable: true,
    description: "What the task has done in a period, from the owning agency's entries in labour's registry (null: nothing entered)",
  })
  progress(
    @Root() task: TaskObject,
    @Arg('period') period: string,
    @Arg('orgUnit', () => ID, { nullable: true }) orgUnit: string | undefined,
    @Ctx() context: Context,
  ) {
    return registryProgress(context, task.id, period, orgUnit);
  }
}

@Resolver(() => TaskProgressEntry)
export class TaskProgressEntryResolver {
  @FieldResolver(() => [MeasureValue], { description: "The task's measures' values, in the catalogue's order" })
  values(@Root() entry: TaskProgressEntry, @Ctx() context: Context) {
    return context.loaders.measuresByTask
      .load(entry.taskCode)
      .then((measures) => measures.filter((m) => entry.figures[m.code] !== undefined).map((m) => ({ measure: m.code, value: entry.figures[m.code] })));
  }

  @Authorized('AGGREGATES')
  @Query(() => [TaskProgressEntry], { description: 'Entries of the registry, by task, period, unit or agency (at most 1000, in task order)' })
  async taskProgressEntries(
    @Ctx() { dataSource }: Context,
    @Arg('taskId', () => ID, { nullable: true, description: 'Only the entries of this task (Task.id)' }) taskId?: string,
    @Arg('period', { nullable: true }) period?: string,
    @Arg('unitId', () => ID, { nullable: true }) unitId?: string,
    @Arg('agency', () => ID, { nullable: true, description: 'The agency that entered them' }) agency?: string,
  ) {
    const query = dataSource
      .getRepository(TaskProgressEntry)
      .createQueryBuilder('e')
      .orderBy('e.task_code')
      .addOrderBy('e.period')
      .addOrderBy('e.unit_id')
      .take(1000);
    if (taskId) query.andWhere('e.task_code = :taskId', { taskId });
    if (period) query.andWhere('e.period = :period', { period: parsePeriod(period).id });
    if (unitId) query.andWhere('e.unit_id = :unitId', { unitId });
    if (agency) query.andWhere('e.agency_code = :agency', { agency });
    return query.getMany();
  }

  @Authorized('AGGREGATES')
  @Query(() => TaskProgress, {
    nullable: true,
    description:
      "A task's progress from the registry alone: how agency subgraphs answer Task.progress for their tasks that keep no records (police's TASK-V.2-1)",
  })
  registryProgress(
    @Arg('taskId', () => ID, { description: 'The task (Task.id), e.g. TASK-V.2-1' }) taskId: string,
    @Arg('period') period: string,
    @Arg('orgUnit', () => ID, { nullable: true }) orgUnit: string | undefined,
    @Ctx() context: Context,
  ) {
    return registryProgress(context, taskId, period, orgUnit);
  }

  @Authorized('TASK_PROGRESS')
  @Mutation(() => TaskProgressEntry, { description: "Enters a task's progress for a period and unit (its agency's or a co-owner's officers and heads)" })
  recordTaskProgress(@Arg('input') input: RecordTaskProgressInput, @Ctx() { dataSource, identity }: Context) {
    return recordEntry(dataSource, identity, input);
  }

  @Authorized('TASK_PROGRESS')
  @Mutation(() => TaskProgressEntry, { description: 'Changes an entry against the version it was read at (CONFLICT otherwise)' })
  updateTaskProgress(@Arg('input') input: UpdateTaskProgressInput, @Ctx() { dataSource, identity }: Context) {
    return updateEntry(dataSource, identity, input);
  }

  @Authorized('TASK_PROGRESS')
  @Mutation(() => TaskProgressImport, { description: 'Imports entries from a CSV or XLSX sheet: all rows or none; every problem is listed by row and field' })
  importTaskProgress(@Arg('input') input: ImportTaskProgressInput, @Ctx() { dataSource, identity, audit }: Context) {
    return importEntries(dataSource, identity, input, audit);
  }
}
