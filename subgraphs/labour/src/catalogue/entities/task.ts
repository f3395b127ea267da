import { Directive, Field, ID, InterfaceType, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TASK_DESCRIPTION, TASK_ID_DESCRIPTION, taskTypeDescription as description } from '@qn/common';

/** The concrete GraphQL type of a task names the subgraph that owns it; agencies without one are in the registry. */
export const TASK_TYPE_BY_SUBGRAPH: Record<string, string> = {
  labour: 'LabourTask',
  police: 'PoliceTask',
  health: 'HealthTask',
  education: 'EducationTask',
  information: 'InformationTask',
};
export const REGISTRY_TASK_TYPE = 'RegistryTask';

/** The concrete GraphQL type of a task row (the registry's type for an agency without a subgraph). */
export const taskTypeName = (row: Pick<TaskRow, 'ownerSubgraph'>): string => TASK_TYPE_BY_SUBGRAPH[row.ownerSubgraph] ?? REGISTRY_TASK_TYPE;

/** One task of the plan: a bullet of II.xb, a solution of III.x or a duty of section V. */
@Entity('task')
export class TaskRow {
  @PrimaryColumn({ length: 30 })
  code: string;

  @Column({ length: 10 })
  section: string;

  @Column({ type: 'int' })
  ordinal: number;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'text' })
  titleVi: string;

  @Column({ type: 'text' })
  titleEn: string;

  @Column({ length: 30 })
  ownerCode: string;

  /** The subgraph holding the owner's records, or `registry` for agencies tracked in labour. */
  @Column({ length: 20 })
  ownerSubgraph: string;

  @Column({ type: 'text', array: true, default: '{}' })
  coOwnerCodes: string[];

  @Column({ type: 'text', array: true, default: '{}' })
  indicatorCodes: string[];
}

@Directive('@key(fields: "id")')
@InterfaceType('Task', {
  description: TASK_DESCRIPTION,
  resolveType: taskTypeName,
})
export abstract class Task {
  @Field(() => ID, { description: TASK_ID_DESCRIPTION })
  id: string;

  @Field({ description: 'Where in the plan: II.1b (tasks of a goal), III.2 (solutions), V.4 (duties of an agency)' })
  section: string;

  @Field(() => Int)
  ordinal: number;

  @Field({ description: 'Title in English' })
  title: string;

  @Field({ description: "The plan's own words (Vietnamese, verbatim)" })
  titleVi: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ implements: Task, description: description('labour (DOLISA)') })
export class LabourTask extends Task {}

@Directive('@key(fields: "id")')
@ObjectType({ implements: Task, description: description('police') })
export class PoliceTask extends Task {}

@Directive('@key(fields: "id")')
@ObjectType({ implements: Task, description: description('health') })
export class HealthTask extends Task {}

@Directive('@key(fields: "id")')
@ObjectType({ implements: Task, description: description('education') })
export class EducationTask extends Task {}

@Directive('@key(fields: "id")')
@ObjectType({ implements: Task, description: description('information and the press') })
export class InformationTask extends Task {}

@Directive('@key(fields: "id")')
@ObjectType({ implements: Task, description: 'A task of an agency that has no subgraph of its own; labour keeps its register' })
export class RegistryTask extends Task {}

export const TASK_TYPES = [LabourTask, PoliceTask, HealthTask, EducationTask, InformationTask, RegistryTask];
