import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { standingAgencyOn, SubgraphContext, todayIso } from '@qn/common';
import { TaskRow } from '../entities/task';
import { holderOn } from '../duties';
import { Agency } from '../entities/agency';
import { Indicator } from '../entities/indicator';
import { Task } from '../entities/task';
import { CatalogueLoaders } from '../catalogue.loaders';
import { toIndicator, toTask } from './catalogue.mappers';

@Resolver(() => Agency)
export class AgencyResolver {
  @Query(() => [Agency], {
    description:
      "The 16 agencies and agency groups of section V in the plan's order, then those that took over duties in 2025; with `at` only those existing on that date",
  })
  async agencies(@Ctx() { dataSource }: SubgraphContext<CatalogueLoaders>, @Arg('at', () => LocalDateResolver, { nullable: true }) at?: string) {
    const all = await dataSource.getRepository(Agency).find({ order: { ordinal: 'ASC' } });
    return at ? all.filter((a) => a.validFrom <= at && (a.validTo === null || a.validTo > at)) : all;
  }

  @Query(() => Agency, {
    description:
      "The plan's standing agency on a date (today unless given): it consolidates, returns and approves reports and issues the province's reports in its name — DOLISA to 28/2/2025, the Department of Health from 1/3/2025",
  })
  standingAgency(@Ctx() { loaders }: SubgraphContext<CatalogueLoaders>, @Arg('at', () => LocalDateResolver, { nullable: true }) at?: string) {
    return loaders.agencyByCode.load(standingAgencyOn(at ?? todayIso()).code);
  }

  @Query(() => Agency, { nullable: true, description: 'One agency by its code (null: no such agency)' })
  agency(@Arg('code', () => ID, { description: "The agency's code, e.g. POLICE" }) code: string, @Ctx() { loaders }: SubgraphContext<CatalogueLoaders>) {
    return loaders.agencyByCode.load(code);
  }

  @FieldResolver(() => [Task], { description: 'Tasks the plan gives this agency, or with `at` the tasks it holds on that date (after transfers of duties)' })
  async tasks(
    @Root() agency: Agency,
    @Ctx() { loaders, dataSource }: SubgraphContext<CatalogueLoaders>,
    @Arg('at', () => LocalDateResolver, { nullable: true }) at?: string,
  ) {
    if (!at) return (await loaders.tasksByOwner.load(agency.code)).map(toTask);
    const rows = await dataSource.getRepository(TaskRow).find({ order: { position: 'ASC' } });
    return rows.filter((r) => holderOn(r.code, r.ownerCode, at) === agency.code).map(toTask);
  }

  @FieldResolver(() => [Indicator], { description: 'Indicators this agency computes' })
  async indicators(@Root() agency: Agency, @Ctx() { loaders }: SubgraphContext<CatalogueLoaders>) {
    return (await loaders.indicatorsByOwner.load(agency.code)).map(toIndicator);
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The agency that took over its duties' })
  successor(@Root() agency: Agency, @Ctx() { loaders }: SubgraphContext<CatalogueLoaders>) {
    return agency.successorCode ? loaders.agencyByCode.load(agency.successorCode) : null;
  }
}
