import { LocalDateResolver } from 'graphql-scalars';
import { Authorized, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

/**
 * A person who sells sex and is in contact with support services, known ONLY by a
 * pseudonymous code (the same code health uses). No name, birth date, address,
 * phone or identity-card number is stored, by design (Decree 13/2023/NĐ-CP).
 */
@Authorized('RECORDS')
@ObjectType({ description: 'A person supported, known only by a pseudonymous code' })
@Entity()
@Index(['districtId'])
@Index(['communeAfterReformId'])
export class SupportClient {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Pseudonymous code, e.g. QNG-7K2M9XQ4' })
  @Column({ length: 12, unique: true })
  code: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'District-level unit whose services follow the person (registered before 1/7/2025; null for a person registered after, when there is no district level)',
  })
  @Column({ type: 'varchar', length: 20, nullable: true })
  districtId: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The commune-level unit the person was registered in: from 1/7/2025 the only place; before, optional within the district',
  })
  @Column({ type: 'varchar', length: 20, nullable: true })
  communeId: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The commune-level unit of 1/7/2025 whose services follow the person from that date (the same as communeId for a person registered after 30/6/2025)',
  })
  @Column({ type: 'varchar', length: 20, nullable: true })
  communeAfterReformId: string | null;

  @Field(() => LocalDateResolver, { description: 'The day the person was registered' })
  @Column({ type: 'date' })
  registeredOn: string;

  @Field(() => Int)
  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** An assessment of a person's need for, and eligibility to, support (IND-4.2's denominator). */
@Authorized('RECORDS')
@ObjectType({ description: 'An assessment of whether a person needs support and is eligible for it' })
@Entity()
@Index(['clientId', 'assessedOn'])
@Index(['assessedOn'])
export class NeedAssessment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The person assessed (SupportClient.id)' })
  @Column('uuid')
  clientId: string;

  @ManyToOne(() => SupportClient, { onDelete: 'RESTRICT' })
  client: SupportClient;

  @Field(() => LocalDateResolver, { description: 'The day of the assessment' })
  @Column({ type: 'date' })
  assessedOn: string;

  @Field({ description: 'The person needs support (có nhu cầu)' })
  @Column()
  inNeed: boolean;

  @Field({ description: "The person is eligible for support (đủ điều kiện); in need and eligible counts in IND-4.2's denominator" })
  @Column()
  eligible: boolean;

  @Field(() => Int)
  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

export enum SupportServiceKind {
  COUNSELLING = 'COUNSELLING',
  LEGAL_AID = 'LEGAL_AID',
  VOCATIONAL_TRAINING = 'VOCATIONAL_TRAINING',
  JOB_PLACEMENT = 'JOB_PLACEMENT',
  LOAN_REFERRAL = 'LOAN_REFERRAL',
  SOCIAL_ASSISTANCE = 'SOCIAL_ASSISTANCE',
  SHELTER = 'SHELTER',
  REINTEGRATION = 'REINTEGRATION',
}
registerEnumType(SupportServiceKind, {
  name: 'SupportServiceKind',
  description: 'Social-support and reintegration services labour and its partners provide',
  valuesConfig: {
    COUNSELLING: { description: 'Tư vấn: counselling' },
    JOB_PLACEMENT: { description: 'Giới thiệu việc làm: job placement' },
    LEGAL_AID: { description: 'Trợ giúp pháp lý: legal aid' },
    LOAN_REFERRAL: { description: 'Giới thiệu vay vốn: referral to a loan (Social Policy Bank)' },
    REINTEGRATION: { description: 'Hỗ trợ tái hòa nhập cộng đồng: reintegration support' },
    SHELTER: { description: 'Nơi ở tạm thời: temporary shelter' },
    SOCIAL_ASSISTANCE: { description: 'Trợ giúp xã hội: social assistance' },
    VOCATIONAL_TRAINING: { description: 'Học nghề: vocational training' },
  },
});

/** One use of a support service by a person (IND-4.2's numerator). */
@Authorized('RECORDS')
@ObjectType({ description: 'A support or reintegration service a person used' })
@Entity()
@Index(['clientId', 'usedOn'])
@Index(['usedOn'])
export class SupportServiceUse {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The person who used it (SupportClient.id)' })
  @Column('uuid')
  clientId: string;

  @ManyToOne(() => SupportClient, { onDelete: 'RESTRICT' })
  client: SupportClient;

  @Field(() => SupportServiceKind, { description: 'The service used' })
  @Column({ type: 'varchar', length: 30 })
  serviceKind: SupportServiceKind;

  @Field(() => LocalDateResolver, { description: 'The day it was used' })
  @Column({ type: 'date' })
  usedOn: string;

  @Field(() => Int)
  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
