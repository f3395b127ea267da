import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IdempotentCreateInput } from '@qn/common';
import { TipChannel, TipClassification, TipKind, TipOutcome, TipVerification } from '../../entities/tip';

@InputType({ description: 'A denunciation, crime report or complaint as received. There is no field for who sent it, by design.' })
export class ReceiveTipInput extends IdempotentCreateInput {
  @Field(() => TipKind)
  kind: TipKind;

  @Field(() => LocalDateResolver)
  receivedOn: string;

  @Field(() => TipChannel)
  channel: TipChannel;

  @Field(() => ID, { nullable: true, description: 'The district it was received in: required before 1/7/2025, left out after (no district level)' })
  districtId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The commune-level unit valid on that date: required from 1/7/2025; before, optional (in the district given)',
  })
  communeId?: string | null;

  @Field(() => TipClassification, { nullable: true })
  classification?: TipClassification;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Legal time limit; default 20 days after receipt (Criminal Procedure Code, art. 147)' })
  deadlineOn?: string;

  @Field({ nullable: true, description: 'Handling notes (stored encrypted); never the name of whoever sent it' })
  notes?: string;
}

@InputType()
export class HandleTipInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  expectedVersion: number;

  @Field(() => TipClassification, { nullable: true })
  classification?: TipClassification;

  @Field(() => TipVerification, { nullable: true })
  verification?: TipVerification;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Extended deadline, where the law allows an extension' })
  deadlineOn?: string;

  @Field(() => LocalDateResolver, { nullable: true })
  handledOn?: string;

  @Field(() => TipOutcome, { nullable: true })
  outcome?: TipOutcome;

  @Field({ nullable: true, description: 'Handling notes (stored encrypted)' })
  notes?: string;
}

@InputType()
export class TipFilter {
  @Field(() => ID, { nullable: true })
  districtId?: string;

  @Field(() => ID, { nullable: true })
  communeId?: string;

  @Field({ nullable: true, description: 'Only tips received in this period' })
  period?: string;

  @Field(() => TipClassification, { nullable: true })
  classification?: TipClassification;

  @Field({ nullable: true, description: 'true: handled; false: still open' })
  handled?: boolean;
}
