import { MeasureSql } from '@qn/common';
import { ind11 } from './ind-1.1';
import { ind13a, ind13b } from './ind-1.3';
import { ind21, ind22 } from './ind-2';
import { ind41, ind42 } from './ind-4';
import { ind51a, ind51b } from './ind-5.1';

/**
 * The indicators labour computes from its own records. IND-1.3a's SQL gives only the
 * numerator; its denominator is police's and is added in loaders/measures.ts.
 */
export const MEASURES: Record<string, MeasureSql> = {
  'IND-1.1': ind11,
  'IND-1.3a': ind13a,
  'IND-1.3b': ind13b,
  'IND-2.1': ind21,
  'IND-2.2': ind22,
  'IND-4.1': ind41,
  'IND-4.2': ind42,
  'IND-5.1a': ind51a,
  'IND-5.1b': ind51b,
};

/** Indicators whose denominator comes from another agency through the graph. */
export const REMOTE_DENOMINATORS = new Set(['IND-1.3a']);
