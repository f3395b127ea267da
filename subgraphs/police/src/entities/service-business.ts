import { LocalDateResolver } from 'graphql-scalars';
import { Authorized, Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { OrgUnitRef } from '@qn/common';

export enum BusinessKind {
  KARAOKE = 'KARAOKE',
  MASSAGE = 'MASSAGE',
  HOTEL = 'HOTEL',
  GUESTHOUSE = 'GUESTHOUSE',
  BAR = 'BAR',
  NIGHTCLUB = 'NIGHTCLUB',
  SAUNA = 'SAUNA',
  BARBER_SPA = 'BARBER_SPA',
  OTHER = 'OTHER',
}
registerEnumType(BusinessKind, { name: 'BusinessKind', description: 'Kinds of service business prone to prostitution (ngành nghề kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm)' });

/** A registered service business prone to prostitution; the registry behind IND-3.3a/b and IND-1.3a's denominator. */
@Directive('@key(fields: "id")')
@Authorized('RECORDS')
@ObjectType({ description: 'A service business prone to prostitution, in the police registry' })
@Entity()
@Index(['districtId', 'openedOn'])
export class ServiceBusiness {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Trading name (businesses are not persons; no owner names are kept)' })
  @Column({ length: 200 })
  name: string;

  @Field(() => BusinessKind)
  @Column({ type: 'varchar', length: 20 })
  kind: BusinessKind;

  @Field(() => OrgUnitRef)
  district(): OrgUnitRef {
    return { id: this.districtId };
  }

  @Field(() => ID)
  @Column({ length: 20 })
  districtId: string;

  @Field(() => OrgUnitRef, { nullable: true })
  commune(): OrgUnitRef | null {
    return this.communeId ? { id: this.communeId } : null;
  }

  @Field(() => ID, { nullable: true })
  @Column({ type: 'varchar', length: 20, nullable: true })
  communeId: string | null;

  @Field(() => Int, { description: 'Workers employed (the denominator of IND-1.3a)' })
  @Column({ type: 'int', default: 0 })
  employees: number;

  @Field(() => LocalDateResolver)
  @Column({ type: 'date' })
  openedOn: string;

  @Field(() => LocalDateResolver, { nullable: true })
  @Column({ type: 'date', nullable: true })
  closedOn: string | null;

  @Field(() => Int, { description: 'Increases with every change; pass it back as expectedVersion' })
  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * Where and when a registered business operates, for other subgraphs only: health and
 * labour check that a record they attach to a business names a registered business, in
 * its own district, on a day it was open (query `serviceBusinessDistricts`, rule SERVICE).
 */
@ObjectType({ description: 'For other subgraphs only: the district and opening and closing dates of a registered business' })
export class ServiceBusinessDistrict {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  districtId: string;

  @Field(() => LocalDateResolver)
  openedOn: string;

  @Field(() => LocalDateResolver, { nullable: true })
  closedOn: string | null;
}
