import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { ReportFigures } from './figures.types';

export enum ReportStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  RESUBMITTED = 'RESUBMITTED',
  APPROVED = 'APPROVED',
}
registerEnumType(ReportStatus, {
  name: 'ReportStatus',
  description: 'draft → submitted → returned (with a reason) → resubmitted → approved by the standing agency; an approved report is locked',
  valuesConfig: {
    DRAFT: { description: 'Dự thảo: being written by the unit; its numbers are refreshed from the graph' },
    SUBMITTED: { description: "Đã gửi: sent by the unit's head; its numbers are frozen at submission" },
    RETURNED: { description: 'Bị trả lại: sent back by the standing agency with a reason, to be changed and sent again' },
    RESUBMITTED: { description: 'Đã gửi lại: sent again after a return' },
    APPROVED: { description: 'Đã duyệt: approved by the standing agency; locked (a correction is a new revision)' },
  },
});

export enum ReportingUnitKind {
  AGENCY = 'AGENCY',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
}
registerEnumType(ReportingUnitKind, {
  name: 'ReportingUnitKind',
  description: "An agency of section V, a district-level People's Committee (to 30/6/2025) or a commune-level People's Committee (from 1/7/2025)",
  valuesConfig: {
    AGENCY: { description: 'A department or body of section V (POLICE, HEALTH …)' },
    DISTRICT: { description: "A district-level People's Committee (UBND cấp huyện), reporting until 2025Q2" },
    COMMUNE: { description: "A commune-level People's Committee of 1/7/2025 (UBND cấp xã), reporting from 2025Q3" },
  },
});

/**
 * One revision of one unit's report for one reporting period. Revision 1 is the
 * report; a correction after approval is revision 2, 3… with its reason, and goes
 * through the same lifecycle. The database refuses any change to an APPROVED row
 * and any DELETE (migration Reporting), whoever sends it.
 */
@ObjectType({ description: "A unit's report for a reporting period (one revision of it)" })
@Entity('report')
@Unique(['period', 'unitId', 'revision'])
@Index(['period', 'status'])
export class Report {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'The reporting period: 2024Q3, 2024S1, 2024M9 or 2024' })
  @Column({ length: 10 })
  period: string;

  @Field(() => ID, { description: 'Agency code (POLICE, LABOUR…) or district id (522…)' })
  @Column({ length: 30 })
  unitId: string;

  @Field(() => ReportingUnitKind, { description: "An agency, a district-level or a commune-level People's Committee" })
  @Column({ type: 'varchar', length: 10 })
  unitKind: ReportingUnitKind;

  @Field({ description: "The unit's name (Vietnamese)" })
  @Column({ length: 300 })
  unitName: string;

  @Field(() => Int, { description: '1 for the report; 2, 3… for corrections after approval' })
  @Column({ type: 'int', default: 1 })
  revision: number;

  @Field(() => ID, { nullable: true, description: 'The approved revision this one corrects' })
  @Column({ type: 'uuid', nullable: true })
  correctsId: string | null;

  @Field(() => String, { nullable: true, description: 'Why the approved report is being corrected' })
  @Column({ type: 'text', nullable: true })
  correctionReason: string | null;

  @Field(() => ReportStatus, { description: 'Where the report stands: DRAFT, SUBMITTED, RETURNED, RESUBMITTED or APPROVED' })
  @Column({ type: 'varchar', length: 12 })
  status: ReportStatus;

  @Field(() => Int, { description: 'Increases with every change; pass it back as expectedVersion' })
  @Column({ type: 'int', default: 1 })
  version: number;

  @Field({ description: 'Narrative: results achieved' })
  @Column({ type: 'text', default: '' })
  results: string;

  @Field({ description: 'Narrative: difficulties and shortcomings' })
  @Column({ type: 'text', default: '' })
  difficulties: string;

  @Field({ description: 'Narrative: proposals and recommendations' })
  @Column({ type: 'text', default: '' })
  proposals: string;

  @Field(() => ReportFigures, { description: 'The numbers the report carries: filled from the graph while a draft, frozen once submitted' })
  @Column({ type: 'jsonb' })
  figures: ReportFigures;

  @Field(() => String, { nullable: true, description: 'Why DOLISA returned it (latest return)' })
  @Column({ type: 'text', nullable: true })
  returnReason: string | null;

  @Field(() => Date, { nullable: true, description: 'First submission of this revision (timeliness is judged on it)' })
  @Column({ type: 'timestamptz', nullable: true })
  firstSubmittedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'The latest submission of this revision (null: not yet submitted)' })
  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Who submitted it last (the subject of their token; null: not yet submitted)' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  submittedBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When the standing agency approved it (null: not approved)' })
  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Who approved it (the subject of their token; null: not approved)' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  approvedBy: string | null;

  @Field()
  @Column({ length: 200 })
  createdBy: string;

  @Field()
  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * What happened to a report, with the whole report as it stood afterwards: every
 * version stays readable. Append-only: the database refuses UPDATE, DELETE and TRUNCATE.
 */
@Entity('report_event')
@Index(['reportId', 'version'])
export class ReportEventRow {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'uuid' })
  reportId: string;

  @Column({ length: 10 })
  period: string;

  @Column({ length: 30 })
  unitId: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ length: 20 })
  action: string;

  @Column({ type: 'varchar', length: 12 })
  status: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ length: 200 })
  actor: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  actorAgency: string | null;

  @Column({ type: 'text', array: true, default: '{}' })
  actorRoles: string[];

  @Column({ type: 'timestamptz' })
  at: Date;

  /** The report row as it stood after the action. */
  @Column({ type: 'jsonb' })
  snapshot: Record<string, unknown>;
}

/** A submission deadline DOLISA set for a reporting period (default: the 20th of its last month). */
@Entity('report_deadline')
export class ReportDeadline {
  @PrimaryColumn({ length: 10 })
  period: string;

  @Column({ type: 'date' })
  deadline: string;

  @Column({ length: 200 })
  setBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  setAt: Date;
}

/**
 * The first answer to a mutation sent with an idempotency key. A retry with the same
 * key gets this answer back; the same key with another payload is refused.
 */
@Entity('idempotency_key')
export class IdempotencyRecord {
  /** A key is the caller's own: another caller's same key is another key. */
  @PrimaryColumn({ length: 200 })
  subject: string;

  @PrimaryColumn({ length: 200 })
  key: string;

  @Column({ length: 60 })
  operation: string;

  @Column({ length: 64 })
  requestHash: string;

  @Column({ type: 'jsonb', nullable: true })
  response: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

export const REPORTING_ENTITIES = [Report, ReportEventRow, ReportDeadline, IdempotencyRecord];
