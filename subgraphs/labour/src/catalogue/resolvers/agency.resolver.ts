import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { SubgraphContext } from '@qn/common';
import { Agency } from '../entities/agency';
import { Indicator } from '../entities/indicator';
import { Task } from '../entities/task';
import { CatalogueLoaders } from '../catalogue.loaders';
import { toIndicator, toTask } from './catalogue.mappers';

@Resolver(() => Agency)
export class AgencyResolver {
  @Query(() => [Agency], { description: 'The 16 agencies and agency groups of section V, in the plan\'s order' })
  agencies(@Ctx() { dataSource }: SubgraphContext<CatalogueLoaders>) {
    return dataSource.getRepository(Agency).find({ order: { ordinal: 'ASC' } });
  }

  @Query(() => Agency, { nullable: true })
  agency(@Arg('code', () => ID) code: string, @Ctx() { loaders }: SubgraphContext<CatalogueLoaders>) {
    return loaders.agencyByCode.load(code);
  }

  @FieldResolver(() => [Task], { description: 'Tasks this agency owns' })
  async tasks(@Root() agency: Agency, @Ctx() { loaders }: SubgraphContext<CatalogueLoaders>) {
    return (await loaders.tasksByOwner.load(agency.code)).map(toTask);
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
