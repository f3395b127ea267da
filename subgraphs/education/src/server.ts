import { SubgraphDefinition } from '@qn/common';
import { CommunicationSession } from './entities/communication-session';
import { Enrolment } from './entities/enrolment';
import { Institution } from './entities/institution';
import { createLoaders, EducationLoaders } from './loaders';
import { migrations } from './db/migrations';
import { buildSchema } from './schema';

export const education: SubgraphDefinition<EducationLoaders> = {
  name: 'education',
  entities: [Institution, Enrolment, CommunicationSession],
  migrations,
  buildSchema,
  createLoaders,
};
