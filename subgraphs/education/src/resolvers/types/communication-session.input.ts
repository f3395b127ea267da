import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IdempotentCreateInput } from '@qn/common';
import { SessionForm } from '../../entities/communication-session';

@InputType({ description: 'A session as held; how many students took part, never who' })
export class RecordCommunicationSessionInput extends IdempotentCreateInput {
  @Field(() => ID, { description: 'The institution it was held at (Institution.id)' })
  institutionId: string;

  @Field({ description: 'The school year the session belongs to, e.g. 2023-2024; heldOn must fall in it' })
  schoolYear: string;

  @Field(() => LocalDateResolver)
  heldOn: string;

  @Field(() => SessionForm, { description: 'The form of the session' })
  form: SessionForm;

  @Field(() => Int, { description: 'At most the enrolment of the institution in that school year' })
  studentsReached: number;

  @Field(() => String, { nullable: true, description: 'What it was about (optional)' })
  topic?: string | null;
}

@InputType({ description: 'A correction of a session; fields left out stay as they are' })
export class UpdateCommunicationSessionInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you read; the update fails with CONFLICT if it changed since' })
  expectedVersion: number;

  @Field(() => LocalDateResolver, { nullable: true })
  heldOn?: string;

  @Field(() => SessionForm, { nullable: true, description: 'The form of the session' })
  form?: SessionForm;

  @Field(() => Int, { nullable: true, description: 'Students who took part (persons), at most the enrolment of that school year' })
  studentsReached?: number;

  @Field(() => String, { nullable: true, description: 'What it was about' })
  topic?: string;
}

@InputType({ description: 'Which communication sessions to list' })
export class CommunicationSessionFilter {
  @Field(() => ID, { nullable: true })
  institutionId?: string;

  @Field(() => ID, { nullable: true })
  districtId?: string;

  @Field(() => ID, { nullable: true })
  communeId?: string;

  @Field({ nullable: true, description: 'Only sessions held in this period (2024, 2024Q3…)' })
  period?: string;

  @Field(() => SessionForm, { nullable: true })
  form?: SessionForm;
}
