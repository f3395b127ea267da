import { DataSource, EntityManager } from 'typeorm';
import { MiddlewareFn } from 'type-graphql';
import { Identity } from '../auth/identity';
import { AuditEntry } from './audit-entry';

/** What one audit row says besides who asked: the action, the type, the records' ids, the input fields' names, the district. */
export type AuditRow = Pick<AuditEntry, 'action' | 'entity' | 'entityIds' | 'fields' | 'districtId'>;

/**
 * Every audit row of a request, in one statement whose text never changes: who asked as
 * parameters, the rows as one JSON array (ids and names only, never values of a record),
 * nothing returned. PostgreSQL plans it once per connection whatever the number of rows.
 */
const INSERT_ROWS = `INSERT INTO audit_log (subject, agency, roles, action, entity, entity_ids, fields, request_id, district_id)
  SELECT $1, $2, $3, r.action, r.entity, coalesce(r.entity_ids, '{}'), coalesce(r.fields, '{}'), $4, r.district_id
  FROM jsonb_to_recordset($5::jsonb) AS r(action text, entity text, entity_ids text[], fields text[], district_id text)`;

/**
 * What one request read of record-level data, written to the audit log in one INSERT
 * when the response is sent, and what it changed, written in each change's transaction.
 * A read is the ids of the records shown, one row per type and district (a district's
 * heads read only their district's rows), however many fields of each were shown.
 */
export class AuditTrail {
  /** Ids of the records read, by type, then by district ('' for none). */
  private readonly reads = new Map<string, Map<string, Set<string>>>();

  constructor(
    private readonly identity: Identity,
    private readonly requestId: string,
  ) {}

  private readonly lookups: AuditRow[] = [];

  /** A look-up of one person (by identifier or code): the action and the argument's name, never its value. */
  lookup(action: string, entity: string, fields: string[], districtId: string | null): void {
    this.lookups.push({ action, entity, entityIds: [], fields, districtId });
  }

  /** A record shown to the caller, with its district when it has one (one row per type and district). */
  read(entity: string, id: string, districtId: string | null = null): void {
    let byDistrict = this.reads.get(entity);
    if (!byDistrict) this.reads.set(entity, (byDistrict = new Map()));
    const district = districtId ?? '';
    let ids = byDistrict.get(district);
    if (!ids) byDistrict.set(district, (ids = new Set()));
    ids.add(id);
  }

  private readonly changes: AuditRow[] = [];

  /** A change a mutation's resolver records itself (e.g. the rows an import wrote); written with the mutation's own row. */
  change(action: string, entity: string, ids: string[], fields: string[]): void {
    this.changes.push({ action, entity, entityIds: ids, fields, districtId: null });
  }

  discardChanges(): void {
    this.changes.length = 0;
  }

  /** Writes a change's row, and those the resolver recorded, with `manager`: inside the change's own transaction. */
  async writeChange(manager: EntityManager, change: AuditRow): Promise<void> {
    const rows = [change, ...this.changes.map((c) => ({ ...c, districtId: change.districtId }))];
    this.changes.length = 0;
    await this.insert(manager, rows);
  }

  private insert(runner: Pick<EntityManager, 'query'>, rows: AuditRow[]): Promise<unknown> {
    const { subject, agency, roles } = this.identity;
    return runner.query(INSERT_ROWS, [subject, agency, roles, this.requestId, JSON.stringify(rows.map(toRecord))]);
  }

  get empty(): boolean {
    return this.reads.size === 0 && this.lookups.length === 0 && this.changes.length === 0;
  }

  async flush(dataSource: DataSource): Promise<void> {
    if (this.empty) return;
    const rows: AuditRow[] = [];
    for (const [entity, byDistrict] of this.reads) {
      for (const [district, ids] of byDistrict) rows.push({ action: 'READ', entity, entityIds: [...ids], fields: [], districtId: district || null });
    }
    rows.push(...this.lookups, ...this.changes);
    this.reads.clear();
    this.lookups.length = 0;
    this.changes.length = 0;
    await this.insert(dataSource, rows);
  }
}

/** A row as the INSERT's JSON reads it (the columns' names). */
function toRecord(row: AuditRow) {
  return { action: row.action, entity: row.entity, entity_ids: row.entityIds, fields: row.fields, district_id: row.districtId };
}

