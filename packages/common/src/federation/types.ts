import { LocalDateResolver } from 'graphql-scalars';
import { ClassType, Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IndicatorStatus, MeasureInput, Milestone, ResultSummaryData, TargetKind, YearVerdict } from '../status';

export enum IndicatorStatusEnum {
  ACHIEVED = 'ACHIEVED',
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  NOT_MET = 'NOT_MET',
  NO_DATA = 'NO_DATA',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
  SUPPRESSED = 'SUPPRESSED',
}
registerEnumType(IndicatorStatusEnum, {
  name: 'IndicatorStatus',
  description: 'How a result stands against its target',
  valuesConfig: {
    ACHIEVED: { description: 'Đạt: the period has ended and the target (or its milestone for the period) is met' },
    ON_TRACK: { description: 'Đúng tiến độ: the period is still open and the result so far meets the target, or its share of the year elapsed' },
    AT_RISK: { description: 'Có nguy cơ không đạt: the period is still open and the result so far is below the target' },
    NOT_MET: { description: 'Không đạt: the period has ended and the target is not met' },
    NO_DATA: { description: 'Chưa có số liệu: nothing to judge — no denominator in the period (statusReason says which)' },
    NOT_APPLICABLE: {
      description: 'Không đánh giá: the target does not judge this period or unit (e.g. a yearly target over 2021-2025; see summary and statusReason)',
    },
    SUPPRESSED: { description: 'Không công bố (số nhỏ): not shown to this caller: small-count protection (statusReason says why; docs/security.md)' },
  },
});

export enum TargetKindEnum {
  MIN_PERCENT = 'MIN_PERCENT',
  MIN_COUNT = 'MIN_COUNT',
  RANGE = 'RANGE',
  GROWTH = 'GROWTH',
}
registerEnumType(TargetKindEnum, {
  name: 'TargetKind',
  description: 'How a target is expressed',
  valuesConfig: {
    MIN_PERCENT: { description: 'At least a percentage: 100 × numerator / denominator ≥ the target' },
    MIN_COUNT: { description: 'At least a number of things counted' },
    RANGE: { description: 'A percentage within a range (e.g. a growth of 3–5 %)' },
    GROWTH: { description: 'Growth year on year: 100 × (this year − last year) / last year, judged against the target' },
  },
});

/** The levels of the territory; labour's OrgUnit and every agency's resultsByUnit use this one enum. */
export enum OrgUnitLevelEnum {
  PROVINCE = 'PROVINCE',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
}
registerEnumType(OrgUnitLevelEnum, {
  name: 'OrgUnitLevel',
  description: 'Province, district level (huyện, thị xã, thành phố; until 30/6/2025) or commune level (xã, phường, thị trấn, đặc khu)',
  valuesConfig: {
    PROVINCE: { description: 'Tỉnh: Quảng Ngãi (51), which absorbed Kon Tum (62) on 1/7/2025' },
    DISTRICT: { description: 'Cấp huyện: district-level units, abolished from 1/7/2025' },
    COMMUNE: { description: 'Cấp xã: commune-level units (xã, phường, thị trấn; from 1/7/2025 the 96 xã, phường and đặc khu)' },
  },
});

@Directive('@shareable')
@ObjectType({ description: 'The value a cumulative target is to reach by the end of a year' })
export class TargetMilestone {
  @Field(() => Int)
  year: number;

  @Field(() => Float, { description: "The value to reach by the end of that year, in the target's unit" })
  value: number;
}

/** A plan target; labour owns the catalogue, the computing agencies read it with @requires. */
@Directive('@shareable')
@ObjectType({ description: 'A target of the plan: its kind, goal, unit and deadline' })
export class Target {
  @Field(() => TargetKindEnum, { description: 'How the target is expressed: a minimum percentage, a minimum count, a range or a growth' })
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

  @Field(() => LocalDateResolver, { description: 'Date by which the goal is to be reached' })
  deadline: string;

  @Field({ description: 'Counts everything since the programme began (2021), not only the period asked' })
  cumulative: boolean;

  @Field(() => Float, {
    nullable: true,
    description: "The value before the programme (end of 2020) when the plan gives one; else a cumulative trajectory starts from the first year's value",
  })
  baseline?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'How a value builds up within the year: RATE, COVERAGE, FLOW or STATE (decides what a shorter period is judged against)',
  })
  accrual?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The lowest organisation level the goal binds (PROVINCE: a province-wide goal; units below are NOT_APPLICABLE)',
  })
  lowestLevel?: string | null;

  @Field(() => [TargetMilestone], { nullable: true, description: 'Milestones of a cumulative target that replace the straight line for those years' })
  milestones?: Milestone[] | null;
}

