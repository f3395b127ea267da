import { Field, ID, InputType, Int } from 'type-graphql';
import { IdempotentCreateInput } from '@qn/common';
import { PressLevel, PressMedium } from '../../entities/press-outlet';

@InputType({ description: 'A press outlet whose prevention pieces count towards IND-1.2a or IND-1.2b' })
export class CreatePressOutletInput extends IdempotentCreateInput {
  @Field({ description: 'Its name, e.g. Báo Quảng Ngãi (unique)' })
  name: string;

  @Field(() => PressLevel, { description: 'Provincial or central press' })
  level: PressLevel;

  @Field(() => PressMedium, { description: 'Print, online, radio or television' })
  medium: PressMedium;
}

@InputType({ description: 'A change to a press outlet; fields left out stay as they are' })
export class UpdatePressOutletInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you read; the update fails with CONFLICT if it changed since' })
  expectedVersion: number;

  @Field({ nullable: true, description: 'Its name (unique)' })
  name?: string;

  @Field(() => PressLevel, { nullable: true, description: 'Provincial or central press' })
  level?: PressLevel;

  @Field(() => PressMedium, { nullable: true, description: 'Print, online, radio or television' })
  medium?: PressMedium;
}

@InputType({ description: 'Which press outlets to list' })
export class PressOutletFilter {
  @Field(() => PressLevel, { nullable: true })
  level?: PressLevel;

  @Field(() => PressMedium, { nullable: true })
  medium?: PressMedium;
}
