import { MeasureSql } from '@qn/common';
import { ind13c } from './ind-1.3c';

/** The indicators education computes from its own records. */
export const MEASURES: Record<string, MeasureSql> = {
  'IND-1.3c': ind13c,
};
