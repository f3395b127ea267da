import { inPeriod, MeasureSql, scopeFilter } from '@qn/common';
import { periodYears } from './units';

/** Counts of labour's records in a period: the evidence behind its tasks' progress (numerator only). */
const count = (from: string, where: string): string => `SELECT count(*) AS numerator, NULL::float8 AS denominator FROM ${from} WHERE TRUE ${where}`;

export const EVIDENCE_MEASURES: Record<string, MeasureSql> = {
  'EVIDENCE-COMMUNICATION': (r, p) =>
    count('communication_activity a', inPeriod('a.held_on', r, p) + scopeFilter(r.orgUnit, p, { district: 'a.district_id', commune: 'a.commune_id' })),
  'EVIDENCE-SOCIAL-MEDIA': (r, p) =>
    count('communication_activity a', ` AND a.form = 'SOCIAL_MEDIA'` + inPeriod('a.held_on', r, p) + scopeFilter(r.orgUnit, p, { district: 'a.district_id', commune: 'a.commune_id' })),
  'EVIDENCE-WORKER-OUTREACH': (r, p) => `
    SELECT (SELECT count(*) FROM business_outreach o WHERE TRUE ${inPeriod('o.held_on', r, p)}
                   ${scopeFilter(r.orgUnit, p, { district: 'o.district_id', commune: 'o.commune_id' })})
         + (SELECT count(*) FROM zone_outreach o JOIN industrial_zone z ON z.id = o.zone_id WHERE TRUE ${inPeriod('o.held_on', r, p)}
                   ${scopeFilter(r.orgUnit, p, { district: 'z.district_id' })}) AS numerator,
           NULL::float8 AS denominator`,
  'EVIDENCE-DISTRICT-PLANS': (r, p) =>
    count('district_plan dp', inPeriod('dp.adopted_on', r, p) + scopeFilter(r.orgUnit, p, { district: 'dp.district_id' })),
  'EVIDENCE-INTEGRATION': (r, p) => {
    const { first, last } = periodYears(r);
    return count('programme_integration pi', ` AND pi.year BETWEEN ${p.add(first)} AND ${p.add(last)}` + scopeFilter(r.orgUnit, p, { district: 'pi.district_id' }));
  },
  'EVIDENCE-PILOTS': ({ period, orgUnit }, p) =>
    count('pilot_model m', ` AND m.started_on < ${p.add(period.end)} AND (m.ended_on IS NULL OR m.ended_on >= ${p.add(period.start)})` + scopeFilter(orgUnit, p, { district: 'm.district_id' })),
  'EVIDENCE-ASSESSMENTS': (r, p) =>
    count('need_assessment a JOIN support_client c ON c.id = a.client_id', inPeriod('a.assessed_on', r, p) + scopeFilter(r.orgUnit, p, { district: 'c.district_id' })),
  'EVIDENCE-SUPPORT-SERVICES': (r, p) =>
    count('support_service_use s JOIN support_client c ON c.id = s.client_id', inPeriod('s.used_on', r, p) + scopeFilter(r.orgUnit, p, { district: 'c.district_id' })),
  'EVIDENCE-TRAINING': (r, p) =>
    count('training_course c', inPeriod('c.held_on', r, p) + scopeFilter(r.orgUnit, p, { district: 'c.district_id' })),
};

/** What counts as progress of each labour task: a description and the evidence measure. */
export const TASK_EVIDENCE: Record<string, { description: string; measure: string }> = {
  'TASK-II.1b-2': { description: 'communication activities held by commune-level units', measure: 'EVIDENCE-COMMUNICATION' },
  'TASK-II.1b-4': { description: 'communication activities held on social media', measure: 'EVIDENCE-SOCIAL-MEDIA' },
  'TASK-II.1b-5': { description: 'outreach sessions for workers of service businesses and industrial/economic zones', measure: 'EVIDENCE-WORKER-OUTREACH' },
  'TASK-II.2b-1': { description: 'need and eligibility assessments of sex workers (pseudonymous codes)', measure: 'EVIDENCE-ASSESSMENTS' },
  'TASK-II.2b-3': { description: 'programmes of district-level units integrating prevention (per year)', measure: 'EVIDENCE-INTEGRATION' },
  'TASK-III.3-3': { description: 'programmes of district-level units integrating prevention (per year)', measure: 'EVIDENCE-INTEGRATION' },
  'TASK-II.4b-2': { description: 'pilot models running', measure: 'EVIDENCE-PILOTS' },
  'TASK-V.1-6': { description: 'pilot models running', measure: 'EVIDENCE-PILOTS' },
  'TASK-II.4b-3': { description: 'support and reintegration services used by sex workers', measure: 'EVIDENCE-SUPPORT-SERVICES' },
  'TASK-III.3-2': { description: 'support and reintegration services used by sex workers', measure: 'EVIDENCE-SUPPORT-SERVICES' },
  'TASK-II.5b-1': { description: 'training courses held', measure: 'EVIDENCE-TRAINING' },
  'TASK-II.5b-2': { description: 'training courses held', measure: 'EVIDENCE-TRAINING' },
  'TASK-V.1-3': { description: 'training courses held', measure: 'EVIDENCE-TRAINING' },
  'TASK-V.1-1': { description: 'prevention plans adopted by district-level units', measure: 'EVIDENCE-DISTRICT-PLANS' },
};
