import { MeasureSql } from '@qn/common';
import { ind12a, ind12b } from './ind-1.2';

/** The indicators information computes from its own records. */
export const MEASURES: Record<string, MeasureSql> = {
  'IND-1.2a': ind12a,
  'IND-1.2b': ind12b,
};
