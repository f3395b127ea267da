import { SubgraphDefinition } from '@qn/common';
import { migrations } from './db/migrations';
import { loadCatalogue } from './db/catalogue';
import { generateSampleData } from './db/sample-data';
import { Agency } from './entities/agency';
import { CommunicationActivity } from './entities/communication-activity';
import { DistrictPlan, ProgrammeIntegration } from './entities/district-plan';
import { IndicatorRow } from './entities/indicator';
import { OrgUnit, OrgUnitSuccession } from './entities/org-unit';
import { PilotModel } from './entities/pilot-model';
import { NeedAssessment, SupportClient, SupportServiceUse } from './entities/support';
import { TaskRow } from './entities/task';
import { StaffInPost, TrainingCourse } from './entities/training';
import { BusinessOutreach, IndustrialZone, ZoneOutreach, ZoneWorkforce } from './entities/worker-outreach';
import { createLoaders, LabourLoaders } from './loaders';
import { REPORTING_ENTITIES } from './reporting';
import { buildSchema } from './schema';

/** Labour's records: what DOLISA and the districts do, behind IND-1.1, 1.3a/b, 2.1, 2.2, 4.1, 4.2, 5.1a/b. */
export const RECORD_ENTITIES = [
  CommunicationActivity, IndustrialZone, ZoneWorkforce, ZoneOutreach, BusinessOutreach, DistrictPlan, ProgrammeIntegration,
  PilotModel, SupportClient, NeedAssessment, SupportServiceUse, TrainingCourse, StaffInPost,
];

export const labour: SubgraphDefinition<LabourLoaders> = {
  name: 'labour',
  entities: [Agency, IndicatorRow, TaskRow, OrgUnit, OrgUnitSuccession, ...RECORD_ENTITIES, ...REPORTING_ENTITIES],
  migrations,
  buildSchema,
  createLoaders,
  loadReferenceData: loadCatalogue,
  generateSampleData,
};
