import { DataSource, In } from 'typeorm';
import { entityLoader, isUuid, measureLoader, requestLoader } from '@qn/common';
import { Enrolment } from '../entities/enrolment';
import { Institution } from '../entities/institution';
import { MEASURES } from '../indicators';
import { EVIDENCE_MEASURES } from '../indicators/evidence';

/** Key of an enrolment: `<institution id>|<school year>`. */
export const enrolmentKey = (institutionId: string, schoolYear: string) => `${institutionId}|${schoolYear}`;

/** Enrolments by (institution, school year): one statement per batch, null where none was recorded. */
function enrolmentLoader(dataSource: DataSource) {
  return requestLoader<string, Enrolment | null>(async (keys) => {
    const pairs = keys.map((k) => k.split('|')).filter(([id]) => isUuid(id));
    const ids = [...new Set(pairs.map(([id]) => id))];
    const years = [...new Set(pairs.map(([, year]) => year))];
    const rows = ids.length ? await dataSource.getRepository(Enrolment).findBy({ institutionId: In(ids), schoolYear: In(years) }) : [];
    const byKey = new Map(rows.map((r) => [enrolmentKey(r.institutionId, r.schoolYear), r]));
    return keys.map((k) => byKey.get(k) ?? null);
  });
}

export function createLoaders(dataSource: DataSource) {
  return {
    /** Indicators and task evidence in one SQL statement per batch. */
    measures: measureLoader(dataSource, { ...MEASURES, ...EVIDENCE_MEASURES }),
    institutionById: entityLoader(dataSource, Institution),
    enrolmentByInstitutionYear: enrolmentLoader(dataSource),
  };
}

export type EducationLoaders = ReturnType<typeof createLoaders>;
