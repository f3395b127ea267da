import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IdempotentCreateInput } from '@qn/common';
import { CaseCharge, CaseOutcome } from '../../entities/criminal-case';

@InputType({ description: 'A prostitution-related criminal case as opened. There are no fields for names, by design.' })
export class OpenCriminalCaseInput extends IdempotentCreateInput {
  @Field(() => LocalDateResolver)
  openedOn: string;

  @Field(() => [CaseCharge])
  charges: CaseCharge[];

  @Field(() => ID, { nullable: true, description: 'The district it was opened in: required before 1/7/2025, left out after (no district level)' })
  districtId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The commune-level unit valid on that date: required from 1/7/2025; before, optional (in the district given)',
  })
  communeId?: string | null;

  @Field(() => Int, { defaultValue: 0 })
  suspects: number;

  @Field(() => Int, { defaultValue: 0 })
  victims: number;

  @Field(() => Int, { defaultValue: 0 })
  minorVictims: number;
}

@InputType()
export class DealWithCriminalCaseInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  expectedVersion: number;

  @Field(() => LocalDateResolver)
  dealtWithOn: string;

  @Field(() => CaseOutcome)
  outcome: CaseOutcome;
}

@InputType()
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
