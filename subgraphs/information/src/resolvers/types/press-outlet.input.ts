import { Field, ID, InputType, Int } from 'type-graphql';
import { IdempotentCreateInput } from '@qn/common';
import { PressLevel, PressMedium } from '../../entities/press-outlet';

@InputType()
export class CreatePressOutletInput extends IdempotentCreateInput {
  @Field()
  name: string;

  @Field(() => PressLevel)
  level: PressLevel;

  @Field(() => PressMedium)
  medium: PressMedium;
}

@InputType()
export class UpdatePressOutletInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you read; the update fails with CONFLICT if it changed since' })
  expectedVersion: number;

  @Field({ nullable: true })
  name?: string;

  @Field(() => PressLevel, { nullable: true })
  level?: PressLevel;

  @Field(() => PressMedium, { nullable: true })
  medium?: PressMedium;
}

@InputType()
export class PressOutletFilter {
  @Field(() => PressLevel, { nullable: true })
  level?: PressLevel;

  @Field(() => PressMedium, { nullable: true })
  medium?: PressMedium;
}
