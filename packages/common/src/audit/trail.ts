import { DataSource } from 'typeorm';
import { MiddlewareFn } from 'type-graphql';
import { Identity } from '../auth/identity';
import { AuditEntry } from './audit-entry';

/**
 * What one request read of record-level data and what it changed, written to the
 * audit log in one INSERT when the response is sent.
 */
export class AuditTrail {
  private readonly reads = new Map<string, Set<string>>();
  private readonly changes: Pick<AuditEntry, 'action' | 'entity' | 'entityIds' | 'fields'>[] = [];

  constructor(
    private readonly identity: Identity,
    private readonly requestId: string,
  ) {}

  read(entity: string, id: string): void {
    let ids = this.reads.get(entity);
    if (!ids) this.reads.set(entity, (ids = new Set()));
    ids.add(id);
  }

  change(action: string, entity: string, ids: string[], fields: string[]): void {
    this.changes.push({ action, entity, entityIds: ids, fields });
  }

  get empty(): boolean {
    return this.reads.size === 0 && this.changes.length === 0;
  }

  async flush(dataSource: DataSource): Promise<void> {
    if (this.empty) return;
    const who = { subject: this.identity.subject, agency: this.identity.agency, roles: this.identity.roles, requestId: this.requestId };
    const rows = [
      ...[...this.reads].map(([entity, ids]) => ({ ...who, action: 'READ', entity, entityIds: [...ids], fields: [] })),
      ...this.changes.map((c) => ({ ...who, ...c })),
    ];
    this.reads.clear();
    this.changes.length = 0;
    await dataSource.createQueryBuilder().insert().into(AuditEntry).values(rows).execute();
  }
}

/** Records every mutation: who called it, on which object, with which input fields (names only). */
export const auditMutations: MiddlewareFn<{ audit?: AuditTrail }> = async ({ info, args, context }, next) => {
  const result = await next();
  if (info.parentType.name === 'Mutation' && context.audit) {
    const input = (args.input ?? args) as Record<string, unknown>;
    const ids = [result, input].map((x) => (x && typeof x === 'object' && 'id' in x ? String((x as { id: unknown }).id) : null)).filter((x): x is string => !!x);
    const entity = String(info.returnType).replace(/[[\]!]/g, '');
    context.audit.change(info.fieldName, entity, [...new Set(ids)], Object.keys(input).sort());
  }
  return result;
};
