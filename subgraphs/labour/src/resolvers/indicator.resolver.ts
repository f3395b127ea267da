import { FindOptionsWhere } from 'typeorm';
import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { computeByDistrict, computeResult, computeSeries, SubgraphContext } from '@qn/common';
import { Agency } from '../entities/agency';
import { Indicator, IndicatorRow, LabourIndicator } from '../entities/indicator';
import { IndicatorResult } from '../graphql/indicator-result';
import { LabourLoaders } from '../loaders';
import { IndicatorObject, toIndicator } from './catalogue.mappers';

async function present<T>(items: Promise<(T | null)[]>): Promise<T[]> {
  return (await items).filter((x): x is Awaited<T> => x !== null) as T[];
}

@Resolver(() => Indicator)
export class IndicatorResolver {
  @Query(() => [Indicator], { description: 'The 16 indicators of section II with their 2025 targets' })
  async indicators(
    @Ctx() { dataSource }: SubgraphContext<LabourLoaders>,
    @Arg('group', { nullable: true, description: 'II.1 … II.5' }) group?: string,
    @Arg('owner', () => ID, { nullable: true, description: 'Agency code of the computing agency' }) owner?: string,
  ) {
    const where: FindOptionsWhere<IndicatorRow> = {};
    if (group) where.group = group;
    if (owner) where.ownerCode = owner;
    const rows = await dataSource.getRepository(IndicatorRow).find({ where, order: { ordinal: 'ASC' } });
    return rows.map(toIndicator);
  }

  @Query(() => Indicator, { nullable: true })
  async indicator(@Arg('code', () => ID) code: string, @Ctx() { loaders }: SubgraphContext<LabourLoaders>) {
    const row = await loaders.indicatorByCode.load(code);
    return row ? toIndicator(row) : null;
  }

  @FieldResolver(() => Agency, { description: 'The agency that computes it' })
  owner(@Root() indicator: IndicatorObject, @Ctx() { loaders }: SubgraphContext<LabourLoaders>) {
    return loaders.agencyByCode.load(indicator.ownerCode);
  }

  @FieldResolver(() => [Agency], { description: 'Agencies whose work or data contribute' })
  contributors(@Root() indicator: IndicatorObject, @Ctx() { loaders }: SubgraphContext<LabourLoaders>) {
    return present(loaders.agencyByCode.loadMany(indicator.contributorCodes) as Promise<(Agency | null)[]>);
  }
}

/** Labour's own indicators: computed here from labour's records. */
@Resolver(() => LabourIndicator)
export class LabourIndicatorResolver {
  @Authorized('AGGREGATES')
  @FieldResolver(() => IndicatorResult, { nullable: true })
  result(
    @Root() indicator: IndicatorObject,
    @Arg('period') period: string,
    @Arg('orgUnit', () => ID, { nullable: true }) orgUnit: string | undefined,
    @Ctx() { loaders }: SubgraphContext<LabourLoaders>,
  ) {
    return computeResult(loaders.measures, indicator.code, indicator.target, period, orgUnit);
  }

  @Authorized('AGGREGATES')
  @Authorized('AGGREGATES')
  @FieldResolver(() => [IndicatorResult], { nullable: true, description: 'The indicator for each district-level unit that existed in the period' })
  resultsByDistrict(@Root() indicator: IndicatorObject, @Arg('period') period: string, @Ctx() { loaders }: SubgraphContext<LabourLoaders>) {
    return computeByDistrict(loaders.measures, indicator.code, indicator.target, period);
  }

  @Authorized('AGGREGATES')
  @Authorized('AGGREGATES')
  @FieldResolver(() => [IndicatorResult], { nullable: true, description: 'One result per period from `from` to `to` (periods of one kind)' })
  series(
    @Root() indicator: IndicatorObject,
    @Arg('from') from: string,
    @Arg('to') to: string,
    @Arg('orgUnit', () => ID, { nullable: true }) orgUnit: string | undefined,
    @Ctx() { loaders }: SubgraphContext<LabourLoaders>,
  ) {
    return computeSeries(loaders.measures, indicator.code, indicator.target, from, to, orgUnit);
  }
}
