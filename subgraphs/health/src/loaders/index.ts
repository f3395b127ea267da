import { DataSource } from 'typeorm';
import { ANONYMOUS, businessDistrictsLoader, entityLoader, Identity, measureLoader } from '@qn/common';
import { HarmReductionContact } from '../entities/harm-reduction-contact';
import { PeriodicHealthCheck } from '../entities/periodic-health-check';
import { EVIDENCE_MEASURES } from '../indicators/evidence';
import { serviceUsersLoader } from './service-users';

export function createLoaders(dataSource: DataSource, identity: Identity = ANONYMOUS) {
  return {
    /** Task evidence (health computes no indicator yet) in one SQL statement per batch. */
    measures: measureLoader(dataSource, EVIDENCE_MEASURES),
    contactById: entityLoader(dataSource, HarmReductionContact),
    healthCheckById: entityLoader(dataSource, PeriodicHealthCheck),
    /** Police's registry entries of the businesses checks name: one police call per request. */
    businessDistricts: businessDistrictsLoader('health', identity),
    /** labour's `healthServiceUsers` fields (IND-4.2): one statement per request. */
    serviceUsers: serviceUsersLoader(dataSource),
  };
}

export type HealthLoaders = ReturnType<typeof createLoaders>;
