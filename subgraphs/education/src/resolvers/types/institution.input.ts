import { Field, ID, InputType, Int } from 'type-graphql';
import { IdempotentCreateInput } from '@qn/common';
import { InstitutionKind } from '../../entities/institution';

@InputType({ description: 'An institution whose students IND-1.3c counts' })
export class CreateInstitutionInput extends IdempotentCreateInput {
  @Field({ description: 'Official name, e.g. Trường THPT Trần Quốc Tuấn' })
  name: string;

  @Field(() => InstitutionKind, { description: 'Upper-secondary, university or college, vocational or continuing education' })
  kind: InstitutionKind;

  @Field(() => ID, {
    nullable: true,
    description: 'The district it was registered in (before 1/7/2025); left out for one registered from 1/7/2025, when there is no district level',
  })
  districtId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Its commune: an old commune of the district given, or, with no district, its commune-level unit of 1/7/2025',
  })
  communeId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The commune-level unit the institution is in from 1/7/2025; needed before sessions dated from then are recorded',
  })
  communeAfterReformId?: string | null;
}

@InputType({ description: 'A change to an institution; fields left out stay as they are' })
export class UpdateInstitutionInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you read; the update fails with CONFLICT if it changed since' })
  expectedVersion: number;

  @Field({ nullable: true, description: 'Official name' })
  name?: string;

  @Field(() => InstitutionKind, { nullable: true, description: 'Upper-secondary, university or college, vocational or continuing education' })
  kind?: InstitutionKind;

  @Field(() => ID, { nullable: true })
  communeId?: string;

  @Field(() => ID, { nullable: true, description: 'The commune-level unit the institution is in from 1/7/2025' })
  communeAfterReformId?: string;
}

@InputType({ description: 'Which institutions to list' })
export class InstitutionFilter {
  @Field(() => ID, { nullable: true })
  districtId?: string;

  @Field(() => ID, { nullable: true })
  communeId?: string;

  @Field(() => ID, { nullable: true, description: 'Institutions in this commune-level unit from 1/7/2025' })
  communeAfterReformId?: string;

  @Field(() => InstitutionKind, { nullable: true })
  kind?: InstitutionKind;
}
