import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { recordScope, scopeIsCommune } from './access';
import { Identity } from './identity';

/**
 * Limits a record query to the caller's local unit, when the caller is limited to one:
 * a district's officers see the rows of their district (`district` column), a
 * commune-level unit's officers (from 1/7/2025) the rows placed at their unit (`commune`
 * column; none where the records have no commune).
 */
export function restrictToScope<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  identity: Identity,
  columns: string | { district: string; commune?: string; communeAfterReform?: string },
): SelectQueryBuilder<T> {
  const scope = recordScope(identity);
  if (!scope) return query;
  const { district, ...communes } = typeof columns === 'string' ? { district: columns } : columns;
  if (!scopeIsCommune(scope)) return query.andWhere(`${district} = :callerUnit`, { callerUnit: scope });
  const own = Object.values(communes)
    .filter((c): c is string => !!c)
    .map((c) => `${c} = :callerUnit`);
  return own.length ? query.andWhere(`(${own.join(' OR ')})`, { callerUnit: scope }) : query.andWhere('FALSE');
}
