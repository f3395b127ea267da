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
import { institutionReference } from './resolvers/institution.reference';
import { MEASURES, READINGS } from './indicators';
import { TASK_EVIDENCE } from './indicators/evidence';
import { EducationLoaders } from './loaders';
import { CommunicationSessionResolver } from './resolvers/communication-session.resolver';
import { EnrolmentResolver } from './resolvers/enrolment.resolver';
import { InstitutionResolver } from './resolvers/institution.resolver';

const indicators = agencyIndicator<SubgraphContext<EducationLoaders>>({
  typeName: 'EducationIndicator',
  description: indicatorTypeDescription('education', 'IND-1.3c'),
  resultType: indicatorResultType(OrgUnitRef),
  codes: Object.keys(MEASURES),
  loader: (context) => context.loaders.measures,
  readings: READINGS,
});

const tasks = agencyTask<SubgraphContext<EducationLoaders>>({
  typeName: 'EducationTask',
  description: taskTypeDescription('education'),
  evidence: TASK_EVIDENCE,
  loader: (context) => context.loaders.measures,
  registryFrom: 'education',
});

export function buildSchema() {
  return buildFederatedSchema({
    resolvers: [InstitutionResolver, EnrolmentResolver, CommunicationSessionResolver, ...indicators.resolvers, ...tasks.resolvers],
    orphanedTypes: [...indicators.orphanedTypes, ...tasks.orphanedTypes],
    references: { ...institutionReference, ...indicators.references, ...tasks.references },
    subgraph: 'education',
    recordOwners: ['EDUCATION'],
  });
}
