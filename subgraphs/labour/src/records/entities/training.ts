import { LocalDateResolver } from 'graphql-scalars';
import { Authorized, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique, VersionColumn } from 'typeorm';

export enum StaffLevel {
  PROVINCIAL = 'PROVINCIAL',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
}
registerEnumType(StaffLevel, {
  name: 'StaffLevel',
  description: 'Cấp tỉnh, cấp huyện, cấp xã',
  valuesConfig: {
    PROVINCIAL: { description: 'Cấp tỉnh: provincial' },
    DISTRICT: { description: 'Cấp huyện: district level (to 30/6/2025)' },
    COMMUNE: { description: 'Cấp xã: commune level' },
  },
});

/** A training course for staff working on prostitution prevention (IND-5.1a/b's numerators). */
@Authorized('RECORDS')
@ObjectType({ description: 'A training course for officials, civil servants, public employees and soldiers in the field' })
@Entity()
@Index(['level', 'heldOn'])
export class TrainingCourse {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: "The course's title" })
  @Column({ length: 300 })
  title: string;

  @Field(() => StaffLevel, { description: 'The level of the staff trained' })
  @Column({ type: 'varchar', length: 20 })
  level: StaffLevel;

  @Field(() => ID, {
    nullable: true,
    description: 'District whose staff were trained (DISTRICT and COMMUNE courses held before 1/7/2025; null after, when there is no district level)',
  })
  @Column({ type: 'varchar', length: 20, nullable: true })
  districtId: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The commune-level unit whose staff were trained: a COMMUNE course from 1/7/2025 names it (and no district); before, optional within the district',
  })
  @Column({ type: 'varchar', length: 20, nullable: true })
  communeId: string | null;

  @Field(() => LocalDateResolver)
  @Column({ type: 'date' })
  heldOn: string;

  @Field(() => Int, { description: 'Staff who took part (persons)' })
  @Column({ type: 'int' })
  participants: number;

  @Field(() => Int, { description: 'Participants trained for the first time in the 2021–2025 programme (so nobody is counted twice)' })
  @Column({ type: 'int' })
  newTrainees: number;

  @Field(() => Int)
  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** Staff in post in the field at one level (and district) in one year: IND-5.1a/b's denominators. */
@Authorized('RECORDS')
@ObjectType({ description: 'Officials and staff working on prostitution prevention in post at one level in one year' })
@Entity()
@Unique(['level', 'districtKey', 'year'])
export class StaffInPost {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => StaffLevel, { description: 'The level of the staff' })
  @Column({ type: 'varchar', length: 20 })
  level: StaffLevel;

  @Field(() => ID, { nullable: true, description: 'null for provincial staff' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  districtId: string | null;

  /** The district id, or '' for provincial staff, so (level, district, year) is unique. */
  @Column({ length: 20, default: '' })
  districtKey: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  year: number;

  @Field(() => Int, { description: 'Staff in post at that level (and district) in the year (persons)' })
  @Column({ type: 'int' })
  staff: number;

  @Field(() => Int, { description: 'Increases with every change; pass it back as expectedVersion' })
  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
