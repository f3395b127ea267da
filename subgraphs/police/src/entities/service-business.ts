import { LocalDateResolver } from 'graphql-scalars';
import { Authorized, Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { OrgUnitRef, SERVICE_BUSINESS_DESCRIPTION } from '@qn/common';

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
registerEnumType(BusinessKind, {
  name: 'BusinessKind',
  description: 'Kinds of service business prone to prostitution (ngành nghề kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm)',
  valuesConfig: {
    KARAOKE: { description: 'Karaoke' },
    MASSAGE: { description: 'Xoa bóp (massage)' },
    SAUNA: { description: 'Xông hơi (sauna)' },
    BARBER_SPA: { description: 'Cắt tóc, gội đầu, spa: barber or spa' },
    HOTEL: { description: 'Khách sạn: hotel' },
    GUESTHOUSE: { description: 'Nhà nghỉ: guesthouse' },
    BAR: { description: 'Quán bar' },
    NIGHTCLUB: { description: 'Vũ trường: nightclub' },
    OTHER: { description: 'Loại khác: another kind' },
  },
});

/** A registered service business prone to prostitution; the registry behind IND-3.3a/b and IND-1.3a's denominator. */
@Directive('@key(fields: "id")')
@Authorized('RECORDS')
@ObjectType({ description: SERVICE_BUSINESS_DESCRIPTION })
@Entity()
@Index(['districtId', 'openedOn'])
@Index(['communeAfterReformId'])
export class ServiceBusiness {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Trading name (businesses are not persons; no owner names are kept)' })
  @Column({ length: 200 })
  name: string;

  @Field(() => BusinessKind, { description: 'The kind of business (karaoke, massage, hotel …)' })
  @Column({ type: 'varchar', length: 20 })
  kind: BusinessKind;

  @Field(() => OrgUnitRef, { nullable: true })
  district(): OrgUnitRef | null {
    return this.districtId ? { id: this.districtId } : null;
  }

  @Field(() => ID, { nullable: true, description: 'Its district before 1/7/2025 (null for a business opened after, when there is no district level)' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  districtId: string | null;

  @Field(() => OrgUnitRef, { nullable: true })
  commune(): OrgUnitRef | null {
    return this.communeId ? { id: this.communeId } : null;
  }

  @Field(() => ID, { nullable: true, description: 'Its commune before 1/7/2025, where police knows it' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  communeId: string | null;

  @Field(() => OrgUnitRef, { nullable: true })
  communeAfterReform(): OrgUnitRef | null {
    return this.communeAfterReformId ? { id: this.communeAfterReformId } : null;
  }

  @Field(() => ID, { nullable: true, description: 'The commune-level unit it lies in from 1/7/2025 (null when it closed before)' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  communeAfterReformId: string | null;

  @Field(() => Int, { description: 'Workers employed (the denominator of IND-1.3a)' })
  @Column({ type: 'int', default: 0 })
  employees: number;

  @Field(() => LocalDateResolver, { description: 'The day it opened' })
  @Column({ type: 'date' })
  openedOn: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The day it closed (null: still open)' })
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
 * its place on the record's date, on a day it was open (query `serviceBusinessDistricts`,
 * rule SERVICE; `businessPlaceOn` in @qn/common).
 */
@Directive('@inaccessible')
@ObjectType({
  description:
    'For other subgraphs only: the place (district and commune before 1/7/2025, commune-level unit from then) and opening and closing dates of a registered business',
})
export class ServiceBusinessDistrict {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true })
  districtId: string | null;

  @Field(() => ID, { nullable: true })
  communeId: string | null;

  @Field(() => ID, { nullable: true })
  communeAfterReformId: string | null;

  @Field(() => LocalDateResolver)
  openedOn: string;

  @Field(() => LocalDateResolver, { nullable: true })
  closedOn: string | null;
}
