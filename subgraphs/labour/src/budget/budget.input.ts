import { Field, ID, InputType, Int } from 'type-graphql';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../reporting';

@InputType({ description: "A line of a unit's yearly cost estimate (create: no expectedVersion; change: the version you read)" })
export class SetBudgetEstimateInput {
  @Field(() => Int)
  year: number;

  @Field(() => ID, { description: 'Agency code or district id' })
  unitId: string;

  @Field(() => ID, { description: 'A task of the plan the unit owns or takes part in' })
  taskCode: string;

  @Field({ description: 'VND, a whole number as a string' })
  amount: string;

  @Field({ description: 'PROVINCIAL_BUDGET, DISTRICT_BUDGET, CENTRAL_BUDGET or OTHER' })
  fundingSource: string;

  @Field({ nullable: true })
  note?: string;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number;

  @Field({ description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey: string;
}
