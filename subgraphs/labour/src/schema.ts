import { buildFederatedSchema } from '@qn/common';
import { BUDGET_RESOLVERS } from './budget';
import { AgencyResolver, CATALOGUE_TYPES, catalogueReferences, IndicatorResolver, OrgUnitResolver, TaskResolver } from './catalogue';
import {
  BusinessOutreachResolver,
  CommunicationActivityResolver,
  DistrictPlanResolver,
  IndicatorResultResolver,
  IndustrialZoneResolver,
  LabourIndicatorResolver,
  NeedAssessmentResolver,
  PilotModelResolver,
  ProgrammeIntegrationResolver,
  ServiceBusinessRef,
  StaffInPostResolver,
  SupportResolver,
  SupportServiceUseResolver,
  TrainingCourseResolver,
  ZoneOutreachResolver,
} from './records';
import { REGISTRY_RESOLVERS } from './registry';
import { REPORTING_RESOLVERS } from './reporting';
import { REVIEW_RESOLVERS } from './review';

export function buildSchema() {
  return buildFederatedSchema({
    resolvers: [
      AgencyResolver,
      IndicatorResolver,
      LabourIndicatorResolver,
      IndicatorResultResolver,
      TaskResolver,
      OrgUnitResolver,
      CommunicationActivityResolver,
      IndustrialZoneResolver,
      ZoneOutreachResolver,
      BusinessOutreachResolver,
      DistrictPlanResolver,
      ProgrammeIntegrationResolver,
      PilotModelResolver,
      SupportResolver,
      NeedAssessmentResolver,
      SupportServiceUseResolver,
      TrainingCourseResolver,
      StaffInPostResolver,
      ...REGISTRY_RESOLVERS,
      ...REPORTING_RESOLVERS,
      ...BUDGET_RESOLVERS,
      ...REVIEW_RESOLVERS,
    ],
    orphanedTypes: [...CATALOGUE_TYPES, ServiceBusinessRef],
    references: catalogueReferences,
    // Labour is the social-affairs service: DOLISA's records, kept by the Department of Health
    // since it took over the duty on 1/3/2025, and the local units' reports of communication,
    // plans and pilots (the districts to 30/6/2025, the commune-level units after).
    subgraph: 'labour',
    recordOwners: ['LABOUR', 'HEALTH', 'DISTRICTS', 'COMMUNES'],
  });
}
