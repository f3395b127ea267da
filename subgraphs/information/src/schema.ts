import {
  agencyIndicator,
  agencyTask,
  buildFederatedSchema,
  indicatorResultType,
  indicatorTypeDescription,
  taskTypeDescription,
  OrgUnitRef,
  SubgraphContext,
} from '@qn/common';
import { pressOutletReference } from './resolvers/press-outlet.reference';
import { MEASURES, READINGS } from './indicators';
import { TASK_EVIDENCE } from './indicators/evidence';
import { InformationLoaders } from './loaders';
import { PressOutletResolver } from './resolvers/press-outlet.resolver';
import { PublicationResolver } from './resolvers/publication.resolver';
import { WebsiteBlockingProposalResolver } from './resolvers/website-blocking-proposal.resolver';

const indicators = agencyIndicator<SubgraphContext<InformationLoaders>>({
  typeName: 'InformationIndicator',
  description: indicatorTypeDescription('information', 'IND-1.2a/b'),
  resultType: indicatorResultType(OrgUnitRef),
  codes: Object.keys(MEASURES),
  loader: (context) => context.loaders.measures,
  readings: READINGS,
});

const tasks = agencyTask<SubgraphContext<InformationLoaders>>({
  typeName: 'InformationTask',
  description: taskTypeDescription('information and the press'),
  evidence: TASK_EVIDENCE,
  loader: (context) => context.loaders.measures,
  registryFrom: 'information',
});

export function buildSchema() {
  return buildFederatedSchema({
    resolvers: [PressOutletResolver, PublicationResolver, WebsiteBlockingProposalResolver, ...indicators.resolvers, ...tasks.resolvers],
    orphanedTypes: [...indicators.orphanedTypes, ...tasks.orphanedTypes],
    references: { ...pressOutletReference, ...indicators.references, ...tasks.references },
    subgraph: 'information',
    recordOwners: ['INFORMATION', 'PRESS'],
  });
}
