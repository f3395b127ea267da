import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IdempotentCreateInput } from '@qn/common';
import { SupportServiceKind } from '../../entities/support';

@InputType({ description: 'A person is registered by pseudonymous code only. There is no field for a name, by design.' })
export class RegisterSupportClientInput extends IdempotentCreateInput {
  @Field({ description: 'QNG- and eight capital letters or digits, e.g. QNG-7K2M9XQ4' })
  code: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The district whose services follow the person: required for a registration before 1/7/2025, left out after (no district level)',
  })
  districtId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The commune-level unit the person is registered in: required from 1/7/2025; before, optional within the district',
  })
  communeId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'For a registration before 1/7/2025: the commune-level unit of 1/7/2025 whose services follow the person from then (needed before assessments or services from that date)',
  })
  communeAfterReformId?: string | null;

  @Field(() => LocalDateResolver, { description: 'The day the person was registered' })
  registeredOn: string;
}

@InputType({ description: 'Change where a person is followed after 30/6/2025' })
export class UpdateSupportClientInput {
  @Field({ description: "The person's pseudonymous code" })
  code: string;

  @Field(() => Int, { description: 'The version you read; the update fails with CONFLICT if it changed since' })
  expectedVersion: number;

  @Field(() => ID, { description: 'The commune-level unit of 1/7/2025 whose services follow the person from that date' })
  communeAfterReformId: string;
}

@InputType({ description: "An assessment of a person's need for, and eligibility to, support (IND-4.2's denominator)" })
export class RecordNeedAssessmentInput extends IdempotentCreateInput {
  @Field({ description: "The person's pseudonymous code" })
  clientCode: string;

  @Field(() => LocalDateResolver, { description: 'The day of the assessment' })
  assessedOn: string;

  @Field({ description: 'The person needs support' })
  inNeed: boolean;

  @Field({ description: 'The person is eligible for support' })
  eligible: boolean;
}

@InputType({ description: "A support or reintegration service a person used (IND-4.2's numerator)" })
export class RecordSupportServiceUseInput extends IdempotentCreateInput {
  @Field({ description: "The person's pseudonymous code" })
  clientCode: string;

  @Field(() => SupportServiceKind, { description: 'The service used' })
  serviceKind: SupportServiceKind;

  @Field(() => LocalDateResolver, { description: 'The day it was used' })
  usedOn: string;
}

@InputType({ description: 'Which supported persons to list' })
export class SupportClientFilter {
  @Field(() => ID, { nullable: true })
  districtId?: string;

  @Field(() => ID, { nullable: true, description: 'Persons registered in this commune-level unit, or followed by it from 1/7/2025' })
  communeId?: string;

  @Field({ nullable: true, description: 'Only persons assessed in need and eligible in this period' })
  inNeedDuring?: string;
}
