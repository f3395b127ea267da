import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IdempotentCreateInput } from '@qn/common';
import { ZoneKind } from '../../entities/worker-outreach';

@InputType()
export class CreateIndustrialZoneInput extends IdempotentCreateInput {
  @Field({ description: 'e.g. KKT Dung Quất, KCN Tịnh Phong, KCN VSIP Quảng Ngãi, KCN Phổ Phong' })
  name: string;

  @Field(() => ZoneKind)
  kind: ZoneKind;

  @Field(() => ID, { description: 'The district-level unit it lay in until 30/6/2025' })
  districtId: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The commune-level unit it is in from 1/7/2025; needed before outreach sessions from that date are recorded',
  })
  communeAfterReformId?: string | null;
}

@InputType()
export class UpdateIndustrialZoneInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you read; the update fails with CONFLICT if it changed since' })
  expectedVersion: number;

  @Field(() => ID, { description: 'The commune-level unit the zone (or its management board) is in from 1/7/2025' })
  communeAfterReformId: string;
}

@InputType()
export class RecordZoneWorkforceInput extends IdempotentCreateInput {
  @Field(() => ID)
  zoneId: string;

  @Field(() => Int)
  year: number;

  @Field(() => Int)
  workersEmployed: number;
}

@InputType()
export class UpdateZoneWorkforceInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you read; the update fails with CONFLICT if it changed since' })
  expectedVersion: number;

  @Field(() => Int)
  workersEmployed: number;
}

@InputType()
export class RecordZoneOutreachInput extends IdempotentCreateInput {
  @Field(() => ID)
  zoneId: string;

  @Field(() => LocalDateResolver)
  heldOn: string;

  @Field(() => Int, { description: "Headcount reached; at most the zone's workforce of that year" })
  workersReached: number;
}

@InputType()
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

@InputType()
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

  @Field(() => Int, { nullable: true })
  workersEmployed?: number;

  @Field(() => Int, { nullable: true })
  workersReached?: number;
}

@InputType()
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
