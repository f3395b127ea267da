import { Arg, Authorized, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { computeProgress, SubgraphContext, TaskProgress } from '@qn/common';
import { LabourTask, TaskObject } from '../../catalogue';
import { TASK_EVIDENCE } from '../indicators/evidence';
import { RecordsLoaders } from '../loaders/records.loaders';

/** Labour's own tasks: progress counted from labour's records (indicators/evidence.ts says which). */
@Resolver(() => LabourTask)
export class LabourTaskResolver {
  @Authorized('AGGREGATES')
  @FieldResolver(() => TaskProgress, { nullable: true, description: "What the task has done in a period, counted from labour's records (null: no records kept for it)" })
  progress(
    @Root() task: TaskObject,
    @Arg('period') period: string,
    @Arg('orgUnit', () => ID, { nullable: true }) orgUnit: string | undefined,
    @Ctx() { loaders }: SubgraphContext<RecordsLoaders>,
  ) {
    return computeProgress(loaders.measures, TASK_EVIDENCE[task.id], period, orgUnit);
  }
}
