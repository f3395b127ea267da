import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IdempotentCreateInput } from '@qn/common';

@InputType({ description: 'A periodic health check of the staff of a registered service business; counts only, no names' })
export class RecordHealthCheckInput extends IdempotentCreateInput {
  @Field(() => ID, { description: 'The id of the ServiceBusiness in the police registry' })
  businessId: string;

  @Field(() => LocalDateResolver, { description: 'The day of the check; the business must be open on it' })
  checkedOn: string;

  @Field(() => Int, { description: 'Staff examined (persons, at least 1)' })
  staffChecked: number;

  @Field(() => Int, { defaultValue: 0, description: 'Of those, staff referred for treatment or further tests (persons, 0 when left out)' })
  staffReferred: number;

  @Field(() => ID, {
    nullable: true,
    description: 'The district of the business on the check date: required before 1/7/2025, left out after (no district level)',
  })
  districtId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The commune-level unit of the business on the check date: required from 1/7/2025; before, optional' })
  communeId?: string | null;
}

@InputType({ description: 'A correction of a health check; fields left out stay as they are' })
export class UpdateHealthCheckInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you read; the update fails with CONFLICT if it changed since' })
  expectedVersion: number;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The day of the check' })
  checkedOn?: string;

  @Field(() => Int, { nullable: true, description: 'Staff examined (persons, at least 1)' })
  staffChecked?: number;

  @Field(() => Int, { nullable: true, description: 'Of those, staff referred (persons, at most staffChecked)' })
  staffReferred?: number;

  @Field(() => ID, { nullable: true, description: 'The district of the business on the check date (before 1/7/2025)' })
  districtId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The commune-level unit of the business on the check date (required from 1/7/2025)' })
  communeId?: string | null;
}

@InputType({ description: 'Which periodic health checks to list' })
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
