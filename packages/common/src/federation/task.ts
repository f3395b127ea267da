import { Arg, Authorized, ClassType, Ctx, Directive, Field, FieldResolver, ID, InterfaceType, ObjectType, Resolver, Root } from 'type-graphql';
import { MeasureLoader } from '../indicators';
import { programmePeriod } from '../periods';
import { territory } from '../territory';
import { ReferenceResolvers } from './schema';
import { TaskProgress } from './types';

export interface TaskProgressData {
  period: string;
  count: number;
  evidence: string;
}

export interface AgencyTaskOptions<C> {
  /** The concrete type in labour's catalogue this agency resolves, e.g. `PoliceTask`. */
  typeName: string;
  /**
   * What counts as evidence for each task this agency backs with records: a description
   * and the measure code (in the agency's measure loader) whose numerator is the count.
   */
  evidence: Record<string, { description: string; measure: string }>;
  loader(context: C): MeasureLoader;
}

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
  return { period: period.id, count: measure.numerator ?? 0, evidence: evidence.description };
}

/**
 * The part of `Task` an agency subgraph owns: `progress(period)` for its own concrete
 * task type, counted from its records. Tasks with no kind of record behind them answer null.
 */
export function agencyTask<C>(options: AgencyTaskOptions<C>) {
  @InterfaceType('Task', { resolveType: () => options.typeName })
  abstract class Task {
    @Field(() => ID)
    id: string;

    @Field(() => TaskProgress, { nullable: true, description: "What the task has done in a period, counted from the owning agency's records (null: no records kept for it)" })
    progress(@Arg('period') _period: string, @Arg('orgUnit', () => ID, { nullable: true }) _orgUnit?: string): TaskProgressData | null {
      return null;
    }
  }

  @Directive('@key(fields: "id")')
  @ObjectType(options.typeName, { implements: Task })
  class AgencyTask extends Task {}

  @Resolver(() => AgencyTask)
  class AgencyTaskResolver {
    @Authorized('AGGREGATES')
    @FieldResolver(() => TaskProgress, { nullable: true })
    progress(
      @Root() task: { id: string },
      @Arg('period') period: string,
      @Arg('orgUnit', () => ID, { nullable: true }) orgUnit: string | undefined,
      @Ctx() context: C,
    ) {
      return computeProgress(options.loader(context), options.evidence[task.id], period, orgUnit);
    }
  }

  const references: ReferenceResolvers = {
    [options.typeName]: { __resolveReference: (reference: { id: string }) => reference },
  };
  return { resolvers: [AgencyTaskResolver] as const, orphanedTypes: [AgencyTask] as ClassType[], references };
}
