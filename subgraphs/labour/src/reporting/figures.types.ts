import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { IndicatorStatus, IndicatorStatusEnum } from '@qn/common';

/** One indicator's number as a report carries it (stored with the report: what the unit submitted). */
@ObjectType('ReportIndicatorFigure', { description: "An indicator's number in a report, for the unit's territory or the province" })
export class IndicatorFigure {
  @Field(() => ID, { description: "The indicator's code, e.g. IND-3.1" })
  code: string;

  @Field({ description: 'The indicator as the plan writes it (Vietnamese)' })
  titleVi: string;

  @Field(() => ID, { description: 'The organisation unit the number is for (51 = the province, or a district)' })
  orgUnitId: string;

  @Field({ description: 'The period the number was computed over, e.g. 2024Q3R (R: the reporting cut-off window of Decree 09/2019)' })
  period: string;

  @Field(() => Float, { nullable: true, description: 'What was counted (see Indicator.numeratorDescription; null: no number)' })
  numerator: number | null;

  @Field(() => Float, { nullable: true, description: 'What it is measured against (see Indicator.denominatorDescription; null: none or no number)' })
  denominator: number | null;

  @Field(() => Float, { nullable: true, description: 'Percent, count or year-on-year change in percent, as the target kind says (null: no number)' })
  value: number | null;

  @Field(() => Float, { nullable: true, description: "The plan's goal (null: no number)" })
  target: number | null;

  @Field(() => IndicatorStatusEnum, { nullable: true, description: 'The verdict; null when the owning subgraph could not answer' })
  status: IndicatorStatus | null;

  @Field(() => String, { nullable: true, description: 'Why the number is not judged (NOT_APPLICABLE) or has no data' })
  statusReason?: string | null;

  @Field(() => Float, { nullable: true, description: 'What the value was judged against (the goal, a pro-rated goal or a trajectory milestone)' })
  milestone?: number | null;

  @Field({ description: 'The subgraph that computed it' })
  source: string;

  @Field(() => String, { nullable: true, description: 'Why there is no number (e.g. the owning subgraph was unavailable)' })
  unavailable: string | null;
}

@ObjectType('ReportTaskFigure', { description: "A task's progress in the report's period" })
export class TaskFigure {
  @Field(() => ID, { description: "The task's id, e.g. TASK-II.3b-1" })
  taskId: string;

  @Field()
  titleVi: string;

  @Field(() => Int, {
    nullable: true,
    description: "Records of the evidence kind in the period, or the registry entry's first measure (null: nothing counted or entered; see the narrative)",
  })
  count: number | null;

  @Field(() => String, { nullable: true, description: "What was counted, or the agency's evidence for a registry entry (null: nothing)" })
  evidence: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'For tasks without records: the status the agency entered in the registry (NOT_STARTED, IN_PROGRESS, DONE, NOT_APPLICABLE)',
  })
  status?: string | null;
}

@ObjectType('ReportCount', { description: 'A key count of records in the unit and period' })
export class CountFigure {
  @Field({ description: "The count's code, e.g. EVIDENCE-COMMUNICATION" })
  key: string;

  @Field({ description: 'What it counts (Vietnamese), e.g. Hoạt động truyền thông của cấp xã' })
  label: string;

  @Field(() => Int, { description: 'How many records' })
  value: number;
}

@ObjectType({ description: 'The numbers a report carries, filled from the graph' })
export class ReportFigures {
  @Field({ description: 'The period the numbers cover (the reporting cut-off window, e.g. 2024Q3R)' })
  dataPeriod: string;

  @Field(() => Date, {
    description:
      "When the numbers were taken from the graph (ISO timestamp): at submission for a submitted report; a draft's earlier numbers are in its history",
  })
  computedAt: string;

  @Field(() => [IndicatorFigure], { description: "Each indicator's number for the unit's territory or the province" })
  indicators: IndicatorFigure[];

  @Field(() => [TaskFigure], { description: "Each task's progress in the period" })
  tasks: TaskFigure[];

  @Field(() => [CountFigure], { description: 'Key counts of records in the unit and period' })
  counts: CountFigure[];

  /** The final review's content (programmeReview), stored with the report like any figure. */
  review?: Record<string, object | string>;
}

@ObjectType({ description: 'A number that differs between what a report carries and what the graph says today' })
export class FigureDifference {
  @Field({ description: 'INDICATOR, TASK or COUNT' })
  kind: string;

  @Field({ description: 'Indicator code, task id or count key' })
  key: string;

  @Field(() => ID, { nullable: true, description: 'The unit of an INDICATOR number (null for TASK and COUNT)' })
  orgUnitId: string | null;

  @Field({ description: 'numerator, denominator, value, status or count' })
  field: string;

  @Field(() => String, { nullable: true, description: 'As submitted (stored with the report)' })
  reported: string | null;

  @Field(() => String, { nullable: true, description: "Today's live number" })
  live: string | null;
}
