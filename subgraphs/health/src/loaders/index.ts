import { DataSource } from 'typeorm';
import { entityLoader } from '@qn/common';
import { HarmReductionContact } from '../entities/harm-reduction-contact';
import { PeriodicHealthCheck } from '../entities/periodic-health-check';

export function createLoaders(dataSource: DataSource) {
  return {
    contactById: entityLoader(dataSource, HarmReductionContact),
    healthCheckById: entityLoader(dataSource, PeriodicHealthCheck),
  };
}

export type HealthLoaders = ReturnType<typeof createLoaders>;
