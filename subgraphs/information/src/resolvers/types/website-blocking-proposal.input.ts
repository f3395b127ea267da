import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IdempotentCreateInput } from '@qn/common';
import { BlockingReason } from '../../entities/website-blocking-proposal';

@InputType({ description: 'A website with prostitution content proposed for blocking (section V.7)' })
export class ProposeWebsiteBlockingInput extends IdempotentCreateInput {
  @Field({ description: 'The domain name only, e.g. example.com' })
  domain: string;

  @Field(() => LocalDateResolver, { description: 'The day blocking was proposed' })
  proposedOn: string;

  @Field(() => BlockingReason, { description: 'What the website carries' })
  reason: BlockingReason;

  @Field(() => LocalDateResolver, { nullable: true, description: 'When it is already blocked' })
  blockedOn?: string | null;
}

@InputType({ description: 'A change to a blocking proposal: when access was blocked, or its reason' })
export class UpdateWebsiteBlockingInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you read; the update fails with CONFLICT if it changed since' })
  expectedVersion: number;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Set when access has been blocked' })
  blockedOn?: string;

  @Field(() => BlockingReason, { nullable: true, description: 'What the website carries' })
  reason?: BlockingReason;
}

@InputType({ description: 'Which blocking proposals to list' })
export class WebsiteBlockingFilter {
  @Field({ nullable: true, description: 'Only proposals made in this period' })
  period?: string;

  @Field({ nullable: true, description: 'true: blocked; false: still pending' })
  blocked?: boolean;

  @Field(() => BlockingReason, { nullable: true })
  reason?: BlockingReason;
}
