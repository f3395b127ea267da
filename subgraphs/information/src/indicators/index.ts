import { MeasureSql, Readings } from '@qn/common';
import { ind12a } from './ind-1.2a';
import { ind12b } from './ind-1.2b';

/** The indicators information computes from its own records. */
export const MEASURES: Record<string, MeasureSql> = {
  'IND-1.2a': ind12a,
  'IND-1.2b': ind12b,
};

/** How information reads its indicators of section II.1 (docs/indicators.md). */
export const READINGS: Readings = {
  'IND-1.2a': {
    text: 'months of the period in which a provincial press outlet published at least one prevention piece / months in the period (a cut-off window counts its months from the 15th)',
    computedBy: 'INFORMATION',
    numerator: { name: 'months with a provincial publication', source: 'information publications of provincial outlets (publication, press_outlet)' },
    denominator: { name: 'months in the period', source: 'the period' },
  },
  'IND-1.2b': {
    text: 'prevention pieces published by central press outlets in the period (at least two a year)',
    computedBy: 'INFORMATION',
    numerator: { name: 'central publications', source: 'information publications of central outlets (publication, press_outlet)' },
  },
};
