import { agencyIndicator, buildFederatedSchema, indicatorResultType, OrgUnitRef, SubgraphContext } from '@qn/common';
import { pressOutletReference } from './entities/press-outlet.reference';
import { MEASURES } from './indicators';
import { InformationLoaders } from './loaders';
import { PressOutletResolver } from './resolvers/press-outlet.resolver';
import { PublicationResolver } from './resolvers/publication.resolver';
import { WebsiteBlockingProposalResolver } from './resolvers/website-blocking-proposal.resolver';

const indicators = agencyIndicator<SubgraphContext<InformationLoaders>>({
  typeName: 'InformationIndicator',
  resultType: indicatorResultType(OrgUnitRef),
  codes: Object.keys(MEASURES),
  loader: (context) => context.loaders.measures,
});

export function buildSchema() {
  return buildFederatedSchema({
    resolvers: [PressOutletResolver, PublicationResolver, WebsiteBlockingProposalResolver, ...indicators.resolvers],
    orphanedTypes: indicators.orphanedTypes,
    references: { ...pressOutletReference, ...indicators.references },
    subgraph: 'information',
    recordOwners: ['INFORMATION', 'PRESS'],
  });
}
