import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { recordScope } from './access';
import { Identity } from './identity';

/** Limits a record query to the caller's district, when the caller is limited to one. */
export function restrictToScope<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, identity: Identity, districtColumn: string): SelectQueryBuilder<T> {
  const scope = recordScope(identity);
  if (scope) query.andWhere(`${districtColumn} = :callerDistrict`, { callerDistrict: scope });
  return query;
}
