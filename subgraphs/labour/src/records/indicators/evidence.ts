import { inPeriod, MeasureSql, placeOnDate, REFORM_DATE, scopeFilter } from '@qn/common';
import { pilotInUnit } from './ind-4.1';
import { CLIENT_PLACE } from './ind-4.2';
import { periodYears } from './units';

/** A zone session's place on its date: the zone's district before 1/7/2025, its commune-level unit of 1/7/2025 after. */
export const ZONE_PLACE = (dateExpr: string) => placeOnDate(dateExpr, { district: 'z.district_id', communeAfterReform: 'z.commune_after_reform_id' });

/** Counts of labour's records in a period: the evidence behind its tasks' progress (numerator only). */
const count = (from: string, where: string): string => `SELECT count(*) AS numerator, NULL::float8 AS denominator FROM ${from} WHERE TRUE ${where}`;

export const EVIDENCE_MEASURES: Record<string, MeasureSql> = {
  'EVIDENCE-COMMUNICATION': (r, p) =>
    count('communication_activity a', inPeriod('a.held_on', r, p) + scopeFilter(r, p, { district: 'a.district_id', commune: 'a.commune_id' })),
  'EVIDENCE-SOCIAL-MEDIA': (r, p) =>
    count(
      'communication_activity a',
      ` AND a.form = 'SOCIAL_MEDIA'` + inPeriod('a.held_on', r, p) + scopeFilter(r, p, { district: 'a.district_id', commune: 'a.commune_id' }),
    ),
  'EVIDENCE-WORKER-OUTREACH': (r, p) => `
    SELECT (SELECT count(*) FROM business_outreach o WHERE TRUE ${inPeriod('o.held_on', r, p)}
                   ${scopeFilter(r, p, { district: 'o.district_id', commune: 'o.commune_id' })})
         + (SELECT count(*) FROM zone_outreach o JOIN industrial_zone z ON z.id = o.zone_id WHERE TRUE ${inPeriod('o.held_on', r, p)}
                   ${scopeFilter(r, p, ZONE_PLACE('o.held_on'))}) AS numerator,
           NULL::float8 AS denominator`,
  'EVIDENCE-DISTRICT-PLANS': (r, p) => count('district_plan dp', inPeriod('dp.adopted_on', r, p) + scopeFilter(r, p, { district: 'dp.district_id' })),
  'EVIDENCE-INTEGRATION': (r, p) => {
    const { first, last } = periodYears(r);
    return count('programme_integration pi', ` AND pi.year BETWEEN ${p.add(first)} AND ${p.add(last)}` + scopeFilter(r, p, { district: 'pi.district_id' }));
  },
  'EVIDENCE-PILOTS': (r, p) => count('pilot_model m', pilotInUnit(r, p)),
  'EVIDENCE-ASSESSMENTS': (r, p) =>
    count('need_assessment a JOIN support_client c ON c.id = a.client_id', inPeriod('a.assessed_on', r, p) + scopeFilter(r, p, CLIENT_PLACE('a.assessed_on'))),
  'EVIDENCE-SUPPORT-SERVICES': (r, p) =>
    count('support_service_use s JOIN support_client c ON c.id = s.client_id', inPeriod('s.used_on', r, p) + scopeFilter(r, p, CLIENT_PLACE('s.used_on'))),
  'EVIDENCE-TRAINING': (r, p) =>
    count(
      'training_course c',
      inPeriod('c.held_on', r, p) + scopeFilter(r, p, { district: 'c.district_id', commune: 'c.commune_id', communeSince: REFORM_DATE }),
    ),
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
