import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IdempotentCreateInput } from '@qn/common';
import { InspectionOutcome, InspectionTeam } from '../../entities/inspection';

@InputType({ description: 'An inspection of a registered service business' })
export class RecordInspectionInput extends IdempotentCreateInput {
  @Field(() => ID, { description: 'The service business inspected (ServiceBusiness.id); it must be open on the day' })
  businessId: string;

  @Field(() => LocalDateResolver, { description: 'The day of the inspection' })
  inspectedOn: string;

  @Field(() => InspectionTeam, { description: 'Who inspected: police or the 178 inter-agency team' })
  team: InspectionTeam;

  @Field(() => InspectionOutcome, { description: 'What was found and the measure taken' })
  outcome: InspectionOutcome;

  @Field(() => Int, { defaultValue: 0, description: 'Violations found (0 when left out)' })
  violations: number;
}

@InputType({ description: 'A correction of an inspection; fields left out stay as they are' })
export class UpdateInspectionInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you read; the update fails with CONFLICT if it changed since' })
  expectedVersion: number;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The day of the inspection' })
  inspectedOn?: string;

  @Field(() => InspectionTeam, { nullable: true, description: 'Who inspected' })
  team?: InspectionTeam;

  @Field(() => InspectionOutcome, { nullable: true, description: 'What was found and the measure taken' })
  outcome?: InspectionOutcome;

  @Field(() => Int, { nullable: true, description: 'Violations found' })
  violations?: number;
}

@InputType({ description: 'Which inspections to list' })
export class InspectionFilter {
  @Field(() => ID, { nullable: true })
  businessId?: string;

  @Field(() => ID, { nullable: true })
  districtId?: string;

  @Field(() => ID, {
    nullable: true,
    description: "Only inspections of businesses in this commune (before 1/7/2025) or commune-level unit (from then), on the inspection's date",
  })
  communeId?: string;

  @Field({ nullable: true, description: 'Only inspections in this period' })
  period?: string;

  @Field(() => InspectionTeam, { nullable: true })
  team?: InspectionTeam;
}
