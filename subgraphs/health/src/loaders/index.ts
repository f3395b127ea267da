import { DataSource } from 'typeorm';
import { entityLoader, measureLoader } from '@qn/common';
import { HarmReductionContact } from '../entities/harm-reduction-contact';
import { PeriodicHealthCheck } from '../entities/periodic-health-check';
import { EVIDENCE_MEASURES } from '../indicators/evidence';

export function createLoaders(dataSource: DataSource) {
  return {
    /** Task evidence (health computes no indicator yet) in one SQL statement per batch. */
    measures: measureLoader(dataSource, EVIDENCE_MEASURES),
    contactById: entityLoader(dataSource, HarmReductionContact),
    healthCheckById: entityLoader(dataSource, PeriodicHealthCheck),
  };
}

export type HealthLoaders = ReturnType<typeof createLoaders>;
