import { Field, ID, InputType, Int } from 'type-graphql';
import { IdempotentCreateInput } from '@qn/common';

@InputType()
export class RecordEnrolmentInput extends IdempotentCreateInput {
  @Field(() => ID)
  institutionId: string;

  @Field({ description: 'e.g. 2023-2024' })
  schoolYear: string;

  @Field(() => Int)
  students: number;
}

@InputType()
export class UpdateEnrolmentInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you read; the update fails with CONFLICT if it changed since' })
  expectedVersion: number;

  @Field(() => Int)
  students: number;
}

@InputType()
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
