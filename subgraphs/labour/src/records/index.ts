/**
 * DOLISA's own records (communication, worker outreach, district plans, pilots,
 * support, training), their resolvers, and the indicators and task progress labour
 * computes from them. Imports only the catalogue.
 */
import { CommunicationActivity } from './entities/communication-activity';
import { DistrictPlan, ProgrammeIntegration } from './entities/district-plan';
import { PilotModel } from './entities/pilot-model';
import { NeedAssessment, SupportClient, SupportServiceUse } from './entities/support';
import { StaffInPost, TrainingCourse } from './entities/training';
import { BusinessOutreach, IndustrialZone, ZoneOutreach, ZoneWorkforce } from './entities/worker-outreach';

export { ServiceBusinessRef } from './entities/service-business';
export { EVIDENCE_MEASURES, TASK_EVIDENCE } from './indicators/evidence';
export { READINGS } from './indicators';
export { createRecordsLoaders, RecordsLoaders } from './loaders/records.loaders';
export { CommunicationActivityResolver } from './resolvers/communication.resolver';
export { DistrictPlanResolver, PilotModelResolver, ProgrammeIntegrationResolver } from './resolvers/district.resolver';
export { IndicatorResultResolver } from './resolvers/indicator-result.resolver';
export { LabourIndicatorResolver } from './resolvers/labour-indicator.resolver';
export { BusinessOutreachResolver, IndustrialZoneResolver, ZoneOutreachResolver } from './resolvers/outreach.resolver';
export { NeedAssessmentResolver, SupportResolver, SupportServiceUseResolver } from './resolvers/support.resolver';
export { StaffInPostResolver, TrainingCourseResolver } from './resolvers/training.resolver';

/** Labour's records: what DOLISA and the districts do, behind IND-1.1, 1.3a/b, 2.1, 2.2, 4.1, 4.2, 5.1a/b. */
export const RECORD_ENTITIES = [
  CommunicationActivity,
  IndustrialZone,
  ZoneWorkforce,
  ZoneOutreach,
  BusinessOutreach,
  DistrictPlan,
  ProgrammeIntegration,
  PilotModel,
  SupportClient,
  NeedAssessment,
  SupportServiceUse,
  TrainingCourse,
  StaffInPost,
];
