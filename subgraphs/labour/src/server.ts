import { SubgraphDefinition } from '@qn/common';
import { BUDGET_ENTITIES } from './budget';
import { CATALOGUE_ENTITIES, loadCatalogue } from './catalogue';
import { migrations } from './db/migrations';
import { createLoaders, LabourLoaders } from './loaders';
import { generateSampleData, RECORD_ENTITIES } from './records';
import { generateRegistrySampleData, REGISTRY_ENTITIES } from './registry';
import { REPORTING_ENTITIES } from './reporting';
import { buildSchema } from './schema';

export const labour: SubgraphDefinition<LabourLoaders> = {
  name: 'labour',
  entities: [...CATALOGUE_ENTITIES, ...RECORD_ENTITIES, ...REGISTRY_ENTITIES, ...REPORTING_ENTITIES, ...BUDGET_ENTITIES],
  migrations,
  buildSchema,
  createLoaders,
  loadReferenceData: loadCatalogue,
  async generateSampleData(dataSource) {
    await generateSampleData(dataSource);
    await generateRegistrySampleData(dataSource);
  },
};
