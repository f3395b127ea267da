import { DataSource } from 'typeorm';
import { entityLoader, measureLoader } from '@qn/common';
import { PressOutlet } from '../entities/press-outlet';
import { MEASURES } from '../indicators';

export function createLoaders(dataSource: DataSource) {
  return {
    measures: measureLoader(dataSource, MEASURES),
    outletById: entityLoader(dataSource, PressOutlet),
  };
}

export type InformationLoaders = ReturnType<typeof createLoaders>;
