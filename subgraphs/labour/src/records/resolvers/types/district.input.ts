import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IdempotentCreateInput } from '@qn/common';
import { IntegratedProgramme } from '../../entities/district-plan';
import { PilotKind } from '../../entities/pilot-model';

@InputType()
export class AdoptDistrictPlanInput extends IdempotentCreateInput {
  @Field(() => ID)
  districtId: string;

  @Field(() => Int, { description: 'The year the plan is for' })
  year: number;

  @Field(() => LocalDateResolver, { description: 'At the latest in the year the plan is for' })
  adoptedOn: string;

  @Field(() => String, { nullable: true })
  documentNumber?: string | null;
}

@InputType()
export class UpdateDistrictPlanInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you read; the update fails with CONFLICT if it changed since' })
  expectedVersion: number;

  @Field(() => LocalDateResolver, { nullable: true })
  adoptedOn?: string;

  @Field(() => String, { nullable: true })
  documentNumber?: string;
}

@InputType()
export class RecordProgrammeIntegrationInput extends IdempotentCreateInput {
  @Field(() => ID)
  districtId: string;

  @Field(() => IntegratedProgramme)
  programme: IntegratedProgramme;

  @Field(() => Int)
  year: number;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class DistrictRecordFilter {
  @Field(() => ID, { nullable: true })
  districtId?: string;

  @Field({ nullable: true, description: 'Only records for the years this period touches (2024, 2024Q3, 2021-2025)' })
  period?: string;
}

@InputType()
export class StartPilotModelInput extends IdempotentCreateInput {
  @Field()
  name: string;

  @Field(() => PilotKind)
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

  @Field(() => LocalDateResolver)
  startedOn: string;

  @Field(() => LocalDateResolver, { nullable: true })
  endedOn?: string | null;
}

@InputType()
export class UpdatePilotModelInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you read; the update fails with CONFLICT if it changed since' })
  expectedVersion: number;

  @Field({ nullable: true })
  name?: string;

  @Field(() => PilotKind, { nullable: true })
  kind?: PilotKind;

  @Field(() => LocalDateResolver, { nullable: true })
  startedOn?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Set when the pilot ends' })
  endedOn?: string;

  @Field(() => ID, { nullable: true, description: 'The commune-level unit of 1/7/2025 running it from that date' })
  communeAfterReformId?: string;
}

@InputType()
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
