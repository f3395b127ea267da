import { DataSource } from 'typeorm';
import { entityLoader, measureLoader } from '@qn/common';
import { PressOutlet } from '../entities/press-outlet';
import { MEASURES } from '../indicators';
import { EVIDENCE_MEASURES } from '../indicators/evidence';

export function createLoaders(dataSource: DataSource) {
  return {
    /** Indicators and task evidence in one SQL statement per batch. */
    measures: measureLoader(dataSource, { ...MEASURES, ...EVIDENCE_MEASURES }),
    outletById: entityLoader(dataSource, PressOutlet),
  };
}

export type InformationLoaders = ReturnType<typeof createLoaders>;
