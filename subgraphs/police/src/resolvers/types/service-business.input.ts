import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IdempotentCreateInput } from '@qn/common';
import { BusinessKind } from '../../entities/service-business';

@InputType({ description: 'A service business prone to prostitution, entered in the police registry' })
export class CreateServiceBusinessInput extends IdempotentCreateInput {
  @Field({ description: 'Trading name (no owner names)' })
  name: string;

  @Field(() => BusinessKind, { description: 'The kind of business' })
  kind: BusinessKind;

  @Field(() => ID, {
    nullable: true,
    description: 'Its district: required for a business opened before 1/7/2025, left out for one opened after (no district level)',
  })
  districtId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Its commune before 1/7/2025 (in the district given), where known' })
  communeId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The commune-level unit it lies in from 1/7/2025: required when it opened after, or operates after and its old commune went to more than one unit (or is not known); derived otherwise',
  })
  communeAfterReformId?: string | null;

  @Field(() => Int, { defaultValue: 0, description: 'Workers employed (persons; 0 when left out)' })
  employees: number;

  @Field(() => LocalDateResolver, { description: 'The day it opened' })
  openedOn: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The day it closed, if it already has' })
  closedOn?: string | null;
}

@InputType({ description: 'A change to a registered business; fields left out stay as they are' })
export class UpdateServiceBusinessInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you read; the update fails with CONFLICT if it changed since' })
  expectedVersion: number;

  @Field({ nullable: true, description: 'Trading name (no owner names)' })
  name?: string;

  @Field(() => BusinessKind, { nullable: true, description: 'The kind of business' })
  kind?: BusinessKind;

  @Field(() => ID, { nullable: true })
  communeId?: string;

  @Field(() => ID, { nullable: true, description: 'The commune-level unit it lies in from 1/7/2025' })
  communeAfterReformId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Workers employed (persons)' })
  employees?: number;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The day it opened' })
  openedOn?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Set when the business closes' })
  closedOn?: string;
}

@InputType({ description: 'Which registered businesses to list' })
export class ServiceBusinessFilter {
  @Field(() => ID, { nullable: true })
  districtId?: string;

  @Field(() => ID, { nullable: true, description: 'Its commune before 1/7/2025, or the commune-level unit it lies in from then' })
  communeId?: string;

  @Field(() => BusinessKind, { nullable: true })
  kind?: BusinessKind;

  @Field({ nullable: true, description: 'Only businesses operating at some time in this period (2024, 2024Q3…)' })
  operatingIn?: string;
}
