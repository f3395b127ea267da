import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IdempotentCreateInput } from '@qn/common';
import { CommunicationAudience, CommunicationForm } from '../../entities/communication-activity';

@InputType({ description: 'A prevention communication activity a commune-level unit held (IND-1.1)' })
export class RecordCommunicationActivityInput extends IdempotentCreateInput {
  @Field(() => CommunicationForm, { description: 'How it communicated' })
  form: CommunicationForm;

  @Field(() => LocalDateResolver)
  heldOn: string;

  @Field(() => ID, { nullable: true, description: 'The district it was held in: required before 1/7/2025, left out after (no district level)' })
  districtId?: string | null;

  @Field(() => ID, { description: 'The commune-level unit that held it, valid on that date (before 1/7/2025 in the district given)' })
  communeId: string;

  @Field(() => CommunicationAudience, { defaultValue: CommunicationAudience.GENERAL_PUBLIC, description: 'Who it was aimed at (GENERAL_PUBLIC when left out)' })
  audience: CommunicationAudience;

  @Field(() => Int, { defaultValue: 0, description: 'People who took part or were reached (persons; 0 when left out)' })
  participants: number;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType({ description: 'A correction of a communication activity; fields left out stay as they are' })
export class UpdateCommunicationActivityInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you read; the update fails with CONFLICT if it changed since' })
  expectedVersion: number;

  @Field(() => CommunicationForm, { nullable: true, description: 'How it communicated' })
  form?: CommunicationForm;

  @Field(() => LocalDateResolver, { nullable: true })
  heldOn?: string;

  @Field(() => CommunicationAudience, { nullable: true, description: 'Who it was aimed at' })
  audience?: CommunicationAudience;

  @Field(() => Int, { nullable: true, description: 'People who took part or were reached (persons)' })
  participants?: number;

  @Field(() => String, { nullable: true })
  note?: string;
}

@InputType({ description: 'Which communication activities to list' })
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
