import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IdempotentCreateInput } from '@qn/common';
import { StaffLevel } from '../../entities/training';

@InputType()
export class RecordTrainingCourseInput extends IdempotentCreateInput {
  @Field()
  title: string;

  @Field(() => StaffLevel)
  level: StaffLevel;

  @Field(() => ID, {
    nullable: true,
    description: 'Required for DISTRICT and COMMUNE courses held before 1/7/2025; none for PROVINCIAL, and none after 30/6/2025 (no district level)',
  })
  districtId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The commune-level unit whose staff were trained: required for a COMMUNE course from 1/7/2025; before, optional within the district',
  })
  communeId?: string | null;

  @Field(() => LocalDateResolver)
  heldOn: string;

  @Field(() => Int)
  participants: number;

  @Field(() => Int, { description: 'Participants trained for the first time in the programme; at most participants' })
  newTrainees: number;
}

@InputType()
export class UpdateTrainingCourseInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you read; the update fails with CONFLICT if it changed since' })
  expectedVersion: number;

  @Field({ nullable: true })
  title?: string;

  @Field(() => LocalDateResolver, { nullable: true })
  heldOn?: string;

  @Field(() => Int, { nullable: true })
  participants?: number;

  @Field(() => Int, { nullable: true })
  newTrainees?: number;
}

@InputType()
export class TrainingCourseFilter {
  @Field({ nullable: true, description: 'Only courses held in this period' })
  period?: string;

  @Field(() => StaffLevel, { nullable: true })
  level?: StaffLevel;

  @Field(() => ID, { nullable: true })
  districtId?: string;

  @Field(() => ID, { nullable: true })
  communeId?: string;
}

@InputType()
export class RecordStaffInPostInput extends IdempotentCreateInput {
  @Field(() => StaffLevel)
  level: StaffLevel;

  @Field(() => ID, { nullable: true, description: 'Required for DISTRICT and COMMUNE staff; none for PROVINCIAL' })
  districtId?: string | null;

  @Field(() => Int)
  year: number;

  @Field(() => Int)
  staff: number;
}

@InputType()
export class UpdateStaffInPostInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you read; the update fails with CONFLICT if it changed since' })
  expectedVersion: number;

  @Field(() => Int)
  staff: number;
}
