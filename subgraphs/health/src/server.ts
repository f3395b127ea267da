import { SubgraphDefinition } from '@qn/common';
import { HarmReductionContact } from './entities/harm-reduction-contact';
import { PeriodicHealthCheck } from './entities/periodic-health-check';
import { createLoaders, HealthLoaders } from './loaders';
import { migrations } from './db/migrations';
import { buildSchema } from './schema';

export const health: SubgraphDefinition<HealthLoaders> = {
  name: 'health',
  entities: [HarmReductionContact, PeriodicHealthCheck],
  migrations,
  buildSchema,
  createLoaders,
};
