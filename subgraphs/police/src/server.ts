import { SubgraphDefinition } from '@qn/common';
import { CriminalCase } from './entities/criminal-case';
import { Inspection } from './entities/inspection';
import { ServiceBusiness } from './entities/service-business';
import { Tip } from './entities/tip';
import { createLoaders, PoliceLoaders } from './loaders';
import { migrations } from './db/migrations';
import { buildSchema } from './schema';

export const police: SubgraphDefinition<PoliceLoaders> = {
  name: 'police',
  entities: [ServiceBusiness, Inspection, Tip, CriminalCase],
  migrations,
  buildSchema,
  createLoaders,
};
