import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export enum OrgUnitLevel {
  PROVINCE = 'PROVINCE',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
}
registerEnumType(OrgUnitLevel, { name: 'OrgUnitLevel', description: 'Province, district level (huyện, thị xã, thành phố) or commune level (xã, phường, thị trấn)' });

/**
 * An official administrative unit with its validity. `id` is fixed for the unit's
 * whole life; `code` is the GSO code, which the 2025 reform reused for other units.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'An administrative unit of the province, valid from one date to another' })
@Entity()
@Index(['parentId'])
export class OrgUnit {
  @Field(() => ID, { description: 'Fixed internal id (the GSO code, or code-year for a unit created later under a reused code)' })
  @PrimaryColumn({ length: 20 })
  id: string;

  @Field({ description: 'General Statistics Office code' })
  @Column({ length: 10 })
  code: string;

  @Field({ description: 'Official name (Vietnamese)' })
  @Column({ length: 200 })
  name: string;

  @Field(() => OrgUnitLevel)
  @Column({ type: 'varchar', length: 10 })
  level: OrgUnitLevel;

  @Field({ description: 'PROVINCE, CITY, TOWN, RURAL_DISTRICT, WARD, COMMUNE or TOWNSHIP' })
  @Column({ length: 20 })
  kind: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'varchar', length: 20, nullable: true })
  parentId: string | null;

  @Field({ description: 'First day the unit exists' })
  @Column({ type: 'date' })
  validFrom: string;

  @Field(() => String, { nullable: true, description: 'First day it no longer exists (null: still valid)' })
  @Column({ type: 'date', nullable: true })
  validTo: string | null;
}

/** A merge, rename, reclassification or abolition that links units across a reform. */
@ObjectType({ description: 'A change of the territory: one unit succeeded by another' })
@Entity()
export class OrgUnitSuccession {
  @PrimaryColumn({ length: 20 })
  predecessorId: string;

  @PrimaryColumn({ length: 20 })
  successorKey: string;

  @Field(() => ID)
  predecessor(): string {
    return this.predecessorId;
  }

  @Field(() => ID, { nullable: true })
  @Column({ type: 'varchar', length: 20, nullable: true })
  successorId: string | null;

  @Field()
  @Column({ type: 'date' })
  date: string;

  @Field({ description: 'MERGE, RENAME, RECLASSIFY or ABOLISH' })
  @Column({ length: 20 })
  kind: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  legalBasis: string | null;
}
