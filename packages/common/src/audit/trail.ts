import { DataSource, EntityManager } from 'typeorm';
import { MiddlewareFn } from 'type-graphql';
import { Identity } from '../auth/identity';
import { AuditEntry } from './audit-entry';

/**
 * What one request read of record-level data, written to the audit log in one INSERT
 * when the response is sent, and what it changed, written in each change's transaction.
 */
export class AuditTrail {
  private readonly reads = new Map<string, Set<string>>();

  constructor(
    private readonly identity: Identity,
    private readonly requestId: string,
  ) {}

  private readonly lookups: Pick<AuditEntry, 'action' | 'entity' | 'fields' | 'districtId'>[] = [];

  /** A look-up of one person (by identifier or code): the action and the argument's name, never its value. */
  lookup(action: string, entity: string, fields: string[], districtId: string | null): void {
    this.lookups.push({ action, entity, fields, districtId });
  }

  /** A record shown to the caller, with its district when it has one (one row per type and district). */
  read(entity: string, id: string, districtId: string | null = null): void {
    const group = JSON.stringify([entity, districtId]);
    let ids = this.reads.get(group);
    if (!ids) this.reads.set(group, (ids = new Set()));
    ids.add(id);
  }

  private readonly changes: Pick<AuditEntry, 'action' | 'entity' | 'entityIds' | 'fields'>[] = [];

  /** A change a mutation's resolver records itself (e.g. the rows an import wrote); written with the mutation's own row. */
  change(action: string, entity: string, ids: string[], fields: string[]): void {
    this.changes.push({ action, entity, entityIds: ids, fields });
  }

  discardChanges(): void {
    this.changes.length = 0;
  }

  /** Writes a change's row, and those the resolver recorded, with `manager`: inside the change's own transaction. */
  async writeChange(manager: EntityManager, change: Pick<AuditEntry, 'action' | 'entity' | 'entityIds' | 'fields' | 'districtId'>): Promise<void> {
    const rows = [{ ...this.who(), ...change }, ...this.changes.map((c) => ({ ...this.who(), districtId: change.districtId, ...c }))];
    this.changes.length = 0;
    await manager.createQueryBuilder().insert().into(AuditEntry).values(rows).execute();
  }

  private who() {
    return { subject: this.identity.subject, agency: this.identity.agency, roles: this.identity.roles, requestId: this.requestId };
  }

  get empty(): boolean {
    return this.reads.size === 0 && this.lookups.length === 0 && this.changes.length === 0;
  }

  async flush(dataSource: DataSource): Promise<void> {
    if (this.empty) return;
    const who = this.who();
    const rows = [...this.reads].map(([group, ids]) => {
      const [entity, districtId] = JSON.parse(group) as [string, string | null];
      return { ...who, action: 'READ', entity, districtId, entityIds: [...ids], fields: [] as string[] };
    });
    rows.push(...this.lookups.map((l) => ({ ...who, ...l, entityIds: [] })));
    rows.push(...this.changes.map((c) => ({ ...who, ...c, districtId: null })));
    this.reads.clear();
    this.lookups.length = 0;
    this.changes.length = 0;
    await dataSource.createQueryBuilder().insert().into(AuditEntry).values(rows).execute();
  }
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
