import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One line of a subgraph's audit log: who read record-level data or changed
 * something, and when. Append-only: the database refuses UPDATE, DELETE and
 * TRUNCATE on the table, whoever asks.
 */
@Directive('@shareable')
@ObjectType({ description: 'Who read record-level data or changed something, and when' })
@Entity('audit_log')
@Index(['at'])
export class AuditEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Field({ description: 'When it happened (UTC)' })
  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Field({ description: 'The caller (token subject)' })
  @Column({ length: 200 })
  subject: string;

  @Field(() => String, { nullable: true, description: "The caller's agency code, e.g. POLICE (null: a token without one)" })
  @Column({ type: 'varchar', length: 30, nullable: true })
  agency: string | null;

  @Field(() => [String], { description: "The caller's roles when it happened" })
  @Column({ type: 'text', array: true, default: '{}' })
  roles: string[];

  @Field({ description: 'READ, or the mutation that changed data (e.g. handleTip)' })
  @Column({ length: 60 })
  action: string;

  @Field({ description: 'The GraphQL type read or changed' })
  @Column({ length: 60 })
  entity: string;

  @Field(() => [ID], { description: 'The ids of the records read or changed (none for a look-up of a person)' })
  @Column({ type: 'text', array: true, default: '{}' })
  entityIds: string[];

  @Field(() => [String], { description: 'Input fields a change set (names only, never values)' })
  @Column({ type: 'text', array: true, default: '{}' })
  fields: string[];

  @Field({ description: 'The id of the request that did it (x-request-id)' })
  @Column({ length: 60 })
  requestId: string;

  /** The district of the records read or changed (null: none or the whole province); a district's callers see only its rows. */
  @Column({ type: 'varchar', length: 30, nullable: true })
  districtId: string | null;
}
