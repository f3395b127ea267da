import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ORG_UNIT_DESCRIPTION, ORG_UNIT_ID_DESCRIPTION, OrgUnitLevelEnum as OrgUnitLevel } from '@qn/common';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The levels of the territory: one enum for labour's OrgUnit and every agency's resultsByUnit. */
export { OrgUnitLevel };

/**
 * An official administrative unit with its validity. `id` is fixed for the unit's
 * whole life; `code` is the GSO code, which the 2025 reform reused for other units.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: ORG_UNIT_DESCRIPTION })
@Entity()
@Index(['parentId'])
export class OrgUnit {
  @Field(() => ID, { description: ORG_UNIT_ID_DESCRIPTION })
  @PrimaryColumn({ length: 20 })
  id: string;

  @Field({ description: 'General Statistics Office code' })
  @Column({ length: 10 })
  code: string;

  @Field({ description: 'Official name (Vietnamese)' })
  @Column({ length: 200 })
  name: string;

  @Field(() => OrgUnitLevel, { description: 'Province, district level or commune level' })
  @Column({ type: 'varchar', length: 10 })
  level: OrgUnitLevel;

  @Field({ description: 'PROVINCE, CITY, TOWN, RURAL_DISTRICT, WARD, COMMUNE, TOWNSHIP or SPECIAL_ZONE (đặc khu)' })
  @Column({ length: 20 })
  kind: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The unit it belongs to: a district for a commune before 1/7/2025, the province otherwise (null: the province itself)',
  })
  @Column({ type: 'varchar', length: 20, nullable: true })
  parentId: string | null;

  @Field(() => LocalDateResolver, { description: 'First day the unit exists' })
  @Column({ type: 'date' })
  validFrom: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'First day it no longer exists (null: still valid)' })
  @Column({ type: 'date', nullable: true })
  validTo: string | null;

  @Field({ description: 'The province the unit was part of when it was created: 51 (old Quảng Ngãi) or 62 (old Kon Tum, merged into Quảng Ngãi on 1/7/2025)' })
  @Column({ length: 10, default: '51' })
  formerProvince: string;

  @Field({ description: "Inside the plan's territory (Decision 1736/QĐ-UBND covers old Quảng Ngãi: from 1/7/2025 the 56 units formed from it)" })
  @Column({ default: true })
  inPlanScope: boolean;
}

/** One side of a succession: the unit on the other side, how and when, and whether only part of it. */
@ObjectType({ description: 'A unit linked to another by the succession table' })
export class OrgUnitLink {
  @Field(() => OrgUnit, { description: 'The unit on the other side of the change' })
  unit: OrgUnit;

  @Field({ description: 'MERGE, SPLIT, RENAME, RECLASSIFY, RETAIN or ABOLISH' })
  kind: string;

  @Field({ description: 'Day the change took effect (YYYY-MM-DD)' })
  date: string;

  @Field({ description: 'Only part of the predecessor went to the successor (Xã Trà Bùi, split on 1/7/2025)' })
  part: boolean;
}

/** A merge, split, rename, reclassification or abolition that links units across a reform. */
@ObjectType({ description: 'A change of the territory: one unit succeeded by another' })
@Entity()
export class OrgUnitSuccession {
  @PrimaryColumn({ length: 20 })
  predecessorId: string;

  @PrimaryColumn({ length: 20 })
  successorKey: string;

  @Field(() => ID, { description: 'The id of the unit succeeded' })
  predecessor(): string {
    return this.predecessorId;
  }

  @Field(() => ID, { nullable: true, description: 'The id of the unit that succeeded it (null: ABOLISH, no successor)' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  successorId: string | null;

  @Field({ description: 'Day the change took effect (YYYY-MM-DD)' })
  @Column({ type: 'date' })
  date: string;

  @Field({ description: 'MERGE, SPLIT, RENAME, RECLASSIFY, RETAIN (kept as it was) or ABOLISH (no successor: the district level on 1/7/2025)' })
  @Column({ length: 20 })
  kind: string;

  @Field({ description: 'Only part of the predecessor went to this successor' })
  @Column({ default: false })
  part: boolean;

  @Field(() => String, { nullable: true, description: 'What the sources leave open about this change' })
  @Column({ type: 'varchar', length: 600, nullable: true })
  notes: string | null;

  @Field(() => String, { nullable: true, description: 'The legal act behind the change, e.g. Nghị quyết 1279/NQ-UBTVQH15 (null: not recorded)' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  legalBasis: string | null;
}
