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
import { serviceBusinessReference } from './resolvers/service-business.reference';
import { MEASURES, READINGS } from './indicators';
import { TASK_EVIDENCE } from './indicators/evidence';
import { CriminalCaseResolver } from './resolvers/criminal-case.resolver';
import { PoliceLoaders } from './loaders';
import { InspectionResolver } from './resolvers/inspection.resolver';
import { ServiceBusinessResolver } from './resolvers/service-business.resolver';
import { TipResolver } from './resolvers/tip.resolver';

const indicators = agencyIndicator<SubgraphContext<PoliceLoaders>>({
  typeName: 'PoliceIndicator',
  description: indicatorTypeDescription('police', 'IND-3.x'),
  resultType: indicatorResultType(OrgUnitRef),
  codes: Object.keys(MEASURES),
  loader: (context) => context.loaders.measures,
  readings: READINGS,
});

const tasks = agencyTask<SubgraphContext<PoliceLoaders>>({
  typeName: 'PoliceTask',
  description: taskTypeDescription('police'),
  evidence: TASK_EVIDENCE,
  loader: (context) => context.loaders.measures,
  registryFrom: 'police',
});

export function buildSchema() {
  return buildFederatedSchema({
    resolvers: [ServiceBusinessResolver, InspectionResolver, TipResolver, CriminalCaseResolver, ...indicators.resolvers, ...tasks.resolvers],
    orphanedTypes: [...indicators.orphanedTypes, ...tasks.orphanedTypes],
    references: { ...serviceBusinessReference, ...indicators.references, ...tasks.references },
    subgraph: 'police',
    recordOwners: ['POLICE'],
  });
}
