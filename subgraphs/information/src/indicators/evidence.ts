import { inPeriod, MeasureRequest, MeasureSql, scopeFilter, SqlParams } from '@qn/common';

/**
 * Pieces on prostitution prevention published in the period, with an extra condition on
 * the outlet `o` or the piece `pub`. As for IND-1.2a/b, a district counts only pieces about
 * that district; pieces about the whole province count only for the province.
 */
const publications =
  (where: string) =>
  (r: MeasureRequest, p: SqlParams): string => `
  SELECT count(*) AS numerator, NULL::float8 AS denominator
    FROM publication pub
    JOIN press_outlet o ON o.id = pub.outlet_id
   WHERE TRUE ${where} ${inPeriod('pub.published_on', r, p)}
         ${scopeFilter(r, p, { district: 'pub.district_id', commune: 'pub.commune_id' })}`;

/** Counts of information's records in a period: the evidence behind its tasks' progress (numerator only). */
export const EVIDENCE_MEASURES: Record<string, MeasureSql> = {
  /** Every piece, provincial or central outlet. */
  'EVIDENCE-PUBLICATIONS': publications(''),
  /** Pieces by provincial outlets (Báo Quảng Ngãi, the provincial radio and television…). */
  'EVIDENCE-PROVINCIAL-PUBLICATIONS': publications(`AND o.level = 'PROVINCIAL'`),
  /** Programmes and broadcasts (airtime) by provincial outlets. */
  'EVIDENCE-PROVINCIAL-PROGRAMMES': publications(`AND o.level = 'PROVINCIAL' AND pub.kind IN ('PROGRAMME', 'BROADCAST')`),
  /**
   * Websites the department proposed for blocking in the period. Proposals are the
   * province's and name no district, so a district or commune has none (count 0).
   */
  'EVIDENCE-BLOCKING-PROPOSALS': (r, p) => `
    SELECT count(*) AS numerator, NULL::float8 AS denominator
      FROM website_blocking_proposal w
     WHERE ${r.orgUnit.level === 'PROVINCE' ? 'TRUE' : 'FALSE'} ${inPeriod('w.proposed_on', r, p)}`,
};

/**
 * What counts as progress of each task of information (INFORMATION) and the press (PRESS).
 * Every one has records behind it; TASK-V.7-3 (working with DOLISA on the mass-media plan)
 * has no plan records here, so it is measured by what the plan produces: pieces published.
 */
export const TASK_EVIDENCE: Record<string, { description: string; measure: string }> = {
  'TASK-II.1b-3': {
    description: 'pieces on prostitution prevention published or broadcast by provincial and central press outlets',
    measure: 'EVIDENCE-PUBLICATIONS',
  },
  'TASK-V.7-1': {
    description: 'pieces on prostitution prevention published or broadcast by provincial press outlets',
    measure: 'EVIDENCE-PROVINCIAL-PUBLICATIONS',
  },
  'TASK-V.7-2': {
    description: 'websites with prostitution content proposed for blocking (province-wide: none for a district)',
    measure: 'EVIDENCE-BLOCKING-PROPOSALS',
  },
  'TASK-V.7-3': {
    description: 'pieces on prostitution prevention published or broadcast under the mass-media communication plan (all outlets)',
    measure: 'EVIDENCE-PUBLICATIONS',
  },
  'TASK-V.11-1': {
    description: 'pieces on prostitution prevention published or broadcast by provincial press outlets',
    measure: 'EVIDENCE-PROVINCIAL-PUBLICATIONS',
  },
  'TASK-V.11-2': { description: 'prevention programmes and broadcasts (airtime) by provincial press outlets', measure: 'EVIDENCE-PROVINCIAL-PROGRAMMES' },
};
