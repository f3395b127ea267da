import { agencyIndicator, buildFederatedSchema, indicatorResultType, OrgUnitRef, SubgraphContext } from '@qn/common';
import { serviceBusinessReference } from './entities/service-business.reference';
import { MEASURES } from './indicators';
import { PoliceLoaders } from './loaders';
import { InspectionResolver } from './resolvers/inspection.resolver';
import { ServiceBusinessResolver } from './resolvers/service-business.resolver';
import { TipResolver } from './resolvers/tip.resolver';

const indicators = agencyIndicator<SubgraphContext<PoliceLoaders>>({
  typeName: 'PoliceIndicator',
  resultType: indicatorResultType(OrgUnitRef),
  codes: Object.keys(MEASURES),
  loader: (context) => context.loaders.measures,
});

export function buildSchema() {
  return buildFederatedSchema({
    resolvers: [ServiceBusinessResolver, InspectionResolver, TipResolver, ...indicators.resolvers],
    orphanedTypes: indicators.orphanedTypes,
    references: { ...serviceBusinessReference, ...indicators.references },
    subgraph: 'police',
    recordOwners: ['POLICE'],
  });
}
