import { MeasureSql } from '@qn/common';
import { ind31 } from './ind-3.1';
import { ind32 } from './ind-3.2';
import { ind33a, ind33b } from './ind-3.3';

/** The indicators police computes from its own records. */
export const MEASURES: Record<string, MeasureSql> = {
  'IND-3.1': ind31,
  'IND-3.2': ind32,
  'IND-3.3a': ind33a,
  'IND-3.3b': ind33b,
};
