import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A reporting unit's mailbox for the programme's messages: a role mailbox of the
 * agency or People's Committee (văn thư, the office in charge), never a person's
 * private address; a unit may have several.
 */
@ObjectType({ description: "A reporting unit's role mailbox for reminders and report messages" })
@Entity('reporting_contact')
export class ReportingContact {
  @Field(() => ID, { description: 'The reporting unit: an agency code (POLICE…), a district id (to 30/6/2025) or a commune-level unit id' })
  @PrimaryColumn({ length: 30 })
  unitId: string;

  @Field({ description: 'The work address (a role mailbox)' })
  @PrimaryColumn({ length: 254 })
  address: string;

  @Field({ description: 'What the mailbox is, e.g. "Văn thư" or "Phòng Phòng chống tệ nạn xã hội"' })
  @Column({ length: 200 })
  label: string;
}

export enum NotificationKind {
  DUE_SOON = 'DUE_SOON',
  DUE_TODAY = 'DUE_TODAY',
  OVERDUE = 'OVERDUE',
  RETURNED = 'RETURNED',
  APPROVED = 'APPROVED',
}
registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: "Why a unit was written to: a deadline coming, today's deadline, a report overdue, a report returned or approved",
  valuesConfig: {
    DUE_SOON: { description: 'The deadline is a few days away and the report has not been received' },
    DUE_TODAY: { description: 'The deadline is today and the report has not been received' },
    OVERDUE: { description: 'The deadline has passed and the report has not been received (one message per period)' },
    RETURNED: { description: 'The standing agency returned the report for changes' },
    APPROVED: { description: 'The standing agency approved the report' },
  },
});

export enum NotificationStatus {
  PENDING = 'PENDING',
  SENDING = 'SENDING',
  SENT = 'SENT',
  LOGGED = 'LOGGED',
  FAILED = 'FAILED',
}
registerEnumType(NotificationStatus, {
  name: 'NotificationStatus',
  description: 'Where a message is in the outbox',
  valuesConfig: {
    PENDING: { description: 'Waiting to be sent (or to be tried again after a failure)' },
    SENDING: { description: 'Taken by a sender; left so if the sender stopped mid-way, and never sent twice' },
    SENT: { description: 'Accepted by the SMTP server' },
    LOGGED: { description: 'No SMTP server is configured: written to the service log instead of sent' },
    FAILED: { description: 'Refused on every try; the last error is kept' },
  },
});

/**
 * One message to one unit, in the outbox. `dedupeKey` is unique: a reminder is queued
 * at most once per (kind, unit, period), a return or approval once per report version,
 * whoever queues it and however often.
 */
@ObjectType({ description: 'A message sent (or to be sent) to a reporting unit' })
@Entity('notification')
@Index(['status', 'nextAttemptAt'])
@Index(['unitId', 'createdAt'])
export class Notification {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The reporting unit written to' })
  @Column({ length: 30 })
  unitId: string;

  @Field({ description: 'The reporting period it is about: 2024Q3, 2024 or 2021-2025' })
  @Column({ length: 10 })
  period: string;

  @Field(() => NotificationKind, { description: 'Why the unit was written to' })
  @Column({ type: 'varchar', length: 12 })
  kind: NotificationKind;

  @Column({ length: 200, unique: true })
  dedupeKey: string;

  @Field(() => ID, { nullable: true, description: 'The report it is about, for returns and approvals' })
  @Column({ type: 'uuid', nullable: true })
  reportId: string | null;

  @Field(() => [String], { description: "The unit's mailboxes at the time it was queued" })
  @Column({ type: 'text', array: true })
  recipients: string[];

  @Field({ description: "The message's subject line (Vietnamese)" })
  @Column({ length: 300 })
  subject: string;

  @Field({ description: "The message's text: Vietnamese, then English" })
  @Column({ type: 'text' })
  body: string;

  @Field(() => NotificationStatus, { description: 'Where the message is in the outbox' })
  @Column({ type: 'varchar', length: 10, default: NotificationStatus.PENDING })
  status: NotificationStatus;

  @Field(() => Int, { description: 'Tries so far' })
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @Field(() => String, { nullable: true, description: "The SMTP server's last refusal, when a try failed" })
  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was sent or written to the log (null: not yet)' })
  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  messageId: string | null;
}

export const NOTIFICATION_ENTITIES = [ReportingContact, Notification];
