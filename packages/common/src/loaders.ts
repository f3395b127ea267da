import DataLoader from 'dataloader';
import { DataSource, EntityTarget, In, ObjectLiteral } from 'typeorm';

/**
 * Every per-request loader of every subgraph: batches wait until the whole request has
 * asked (setImmediate runs after all the microtask hops that access checks and field
 * resolvers add), so one request makes one statement per loader however its fields nest.
 */
export function requestLoader<K, V, C = K>(batch: DataLoader.BatchLoadFn<K, V>, options: DataLoader.Options<K, V, C> = {}): DataLoader<K, V, C> {
  return new DataLoader<K, V, C>(batch, { batchScheduleFn: (callback) => setImmediate(callback), ...options });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * A per-request loader of rows by uuid primary key: one `WHERE id IN (…)` per batch,
 * results in key order, null for ids that do not exist (or are not uuids).
 */
export function entityLoader<T extends ObjectLiteral & { id: string }>(dataSource: DataSource, entity: EntityTarget<T>) {
  return requestLoader<string, T | null>(async (ids) => {
    // PostgreSQL prints uuids in lower case; a caller may send them in upper case.
    const valid = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
    const rows = valid.length ? await dataSource.getRepository(entity).findBy({ id: In(valid) } as never) : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
  });
}

/** One row by uuid, or null (also for strings that are not uuids, which PostgreSQL would reject). */
export async function findById<T extends ObjectLiteral & { id: string }>(dataSource: DataSource, entity: EntityTarget<T>, id: string): Promise<T | null> {
  if (!isUuid(id)) return null;
  return dataSource.getRepository(entity).findOneBy({ id } as never);
}
