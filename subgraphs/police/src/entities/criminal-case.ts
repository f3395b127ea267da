import { LocalDateResolver } from 'graphql-scalars';
import { Authorized, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { OrgUnitRef } from '@qn/common';

/** Offences of the Penal Code 2015 that the prevention programme tracks. */
export enum CaseCharge {
  HARBOURING_PROSTITUTION = 'HARBOURING_PROSTITUTION',
  BROKERING_PROSTITUTION = 'BROKERING_PROSTITUTION',
  BUYING_SEX_FROM_MINOR = 'BUYING_SEX_FROM_MINOR',
  TRAFFICKING = 'TRAFFICKING',
  CHILD_TRAFFICKING = 'CHILD_TRAFFICKING',
  OTHER = 'OTHER',
}
registerEnumType(CaseCharge, {
  name: 'CaseCharge',
  description:
    'Chứa mại dâm (art. 327), môi giới mại dâm (art. 328), mua dâm người dưới 18 tuổi (art. 329), mua bán người (art. 150), mua bán người dưới 16 tuổi (art. 151)',
  valuesConfig: {
    BROKERING_PROSTITUTION: { description: 'Môi giới mại dâm (Điều 328 BLHS): brokering prostitution' },
    HARBOURING_PROSTITUTION: { description: 'Chứa mại dâm (Điều 327 BLHS): harbouring prostitution' },
    BUYING_SEX_FROM_MINOR: { description: 'Mua dâm người dưới 18 tuổi (Điều 329 BLHS): buying sex from a minor' },
    TRAFFICKING: { description: 'Mua bán người (Điều 150 BLHS): trafficking in persons' },
    CHILD_TRAFFICKING: { description: 'Mua bán người dưới 16 tuổi (Điều 151 BLHS): trafficking in children' },
    OTHER: { description: 'Tội danh khác liên quan: another related charge' },
  },
});

export enum CaseOutcome {
  PROSECUTED = 'PROSECUTED',
  TRIED = 'TRIED',
  SUSPENDED = 'SUSPENDED',
  TRANSFERRED = 'TRANSFERRED',
}
registerEnumType(CaseOutcome, {
  name: 'CaseOutcome',
  description: 'How a case was dealt with under the law',
  valuesConfig: {
    PROSECUTED: { description: 'Khởi tố: prosecuted' },
    TRIED: { description: 'Đã xét xử: tried' },
    SUSPENDED: { description: 'Tạm đình chỉ: suspended' },
    TRANSFERRED: { description: 'Chuyển cơ quan khác: transferred to another body' },
  },
});

/**
 * A criminal case related to prostitution. Counts only: no names of suspects,
 * victims or witnesses are kept.
 */
@Authorized('RECORDS')
@ObjectType({ description: 'A prostitution-related criminal case and how it was dealt with (IND-3.2)' })
@Entity()
@Index(['dealtWithOn'])
@Index(['districtId', 'openedOn'])
@Index(['communeId', 'openedOn'])
export class CriminalCase {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => LocalDateResolver, { description: 'The day the case was opened' })
  @Column({ type: 'date' })
  openedOn: string;

  @Field(() => [CaseCharge], { description: 'The offences charged (one or more)' })
  @Column({ type: 'text', array: true })
  charges: CaseCharge[];

  @Field(() => ID, { nullable: true, description: 'The district it was opened in (before 1/7/2025; null after, when there is no district level)' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  districtId: string | null;

  @Field(() => OrgUnitRef, { nullable: true })
  district(): OrgUnitRef | null {
    return this.districtId ? { id: this.districtId } : null;
  }

  @Field(() => ID, {
    nullable: true,
    description: 'The commune-level unit valid on the day it was opened: always from 1/7/2025, before that where police knows it',
  })
  @Column({ type: 'varchar', length: 20, nullable: true })
  communeId: string | null;

  @Field(() => OrgUnitRef, { nullable: true })
  commune(): OrgUnitRef | null {
    return this.communeId ? { id: this.communeId } : null;
  }

  @Field(() => Int, { description: 'Number of suspects (no identities)' })
  @Column({ type: 'int', default: 0 })
  suspects: number;

  @Field(() => Int, { description: 'Number of victims, of whom minors below' })
  @Column({ type: 'int', default: 0 })
  victims: number;

  @Field(() => Int, { description: 'Victims who are minors (under 18), of the victims counted' })
  @Column({ type: 'int', default: 0 })
  minorVictims: number;

  @Field(() => LocalDateResolver, { nullable: true, description: 'When the case was dealt with (prosecuted, tried…)' })
  @Column({ type: 'date', nullable: true })
  dealtWithOn: string | null;

  @Field(() => CaseOutcome, { nullable: true, description: 'How the case was dealt with (null: not yet)' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  outcome: CaseOutcome | null;

  @Field(() => Int)
  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
