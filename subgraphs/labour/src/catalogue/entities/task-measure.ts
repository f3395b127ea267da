import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What a figure is counted in. */
export enum MeasureUnit {
  COUNT = 'COUNT',
  VND = 'VND',
  PEOPLE = 'PEOPLE',
  SESSIONS = 'SESSIONS',
  INSPECTIONS = 'INSPECTIONS',
  CASES = 'CASES',
  VISITS = 'VISITS',
  DOCUMENTS = 'DOCUMENTS',
}
registerEnumType(MeasureUnit, {
  name: 'MeasureUnit',
  description: 'What a task measure is counted in (VND: đồng)',
  valuesConfig: {
    COUNT: { description: 'Things counted (models, loans, awards …)' },
    VND: { description: 'An amount in đồng' },
    PEOPLE: { description: 'Persons (participants, persons connected to services …)' },
    SESSIONS: { description: 'Sessions held (dissemination, training …)' },
    INSPECTIONS: { description: 'Inspections or patrols carried out' },
    CASES: { description: 'Cases (detected, prosecuted, tried …)' },
    VISITS: { description: 'Supervision or monitoring visits' },
    DOCUMENTS: { description: 'Documents issued or reviewed (plans, rules, guidance)' },
  },
});

/** Where a task's progress comes from. */
export enum ProgressSource {
  RECORDS = 'RECORDS',
  REGISTRY = 'REGISTRY',
}
registerEnumType(ProgressSource, {
  name: 'ProgressSource',
  description: "RECORDS: counted from the owning agency's records in its subgraph; REGISTRY: entered by the owning agency in labour's task-progress registry",
  valuesConfig: {
    RECORDS: { description: "Counted from the owning agency's records in its subgraph" },
    REGISTRY: { description: "Entered by the owning agency in labour's task-progress registry" },
  },
});

/** One measure of a task (catalogue data, `data/measures.json`): what its progress is counted in. */
@Entity('task_measure')
@ObjectType('TaskMeasure', { description: "What a task's progress is counted in, e.g. V.12 loans granted (count) and amount lent (VND)" })
export class TaskMeasure {
  @PrimaryColumn({ length: 30 })
  taskCode: string;

  @Field({ description: "The measure's code within the task, e.g. LOANS, LOAN_AMOUNT; RECORDS for a count of the owning agency's records" })
  @PrimaryColumn({ length: 40 })
  code: string;

  @Column({ type: 'int' })
  position: number;

  @Field(() => MeasureUnit, { description: 'What it is counted in (VND, persons, sessions …)' })
  @Column({ length: 20 })
  unit: MeasureUnit;

  @Field({ description: 'Label in Vietnamese' })
  @Column({ type: 'text' })
  labelVi: string;

  @Field({ description: 'Label in English' })
  @Column({ type: 'text' })
  labelEn: string;

  @Field(() => ProgressSource, { description: "Where its values come from: the owning agency's records or labour's registry" })
  @Column({ length: 10 })
  source: ProgressSource;
}
