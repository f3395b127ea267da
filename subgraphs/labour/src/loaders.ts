import { DataSource } from 'typeorm';
import { ANONYMOUS, Identity } from '@qn/common';
import { createCatalogueLoaders } from './catalogue';
import { createRecordsLoaders } from './records';
import { createRegistryLoaders } from './registry';

/** Every room's per-request loaders, built once per request. */
export function createLoaders(dataSource: DataSource, identity: Identity = ANONYMOUS) {
  return { ...createCatalogueLoaders(dataSource), ...createRecordsLoaders(dataSource, identity), ...createRegistryLoaders(dataSource) };
}

export type LabourLoaders = ReturnType<typeof createLoaders>;
