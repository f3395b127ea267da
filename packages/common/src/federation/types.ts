import { ClassType, Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IndicatorStatus, TargetKind } from '../status';

export enum IndicatorStatusEnum {
  ACHIEVED = 'ACHIEVED',
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  NOT_MET = 'NOT_MET',
  NO_DATA = 'NO_DATA',
}
registerEnumType(IndicatorStatusEnum, { name: 'IndicatorStatus', description: 'How a result stands against its target' });

export enum TargetKindEnum {
  MIN_PERCENT = 'MIN_PERCENT',
  MIN_COUNT = 'MIN_COUNT',
  RANGE = 'RANGE',
  GROWTH = 'GROWTH',
}
registerEnumType(TargetKindEnum, { name: 'TargetKind', description: 'How a target is expressed' });

/** A plan target; labour owns the catalogue, the computing agencies read it with @requires. */
@Directive('@shareable')
@ObjectType({ description: 'A target of the plan: its kind, goal, unit and deadline' })
export class Target {
  @Field(() => TargetKindEnum)
  kind: TargetKind;

  @Field(() => Float, { nullable: true, description: 'The goal: a percentage (MIN_PERCENT) or a count (MIN_COUNT)' })
  value?: number | null;

  @Field(() => Float, { nullable: true, description: 'Lower bound of a RANGE or GROWTH target' })
  min?: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper bound of a RANGE or GROWTH target' })
  max?: number | null;

  @Field({ description: 'PERCENT, MONTHS, PUBLICATIONS, UNITS…' })
  unit: string;

  @Field({ description: 'The period a value is measured over: MONTH, YEAR or PROGRAMME' })
  per: string;

  @Field({ description: 'AT_LEAST, RANGE or GROWTH' })
  direction: string;

  @Field({ description: 'Date by which the goal is to be reached' })
  deadline: string;

  @Field({ description: 'Counts everything since the programme began (2021), not only the period asked' })
  cumulative: boolean;

  @Field(() => Float, { nullable: true })
  baseline?: number | null;
}

/** Reference to an organisation unit; labour resolves its name, level and validity. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('OrgUnit')
export class OrgUnitRef {
  @Field(() => ID)
  id: string;
}

export interface IndicatorResultData {
  period: string;
  orgUnit: { id: string };
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  target: number | null;
  status: IndicatorStatus;
}

/**
 * The shared result type. Its `orgUnit` field points at labour's full `OrgUnit`
 * entity inside labour and at the key-only `OrgUnitRef` elsewhere, so each
 * subgraph builds the type with its own OrgUnit class.
 */
export function indicatorResultType(orgUnitType: ClassType) {
  @Directive('@shareable')
  @ObjectType('IndicatorResult', { description: "One indicator's number for one period and organisation unit, computed by the agency that owns the data" })
  class IndicatorResult implements IndicatorResultData {
    @Field({ description: 'The period asked, e.g. 2024, 2024Q3, 2021-2025' })
    period: string;

    @Field(() => orgUnitType, { description: 'The province, a district or a commune' })
    orgUnit: { id: string };

    @Field(() => Float, { nullable: true })
    numerator: number | null;

    @Field(() => Float, { nullable: true })
    denominator: number | null;

    @Field(() => Float, { nullable: true, description: 'Percent, count, or year-on-year change in percent, as the target kind says' })
    value: number | null;

    @Field(() => Float, { nullable: true, description: 'The goal this value is judged against' })
    target: number | null;

    @Field(() => IndicatorStatusEnum)
    status: IndicatorStatus;
  }
  return IndicatorResult;
}

/** Where a duty stands, as its owning agency enters it in labour's registry. */
export enum TaskStatus {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
}
registerEnumType(TaskStatus, { name: 'TaskStatus', description: 'Where a task stands in a period, as the owning agency entered it' });

@Directive('@shareable')
@ObjectType({ description: 'One figure of a task in a period: a measure of the catalogue and its value' })
export class MeasureValue {
  @Field({ description: 'The measure\'s code (Task.measures); RECORDS for a count of the owning agency\'s records' })
  measure: string;

  @Field(() => Float)
  value: number;
}

@Directive('@shareable')
@ObjectType({ description: 'What a task has done in a period: counted from the owning agency\'s records, or entered by the agency in labour\'s registry' })
export class TaskProgress {
  @Field()
  period: string;

  @Field(() => Int, {
    description: 'Records: how many records of the evidence kind fall in the period. Registry: the value of the task\'s first measure not in VND, or the number of entries when every measure is an amount',
  })
  count: number;

  @Field({ description: 'What was counted, e.g. "inspections of service businesses"; for registry entries, the agency\'s evidence' })
  evidence: string;

  @Field(() => TaskStatus, { nullable: true, description: 'As the agency entered it (registry only; null for progress counted from records)' })
  status?: TaskStatus | null;

  @Field(() => [MeasureValue], { description: 'Every measure\'s value: RECORDS for a count of records, the task\'s measures for registry entries' })
  values: MeasureValue[];
}
