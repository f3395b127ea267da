import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Args, Authorized, Ctx, Field, InputType, Query, Resolver } from 'type-graphql';
import { DataSource } from 'typeorm';
import { connectionType, PageArgs, paginate } from '../pagination';
import { AuditEntry } from './audit-entry';
import { Identity } from '../auth/identity';
import { restrictToScope } from '../auth/scope';

@InputType({ description: 'Which lines of the audit log to list' })
export class AuditFilter {
  @Field(() => LocalDateResolver, { nullable: true, description: 'From this day on' })
  from?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Before this day' })
  to?: string;

  @Field({ nullable: true })
  subject?: string;

  @Field({ nullable: true, description: 'A GraphQL type, e.g. Tip' })
  entity?: string;

  @Field({ nullable: true, description: 'An id of a record read or changed' })
  entityId?: string;
}

const AuditEntryConnection = connectionType(AuditEntry, 'AuditEntry', { shareable: true });

/** `<subgraph>AuditLog`: the owning agency's heads read who saw and changed its records. */
export function auditLogResolver(subgraph: string) {
  @Resolver()
  class AuditLogResolver {
    @Authorized('AUDIT')
    @Query(() => AuditEntryConnection, {
      name: `${subgraph}AuditLog`,
      description: `Who read record-level data of ${subgraph} and who changed what (newest last)`,
    })
    auditLog(
      @Ctx() { dataSource, identity }: { dataSource: DataSource; identity: Identity },
      @Arg('filter', () => AuditFilter, { nullable: true }) filter?: AuditFilter,
      @Args(() => PageArgs) page?: PageArgs,
    ) {
      const query = dataSource.getRepository(AuditEntry).createQueryBuilder('a');
      // A head limited to one district reads only the rows about that district's records.
      restrictToScope(query, identity, 'a.district_id');
      if (filter?.from) query.andWhere('a.at >= :from', { from: filter.from });
      if (filter?.to) query.andWhere('a.at < :to', { to: filter.to });
      if (filter?.subject) query.andWhere('a.subject = :subject', { subject: filter.subject });
      if (filter?.entity) query.andWhere('a.entity = :entity', { entity: filter.entity });
      if (filter?.entityId) query.andWhere(':entityId = ANY(a.entity_ids)', { entityId: filter.entityId });
      return paginate(query, { ...page, sortColumn: 'id', sortKey: (a) => String(a.id).padStart(20, '0') });
    }
  }
  return AuditLogResolver;
}
