import { FindOptionsWhere } from 'typeorm';
import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Ctx, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { SubgraphContext } from '@qn/common';
import { Agency } from '../entities/agency';
import { Indicator, IndicatorRow } from '../entities/indicator';
import { Task, TaskRow } from '../entities/task';
import { ProgressSource, TaskMeasure } from '../entities/task-measure';
import { CatalogueLoaders } from '../catalogue.loaders';
import { TaskObject, toIndicator, toTask } from './catalogue.mappers';
import { agencyOn, holderOn, holdings } from '../duties';

@ObjectType({ description: 'An agency holding a task for a time: the plan names the first holder; transfers of duties name the others' })
export class TaskHolding {
  @Field(() => Agency, { description: 'The agency that held the task' })
  agency: Agency;

  @Field(() => LocalDateResolver, { nullable: true, description: 'First day it held the task (null: from the plan, 5/11/2021)' })
  validFrom: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'First day it no longer held it (null: holds it still)' })
  validTo: string | null;

  @Field(() => String, { nullable: true, description: 'The act that moved the duty to it' })
  basis: string | null;
}

@Resolver(() => Task)
export class TaskResolver {
  @Query(() => [Task], { description: "Every task of the plan: II.xb tasks, III solutions and section V duties, in the plan's order" })
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

  @Query(() => Task, { nullable: true, description: 'One task by its id, e.g. TASK-V.2-1 (null: no such task)' })
  async task(@Arg('id', () => ID) id: string, @Ctx() { loaders }: SubgraphContext<CatalogueLoaders>) {
    const row = await loaders.taskByCode.load(id);
    return row ? toTask(row) : null;
  }

  @FieldResolver(() => Agency, {
    description: "The agency responsible: as the plan names it, or with `at` the one holding the task on that date (DOLISA's tasks are Health's from 1/3/2025)",
  })
  owner(@Root() task: TaskObject, @Ctx() { loaders }: SubgraphContext<CatalogueLoaders>, @Arg('at', () => LocalDateResolver, { nullable: true }) at?: string) {
    return loaders.agencyByCode.load(at ? holderOn(task.code, task.ownerCode, at) : task.ownerCode);
  }

  @FieldResolver(() => [TaskHolding], { description: 'Every agency that has held the task, oldest first' })
  async ownerHistory(@Root() task: TaskObject, @Ctx() { loaders }: SubgraphContext<CatalogueLoaders>) {
    const list = holdings(task.code, task.ownerCode);
    const agencies = await Promise.all(list.map((h) => loaders.agencyByCode.load(h.agencyCode)));
    return list.map((h, i) => ({ ...h, agency: agencies[i] }));
  }

  @FieldResolver(() => [Agency], { description: 'Agencies the plan names to work with the owner, or with `at` those answering for them on that date' })
  async coOwners(
    @Root() task: TaskObject,
    @Ctx() { loaders }: SubgraphContext<CatalogueLoaders>,
    @Arg('at', () => LocalDateResolver, { nullable: true }) at?: string,
  ) {
    const codes = [...new Set(task.coOwnerCodes.map((c) => (at ? agencyOn(c, at) : c)))];
    const agencies = await loaders.agencyByCode.loadMany(codes);
    return agencies.filter((a): a is Agency => a instanceof Agency);
  }

  @FieldResolver(() => [TaskMeasure], {
    description: "What the task's progress is counted in (catalogue data), in order; the first is the one `progress.count` gives",
  })
  measures(@Root() task: TaskObject, @Ctx() { loaders }: SubgraphContext<CatalogueLoaders>) {
    return loaders.measuresByTask.load(task.code);
  }

  @FieldResolver(() => ProgressSource, { description: "Whether progress is counted from the owning agency's records or entered in labour's registry" })
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
