import { Arg, Authorized, ClassType, Ctx, Directive, Field, FieldResolver, ID, InterfaceType, ObjectType, Resolver, Root } from 'type-graphql';
import { Identity } from '../auth';
import { ask, fieldOperation } from '../graph-client';
import { MeasureLoader } from '../indicators';
import { requestLoader } from '../loaders';
import { programmePeriod } from '../periods';
import { territory } from '../territory';
import { ReferenceResolvers } from './schema';
import { TaskProgress, TaskStatus } from './types';

export interface TaskProgressData {
  period: string;
  count: number;
  evidence: string;
  status?: TaskStatus | null;
  values: { measure: string; value: number }[];
}

/** What labour's catalogue and every owning agency say of the `Task` interface, its concrete types and its id. */
export const TASK_DESCRIPTION = 'A task of the plan; its concrete type names the subgraph of the agency that owns it';
export const taskTypeDescription = (owner: string) => `A task owned by ${owner}`;
export const TASK_ID_DESCRIPTION = 'TASK-II.1b-1, TASK-III.2-3, TASK-V.1-7 …';

export interface AgencyTaskOptions<C> {
  /** The concrete type in labour's catalogue this agency resolves, e.g. `PoliceTask`. */
  typeName: string;
  /** The type's description, the same as labour's catalogue gives it (`taskTypeDescription`). */
  description: string;
  /**
   * What counts as evidence for each task this agency backs with records: a description
   * and the measure code (in the agency's measure loader) whose numerator is the count.
   */
  evidence: Record<string, { description: string; measure: string }>;
  loader(context: C): MeasureLoader;
  /**
   * The agency's subgraph name: when set, its tasks without records answer from labour's
   * task-progress registry (`registryProgress`, asked through the graph, one request per
   * request for every such task), where the agency enters them.
   */
  registryFrom?: string;
}

const isProgress = (value: unknown): value is TaskProgressData | null =>
  value === null || (typeof value === 'object' && value !== null && typeof (value as TaskProgressData).count === 'number');

const REGISTRY_PROGRESS = fieldOperation({
  name: 'RegistryProgress',
  field: 'registryProgress',
  args: { taskId: 'ID!', period: 'String!', orgUnit: 'ID' },
  selection: 'period count evidence status values { measure value }',
  accept: isProgress,
});

/** A per-request loader of labour's `registryProgress(taskId, period, orgUnit)`, for the subgraph `from`. */
export function registryProgressLoader(from: string, identity: Identity) {
  return requestLoader<{ taskId: string; period: string; orgUnit?: string | null }, TaskProgressData | null, string>(
    async (keys) => ask(from, REGISTRY_PROGRESS, keys, identity),
    { cacheKeyFn: (k) => `${k.taskId}|${k.period}|${k.orgUnit ?? ''}` },
  );
}

const registryLoaders = new WeakMap<object, ReturnType<typeof registryProgressLoader>>();

/** Progress of one task in one period from the owning agency's own records. */
export async function computeProgress(
  loader: MeasureLoader,
  evidence: { description: string; measure: string } | undefined,
  periodId: string,
  orgUnitId?: string | null,
): Promise<TaskProgressData | null> {
  const period = programmePeriod(periodId);
  const orgUnit = territory.resolve(orgUnitId);
  if (!evidence) return null;
  const measure = await loader.load({ code: evidence.measure, period, orgUnit });
  const count = measure.numerator ?? 0;
  return { period: period.id, count, evidence: evidence.description, status: null, values: [{ measure: 'RECORDS', value: count }] };
}

/**
 * The part of `Task` an agency subgraph owns: `progress(period)` for its own concrete
 * task type, counted from its records. Tasks with no kind of record behind them answer
 * from labour's registry (`registryFrom`), or null.
 */
export function agencyTask<C>(options: AgencyTaskOptions<C>) {
  const progressDescription = options.registryFrom
    ? "What the task has done in a period: counted from the owning agency's records, or for tasks without records from its entries in labour's registry (null: nothing entered)"
    : "What the task has done in a period, counted from the owning agency's records (null: no records kept for it)";

  @InterfaceType('Task', { description: TASK_DESCRIPTION, resolveType: () => options.typeName })
  abstract class Task {
    @Field(() => ID, { description: TASK_ID_DESCRIPTION })
    id: string;

    @Field(() => TaskProgress, { nullable: true, description: progressDescription })
    progress(@Arg('period') _period: string, @Arg('orgUnit', () => ID, { nullable: true }) _orgUnit?: string): TaskProgressData | null {
      return null;
    }
  }

  @Directive('@key(fields: "id")')
  @ObjectType(options.typeName, { implements: Task, description: options.description })
  class AgencyTask extends Task {}

  @Resolver(() => AgencyTask)
  class AgencyTaskResolver {
    @Authorized('AGGREGATES')
    @FieldResolver(() => TaskProgress, { nullable: true, description: progressDescription })
    progress(
      @Root() task: { id: string },
      @Arg('period') period: string,
      @Arg('orgUnit', () => ID, { nullable: true }) orgUnit: string | undefined,
      @Ctx() context: C,
    ) {
      const evidence = options.evidence[task.id];
      if (evidence || !options.registryFrom) return computeProgress(options.loader(context), evidence, period, orgUnit);
      programmePeriod(period);
      territory.resolve(orgUnit);
      const ctx = context as unknown as { identity: Identity };
      let loader = registryLoaders.get(ctx);
      if (!loader) registryLoaders.set(ctx, (loader = registryProgressLoader(options.registryFrom, ctx.identity)));
      return loader.load({ taskId: task.id, period, orgUnit: orgUnit ?? null });
    }
  }

  const references: ReferenceResolvers = {
    [options.typeName]: { __resolveReference: (reference: { id: string }) => reference },
  };
  return { resolvers: [AgencyTaskResolver] as const, orphanedTypes: [AgencyTask] as ClassType[], references };
}
