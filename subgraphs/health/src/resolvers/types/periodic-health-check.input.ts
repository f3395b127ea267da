import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IdempotentCreateInput } from '@qn/common';

@InputType()
export class RecordHealthCheckInput extends IdempotentCreateInput {
  @Field(() => ID, { description: 'The id of the ServiceBusiness in the police registry' })
  businessId: string;

  @Field(() => LocalDateResolver)
  checkedOn: string;

  @Field(() => Int)
  staffChecked: number;

  @Field(() => Int, { defaultValue: 0 })
  staffReferred: number;

  @Field(() => ID, {
    nullable: true,
    description: 'The district of the business on the check date: required before 1/7/2025, left out after (no district level)',
  })
  districtId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The commune-level unit of the business on the check date: required from 1/7/2025; before, optional' })
  communeId?: string | null;
}

@InputType()
export class UpdateHealthCheckInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you read; the update fails with CONFLICT if it changed since' })
  expectedVersion: number;

  @Field(() => LocalDateResolver, { nullable: true })
  checkedOn?: string;

  @Field(() => Int, { nullable: true })
  staffChecked?: number;

  @Field(() => Int, { nullable: true })
  staffReferred?: number;

  @Field(() => ID, { nullable: true, description: 'The district of the business on the check date (before 1/7/2025)' })
  districtId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The commune-level unit of the business on the check date (required from 1/7/2025)' })
  communeId?: string | null;
}

@InputType()
export class HealthCheckFilter {
  @Field(() => ID, { nullable: true })
  businessId?: string;

  @Field(() => ID, { nullable: true })
  districtId?: string;

  @Field(() => ID, { nullable: true })
  communeId?: string;

  @Field({ nullable: true, description: 'Only checks in this period' })
  period?: string;
}
