import { Arg, Authorized, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { computeByDistrict, computeResult, computeSeries, SubgraphContext } from '@qn/common';
import { IndicatorObject, LabourIndicator } from '../../catalogue';
import { READINGS } from '../indicators';
import { RecordsLoaders } from '../loaders/records.loaders';
import { IndicatorResult } from './types/indicator-result.type';

/** Labour's own indicators: computed here from labour's records. */
@Resolver(() => LabourIndicator)
export class LabourIndicatorResolver {
  @Authorized('AGGREGATES')
  @FieldResolver(() => IndicatorResult, { nullable: true })
  result(
    @Root() indicator: IndicatorObject,
    @Arg('period') period: string,
    @Arg('orgUnit', () => ID, { nullable: true }) orgUnit: string | undefined,
    @Ctx() { loaders }: SubgraphContext<RecordsLoaders>,
  ) {
    return computeResult(loaders.measures, indicator.code, indicator.target, period, orgUnit, READINGS[indicator.code]);
  }

  @Authorized('AGGREGATES')
  @Authorized('AGGREGATES')
  @FieldResolver(() => [IndicatorResult], { nullable: true, description: 'The indicator for each district-level unit that existed in the period' })
  resultsByDistrict(@Root() indicator: IndicatorObject, @Arg('period') period: string, @Ctx() { loaders }: SubgraphContext<RecordsLoaders>) {
    return computeByDistrict(loaders.measures, indicator.code, indicator.target, period, READINGS[indicator.code]);
  }

  @Authorized('AGGREGATES')
  @Authorized('AGGREGATES')
  @FieldResolver(() => [IndicatorResult], { nullable: true, description: 'One result per period from `from` to `to` (periods of one kind)' })
  series(
    @Root() indicator: IndicatorObject,
    @Arg('from') from: string,
    @Arg('to') to: string,
    @Arg('orgUnit', () => ID, { nullable: true }) orgUnit: string | undefined,
    @Ctx() { loaders }: SubgraphContext<RecordsLoaders>,
  ) {
    return computeSeries(loaders.measures, indicator.code, indicator.target, from, to, orgUnit, READINGS[indicator.code]);
  }
}
