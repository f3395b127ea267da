import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { IndicatorStatus, IndicatorStatusEnum } from '@qn/common';
import { ExportFile, Report } from '../reporting';

@ObjectType('ReviewYear', { description: 'One programme year of an indicator in the final review: its value, what it was judged against and the verdict' })
export class ReviewYear {
  @Field(() => Int)
  year: number;

  @Field(() => Float, { nullable: true, description: "The year's value, as IndicatorResult.value (null: no data or SUPPRESSED)" })
  value: number | null;

  @Field(() => Float, { nullable: true, description: 'What the year was judged against (null: not judged)' })
  milestone: number | null;

  @Field(() => IndicatorStatusEnum, { description: "The year's verdict" })
  status: IndicatorStatus;
}

@ObjectType('ReviewIndicator', { description: 'An indicator in the final review: each year 2021–2025, the programme summary, the target and the explanation' })
export class ReviewIndicator {
  @Field(() => ID, { description: "The indicator's code, e.g. IND-3.1" })
  code: string;

  @Field()
  titleVi: string;

  @Field(() => ID, { description: 'The agency that computes it' })
  ownerCode: string;

  @Field({ description: 'The target in words (Vietnamese)' })
  targetVi: string;

  @Field(() => [ReviewYear], { description: 'Each programme year 2021–2025' })
  years: ReviewYear[];

  @Field({
    description:
      'The programme verdict: for a yearly or growth target the years met and the last year (no summed verdict); for a cumulative or programme target the verdict at the end of 2025',
  })
  summaryStatus: string;

  @Field({ description: 'The programme summary in Vietnamese' })
  summaryVi: string;

  @Field(() => Int, { nullable: true, description: 'Years ACHIEVED, for a yearly or growth target (null otherwise)' })
  yearsMet: number | null;

  @Field(() => Int, { nullable: true, description: 'Years with a verdict (ACHIEVED or NOT_MET), for a yearly or growth target (null otherwise)' })
  yearsJudged: number | null;

  @Field({ description: 'The trend from the first to the last year with a value: UP, DOWN, FLAT or NONE' })
  trend: string;

  @Field(() => Float, { nullable: true, description: "The plan's baseline, else the province's value in the first programme year (null: none)" })
  baseline: number | null;

  @Field({ description: 'How the indicator is read and judged (formula, reading, rule)' })
  explanation: string;

  @Field(() => String, { nullable: true, description: 'Why there is no number (the owning agency could not answer)' })
  unavailable: string | null;
}

@ObjectType('ReviewTaskOwner', { description: 'Who held a task, from when' })
export class ReviewTaskOwner {
  @Field(() => ID, { description: "The agency's code, e.g. LABOUR or HEALTH" })
  code: string;

  @Field({ description: "The agency's name (Vietnamese)" })
  nameVi: string;

  @Field(() => LocalDateResolver, { description: "First day it held the task (the plan's date, 5/11/2021, for the first owner)" })
  from: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'First day it no longer held it (null: holds it still)' })
  to: string | null;
}

@ObjectType('ReviewTaskYear', { description: "A task's year: what the records show and what the owner's yearly report said" })
export class ReviewTaskYear {
  @Field(() => Int)
  year: number;

  @Field(() => Int, { nullable: true, description: 'Records of the evidence kind in the year (null: no records kept in the graph)' })
  records: number | null;

  @Field(() => Int, { nullable: true, description: "The count in the owner's accepted yearly report (null: no such report or no count in it)" })
  reported: number | null;
}

@ObjectType('ReviewTask', { description: 'A task in the final review: who held it and what each year shows' })
export class ReviewTask {
  @Field(() => ID, { description: "The task's id, e.g. TASK-V.2-1" })
  taskId: string;

  @Field()
  titleVi: string;

  @Field(() => [ReviewTaskOwner], { description: 'Every agency that held the task, oldest first' })
  owners: ReviewTaskOwner[];

  @Field(() => String, { nullable: true, description: 'What its progress counts, as Task.progress gives it (null: nothing counted or entered)' })
  evidence: string | null;