/** What labour's `OrgUnit` is, said alike by every subgraph that refers to it. */
export const ORG_UNIT_DESCRIPTION = 'An administrative unit of the province, valid from one date to another';
export const ORG_UNIT_ID_DESCRIPTION =
  'Fixed internal id: the GSO code, or <code>-2025 / <code>-2025-07 for a unit created on 1/1/2025 or 1/7/2025 under a code already used';

/** What police's `ServiceBusiness` is, said alike by every subgraph that refers to it. */
export const SERVICE_BUSINESS_DESCRIPTION = 'A service business prone to prostitution, in the police registry';

/** Reference to an organisation unit; labour resolves its name, level and validity. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('OrgUnit', { description: ORG_UNIT_DESCRIPTION })
export class OrgUnitRef {
  @Field(() => ID, { description: ORG_UNIT_ID_DESCRIPTION })
  id: string;
}

export interface ExplanationData {
  formula: string;
  reading: string;
  inputs: MeasureInput[];
  targetRule: string;
}

export interface IndicatorResultData {
  period: string;
  orgUnit: { id: string };
  /** The units whose records were counted: the unit asked, or its predecessors / successors for the part of the period it did not exist in. */
  computedOver: { id: string }[];
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  target: number | null;
  status: IndicatorStatus;
  statusReason?: string | null;
  milestone?: number | null;
  readonly baseline?: Promise<number | null> | number | null;
  explanation?: ExplanationData | null;
  summary?: ResultSummaryData | null;
  /** Computed when asked: the unit's five programme years. */
  readonly trajectory?: Promise<YearVerdict[]> | YearVerdict[] | null;
}

@Directive('@shareable')
@ObjectType({ description: "One input of a result: what it counts, its value, which agency's service computed it and from which records" })
export class ExplanationInput implements MeasureInput {
  @Field({ description: 'What it counts, e.g. "students reached" or "months in the period"' })
  name: string;

  @Field(() => Float, { nullable: true, description: 'Its value in the period and unit asked (null: nothing counted, or SUPPRESSED)' })
  value: number | null;

  @Field({ description: 'Code of the agency whose service computed it' })
  computedBy: string;

  @Field({ description: 'The records it was counted from' })
  source: string;
}

@Directive('@shareable')
@ObjectType({
  description: "Why a result is what it is: the formula with its numbers, the reading of the plan's sentence, the inputs and the target rule applied",
})
export class Explanation implements ExplanationData {
  @Field({ description: 'The computation with its numbers, e.g. 100 × 124 / 173 = 71.68' })
  formula: string;

  @Field({ description: "How the plan's sentence is read into numerator and denominator" })
  reading: string;

  @Field(() => [ExplanationInput], { description: 'The numerator and denominator that went in (none for a run of years judged year by year)' })
  inputs: MeasureInput[];

  @Field({ description: 'The verdict rule applied and what the value was judged against' })
  targetRule: string;
}

@Directive('@shareable')
@ObjectType({ description: 'One programme year: the value, the milestone it is judged against and its verdict' })
export class TrajectoryPoint implements YearVerdict {
  @Field(() => Int)
  year: number;

  @Field(() => Float, { nullable: true, description: "The year's value, as IndicatorResult.value (null: no data or SUPPRESSED)" })
  value: number | null;

  @Field(() => Float, { nullable: true, description: 'What the year was judged against (null: not judged)' })
  milestone: number | null;

  @Field(() => IndicatorStatusEnum, { description: "The year's verdict" })
  status: IndicatorStatus;
}

@Directive('@shareable')
@ObjectType({
  description: "A run of years of a yearly or growth target: each year's verdict, how many years were met and the last year's verdict (no summed verdict)",
})
export class ResultSummary implements ResultSummaryData {
  @Field(() => [TrajectoryPoint], { description: 'Each year of the run with its value and verdict' })
  years: YearVerdict[];

  @Field(() => Int, { description: 'Years ACHIEVED' })
  yearsMet: number;

  @Field(() => Int, { description: 'Years with a verdict (ACHIEVED or NOT_MET)' })
  yearsJudged: number;

