import { inPeriod, MeasureRequest, MeasureSql, placeOnDate, scopeFilter, SqlParams } from '@qn/common';

/** A session's place on its date: its institution's district and commune before 1/7/2025, its commune-level unit of 1/7/2025 after. */
export const SESSION_PLACE = placeOnDate('s.held_on', { district: 'i.district_id', commune: 'i.commune_id', communeAfterReform: 'i.commune_after_reform_id' });

/** Sessions held in the unit during the period, each where it stood on its date: its institution's place then (`alias` s, institution i). */
const sessions =
  (select: string) =>
  (r: MeasureRequest, p: SqlParams): string => `
  SELECT ${select} AS numerator, NULL::float8 AS denominator
    FROM communication_session s
    JOIN institution i ON i.id = s.institution_id
   WHERE TRUE ${inPeriod('s.held_on', r, p)}
         ${scopeFilter(r, p, SESSION_PLACE)}`;

/** Counts of education's records in a period: the evidence behind its tasks' progress (numerator only). */
export const EVIDENCE_MEASURES: Record<string, MeasureSql> = {
  /** Prevention-communication sessions held at schools, universities and vocational institutions. */
  'EVIDENCE-SESSIONS': sessions('count(*)'),
  /**
   * Students who took part in those sessions, added up over the sessions (a student at two
   * sessions counts twice: this is reach, not the share of IND-1.3c, which caps per institution).
   */
  'EVIDENCE-STUDENTS-REACHED': sessions('coalesce(sum(s.students_reached), 0)'),
};

/** What counts as progress of each education task (both have records behind them). */
export const TASK_EVIDENCE: Record<string, { description: string; measure: string }> = {
  // V.8-1: directing institutions to hold prevention communication — the sessions they held.
  'TASK-V.8-1': {
    description: 'prevention-communication sessions held at upper-secondary schools, universities and vocational institutions',
    measure: 'EVIDENCE-SESSIONS',
  },
  // V.8-2: stepping up awareness and life-skills education of students — the students reached.
  'TASK-V.8-2': { description: 'students reached by prevention-communication sessions (added up over sessions)', measure: 'EVIDENCE-STUDENTS-REACHED' },
};
