import { MeasureSql } from '@qn/common';
import { ind11 } from './ind-1.1';
import { ind13a, ind13b } from './ind-1.3';
import { ind21, ind22 } from './ind-2';
import { ind41, ind42, ind42NotServedByLabour } from './ind-4';
import { ind51a, ind51b } from './ind-5.1';

/**
 * The indicators labour computes from its own records. IND-1.3a's SQL gives only the
 * numerator; its denominator is police's. IND-4.2's SQL gives labour's part of the
 * numerator; health's part is added. Both in loaders/measures.ts, through the graph.
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

/**
 * Indicators whose numerator health completes: per code, SQL returning one row with
 * `codes`, the persons whose health services health is asked to count.
 */
export const HEALTH_NUMERATOR_CODES: Record<string, MeasureSql> = {
  'IND-4.2': ind42NotServedByLabour,
};
