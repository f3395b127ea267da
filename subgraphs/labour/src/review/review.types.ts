import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ExportFile, Report } from '../reporting';

@ObjectType('ReviewYear', { description: 'One programme year of an indicator in the final review: its value, what it was judged against and the verdict' })
export class ReviewYear {
  @Field(() => Int)
  year: number;

  @Field(() => Float, { nullable: true })
  value: number | null;

  @Field(() => Float, { nullable: true })
  milestone: number | null;

  @Field()
  status: string;
}

@ObjectType('ReviewIndicator', { description: 'An indicator in the final review: each year 2021–2025, the programme summary, the target and the explanation' })
export class ReviewIndicator {
  @Field(() => ID)
  code: string;

  @Field()
  titleVi: string;

  @Field(() => ID, { description: 'The agency that computes it' })
  ownerCode: string;

  @Field({ description: 'The target in words (Vietnamese)' })
  targetVi: string;

  @Field(() => [ReviewYear])
  years: ReviewYear[];

  @Field({
    description:
      'The programme verdict: for a yearly or growth target the years met and the last year (no summed verdict); for a cumulative or programme target the verdict at the end of 2025',
  })
  summaryStatus: string;

  @Field({ description: 'The programme summary in Vietnamese' })
  summaryVi: string;

  @Field(() => Int, { nullable: true })
  yearsMet: number | null;

  @Field(() => Int, { nullable: true })
  yearsJudged: number | null;

  @Field({ description: 'The trend from the first to the last year with a value: UP, DOWN, FLAT or NONE' })
  trend: string;

  @Field(() => Float, { nullable: true })
  baseline: number | null;

  @Field({ description: 'How the indicator is read and judged (formula, reading, rule)' })
  explanation: string;

  @Field(() => String, { nullable: true, description: 'Why there is no number (the owning agency could not answer)' })
  unavailable: string | null;
}

@ObjectType('ReviewTaskOwner', { description: 'Who held a task, from when' })
export class ReviewTaskOwner {
  @Field(() => ID)
  code: string;

  @Field()
  nameVi: string;

  @Field(() => LocalDateResolver)
  from: string;

  @Field(() => LocalDateResolver, { nullable: true })
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

@ObjectType('ReviewTask')
export class ReviewTask {
  @Field(() => ID)
  taskId: string;

  @Field()
  titleVi: string;

  @Field(() => [ReviewTaskOwner])
  owners: ReviewTaskOwner[];

  @Field(() => String, { nullable: true })
  evidence: string | null;

  @Field(() => [ReviewTaskYear])
  years: ReviewTaskYear[];
}

@ObjectType('ReviewUnitYear', { description: "A reporting unit's year: reports expected (quarters and the year), received, on time, late" })
export class ReviewUnitYear {
  @Field(() => Int)
  year: number;

  @Field(() => Int)
  expected: number;

  @Field(() => Int)
  received: number;

  @Field(() => Int)
  onTime: number;

  @Field(() => Int)
  late: number;
}

@ObjectType('ReviewUnit')
export class ReviewUnit {
  @Field(() => ID)
  unitId: string;

  @Field()
  unitName: string;

  @Field(() => [ReviewUnitYear])
  years: ReviewUnitYear[];
}

@ObjectType('ReviewBudgetLine')
export class ReviewBudgetLine {
  @Field(() => Int)
  year: number;

  @Field()
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

  @Field()
  issuerNameVi: string;

  @Field(() => [String], { description: 'To whom it is addressed' })
  addresseesVi: string[];

  @Field(() => [ReviewIndicator])
  indicators: ReviewIndicator[];

  @Field(() => [ReviewTask])
  tasks: ReviewTask[];

  @Field(() => [ReviewUnit])
  units: ReviewUnit[];

  @Field(() => [ReviewBudgetLine])
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
