import { Field, ID, InputType, Int } from 'type-graphql';
import { IdempotentCreateInput } from '@qn/common';

@InputType({ description: 'The students enrolled at an institution in a school year (one record per institution and year)' })
export class RecordEnrolmentInput extends IdempotentCreateInput {
  @Field(() => ID, { description: 'The institution (Institution.id)' })
  institutionId: string;

  @Field({ description: 'e.g. 2023-2024' })
  schoolYear: string;

  @Field(() => Int, { description: 'Students enrolled (persons)' })
  students: number;
}

@InputType({ description: 'A correction of an enrolment' })
export class UpdateEnrolmentInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you read; the update fails with CONFLICT if it changed since' })
  expectedVersion: number;

  @Field(() => Int, { description: 'Students enrolled (persons); not fewer than a session of that year reached' })
  students: number;
}

@InputType({ description: 'Which enrolments to list' })
export class EnrolmentFilter {
  @Field(() => ID, { nullable: true })
  institutionId?: string;

  @Field(() => ID, { nullable: true })
  districtId?: string;

  @Field({ nullable: true, description: 'Only this school year, e.g. 2023-2024' })
  schoolYear?: string;

  @Field({ nullable: true, description: 'Only the school years that overlap this period (2024 → 2023-2024 and 2024-2025)' })
  period?: string;
}
