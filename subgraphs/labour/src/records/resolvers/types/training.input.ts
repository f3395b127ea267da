import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IdempotentCreateInput } from '@qn/common';
import { StaffLevel } from '../../entities/training';

@InputType({ description: "A training course for staff working on prevention (IND-5.1a/b's numerators)" })
export class RecordTrainingCourseInput extends IdempotentCreateInput {
  @Field({ description: "The course's title" })
  title: string;

  @Field(() => StaffLevel, { description: 'The level of the staff trained' })
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

  @Field(() => Int, { description: 'Staff who took part (persons)' })
  participants: number;

  @Field(() => Int, { description: 'Participants trained for the first time in the programme; at most participants' })
  newTrainees: number;
}

@InputType({ description: 'A correction of a training course; fields left out stay as they are' })
export class UpdateTrainingCourseInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you read; the update fails with CONFLICT if it changed since' })
  expectedVersion: number;

  @Field({ nullable: true, description: "The course's title" })
  title?: string;

  @Field(() => LocalDateResolver, { nullable: true })
  heldOn?: string;

  @Field(() => Int, { nullable: true, description: 'Staff who took part (persons)' })
  participants?: number;

  @Field(() => Int, { nullable: true, description: 'Participants trained for the first time in the programme; at most participants' })
  newTrainees?: number;
}

@InputType({ description: 'Which training courses to list' })
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

@InputType({ description: "Staff in post at one level (and district) in one year (IND-5.1a/b's denominators; one record per level, district and year)" })
export class RecordStaffInPostInput extends IdempotentCreateInput {
  @Field(() => StaffLevel, { description: 'The level of the staff' })
  level: StaffLevel;

  @Field(() => ID, { nullable: true, description: 'Required for DISTRICT and COMMUNE staff; none for PROVINCIAL' })
  districtId?: string | null;

  @Field(() => Int)
  year: number;

  @Field(() => Int, { description: 'Staff in post (persons)' })
  staff: number;
}

@InputType({ description: 'A correction of the staff in post' })
export class UpdateStaffInPostInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you read; the update fails with CONFLICT if it changed since' })
  expectedVersion: number;

  @Field(() => Int, { description: 'Staff in post (persons)' })
  staff: number;
}
