import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { TaskStatus } from '@qn/common';

/**
 * What an agency reports of one of its tasks for one period and unit: where it stands,
 * the task's measures' values and the evidence. One entry per (task, period, unit),
 * changed only against the version it was read at.
 */
@ObjectType('TaskProgressEntry', { description: "An agency's entry of one task's progress for one period and unit, in labour's registry" })
@Entity('task_progress_entry')
@Unique(['taskCode', 'period', 'unitId'])
@Index(['periodStart', 'periodEnd'])
export class TaskProgressEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'taskId', description: 'The task (Task.id), e.g. TASK-V.2-1' })
  @Column({ length: 30 })
  taskCode: string;

  @Field({ description: 'A year (2024) or a quarter (2024Q3)' })
  @Column({ length: 10 })
  period: string;

  @Column({ type: 'date' })
  periodStart: string;

  @Column({ type: 'date' })
  periodEnd: string;

  @Field(() => ID, { description: 'The org unit the figures are for: the province (51) or a district-level unit' })
  @Column({ length: 30 })
  unitId: string;

  @Field(() => TaskStatus, { description: 'Where the task stands in the period, as the agency entered it' })
  @Column({ type: 'varchar', length: 20 })
  status: TaskStatus;

  @Column({ type: 'jsonb', default: {} })
  figures: Record<string, number>;

  @Field({ description: 'What was done and where it is documented' })
  @Column({ type: 'text', default: '' })
  evidence: string;

  @Field({ description: 'The agency whose officer entered it (the owner or a co-owner)' })
  @Column({ length: 30 })
  agencyCode: string;

  @Field(() => Int)
  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ length: 200 })
  enteredBy: string;

  @Field()
  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}
