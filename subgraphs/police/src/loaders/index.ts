import { DataSource } from 'typeorm';
import { entityLoader, measureLoader } from '@qn/common';
import { ServiceBusiness } from '../entities/service-business';
import { MEASURES } from '../indicators';
import { EVIDENCE_MEASURES } from '../indicators/evidence';

export function createLoaders(dataSource: DataSource) {
  return {
    measures: measureLoader(dataSource, { ...MEASURES, ...EVIDENCE_MEASURES }),
    businessById: entityLoader(dataSource, ServiceBusiness),
  };
}

export type PoliceLoaders = ReturnType<typeof createLoaders>;
