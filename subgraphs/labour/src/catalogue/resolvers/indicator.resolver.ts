import { FindOptionsWhere } from 'typeorm';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { SubgraphContext } from '@qn/common';
import { Agency } from '../entities/agency';
import { Indicator, IndicatorRow } from '../entities/indicator';
import { CatalogueLoaders } from '../catalogue.loaders';
import { IndicatorObject, toIndicator } from './catalogue.mappers';

async function present<T>(items: Promise<(T | null)[]>): Promise<T[]> {
  return (await items).filter((x): x is Awaited<T> => x !== null) as T[];
}

@Resolver(() => Indicator)
export class IndicatorResolver {
  @Query(() => [Indicator], { description: 'The 16 indicators of section II with their 2025 targets' })
  async indicators(
    @Ctx() { dataSource }: SubgraphContext<CatalogueLoaders>,
    @Arg('group', { nullable: true, description: 'II.1 … II.5' }) group?: string,
    @Arg('owner', () => ID, { nullable: true, description: 'Agency code of the computing agency' }) owner?: string,
  ) {
    const where: FindOptionsWhere<IndicatorRow> = {};
    if (group) where.group = group;
    if (owner) where.ownerCode = owner;
    const rows = await dataSource.getRepository(IndicatorRow).find({ where, order: { ordinal: 'ASC' } });
    return rows.map(toIndicator);
  }

  @Query(() => Indicator, { nullable: true, description: 'One indicator by its code (null: no such indicator)' })
  async indicator(
    @Arg('code', () => ID, { description: "The indicator's code, e.g. IND-3.1" }) code: string,
    @Ctx() { loaders }: SubgraphContext<CatalogueLoaders>,
  ) {
    const row = await loaders.indicatorByCode.load(code);
    return row ? toIndicator(row) : null;
  }

  @FieldResolver(() => Agency, { description: 'The agency that computes it' })
  owner(@Root() indicator: IndicatorObject, @Ctx() { loaders }: SubgraphContext<CatalogueLoaders>) {
    return loaders.agencyByCode.load(indicator.ownerCode);
  }

  @FieldResolver(() => [Agency], { description: 'Agencies whose work or data contribute' })
  contributors(@Root() indicator: IndicatorObject, @Ctx() { loaders }: SubgraphContext<CatalogueLoaders>) {
    return present(loaders.agencyByCode.loadMany(indicator.contributorCodes) as Promise<(Agency | null)[]>);
  }
}
