import { MeasureSql, Readings } from '@qn/common';
import { ind31 } from './ind-3.1';
import { ind32 } from './ind-3.2';
import { ind33a } from './ind-3.3a';
import { ind33b } from './ind-3.3b';

/** The indicators police computes from its own records. */
export const MEASURES: Record<string, MeasureSql> = {
  'IND-3.1': ind31,
  'IND-3.2': ind32,
  'IND-3.3a': ind33a,
  'IND-3.3b': ind33b,
};

/** How police reads its indicators of section II.3 (docs/indicators.md). */
export const READINGS: Readings = {
  'IND-3.1': {
    text: 'tips, denunciations and complaints received in the period and handled by their deadline (20 days, or as extended) / all received in the period',
    computedBy: 'POLICE',
    numerator: { name: 'tips handled in time', source: 'police tips (tip.handled_on ≤ tip.deadline_on)' },
    denominator: { name: 'tips received', source: 'police tips (tip.received_on)' },
    // Tips are denunciations and crime reports: a district's 1 or 2 point at the persons concerned.
    protectSmallCounts: true,
  },
  'IND-3.2': {
    text: 'prostitution-related criminal cases dealt with in the period against the same period a year earlier; the value is the growth in percent',
    computedBy: 'POLICE',
    numerator: { name: 'cases dealt with in the period', source: 'police criminal cases (criminal_case.dealt_with_on)' },
    denominator: { name: 'cases dealt with a year earlier', source: 'police criminal cases (criminal_case.dealt_with_on)' },
    // Criminal cases: a district's 1 or 2 point at the suspects and victims.
    protectSmallCounts: true,
  },
  'IND-3.3a': {
    text: 'service businesses operating in the period with at least one inspection (police or the 178 team) in it / businesses operating in the period',
    computedBy: 'POLICE',
    numerator: { name: 'businesses inspected in the period', source: 'police registry and inspections (service_business, inspection)' },
    denominator: { name: 'businesses operating in the period', source: 'police business registry (service_business)' },
  },
  'IND-3.3b': {
    text: 'businesses operating at the end of the period that were inspected at least once since 1/1/2021 / businesses operating at the end of the period (a business that closed before then can no longer be inspected and is out of both)',
    computedBy: 'POLICE',
    numerator: { name: 'businesses operating at the end, inspected since 2021', source: 'police registry and inspections (service_business, inspection)' },
    denominator: { name: 'businesses operating at the end of the period', source: 'police business registry (service_business)' },
  },
};
