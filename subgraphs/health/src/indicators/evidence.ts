import { inPeriod, MeasureSql, scopeFilter } from '@qn/common';

/** Counts of health's records in a period: the evidence behind its tasks' progress (numerator only). */
const count = (from: string, where: string): string => `SELECT count(*) AS numerator, NULL::float8 AS denominator FROM ${from} WHERE TRUE ${where}`;

/**
 * Health's records are counted where they stood on their date: district (and commune,
 * where health recorded one) before 1/7/2025, the commune-level unit after.
 */
export const EVIDENCE_MEASURES: Record<string, MeasureSql> = {
  /** Harm-reduction services given in the period (each contact is one service to one client). */
  'EVIDENCE-HARM-REDUCTION': (r, p) =>
    count('harm_reduction_contact c', inPeriod('c.contacted_on', r, p) + scopeFilter(r, p, { district: 'c.district_id', commune: 'c.commune_id' })),
  /** Periodic health checks of a service business's staff held in the period (one per business visit). */
  'EVIDENCE-HEALTH-CHECKS': (r, p) =>
    count('periodic_health_check h', inPeriod('h.checked_on', r, p) + scopeFilter(r, p, { district: 'h.district_id', commune: 'h.commune_id' })),
};

/** What counts as progress of each health task (both of health's tasks have records behind them). */
export const TASK_EVIDENCE: Record<string, { description: string; measure: string }> = {
  'TASK-V.4-1': { description: 'harm-reduction HIV/AIDS services given to sex workers (pseudonymous clients)', measure: 'EVIDENCE-HARM-REDUCTION' },
  'TASK-V.4-2': { description: 'periodic health checks of service-business staff (one per business visit)', measure: 'EVIDENCE-HEALTH-CHECKS' },
};
