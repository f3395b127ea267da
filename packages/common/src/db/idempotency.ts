import { createHash } from 'node:crypto';
import { DataSource, DeepPartial, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { Identity } from '../auth/identity';
import { notFoundError, userInputError } from '../errors';
import { checkText } from '../validation';

/** A row of `idempotency_key` (created by the subgraph's migrations; labour keeps one for reports, budget and the task registry). */
interface IdempotencyRecord {
  operation: string;
  requestHash: string;
  response: unknown;
}

/** A key is its caller's own: another caller's same key is another key. */
async function findKey(manager: DataSource | EntityManager, subject: string, key: string): Promise<IdempotencyRecord | null> {
  const rows: { operation: string; request_hash: string; response: unknown }[] = await manager.query(
    'SELECT operation, request_hash, response FROM idempotency_key WHERE subject = $1 AND key = $2',
    [subject, key],
  );
  return rows[0] ? { operation: rows[0].operation, requestHash: rows[0].request_hash, response: rows[0].response } : null;
}

export const IDEMPOTENCY_KEY_DESCRIPTION =
  'A unique key for this change (e.g. a UUID). A retry with the same key returns the first answer; the same key with another payload is refused.';

export const CREATE_IDEMPOTENCY_KEY_DESCRIPTION =
  'Optional. A unique key for this record (e.g. a UUID), so that a retry after a timeout or a lost answer returns the record the first call created instead of a second one; the same key with another payload is refused.';

/** Canonical JSON (sorted keys), so the same payload always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function requestHash(operation: string, subject: string, payload: unknown): string {
  return createHash('sha256')
    .update(`${operation}\n${subject}\n${canonical(payload)}`)
    .digest('hex');
}

function replay<R>(record: IdempotencyRecord, operation: string, hash: string): R {
  if (record.operation !== operation || record.requestHash !== hash) {
    throw userInputError(
      'idempotencyKey',
      `this key was already used for a different request (${record.operation}); a retry must send exactly the same payload, a new change needs a new key`,
    );
  }
  return record.response as R;
}

const preparing = new Map<string, Promise<unknown>>();

/** Concurrent retries of one request (same key, same payload) share one preparation, e.g. one round of the graph's numbers. */
function shared<P>(id: string, prepare: () => Promise<P>): Promise<P> {
  let running = preparing.get(id) as Promise<P> | undefined;
  if (!running) {
    running = prepare().finally(() => preparing.delete(id));
    preparing.set(id, running);
  }
  return running;
}

/**
 * Runs a change at most once per caller and idempotency key (keys are scoped to the
 * caller: another caller's use of the same key neither blocks nor answers this one). The key is inserted first, inside the
 * change's transaction: a concurrent request with the same key waits on that row and,
 * once the first commits, gets the first answer instead of running again; if the first
 * fails, nothing is kept and the next one runs. `prepare` runs outside the transaction
 * (e.g. asking other subgraphs), and only when the key is new.
 * `change` returns the JSON answer that is stored and returned on every retry.
 */
export async function idempotent<P, R>(
  dataSource: DataSource,
  identity: Identity,
  key: string,
  operation: string,
  payload: unknown,
  change: (manager: EntityManager, prepared: P) => Promise<R>,
  prepare?: () => Promise<P>,
): Promise<R> {
  checkText('idempotencyKey', key, { max: 200, required: true });
  if (key.trim().length < 8) throw userInputError('idempotencyKey', 'use a unique key of at least 8 characters (e.g. a UUID)');
  const hash = requestHash(operation, identity.subject, payload);
  const existing = await findKey(dataSource, identity.subject, key);
  if (existing?.response !== undefined && existing?.response !== null) return replay<R>(existing, operation, hash);
  if (existing) replay<R>(existing, operation, hash); // same payload still in flight: fall through and wait on its row
  const prepared = prepare ? await shared(`${identity.subject}\n${key}\n${hash}`, prepare) : (undefined as P);
  return dataSource.transaction(async (manager) => {
    const inserted: unknown[] = await manager.query(
      'INSERT INTO idempotency_key (key, operation, subject, request_hash) VALUES ($1, $2, $3, $4) ON CONFLICT (subject, key) DO NOTHING RETURNING key',
      [key, operation, identity.subject, hash],
    );
    if (inserted.length === 0) {
      const first = await findKey(manager, identity.subject, key);
      return replay<R>(first!, operation, hash);
    }
    const response = await change(manager, prepared);
    await manager.query('UPDATE idempotency_key SET response = $3 WHERE subject = $1 AND key = $2', [identity.subject, key, JSON.stringify(response)]);
    return response;
  });
}

/**
 * A create mutation with an optional idempotency key. Without a key, `create` runs on
 * the resolver's data source (the mutation's transaction). With one, it runs at most
 * once per caller and key (`idempotent`): a retry with the same payload returns the
 * record the first call created, as it is now; another payload under the key is a
 * BAD_USER_INPUT. `payload` is the input without the key.
 */
export async function createOnce<T extends ObjectLiteral & { id: string }>(
  dataSource: DataSource,
  identity: Identity,
  idempotencyKey: string | null | undefined,
  operation: string,
  payload: unknown,
  entity: EntityTarget<T>,
  create: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  if (idempotencyKey === null || idempotencyKey === undefined) return create(dataSource.manager);
  const answer = await idempotent(dataSource, identity, idempotencyKey, operation, payload, async (manager) => {
    const record = await create(manager);
    return { id: record.id, districtId: (record as { districtId?: string | null }).districtId ?? null };
  });
  const record = await dataSource.getRepository(entity).findOneBy({ id: answer.id } as never);
  if (!record) throw notFoundError(String((entity as { name?: string }).name ?? 'record'), answer.id, 'idempotencyKey');
  return record;
}

/** The usual `create` of `createOnce`: `value` stored as a new row of `entity`, with the change's manager. */
export function saveNew<T extends ObjectLiteral>(entity: EntityTarget<T>, value: DeepPartial<NoInfer<T>>): (manager: EntityManager) => Promise<T> {
  return (manager) => {
    const repository = manager.getRepository(entity);
    return repository.save(repository.create(value));
  };
}
