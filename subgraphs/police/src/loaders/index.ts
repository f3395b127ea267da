import { DataSource } from 'typeorm';
import { entityLoader, measureLoader } from '@qn/common';
import { ServiceBusiness } from '../entities/service-business';
import { MEASURES } from '../indicators';

export function createLoaders(dataSource: DataSource) {
  return {
    measures: measureLoader(dataSource, MEASURES),
    businessById: entityLoader(dataSource, ServiceBusiness),
  };
}

export type PoliceLoaders = ReturnType<typeof createLoaders>;
