import { LocalDateResolver } from 'graphql-scalars';
import { Authorized, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { OrgUnitRef } from '@qn/common';

export enum HarmReductionService {
  OUTREACH = 'OUTREACH',
  CONDOM_DISTRIBUTION = 'CONDOM_DISTRIBUTION',
  HIV_TEST = 'HIV_TEST',
  STI_TREATMENT = 'STI_TREATMENT',
  PREP = 'PREP',
  REFERRAL_SOCIAL_SERVICE = 'REFERRAL_SOCIAL_SERVICE',
}
registerEnumType(HarmReductionService, {
  name: 'HarmReductionService',
  description:
    'Tiếp cận cộng đồng (outreach), cấp bao cao su, xét nghiệm HIV, điều trị nhiễm khuẩn lây truyền qua đường tình dục, PrEP, chuyển gửi dịch vụ xã hội',
  valuesConfig: {
    OUTREACH: { description: 'Tiếp cận cộng đồng: outreach' },
    CONDOM_DISTRIBUTION: { description: 'Cấp phát bao cao su: condom distribution' },
    HIV_TEST: { description: 'Xét nghiệm HIV: HIV test' },
    STI_TREATMENT: { description: 'Điều trị nhiễm khuẩn lây truyền qua đường tình dục: STI treatment' },
    PREP: { description: 'Dự phòng trước phơi nhiễm HIV (PrEP)' },
    REFERRAL_SOCIAL_SERVICE: { description: 'Chuyển gửi dịch vụ xã hội: referral to a social-support service (counts for IND-4.2)' },
  },
});

/**
 * The health services that count for IND-4.2, "dịch vụ hỗ trợ xã hội, hòa nhập cộng
 * đồng" (social support and reintegration), with labour's: only the referral to a social
 * service. Outreach, condoms, HIV tests, STI treatment and PrEP are harm reduction and
 * health care (section II.4's first task, V.4), which the plan counts elsewhere, not
 * social support the person took up.
 */
export const SUPPORT_SERVICES: readonly HarmReductionService[] = [HarmReductionService.REFERRAL_SOCIAL_SERVICE];

/**
 * One harm-reduction HIV/AIDS service given to a person who sells sex (plan section V.4).
 * Sensitive personal data: the client appears only as a pseudonymous code; no name,
 * birth date, phone number or address is stored.
 */
@Authorized('RECORDS')
@ObjectType({ description: 'A harm-reduction service given to a client, who is known only by a pseudonymous code' })
@Entity()
@Index(['contactedOn'])
@Index(['districtId', 'contactedOn'])
@Index(['communeId', 'contactedOn'])
@Index(['clientCode'])
export class HarmReductionContact {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Pseudonymous client code, QNG- and 8 letters or digits' })
  @Column({ length: 12 })
  clientCode: string;

  @Field(() => LocalDateResolver, { description: 'The day the service was given' })
  @Column({ type: 'date' })
  contactedOn: string;

  @Field(() => ID, { nullable: true, description: 'The district it was given in (before 1/7/2025; null after, when there is no district level)' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  districtId: string | null;

  @Field(() => OrgUnitRef, { nullable: true })
  district(): OrgUnitRef | null {
    return this.districtId ? { id: this.districtId } : null;
  }

  @Field(() => ID, { nullable: true, description: 'The commune-level unit valid on the day: always from 1/7/2025, before that where health knows it' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  communeId: string | null;

  @Field(() => OrgUnitRef, { nullable: true })
  commune(): OrgUnitRef | null {
    return this.communeId ? { id: this.communeId } : null;
  }

  @Field(() => HarmReductionService, { description: 'The service given (only REFERRAL_SOCIAL_SERVICE counts for IND-4.2)' })
  @Column({ type: 'varchar', length: 30 })
  service: HarmReductionService;

  @Field(() => Int, { description: 'Increases with every change; pass it back as expectedVersion' })
  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
