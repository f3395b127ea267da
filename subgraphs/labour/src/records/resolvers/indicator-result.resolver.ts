import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { IndicatorResultData, SubgraphContext } from '@qn/common';
import { OrgUnit } from '../../catalogue';
import { IndicatorResult } from './types/indicator-result.type';
import { RecordsLoaders } from '../loaders/records.loaders';

/** Labour's own results carry the units' ids; their names and levels come from labour's territory, by loader. */
@Resolver(() => IndicatorResult)
export class IndicatorResultResolver {
  @FieldResolver(() => OrgUnit)
  orgUnit(@Root() result: IndicatorResultData, @Ctx() { loaders }: SubgraphContext<RecordsLoaders>) {
    return loaders.orgUnitById.load(result.orgUnit.id);
  }

  @FieldResolver(() => [OrgUnit])
  computedOver(@Root() result: IndicatorResultData, @Ctx() { loaders }: SubgraphContext<RecordsLoaders>) {
    return Promise.all(result.computedOver.map((u) => loaders.orgUnitById.load(u.id)));
  }
}
