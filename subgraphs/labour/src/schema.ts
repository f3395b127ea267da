import { buildFederatedSchema } from '@qn/common';
import { BUDGET_RESOLVERS } from './budget';
import { AgencyResolver, CATALOGUE_TYPES, catalogueReferences, IndicatorResolver, OrgUnitResolver, TaskResolver } from './catalogue';
import {
  BusinessOutreachResolver, CommunicationActivityResolver, DistrictPlanResolver, IndicatorResultResolver, IndustrialZoneResolver, LabourIndicatorResolver,
  NeedAssessmentResolver, PilotModelResolver, ProgrammeIntegrationResolver, ServiceBusinessRef, StaffInPostResolver, SupportResolver,
  SupportServiceUseResolver, TrainingCourseResolver, ZoneOutreachResolver,
} from './records';
import { REGISTRY_RESOLVERS } from './registry';
import { REPORTING_RESOLVERS } from './reporting';
import { REVIEW_RESOLVERS } from './review';

export function buildSchema() {
  return buildFederatedSchema({
    resolvers: [
      AgencyResolver, IndicatorResolver, LabourIndicatorResolver, IndicatorResultResolver, TaskResolver, OrgUnitResolver,
      CommunicationActivityResolver, IndustrialZoneResolver, ZoneOutreachResolver, BusinessOutreachResolver, DistrictPlanResolver,
      ProgrammeIntegrationResolver, PilotModelResolver, SupportResolver, NeedAssessmentResolver, SupportServiceUseResolver,
      TrainingCourseResolver, StaffInPostResolver, ...REGISTRY_RESOLVERS, ...REPORTING_RESOLVERS, ...BUDGET_RESOLVERS, ...REVIEW_RESOLVERS,
    ],
    orphanedTypes: [...CATALOGUE_TYPES, ServiceBusinessRef],
    references: catalogueReferences,
    // Labour holds DOLISA's records and the districts' reports of communication, plans and pilots.
    subgraph: 'labour',
    recordOwners: ['LABOUR', 'DISTRICTS'],
  });
}
