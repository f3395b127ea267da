import { addDays, MeasureSql, REFORM_DATE, scopeFilter } from '@qn/common';
import { SESSION_PLACE } from './evidence';
import { InstitutionKind } from '../entities/institution';
import { schoolYearOf } from '../school-year';

/** The institutions the plan names for IND-1.3c. */
const PLAN_INSTITUTIONS = [InstitutionKind.UPPER_SECONDARY, InstitutionKind.UNIVERSITY, InstitutionKind.VOCATIONAL];

/**
 * IND-1.3c — students of upper-secondary schools, universities and vocational
 * institutions reached by prevention communication (target ≥70% a year). The plan names
 * "các trường trung học phổ thông, cơ sở giáo dục đại học và cơ sở giáo dục nghề
 * nghiệp" (II.1.a, V.8): continuing-education centres (CONTINUING_EDUCATION) are not
 * among them and count on neither side.
 *
 * Sessions record how many students took part, not who, so a student is counted once
 * per institution and period by this rule:
 * - denominator, per institution: its largest enrolment among the school years that
 *   overlap the period (a calendar year touches two school years whose students are
 *   mostly the same people, so adding both would count them twice);
 * - numerator, per institution: the students reached by its sessions held in the
 *   period, summed, but never more than that denominator — repeated whole-school
 *   assemblies cannot push an institution above 100% or lift another one's share;
 * - the province, a district or a commune adds these up over its institutions: those
 *   that were in it during the period (before 1/7/2025 by their district and commune,
 *   from then by their commune-level unit of 1/7/2025), and, in the numerator, the
 *   sessions that stood in it on their date (a school of old Bình Sơn counts for the
 *   district over 2025 with its sessions of the first half-year).
 * Institutions without an enrolment for the period's school years are left out of
 * both sides (no denominator to judge them by).
 */
export const ind13c: MeasureSql = ({ period, orgUnit }, p) => {
  const start = p.add(period.start);
  const end = p.add(period.end);
  const request = { period, orgUnit };
  // The institution was in the unit at some time in the period: by its old place before the reform, by its new unit after.
  const places = [
    ...(period.start < REFORM_DATE ? [`(TRUE ${scopeFilter(request, p, { district: 'i.district_id', commune: 'i.commune_id' })})`] : []),
    ...(period.end > REFORM_DATE ? [`(TRUE ${scopeFilter(request, p, { district: 'NULL::text', commune: 'i.commune_after_reform_id' })})`] : []),
  ];
  return `
  SELECT sum(LEAST(e.students, coalesce(r.reached, 0))) AS numerator,
         sum(e.students) AS denominator
    FROM (SELECT en.institution_id, max(en.students) AS students
            FROM enrolment en
           WHERE en.school_year >= ${p.add(schoolYearOf(period.start))} AND en.school_year <= ${p.add(schoolYearOf(addDays(period.end, -1)))}
           GROUP BY en.institution_id) e
    JOIN institution i ON i.id = e.institution_id
    LEFT JOIN (SELECT s.institution_id, sum(s.students_reached) AS reached
                 FROM communication_session s
                 JOIN institution i ON i.id = s.institution_id
                WHERE s.held_on >= ${start} AND s.held_on < ${end}
                      ${scopeFilter(request, p, SESSION_PLACE)}
                GROUP BY s.institution_id) r ON r.institution_id = e.institution_id
   WHERE i.kind = ANY(${p.add(PLAN_INSTITUTIONS)}::varchar[])
     AND (${places.join(' OR ')})`;
};
