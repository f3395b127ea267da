import { agencyIndicator, buildFederatedSchema, indicatorResultType, OrgUnitRef, SubgraphContext } from '@qn/common';
import { institutionReference } from './entities/institution.reference';
import { MEASURES } from './indicators';
import { EducationLoaders } from './loaders';
import { CommunicationSessionResolver } from './resolvers/communication-session.resolver';
import { EnrolmentResolver } from './resolvers/enrolment.resolver';
import { InstitutionResolver } from './resolvers/institution.resolver';

const indicators = agencyIndicator<SubgraphContext<EducationLoaders>>({
  typeName: 'EducationIndicator',
  resultType: indicatorResultType(OrgUnitRef),
  codes: Object.keys(MEASURES),
  loader: (context) => context.loaders.measures,
});

export function buildSchema() {
  return buildFederatedSchema({
    resolvers: [InstitutionResolver, EnrolmentResolver, CommunicationSessionResolver, ...indicators.resolvers],
    orphanedTypes: indicators.orphanedTypes,
    references: { ...institutionReference, ...indicators.references },
    subgraph: 'education',
    recordOwners: ['EDUCATION'],
  });
}