/** `base` with some of its members replaced; every other member is the data source's own. */
function dataSourceView(base: DataSource, overrides: Record<string, unknown>): DataSource {
  return new Proxy(base, {
    get(target, property) {
      if (typeof property === 'string' && Object.hasOwn(overrides, property)) return overrides[property];
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * A view of `base` whose repositories, query builders, queries and transactions all run
 * on `manager`'s connection, inside its transaction.
 */
export function transactionalView(base: DataSource, manager: EntityManager): DataSource {
  return dataSourceView(base, {
    manager,
    getRepository: (entity: never) => manager.getRepository(entity),
    getTreeRepository: (entity: never) => manager.getTreeRepository(entity),
    query: (sql: string, parameters?: unknown[]) => manager.query(sql, parameters),
    createQueryBuilder: (...args: never[]) => (manager.createQueryBuilder as (...a: never[]) => unknown)(...args),
    transaction: (...args: never[]) => (manager.transaction as (...a: never[]) => unknown)(...args),
  });
}

/**
 * A view of `base` whose `transaction(…)` runs `beforeCommit` with the transaction's
 * manager and the callback's result, inside the transaction, just before it commits.
 */
function withAuditedTransaction(base: DataSource, beforeCommit: (manager: EntityManager, result: unknown) => Promise<void>): DataSource {
  return dataSourceView(base, {
    transaction: (...args: unknown[]) => {
      const work = args[args.length - 1] as (manager: EntityManager) => Promise<unknown>;
      const wrapped = async (manager: EntityManager) => {
        const result = await work(manager);
        await beforeCommit(manager, result);
        return result;
      };
      return (base.transaction as (...a: unknown[]) => Promise<unknown>).apply(base, [...args.slice(0, -1), wrapped]);
    },
  });
}

/**
 * Every mutation runs in one transaction with its audit row: who called it, on which
 * object, with which input fields (names only). The resolver gets a `dataSource` bound
 * to that transaction; if the audit row cannot be written, nothing the mutation wrote
 * is kept, and the caller gets the error.
 */
export const auditMutations: MiddlewareFn<{ audit?: AuditTrail; dataSource?: DataSource }> = async ({ info, args, context }, next) => {
  if (info.parentType.name !== 'Mutation' || !context.audit || !context.dataSource) return next();
  const base = context.dataSource;
  const audit = context.audit;
  const input = (args.input ?? args) as Record<string, unknown>;
  const entity = String(info.returnType).replace(/[[\]!]/g, '');
  const entry = (result: unknown) => {
    const ids = [result, input]
      .map((x) => (x && typeof x === 'object' && 'id' in x ? String((x as { id: unknown }).id) : null))
      .filter((x): x is string => !!x);
    const district = [result, input]
      .map((x) => (x && typeof x === 'object' && 'districtId' in x ? (x as { districtId: unknown }).districtId : null))
      .find((d) => typeof d === 'string');
    return {
      action: info.fieldName,
      entity,
      entityIds: [...new Set(ids)],
      fields: Object.keys(input).sort(),
      districtId: (district as string | undefined) ?? null,
    };
  };
  if (typeof input.idempotencyKey === 'string' && input.idempotencyKey !== '') {
    // Changes under an idempotency key run their own transaction (`idempotent`), which
    // waits for concurrent retries of the same key and asks other subgraphs before it
    // starts; holding another one around it would exhaust the pool. The resolver gets a
    // dataSource whose first transaction writes the audit row before it commits, so the
    // change and its row are kept or lost together. A retry answered from the key's
    // stored answer changes nothing and runs no transaction: its row is written after.
    let written = false;
    context.dataSource = withAuditedTransaction(base, async (manager, result) => {
      if (written) return;
      written = true;
      await audit.writeChange(manager, entry(result));
    });
    try {
      const result = await next();
      if (!written) await audit.writeChange(base.manager, entry(result));
      return result;
    } catch (error) {
      audit.discardChanges();
      throw error;
    } finally {
      context.dataSource = base;
    }
  }
  return base.transaction(async (manager) => {
    context.dataSource = transactionalView(base, manager);
    try {
      const result = await next().catch((error: unknown) => {
        audit.discardChanges(); // nothing of a failed change is kept, its audit rows neither
        throw error;
      });
      await audit.writeChange(manager, entry(result));
      return result;
    } finally {
      context.dataSource = base;
    }
  });
};
