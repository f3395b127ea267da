import { LocalDateResolver } from 'graphql-scalars';
import { Authorized, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Unique, VersionColumn } from 'typeorm';

export enum ZoneKind {
  ECONOMIC_ZONE = 'ECONOMIC_ZONE',
  INDUSTRIAL_PARK = 'INDUSTRIAL_PARK',
}
registerEnumType(ZoneKind, {
  name: 'ZoneKind',
  description: 'Khu kinh tế (economic zone) or khu công nghiệp (industrial park)',
  valuesConfig: {
    ECONOMIC_ZONE: { description: 'Khu kinh tế: economic zone (e.g. Dung Quất)' },
    INDUSTRIAL_PARK: { description: 'Khu công nghiệp: industrial park' },
  },
});

/** An industrial park or economic zone (KKT Dung Quất, KCN Tịnh Phong, KCN VSIP Quảng Ngãi, KCN Phổ Phong…). */
@Authorized('RECORDS')
@ObjectType({ description: 'An industrial park or economic zone whose workers labour reaches (IND-1.3b)' })
@Entity()
export class IndustrialZone {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: "The zone's name, e.g. KKT Dung Quất or KCN Tịnh Phong (unique)" })
  @Column({ length: 200, unique: true })
  name: string;

  @Field(() => ZoneKind, { description: 'Economic zone or industrial park' })
  @Column({ type: 'varchar', length: 20 })
  kind: ZoneKind;

  @Field(() => ID, { description: 'District-level unit the zone (or its management board) lay in until 30/6/2025' })
  @Column({ length: 20 })
  districtId: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The commune-level unit the zone (or its management board) is in from 1/7/2025; outreach sessions from that date stand there',
  })
  @Column({ type: 'varchar', length: 20, nullable: true })
  communeAfterReformId: string | null;

  @Field(() => Int)
  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** Workers employed in a zone in one year: the denominator of IND-1.3b. */
@Authorized('RECORDS')
@ObjectType({ description: 'Workers employed in an industrial or economic zone in one year' })
@Entity()
@Unique(['zoneId', 'year'])
export class ZoneWorkforce {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The zone (IndustrialZone.id)' })
  @Column('uuid')
  zoneId: string;

  @ManyToOne(() => IndustrialZone, { onDelete: 'RESTRICT' })
  zone: IndustrialZone;

  @Field(() => Int)
  @Column({ type: 'int' })
  year: number;

  @Field(() => Int, { description: 'Workers employed in the zone in that year (persons)' })
  @Column({ type: 'int' })
  workersEmployed: number;

  @Field(() => Int)
  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A communication session for the workers of one zone: how many workers it reached (IND-1.3b). */
@Authorized('RECORDS')
@ObjectType({ description: 'Prevention communication to the workers of an industrial or economic zone' })
@Entity()
@Index(['zoneId', 'heldOn'])
export class ZoneOutreach {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The zone whose workers it reached (IndustrialZone.id)' })
  @Column('uuid')
  zoneId: string;

  @ManyToOne(() => IndustrialZone, { onDelete: 'RESTRICT' })
  zone: IndustrialZone;

  @Field(() => LocalDateResolver)
  @Column({ type: 'date' })
  heldOn: string;

  @Field(() => Int, { description: 'Workers reached (a headcount, not names)' })
  @Column({ type: 'int' })
  workersReached: number;

  @Field(() => Int)
  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * A communication session for the workers of one service business of police's registry
 * (IND-1.3a's numerator). Labour keeps the business's key and where it lay on the day
 * (district before 1/7/2025, commune-level unit after), never the business record itself.
 */
@Authorized('RECORDS')
@ObjectType({ description: 'Prevention communication to the workers of a service business prone to prostitution' })
@Entity()
@Index(['businessId', 'heldOn'])
@Index(['districtId', 'heldOn'])
export class BusinessOutreach {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: "Key of the business in police's registry" })
  @Column('uuid')
  businessId: string;

  @Field(() => ID, { nullable: true, description: "The business's district on the day (before 1/7/2025; null after, when there is no district level)" })
  @Column({ type: 'varchar', length: 20, nullable: true })
  districtId: string | null;

  @Field(() => ID, { nullable: true, description: "The business's commune-level unit on the day: always from 1/7/2025, before that where known" })
  @Column({ type: 'varchar', length: 20, nullable: true })
  communeId: string | null;

  @Field(() => LocalDateResolver)
  @Column({ type: 'date' })
  heldOn: string;

  @Field(() => Int, { description: 'Workers employed at the business on the day, as the outreach team found' })
  @Column({ type: 'int' })
  workersEmployed: number;

  @Field(() => Int, { description: 'Workers reached (a headcount, not names)' })
  @Column({ type: 'int' })
  workersReached: number;

  @Field(() => Int)
  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