  @Field(() => [ReviewTaskYear], { description: 'Each programme year 2021–2025' })
  years: ReviewTaskYear[];
}

@ObjectType('ReviewUnitYear', { description: "A reporting unit's year: reports expected (quarters and the year), received, on time, late" })
export class ReviewUnitYear {
  @Field(() => Int)
  year: number;

  @Field(() => Int, { description: 'Reports expected in the year (reports)' })
  expected: number;

  @Field(() => Int, { description: 'Reports received (reports)' })
  received: number;

  @Field(() => Int, { description: 'Reports received on or before their deadline (reports)' })
  onTime: number;

  @Field(() => Int, { description: 'Reports received after their deadline (reports)' })
  late: number;
}

@ObjectType('ReviewUnit', { description: 'A reporting unit in the final review: its reporting year by year' })
export class ReviewUnit {
  @Field(() => ID, { description: 'The reporting unit: an agency code, a district id (to 30/6/2025) or a commune-level unit id (from 1/7/2025)' })
  unitId: string;

  @Field({ description: 'Its name (Vietnamese)' })
  unitName: string;

  @Field(() => [ReviewUnitYear], { description: 'Each programme year 2021–2025' })
  years: ReviewUnitYear[];
}

@ObjectType('ReviewBudgetLine', { description: 'The estimates of one year and funding source in the final review' })
export class ReviewBudgetLine {
  @Field(() => Int)
  year: number;

  @Field({ description: 'PROVINCIAL_BUDGET, DISTRICT_BUDGET, CENTRAL_BUDGET or OTHER' })
  fundingSource: string;

  @Field({ description: 'VND' })
  total: string;
}

@ObjectType('ProgrammeReview', {
  description: "The final review (báo cáo tổng kết) of the plan 2021–2025, drafted from the graph; its lifecycle is the report's",
})
export class ProgrammeReview {
  @Field(() => Report, { description: 'The report carrying the review: status, version, history, narrative' })
  report: Report;

  @Field(() => ID, { description: 'The standing agency at the end of the programme, in whose name it is issued' })
  issuerCode: string;

  @Field({ description: "The issuing agency's name (Vietnamese), as the document's heading and closing name it" })
  issuerNameVi: string;

  @Field(() => [String], { description: 'To whom it is addressed' })
  addresseesVi: string[];

  @Field(() => [ReviewIndicator], { description: 'Each indicator of the plan, year by year' })
  indicators: ReviewIndicator[];

  @Field(() => [ReviewTask], { description: 'Each task of the plan, year by year' })
  tasks: ReviewTask[];

  @Field(() => [ReviewUnit], { description: "Each reporting unit's reporting, year by year" })
  units: ReviewUnit[];

  @Field(() => [ReviewBudgetLine], { description: "The units' estimates by year and funding source" })
  budget: ReviewBudgetLine[];

  @Field(() => [String], { description: 'The 2025 reorganisation: who took over which duty, which units replaced which (Vietnamese)' })
  reorganisationVi: string[];

  @Field(() => Date, { description: 'When its numbers were taken from the graph' })
  computedAt: string;

  @Field(() => ExportFile, { description: 'DOCX laid out as an official report (also at the gateway: GET /downloads/programme-review.docx)' })
  document: ExportFile;

  @Field(() => ExportFile, { description: 'CSV, UTF-8 with BOM' })
  csvFile: ExportFile;

  @Field(() => ExportFile, { description: 'XLSX, a sheet per section' })
  workbook: ExportFile;
}

/** The review's content as stored with the report (figures.review). */
export interface ReviewContent {
  issuerCode: string;
  issuerNameVi: string;
  issuerHeadingVi: string[];
  issuerAbbreviation: string;
  addresseesVi: string[];
  indicators: ReviewIndicator[];
  tasks: ReviewTask[];
  units: ReviewUnit[];
  budget: ReviewBudgetLine[];
  reorganisationVi: string[];
}
