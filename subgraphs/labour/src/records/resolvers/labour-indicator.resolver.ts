import { Arg, Authorized, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import {
  computeByDistrict,
  computeByUnit,
  computeResult,
  computeSeries,
  INDICATOR_FIELD_DESCRIPTIONS,
  OrgUnitLevel,
  OrgUnitLevelEnum,
  SMALL_COUNTS_DESCRIPTION,
  SubgraphContext,
} from '@qn/common';
import { IndicatorObject, LabourIndicator } from '../../catalogue';
import { READINGS } from '../indicators';
import { RecordsLoaders } from '../loaders/records.loaders';
import { IndicatorResult } from './types/indicator-result.type';

/** Labour's own indicators: computed here from labour's records. */
@Resolver(() => LabourIndicator)
export class LabourIndicatorResolver {
  @Authorized('AGGREGATES')
  @FieldResolver(() => IndicatorResult, { nullable: true, description: INDICATOR_FIELD_DESCRIPTIONS.result })
  result(
    @Root() indicator: IndicatorObject,
    @Arg('period') period: string,
    @Arg('orgUnit', () => ID, { nullable: true }) orgUnit: string | undefined,
    @Ctx() { loaders, identity }: SubgraphContext<RecordsLoaders>,
  ) {
    return computeResult(loaders.measures, indicator.code, indicator.target, period, orgUnit, READINGS[indicator.code], identity);
  }

  @Authorized('AGGREGATES')
  @Authorized('AGGREGATES')
  @FieldResolver(() => [IndicatorResult], { nullable: true, description: INDICATOR_FIELD_DESCRIPTIONS.resultsByDistrict })
  resultsByDistrict(@Root() indicator: IndicatorObject, @Arg('period') period: string, @Ctx() { loaders, identity }: SubgraphContext<RecordsLoaders>) {
    return computeByDistrict(loaders.measures, indicator.code, indicator.target, period, READINGS[indicator.code], identity);
  }

  @Authorized('AGGREGATES')
  @FieldResolver(() => [IndicatorResult], { nullable: true, description: INDICATOR_FIELD_DESCRIPTIONS.resultsByUnit })
  resultsByUnit(
    @Root() indicator: IndicatorObject,
    @Arg('period') period: string,
    @Arg('level', () => OrgUnitLevelEnum) level: OrgUnitLevel,
    @Ctx() { loaders, identity }: SubgraphContext<RecordsLoaders>,
  ) {
    return computeByUnit(loaders.measures, indicator.code, indicator.target, period, level, READINGS[indicator.code], identity);
  }

  @Authorized('AGGREGATES')
  @Authorized('AGGREGATES')
  @FieldResolver(() => [IndicatorResult], { nullable: true, description: INDICATOR_FIELD_DESCRIPTIONS.series })
  series(
    @Root() indicator: IndicatorObject,
    @Arg('from') from: string,
    @Arg('to') to: string,
    @Arg('orgUnit', () => ID, { nullable: true }) orgUnit: string | undefined,
    @Ctx() { loaders, identity }: SubgraphContext<RecordsLoaders>,
  ) {
    return computeSeries(loaders.measures, indicator.code, indicator.target, from, to, orgUnit, READINGS[indicator.code], identity);
  }

  @FieldResolver(() => Boolean, { description: SMALL_COUNTS_DESCRIPTION })
  protectsSmallCounts(@Root() indicator: IndicatorObject): boolean {
    return Boolean(READINGS[indicator.code]?.protectSmallCounts);
  }
}
