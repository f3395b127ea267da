import { DataSource } from 'typeorm';
import { MeasureRequest, requestLoader, scopeFilter, UnionStatements } from '@qn/common';
import { SUPPORT_SERVICES } from '../entities/harm-reduction-contact';

/** One `healthServiceUsers` field: the period and unit, and the codes (normalised, without repeats) asked about. */
export interface ServiceUsersRequest extends Pick<MeasureRequest, 'period' | 'orgUnit'> {
  codes: string[];
}

/**
 * How many of the codes had a social-support health service in the period and unit,
 * for every `healthServiceUsers` field of a request in ONE statement (labour asks one
 * field per period and unit, and splits long code lists over several). A field whose
 * unit cannot be counted fails alone.
 */
export function serviceUsersLoader(dataSource: DataSource) {
  return requestLoader<ServiceUsersRequest, number, string>(
    async (requests) => {
      const statements = new UnionStatements();
      requests.forEach((request, i) =>
        statements.add(
          (params) => `SELECT ${i} AS i, count(DISTINCT c.client_code)::int AS users FROM harm_reduction_contact c
              WHERE c.client_code = ANY(${params.add(request.codes)}::varchar[])
                AND c.contacted_on >= ${params.add(request.period.start)} AND c.contacted_on < ${params.add(request.period.end)}
                AND c.service = ANY(${params.add(SUPPORT_SERVICES)}::varchar[])
                ${scopeFilter(request, params, { district: 'c.district_id', commune: 'c.commune_id' })}`,
          i,
        ),
      );
      const rows = await statements.run<{ i: number; users: number }>(dataSource);
      const users = new Map(rows.map((row) => [Number(row.i), row.users]));
      return requests.map((_, i) => statements.refused.get(i) ?? users.get(i) ?? 0);
    },
    // Fields asking the same are answered once.
    { cacheKeyFn: (request) => `${request.period.id}|${request.orgUnit.id}|${request.codes.join(',')}` },
  );
}
