import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IdempotentCreateInput } from '@qn/common';
import { CaseCharge, CaseOutcome } from '../../entities/criminal-case';

@InputType({ description: 'A prostitution-related criminal case as opened. There are no fields for names, by design.' })
export class OpenCriminalCaseInput extends IdempotentCreateInput {
  @Field(() => LocalDateResolver, { description: 'The day the case was opened' })
  openedOn: string;

  @Field(() => [CaseCharge], { description: 'The offences charged (at least one)' })
  charges: CaseCharge[];

  @Field(() => ID, { nullable: true, description: 'The district it was opened in: required before 1/7/2025, left out after (no district level)' })
  districtId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The commune-level unit valid on that date: required from 1/7/2025; before, optional (in the district given)',
  })
  communeId?: string | null;

  @Field(() => Int, { defaultValue: 0, description: 'Number of suspects (0 when left out; no identities)' })
  suspects: number;

  @Field(() => Int, { defaultValue: 0, description: 'Number of victims (0 when left out; no identities)' })
  victims: number;

  @Field(() => Int, { defaultValue: 0, description: 'Victims who are minors (under 18), at most victims (0 when left out)' })
  minorVictims: number;
}

@InputType({ description: 'How and when a case was dealt with under the law (IND-3.2)' })
export class DealWithCriminalCaseInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  expectedVersion: number;

  @Field(() => LocalDateResolver, { description: 'The day it was dealt with (prosecuted, tried …)' })
  dealtWithOn: string;

  @Field(() => CaseOutcome, { description: 'How it was dealt with' })
  outcome: CaseOutcome;
}

@InputType({ description: 'Which criminal cases to list' })
export class CriminalCaseFilter {
  @Field(() => ID, { nullable: true })
  districtId?: string;

  @Field(() => ID, { nullable: true })
  communeId?: string;

  @Field({ nullable: true, description: 'Only cases dealt with in this period' })
  dealtWithIn?: string;

  @Field(() => CaseCharge, { nullable: true })
  charge?: CaseCharge;
}
