import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IdempotentCreateInput } from '@qn/common';
import { IntegratedProgramme } from '../../entities/district-plan';
import { PilotKind } from '../../entities/pilot-model';

@InputType({ description: "A prevention plan a district-level People's Committee adopted for a year (IND-2.1; one per district and year)" })
export class AdoptDistrictPlanInput extends IdempotentCreateInput {
  @Field(() => ID)
  districtId: string;

  @Field(() => Int, { description: 'The year the plan is for' })
  year: number;

  @Field(() => LocalDateResolver, { description: 'At the latest in the year the plan is for' })
  adoptedOn: string;

  @Field(() => String, { nullable: true, description: 'Number of the decision or plan document, e.g. 45/KH-UBND (optional)' })
  documentNumber?: string | null;
}

@InputType({ description: 'A correction of a district plan; fields left out stay as they are' })
export class UpdateDistrictPlanInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you read; the update fails with CONFLICT if it changed since' })
  expectedVersion: number;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The day it was adopted' })
  adoptedOn?: string;

  @Field(() => String, { nullable: true, description: 'Number of the decision or plan document' })
  documentNumber?: string;
}

@InputType({ description: 'Prevention integrated into another programme of a district-level unit in a year (IND-2.2)' })
export class RecordProgrammeIntegrationInput extends IdempotentCreateInput {
  @Field(() => ID)
  districtId: string;

  @Field(() => IntegratedProgramme, { description: 'The programme prevention was integrated into' })
  programme: IntegratedProgramme;

  @Field(() => Int)
  year: number;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType({ description: 'Which district plans or programme integrations to list' })
export class DistrictRecordFilter {
  @Field(() => ID, { nullable: true })
  districtId?: string;

  @Field({ nullable: true, description: 'Only records for the years this period touches (2024, 2024Q3, 2021-2025)' })
  period?: string;
}

@InputType({ description: 'A pilot model a district-level or commune-level unit starts (IND-4.1)' })
export class StartPilotModelInput extends IdempotentCreateInput {
  @Field({ description: "The model's name" })
  name: string;

  @Field(() => PilotKind, { description: 'What the model does (II.4)' })
  kind: PilotKind;

  @Field(() => ID, { nullable: true, description: 'The district-level unit that started it: required before 1/7/2025, left out after (no district level)' })
  districtId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The commune-level unit that started it: required from 1/7/2025' })
  communeId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'For a model started before 1/7/2025 and running after 30/6/2025: the commune-level unit of 1/7/2025 running it',
  })
  communeAfterReformId?: string | null;

  @Field(() => LocalDateResolver, { description: 'The day it started' })
  startedOn: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day it ran, if it has already ended' })
  endedOn?: string | null;
}

@InputType({ description: 'A change to a pilot model; fields left out stay as they are' })
export class UpdatePilotModelInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you read; the update fails with CONFLICT if it changed since' })
  expectedVersion: number;

  @Field({ nullable: true, description: "The model's name" })
  name?: string;

  @Field(() => PilotKind, { nullable: true, description: 'What the model does (II.4)' })
  kind?: PilotKind;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The day it started' })
  startedOn?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Set when the pilot ends' })
  endedOn?: string;

  @Field(() => ID, { nullable: true, description: 'The commune-level unit of 1/7/2025 running it from that date' })
  communeAfterReformId?: string;
}

@InputType({ description: 'Which pilot models to list' })
export class PilotModelFilter {
  @Field(() => ID, { nullable: true })
  districtId?: string;

  @Field(() => ID, { nullable: true, description: 'Pilots started by, or run from 1/7/2025 by, this commune-level unit' })
  communeId?: string;

  @Field(() => PilotKind, { nullable: true })
  kind?: PilotKind;

  @Field({ nullable: true, description: 'Only pilots running at some time in this period' })
  activeIn?: string;
}
