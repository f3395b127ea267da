import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IdempotentCreateInput } from '@qn/common';
import { CommunicationAudience, CommunicationForm } from '../../entities/communication-activity';

@InputType()
export class RecordCommunicationActivityInput extends IdempotentCreateInput {
  @Field(() => CommunicationForm)
  form: CommunicationForm;

  @Field(() => LocalDateResolver)
  heldOn: string;

  @Field(() => ID, { nullable: true, description: 'The district it was held in: required before 1/7/2025, left out after (no district level)' })
  districtId?: string | null;

  @Field(() => ID, { description: 'The commune-level unit that held it, valid on that date (before 1/7/2025 in the district given)' })
  communeId: string;

  @Field(() => CommunicationAudience, { defaultValue: CommunicationAudience.GENERAL_PUBLIC })
  audience: CommunicationAudience;

  @Field(() => Int, { defaultValue: 0 })
  participants: number;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class UpdateCommunicationActivityInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you read; the update fails with CONFLICT if it changed since' })
  expectedVersion: number;

  @Field(() => CommunicationForm, { nullable: true })
  form?: CommunicationForm;

  @Field(() => LocalDateResolver, { nullable: true })
  heldOn?: string;

  @Field(() => CommunicationAudience, { nullable: true })
  audience?: CommunicationAudience;

  @Field(() => Int, { nullable: true })
  participants?: number;

  @Field(() => String, { nullable: true })
  note?: string;
}

@InputType()
export class CommunicationActivityFilter {
  @Field({ nullable: true, description: 'Only activities held in this period (2024, 2024Q3…)' })
  period?: string;

  @Field(() => ID, { nullable: true })
  districtId?: string;

  @Field(() => ID, { nullable: true })
  communeId?: string;

  @Field(() => CommunicationForm, { nullable: true })
  form?: CommunicationForm;
}
