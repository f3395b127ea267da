import { MeasureSql, Readings } from '@qn/common';
import { ind13c } from './ind-1.3c';

/** The indicators education computes from its own records. */
export const MEASURES: Record<string, MeasureSql> = {
  'IND-1.3c': ind13c,
};

/** How education reads IND-1.3c (docs/indicators.md). */
export const READINGS: Readings = {
  'IND-1.3c': {
    text: 'students of upper-secondary schools, universities and vocational institutions reached by sessions in the period, per institution capped at its largest enrolment of the school years overlapping the period / that enrolment, summed (continuing-education centres are not named by the plan and are left out)',
    computedBy: 'EDUCATION',
    numerator: { name: 'students reached', source: 'education communication sessions (communication_session)' },
    denominator: { name: 'students enrolled', source: 'education enrolment (enrolment, institution)' },
  },
};
