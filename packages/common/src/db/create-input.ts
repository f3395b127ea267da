import { Field, InputType } from 'type-graphql';
import { CREATE_IDEMPOTENCY_KEY_DESCRIPTION } from './idempotency';

/** The input of a create mutation: every one takes an optional idempotency key (`createOnce`). */
@InputType()
export abstract class IdempotentCreateInput {
  @Field(() => String, { nullable: true, description: CREATE_IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey?: string | null;
}
