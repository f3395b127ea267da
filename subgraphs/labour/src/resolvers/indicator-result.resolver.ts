import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { IndicatorResultData, SubgraphContext } from '@qn/common';
import { OrgUnit } from '../entities/org-unit';
import { IndicatorResult } from '../graphql/indicator-result';
import { LabourLoaders } from '../loaders';

/** Labour's own results carry the unit's id; its name and level come from labour's territory, by loader. */
@Resolver(() => IndicatorResult)
export class IndicatorResultResolver {
  @FieldResolver(() => OrgUnit)
  orgUnit(@Root() result: IndicatorResultData, @Ctx() { loaders }: SubgraphContext<LabourLoaders>) {
    return loaders.orgUnitById.load(result.orgUnit.id);
  }
}
