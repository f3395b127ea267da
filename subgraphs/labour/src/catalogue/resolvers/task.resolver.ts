import { FindOptionsWhere } from 'typeorm';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { SubgraphContext } from '@qn/common';
import { Agency } from '../entities/agency';
import { Indicator, IndicatorRow } from '../entities/indicator';
import { Task, TaskRow } from '../entities/task';
import { ProgressSource, TaskMeasure } from '../entities/task-measure';
import { CatalogueLoaders } from '../catalogue.loaders';
import { TaskObject, toIndicator, toTask } from './catalogue.mappers';

@Resolver(() => Task)
export class TaskResolver {
  @Query(() => [Task], { description: 'Every task of the plan: II.xb tasks, III solutions and section V duties, in the plan\'s order' })
  async tasks(
    @Ctx() { dataSource }: SubgraphContext<CatalogueLoaders>,
    @Arg('owner', () => ID, { nullable: true, description: 'Agency code' }) owner?: string,
    @Arg('section', { nullable: true, description: 'e.g. V.2 or II.3b' }) section?: string,
  ) {
    const where: FindOptionsWhere<TaskRow> = {};
    if (owner) where.ownerCode = owner;
    if (section) where.section = section;
    const rows = await dataSource.getRepository(TaskRow).find({ where, order: { position: 'ASC' } });
    return rows.map(toTask);
  }

  @Query(() => Task, { nullable: true })
  async task(@Arg('id', () => ID) id: string, @Ctx() { loaders }: SubgraphContext<CatalogueLoaders>) {
    const row = await loaders.taskByCode.load(id);
    return row ? toTask(row) : null;
  }

  @FieldResolver(() => Agency, { description: 'The agency responsible' })
  owner(@Root() task: TaskObject, @Ctx() { loaders }: SubgraphContext<CatalogueLoaders>) {
    return loaders.agencyByCode.load(task.ownerCode);
  }

  @FieldResolver(() => [Agency], { description: 'Agencies the plan names to work with the owner' })
  async coOwners(@Root() task: TaskObject, @Ctx() { loaders }: SubgraphContext<CatalogueLoaders>) {
    const agencies = await loaders.agencyByCode.loadMany(task.coOwnerCodes);
    return agencies.filter((a): a is Agency => a instanceof Agency);
  }

  @FieldResolver(() => [TaskMeasure], { description: 'What the task\'s progress is counted in (catalogue data), in order; the first is the one `progress.count` gives' })
  measures(@Root() task: TaskObject, @Ctx() { loaders }: SubgraphContext<CatalogueLoaders>) {
    return loaders.measuresByTask.load(task.code);
  }

  @FieldResolver(() => ProgressSource, { description: 'Whether progress is counted from the owning agency\'s records or entered in labour\'s registry' })
  async progressSource(@Root() task: TaskObject, @Ctx() { loaders }: SubgraphContext<CatalogueLoaders>) {
    const [first] = await loaders.measuresByTask.load(task.code);
    return first?.source ?? ProgressSource.REGISTRY;
  }

  @FieldResolver(() => [Indicator], { description: 'Indicators this task serves' })
  async indicators(@Root() task: TaskObject, @Ctx() { loaders }: SubgraphContext<CatalogueLoaders>) {
    const rows = await loaders.indicatorByCode.loadMany(task.indicatorCodes);
    return rows.filter((r): r is IndicatorRow => r instanceof IndicatorRow).map(toIndicator);
  }
}
