import { LocalDateResolver } from 'graphql-scalars';
import { Authorized, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { ServiceBusiness } from './service-business';

export enum InspectionTeam {
  POLICE = 'POLICE',
  TEAM_178 = 'TEAM_178',
}
registerEnumType(InspectionTeam, {
  name: 'InspectionTeam',
  description: 'POLICE, or the inter-agency team under Decree 178/2004 (Đội kiểm tra liên ngành 178)',
  valuesConfig: {
    POLICE: { description: 'Công an: a police inspection' },
    TEAM_178: { description: 'Đội kiểm tra liên ngành 178: the inter-agency team under Decree 178/2004' },
  },
});

export enum InspectionOutcome {
  NO_VIOLATION = 'NO_VIOLATION',
  WARNING = 'WARNING',
  FINED = 'FINED',
  SUSPENDED = 'SUSPENDED',
  LICENCE_REVOKED = 'LICENCE_REVOKED',
  CRIMINAL_REFERRAL = 'CRIMINAL_REFERRAL',
}
registerEnumType(InspectionOutcome, {
  name: 'InspectionOutcome',
  description: 'What an inspection found and the measure taken',
  valuesConfig: {
    NO_VIOLATION: { description: 'Không vi phạm: no violation' },
    WARNING: { description: 'Nhắc nhở, cảnh cáo: warning' },
    FINED: { description: 'Phạt tiền: fined' },
    SUSPENDED: { description: 'Đình chỉ hoạt động: operation suspended' },
    LICENCE_REVOKED: { description: 'Thu hồi giấy phép: licence revoked' },
    CRIMINAL_REFERRAL: { description: 'Chuyển xử lý hình sự: referred for criminal proceedings' },
  },
});

@Authorized('RECORDS')
@ObjectType({ description: 'An inspection of a service business' })
@Entity()
@Index(['businessId', 'inspectedOn'])
@Index(['inspectedOn'])
export class Inspection {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The service business inspected (ServiceBusiness.id)' })
  @Column('uuid')
  businessId: string;

  @ManyToOne(() => ServiceBusiness, { onDelete: 'RESTRICT' })
  business: ServiceBusiness;

  @Field(() => LocalDateResolver, { description: 'The day of the inspection' })
  @Column({ type: 'date' })
  inspectedOn: string;

  @Field(() => InspectionTeam, { description: 'Who inspected: police or the 178 inter-agency team' })
  @Column({ type: 'varchar', length: 20 })
  team: InspectionTeam;

  @Field(() => InspectionOutcome, { description: 'What was found and the measure taken' })
  @Column({ type: 'varchar', length: 20 })
  outcome: InspectionOutcome;

  @Field(() => Int, { description: 'Violations found' })
  @Column({ type: 'int', default: 0 })
  violations: number;

  @Field(() => Int)
  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
