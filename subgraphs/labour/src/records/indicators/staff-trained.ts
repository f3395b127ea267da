import { MeasureRequest, PROGRAMME_START, scopeFilter, SqlParams } from '@qn/common';

/**
 * Cumulative share of staff trained: for each (level, district) the staff in post in
 * the year the period ends in, and the first-time trainees of the courses for that
 * level and district held from the programme's start (2021-01-01) to the end of the
 * period, capped at the staff in post; summed over the unit's (level, district) pairs.
 */
export function trainedShare({ period, orgUnit }: MeasureRequest, p: SqlParams, levels: string): string {
  const from = period.start < PROGRAMME_START ? period.start : PROGRAMME_START;
  return `
  SELECT coalesce(sum(least(coalesce(t.trained, 0), s.staff)), 0) AS numerator,
         coalesce(sum(s.staff), 0) AS denominator
    FROM (SELECT sp.level, sp.district_key, sum(sp.staff) AS staff
            FROM staff_in_post sp
           WHERE sp.level IN (${levels}) AND sp.year = ${p.add(period.year)}
                 ${scopeFilter(orgUnit, p, { district: 'sp.district_id' })}
           GROUP BY sp.level, sp.district_key) s
    LEFT JOIN (SELECT c.level, coalesce(c.district_id, '') AS district_key, sum(c.new_trainees) AS trained
                 FROM training_course c
                WHERE c.level IN (${levels}) AND c.held_on >= ${p.add(from)} AND c.held_on < ${p.add(period.end)}
                      ${scopeFilter(orgUnit, p, { district: 'c.district_id' })}
                GROUP BY 1, 2) t ON t.level = s.level AND t.district_key = s.district_key`;
}
