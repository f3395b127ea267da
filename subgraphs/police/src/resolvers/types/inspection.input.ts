import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IdempotentCreateInput } from '@qn/common';
import { InspectionOutcome, InspectionTeam } from '../../entities/inspection';

@InputType()
export class RecordInspectionInput extends IdempotentCreateInput {
  @Field(() => ID)
  businessId: string;

  @Field(() => LocalDateResolver)
  inspectedOn: string;

  @Field(() => InspectionTeam)
  team: InspectionTeam;

  @Field(() => InspectionOutcome)
  outcome: InspectionOutcome;

  @Field(() => Int, { defaultValue: 0 })
  violations: number;
}

@InputType()
export class UpdateInspectionInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you read; the update fails with CONFLICT if it changed since' })
  expectedVersion: number;

  @Field(() => LocalDateResolver, { nullable: true })
  inspectedOn?: string;

  @Field(() => InspectionTeam, { nullable: true })
  team?: InspectionTeam;

  @Field(() => InspectionOutcome, { nullable: true })
  outcome?: InspectionOutcome;

  @Field(() => Int, { nullable: true })
  violations?: number;
}

@InputType()
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
