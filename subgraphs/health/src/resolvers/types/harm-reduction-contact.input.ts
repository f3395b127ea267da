import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IdempotentCreateInput } from '@qn/common';
import { HarmReductionService } from '../../entities/harm-reduction-contact';

@InputType({ description: 'A service given; the client is named only by a pseudonymous code. There is no field for a name, by design.' })
export class RecordHarmReductionContactInput extends IdempotentCreateInput {
  @Field({ description: 'QNG- and 8 letters or digits' })
  clientCode: string;

  @Field(() => LocalDateResolver, { description: 'The day the service was given' })
  contactedOn: string;

  @Field(() => ID, { nullable: true, description: 'The district it was given in: required before 1/7/2025, left out after (no district level)' })
  districtId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The commune-level unit valid on that date: required from 1/7/2025; before, optional (in the district given)',
  })
  communeId?: string | null;

  @Field(() => HarmReductionService, { description: 'The service given' })
  service: HarmReductionService;
}

@InputType({ description: 'A correction of a contact; fields left out stay as they are' })
export class UpdateHarmReductionContactInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you read; the update fails with CONFLICT if it changed since' })
  expectedVersion: number;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The day the service was given' })
  contactedOn?: string;

  @Field(() => ID, { nullable: true, description: 'Before 1/7/2025 the district; give null (and communeId) when moving a contact past 30/6/2025' })
  districtId?: string | null;

  @Field(() => ID, { nullable: true })
  communeId?: string | null;

  @Field(() => HarmReductionService, { nullable: true, description: 'The service given' })
  service?: HarmReductionService;
}

@InputType({ description: 'Which harm-reduction contacts to list' })
export class HarmReductionContactFilter {
  @Field(() => ID, { nullable: true })
  districtId?: string;

  @Field(() => ID, { nullable: true })
  communeId?: string;

  @Field({ nullable: true, description: 'Only contacts in this period (2024, 2024Q3…)' })
  period?: string;

  @Field(() => HarmReductionService, { nullable: true })
  service?: HarmReductionService;

  @Field({ nullable: true, description: 'Only this client' })
  clientCode?: string;
}
