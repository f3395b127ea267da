import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IdempotentCreateInput } from '@qn/common';
import { PressLevel } from '../../entities/press-outlet';
import { PublicationKind } from '../../entities/publication';

@InputType({ description: 'A prevention piece published or broadcast by a press outlet' })
export class RecordPublicationInput extends IdempotentCreateInput {
  @Field(() => ID, { description: 'The press outlet that carried it (PressOutlet.id)' })
  outletId: string;

  @Field(() => LocalDateResolver, { description: 'The day it was published or broadcast' })
  publishedOn: string;

  @Field(() => PublicationKind, { description: 'News, article, reportage, programme or broadcast' })
  kind: PublicationKind;

  @Field({ description: 'Its title, as published' })
  title: string;

  @Field(() => String, { nullable: true, description: 'Where it can be read, watched or heard (optional)' })
  url?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The district-level unit the piece is about (dated before 1/7/2025); leave empty when it concerns the whole province',
  })
  districtId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The commune-level unit the piece is about, valid on its date: from 1/7/2025 the only place (no district); before, a commune of districtId',
  })
  communeId?: string | null;
}

@InputType({ description: 'A correction of a publication; fields left out stay as they are' })
export class UpdatePublicationInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you read; the update fails with CONFLICT if it changed since' })
  expectedVersion: number;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The day it was published or broadcast' })
  publishedOn?: string;

  @Field(() => PublicationKind, { nullable: true, description: 'News, article, reportage, programme or broadcast' })
  kind?: PublicationKind;

  @Field({ nullable: true, description: 'Its title, as published' })
  title?: string;

  @Field({ nullable: true, description: 'Where it can be read, watched or heard' })
  url?: string;

  @Field(() => ID, { nullable: true })
  districtId?: string;

  @Field(() => ID, { nullable: true })
  communeId?: string;
}

@InputType({ description: 'Which publications to list' })
export class PublicationFilter {
  @Field(() => ID, { nullable: true })
  outletId?: string;

  @Field(() => PressLevel, { nullable: true })
  level?: PressLevel;

  @Field(() => ID, { nullable: true, description: 'Only pieces about this district-level unit' })
  districtId?: string;

  @Field(() => ID, { nullable: true, description: 'Only pieces about this commune-level unit' })
  communeId?: string;

  @Field({ nullable: true, description: 'Only pieces published in this period (2024, 2024Q3…)' })
  period?: string;

  @Field(() => PublicationKind, { nullable: true })
  kind?: PublicationKind;
}
