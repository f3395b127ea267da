import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '@qn/common';

export { IDEMPOTENCY_KEY_DESCRIPTION };

@InputType({ description: 'Opens the reports of a period: drafts filled from the graph' })
export class CreateReportDraftsInput {
  @Field({ description: 'Reporting period: 2024Q3, 2024S1, 2024M9 or 2024' })
  period: string;

  @Field(() => [ID], { nullable: true, description: 'Units to open (default: every expected unit for a coordinator, your own unit otherwise)' })
  unitIds?: string[];

  @Field({ description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey: string;
}

@InputType({ description: 'Names a report and the version a change is based on' })
export class ReportChangeInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you based the change on; a different current version is a CONFLICT' })
  expectedVersion: number;

  @Field({ description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey: string;
}

@InputType({ description: 'The narrative sections a unit writes; omitted sections stay as they are' })
export class UpdateReportNarrativeInput extends ReportChangeInput {
  @Field({ nullable: true, description: 'Narrative: results achieved' })
  results?: string;

  @Field({ nullable: true, description: 'Narrative: difficulties and shortcomings' })
  difficulties?: string;

  @Field({ nullable: true, description: 'Narrative: proposals and recommendations' })
  proposals?: string;
}

@InputType({ description: 'A submitted report sent back to its unit, with the reason' })
export class ReturnReportInput extends ReportChangeInput {
  @Field({ description: 'What the unit must complete or correct' })
  reason: string;
}

@InputType({ description: 'A correction of an approved report: a new revision with its reason' })
export class CorrectReportInput {
  @Field(() => ID, { description: 'The approved revision' })
  id: string;

  @Field({ description: 'Why the approved report is being corrected' })
  reason: string;

  @Field({ description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey: string;
}

@InputType({ description: 'The submission deadline DOLISA sets for a reporting period' })
export class SetReportingDeadlineInput {
  @Field({ description: 'Reporting period: 2024Q3, 2024S1, 2024M9 or 2024' })
  period: string;

  @Field(() => LocalDateResolver, { description: 'Last day for submission (YYYY-MM-DD, Vietnam time)' })
  deadline: string;

  @Field({ description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey: string;
}
