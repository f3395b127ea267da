import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IdempotentCreateInput } from '@qn/common';
import { TipChannel, TipClassification, TipKind, TipOutcome, TipVerification } from '../../entities/tip';

@InputType({ description: 'A denunciation, crime report or complaint as received. There is no field for who sent it, by design.' })
export class ReceiveTipInput extends IdempotentCreateInput {
  @Field(() => TipKind, { description: 'Tố giác, tin báo, kiến nghị khởi tố or khiếu nại' })
  kind: TipKind;

  @Field(() => LocalDateResolver, { description: 'The day it was received (not in the future)' })
  receivedOn: string;

  @Field(() => TipChannel, { description: 'How it was received' })
  channel: TipChannel;

  @Field(() => ID, { nullable: true, description: 'The district it was received in: required before 1/7/2025, left out after (no district level)' })
  districtId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The commune-level unit valid on that date: required from 1/7/2025; before, optional (in the district given)',
  })
  communeId?: string | null;

  @Field(() => TipClassification, { nullable: true, description: 'What it is about, if already known' })
  classification?: TipClassification;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Legal time limit; default 20 days after receipt (Criminal Procedure Code, art. 147)' })
  deadlineOn?: string;

  @Field({ nullable: true, description: 'Handling notes (stored encrypted); never the name of whoever sent it' })
  notes?: string;
}

@InputType({ description: 'A change to the handling of a tip: its classification, verification, deadline or settlement' })
export class HandleTipInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  expectedVersion: number;

  @Field(() => TipClassification, { nullable: true, description: 'What it is about' })
  classification?: TipClassification;

  @Field(() => TipVerification, { nullable: true, description: 'Where its verification stands' })
  verification?: TipVerification;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Extended deadline, where the law allows an extension' })
  deadlineOn?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The day it was settled (not in the future, not before receipt; needs an outcome)' })
  handledOn?: string;

  @Field(() => TipOutcome, { nullable: true, description: 'How it was settled (needs handledOn)' })
  outcome?: TipOutcome;

  @Field({ nullable: true, description: 'Handling notes (stored encrypted)' })
  notes?: string;
}

@InputType({ description: 'Which tips to list' })
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
