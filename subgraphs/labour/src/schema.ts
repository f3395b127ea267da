import { buildFederatedSchema } from '@qn/common';
import { catalogueReferences } from './entities/catalogue.reference';
import { INDICATOR_TYPES } from './entities/indicator';
import { ServiceBusinessRef } from './entities/service-business';
import { TASK_TYPES } from './entities/task';
import { AgencyResolver } from './resolvers/agency.resolver';
import { CommunicationActivityResolver } from './resolvers/communication.resolver';
import { DistrictPlanResolver, PilotModelResolver, ProgrammeIntegrationResolver } from './resolvers/district.resolver';
import { IndicatorResolver, LabourIndicatorResolver } from './resolvers/indicator.resolver';
import { IndicatorResultResolver } from './resolvers/indicator-result.resolver';
import { OrgUnitResolver } from './resolvers/org-unit.resolver';
import { BusinessOutreachResolver, IndustrialZoneResolver, ZoneOutreachResolver } from './resolvers/outreach.resolver';
import { NeedAssessmentResolver, SupportResolver, SupportServiceUseResolver } from './resolvers/support.resolver';
import { LabourTaskResolver, RegistryTaskResolver, TaskResolver } from './resolvers/task.resolver';
import { StaffInPostResolver, TrainingCourseResolver } from './resolvers/training.resolver';
import { REPORTING_RESOLVERS } from './reporting';

export function buildSchema() {
  return buildFederatedSchema({
    resolvers: [
      AgencyResolver, IndicatorResolver, LabourIndicatorResolver, IndicatorResultResolver, TaskResolver, LabourTaskResolver, RegistryTaskResolver, OrgUnitResolver,
      CommunicationActivityResolver, IndustrialZoneResolver, ZoneOutreachResolver, BusinessOutreachResolver, DistrictPlanResolver,
      ProgrammeIntegrationResolver, PilotModelResolver, SupportResolver, NeedAssessmentResolver, SupportServiceUseResolver,
      TrainingCourseResolver, StaffInPostResolver, ...REPORTING_RESOLVERS,
    ],
    orphanedTypes: [...INDICATOR_TYPES, ...TASK_TYPES, ServiceBusinessRef],
    references: catalogueReferences,
    // Labour holds DOLISA's records and the districts' reports of communication, plans and pilots.
    subgraph: 'labour',
    recordOwners: ['LABOUR', 'DISTRICTS'],
  });
}
