import { MeasureSql, Readings } from '@qn/common';
import { ind11 } from './ind-1.1';
import { ind13a } from './ind-1.3a';
import { ind13b } from './ind-1.3b';
import { ind21 } from './ind-2.1';
import { ind22 } from './ind-2.2';
import { ind41 } from './ind-4.1';
import { ind42, ind42NotServedByLabour } from './ind-4.2';
import { ind51a } from './ind-5.1a';
import { ind51b } from './ind-5.1b';

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

/** How labour reads its indicators (docs/indicators.md, "Readings"). */
export const READINGS: Readings = {
  'IND-1.1': {
    text: 'commune-level units that held prevention communication in at least three quarters of the year ("duy trì thường xuyên") / commune-level units valid in the year',
    computedBy: 'LABOUR',
    numerator: { name: 'communes active in at least three quarters', source: 'labour communication activities (communication_activity)' },
    denominator: { name: 'communes valid in the period', source: 'labour territory (org_unit)' },
  },
  'IND-1.3a': {
    text: 'workers of registered service businesses reached in the period (per business, capped at its headcount) / workers employed at registered businesses operating in the period',
    computedBy: 'LABOUR',
    numerator: { name: 'workers reached', source: 'labour business outreach (business_outreach)' },
    denominator: { name: 'workers employed at service businesses', source: 'police business registry (serviceBusinessWorkforce)' },
  },
  'IND-1.3b': {
    text: "workers of industrial and economic zones reached in the period (per zone, capped at its workforce) / the zones' workforce in the year the period ends in",
    computedBy: 'LABOUR',
    numerator: { name: 'zone workers reached', source: 'labour zone outreach (zone_outreach)' },
    denominator: { name: 'zone workforce', source: 'labour industrial zones: workforce (industrial_zone, zone_workforce)' },
  },
  'IND-2.1': {
    text: 'district-level units with a plan adopted for a year of the period and at least one communication activity in it / district-level units valid',
    computedBy: 'LABOUR',
    numerator: { name: 'districts with a plan and activities', source: 'labour district plans and activities (district_plan, communication_activity)' },
    denominator: { name: 'districts valid in the period', source: 'labour territory (org_unit)' },
  },
  'IND-2.2': {
    text: 'district-level units integrating prevention into a socio-economic, social-security, drug or HIV/AIDS programme for a year of the period / district-level units valid',
    computedBy: 'LABOUR',
    numerator: { name: 'districts integrating prevention', source: 'labour programme integration (programme_integration)' },
    denominator: { name: 'districts valid in the period', source: 'labour territory (org_unit)' },
  },
  'IND-4.1': {
    text: 'district-level units with a pilot model running at some time in the period (a count; the plan asks for one to two)',
    computedBy: 'LABOUR',
    numerator: { name: 'districts with a pilot model', source: 'labour pilot models (pilot_model)' },
  },
  'IND-4.2': {
    text: "persons assessed in need and eligible in the period who used a social-support or reintegration service in it — labour's services, and health's only where they are social support (referral, counselling, case management), never harm-reduction supplies or tests — each once / persons assessed in need and eligible",
    computedBy: 'LABOUR',
    numerator: { name: 'persons served', source: 'labour support services (support_service_use) and health social-support services (healthServiceUsers)' },
    denominator: { name: 'persons in need and eligible', source: 'labour need assessments (need_assessment)' },
    // Persons who sell sex, assessed and supported: a district's 1 or 2 point at them.
    protectSmallCounts: true,
  },
  'IND-5.1a': {
    text: 'provincial-level staff in post trained for the first time since 2021 (capped at staff in post) / provincial-level staff in post in the year the period ends in',
    computedBy: 'LABOUR',
    numerator: { name: 'provincial staff trained since 2021', source: 'labour training courses (training_course.new_trainees)' },
    denominator: { name: 'provincial staff in post', source: 'labour staffing (staff_in_post)' },
  },
  'IND-5.1b': {
    text: 'district- and commune-level staff in post trained for the first time since 2021 (capped at staff in post) / district- and commune-level staff in post in the year the period ends in',
    computedBy: 'LABOUR',
    numerator: { name: 'district and commune staff trained since 2021', source: 'labour training courses (training_course.new_trainees)' },
    denominator: { name: 'district and commune staff in post', source: 'labour staffing (staff_in_post)' },
  },
};
