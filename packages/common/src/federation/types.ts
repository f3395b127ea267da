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

@Directive('@shareable')
@ObjectType({ description: 'What a task has done in a period, counted from the owning agency\'s records' })
export class TaskProgress {
  @Field()
  period: string;

  @Field(() => Int, { description: 'How many records of the evidence kind fall in the period' })
  count: number;

  @Field({ description: 'What was counted, e.g. "inspections of service businesses"' })
  evidence: string;
}