  @Field(() => TrajectoryPoint, { nullable: true, description: 'The last year of the run (null: an empty run)' })
  lastYear: YearVerdict | null;

  @Field({ description: 'The summary in words, e.g. "met in 3 of 4 years; 2025: ON_TRACK"' })
  text: string;
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

    @Field(() => orgUnitType, { description: 'The province, a district or a commune: the unit asked' })
    orgUnit: { id: string };

    @Field(() => [orgUnitType], {
      description:
        "The units whose records were counted, each where it stood on the record's date: the unit asked while it existed, the units it was formed from before (a 2024 result for a commune of 1/7/2025), the units that took it over after",
    })
    computedOver: { id: string }[];

    @Field(() => Float, {
      nullable: true,
      description: 'What was counted (GROWTH: the period itself); null when SUPPRESSED or for a run of years judged year by year',
    })
    numerator: number | null;

    @Field(() => Float, {
      nullable: true,
      description: 'What the numerator is measured against (GROWTH: the same period a year earlier); null for a count, when SUPPRESSED or for a run of years',
    })
    denominator: number | null;

    @Field(() => Float, { nullable: true, description: 'Percent, count, or year-on-year change in percent, as the target kind says' })
    value: number | null;

    @Field(() => Float, { nullable: true, description: "The plan's goal (the lower bound of a range or growth target)" })
    target: number | null;

    @Field(() => IndicatorStatusEnum, { description: 'The verdict: how the value stands against the target' })
    status: IndicatorStatus;

    @Field(() => String, { nullable: true, description: 'Why the result is NOT_APPLICABLE, NO_DATA or SUPPRESSED' })
    statusReason?: string | null;

    @Field(() => Float, { nullable: true, description: "What the value was judged against: the goal, a pro-rated goal or the trajectory's milestone" })
    milestone?: number | null;

    @Field(() => Float, { nullable: true, description: "The plan's baseline, else the unit's value in the first programme year (2021)" })
    baseline?: Promise<number | null> | number | null;

    @Field(() => Explanation, { nullable: true, description: 'How the result was computed and judged' })
    explanation?: ExplanationData | null;

    @Field(() => ResultSummary, { nullable: true, description: 'For a run of years of a yearly or growth target: the verdict of each year' })
    summary?: ResultSummaryData | null;

    @Field(() => [TrajectoryPoint], { nullable: true, description: "The unit's value, milestone and verdict in each programme year 2021–2025" })
    trajectory?: Promise<YearVerdict[]> | YearVerdict[] | null;
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
registerEnumType(TaskStatus, {
  name: 'TaskStatus',
  description: 'Where a task stands in a period, as the owning agency entered it',
  valuesConfig: {
    NOT_STARTED: { description: 'Chưa triển khai: not begun in the period (no figure above zero)' },
    IN_PROGRESS: { description: 'Đang triển khai: under way' },
    DONE: { description: 'Hoàn thành: done in the period, with evidence of what and where it is documented' },
    NOT_APPLICABLE: { description: 'Không áp dụng: the task does not apply to the unit in the period (no figure above zero)' },
  },
});

@Directive('@shareable')
@ObjectType({ description: 'One figure of a task in a period: a measure of the catalogue and its value' })
export class MeasureValue {
  @Field({ description: "The measure's code (Task.measures); RECORDS for a count of the owning agency's records" })
  measure: string;

  @Field(() => Float, { description: "The figure, in the measure's unit (persons, VND …; RECORDS: a number of records)" })
  value: number;
}

@Directive('@shareable')
@ObjectType({ description: "What a task has done in a period: counted from the owning agency's records, or entered by the agency in labour's registry" })
export class TaskProgress {
  @Field({ description: 'The period asked, e.g. 2024 or 2024Q3' })
  period: string;

  @Field(() => Int, {
    description:
      "Records: how many records of the evidence kind fall in the period. Registry: the value of the task's first measure not in VND, or the number of entries when every measure is an amount",
  })
  count: number;

  @Field({ description: 'What was counted, e.g. "inspections of service businesses"; for registry entries, the agency\'s evidence' })
  evidence: string;

  @Field(() => TaskStatus, { nullable: true, description: 'As the agency entered it (registry only; null for progress counted from records)' })
  status?: TaskStatus | null;

  @Field(() => [MeasureValue], { description: "Every measure's value: RECORDS for a count of records, the task's measures for registry entries" })
  values: MeasureValue[];
}
