import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IdempotentCreateInput } from '@qn/common';
import { ZoneKind } from '../../entities/worker-outreach';

@InputType({ description: 'An industrial park or economic zone whose workers labour reaches (IND-1.3b)' })
export class CreateIndustrialZoneInput extends IdempotentCreateInput {
  @Field({ description: 'e.g. KKT Dung Quất, KCN Tịnh Phong, KCN VSIP Quảng Ngãi, KCN Phổ Phong' })
  name: string;

  @Field(() => ZoneKind, { description: 'Economic zone or industrial park' })
  kind: ZoneKind;

  @Field(() => ID, { description: 'The district-level unit it lay in until 30/6/2025' })
  districtId: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The commune-level unit it is in from 1/7/2025; needed before outreach sessions from that date are recorded',
  })
  communeAfterReformId?: string | null;
}

@InputType({ description: 'Where a zone is from 1/7/2025' })
export class UpdateIndustrialZoneInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you read; the update fails with CONFLICT if it changed since' })
  expectedVersion: number;

  @Field(() => ID, { description: 'The commune-level unit the zone (or its management board) is in from 1/7/2025' })
  communeAfterReformId: string;
}

@InputType({ description: 'Workers employed in a zone in one year (one record per zone and year)' })
export class RecordZoneWorkforceInput extends IdempotentCreateInput {
  @Field(() => ID, { description: 'The zone (IndustrialZone.id)' })
  zoneId: string;

  @Field(() => Int)
  year: number;

  @Field(() => Int, { description: 'Workers employed (persons)' })
  workersEmployed: number;
}

@InputType({ description: "A correction of a zone's workforce" })
export class UpdateZoneWorkforceInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you read; the update fails with CONFLICT if it changed since' })
  expectedVersion: number;

  @Field(() => Int, { description: 'Workers employed (persons)' })
  workersEmployed: number;
}

@InputType({ description: 'A communication session for the workers of a zone (IND-1.3b)' })
export class RecordZoneOutreachInput extends IdempotentCreateInput {
  @Field(() => ID, { description: 'The zone whose workers it reached (IndustrialZone.id)' })
  zoneId: string;

  @Field(() => LocalDateResolver)
  heldOn: string;

  @Field(() => Int, { description: "Headcount reached; at most the zone's workforce of that year" })
  workersReached: number;
}

@InputType({ description: 'A communication session for the workers of a registered service business (IND-1.3a)' })
export class RecordBusinessOutreachInput extends IdempotentCreateInput {
  @Field(() => ID, { description: "Key of the business in police's registry (ServiceBusiness.id)" })
  businessId: string;

  @Field(() => ID, { nullable: true, description: "The business's district on the day: required before 1/7/2025, left out after (no district level)" })
  districtId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The business's commune-level unit on the day: required from 1/7/2025; before, optional (in the district given)",
  })
  communeId?: string | null;

  @Field(() => LocalDateResolver)
  heldOn: string;

  @Field(() => Int, { description: 'Workers employed at the business on the day' })
  workersEmployed: number;

  @Field(() => Int, { description: 'Headcount reached; at most workersEmployed' })
  workersReached: number;
}

@InputType({ description: 'A correction of a business outreach session; fields left out stay as they are' })
export class UpdateBusinessOutreachInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you read; the update fails with CONFLICT if it changed since' })
  expectedVersion: number;

  @Field(() => LocalDateResolver, { nullable: true })
  heldOn?: string;

  @Field(() => ID, {
    nullable: true,
    description: "The business's district on the day (before 1/7/2025); give null (and communeId) when moving a session past 30/6/2025",
  })
  districtId?: string | null;

  @Field(() => ID, { nullable: true, description: "The business's commune-level unit on the day (required from 1/7/2025)" })
  communeId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Workers employed at the business on the day (persons)' })
  workersEmployed?: number;

  @Field(() => Int, { nullable: true, description: 'Headcount reached; at most workersEmployed' })
  workersReached?: number;
}

@InputType({ description: 'Which zone or business outreach sessions to list' })
export class OutreachFilter {
  @Field({ nullable: true, description: 'Only sessions held in this period' })
  period?: string;

  @Field(() => ID, { nullable: true })
  districtId?: string;

  @Field(() => ID, {
    nullable: true,
    description:
      "Only sessions that stood in this commune-level unit on their date (a business's session names it; a zone's stands in the zone's unit from 1/7/2025)",
  })
  communeId?: string;

  @Field(() => ID, { nullable: true, description: 'One zone (zone outreach) or one business (business outreach)' })
  targetId?: string;
}
