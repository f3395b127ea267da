import { LocalDateResolver } from 'graphql-scalars';
import { Authorized, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

export enum PilotKind {
  PREVENTION = 'PREVENTION',
  HARM_REDUCTION = 'HARM_REDUCTION',
  GBV_PREVENTION = 'GBV_PREVENTION',
  WORKERS_RIGHTS = 'WORKERS_RIGHTS',
  REINTEGRATION_SERVICES = 'REINTEGRATION_SERVICES',
}
registerEnumType(PilotKind, {
  name: 'PilotKind',
  description:
    "Kinds of pilot model in II.4: prevention, harm reduction, gender-based-violence prevention, workers' rights in service businesses, reintegration services",
  valuesConfig: {
    PREVENTION: { description: 'Mô hình phòng ngừa: prevention' },
    HARM_REDUCTION: { description: 'Mô hình giảm hại: harm reduction' },
    GBV_PREVENTION: { description: 'Phòng, chống bạo lực trên cơ sở giới: gender-based-violence prevention' },
    REINTEGRATION_SERVICES: { description: 'Dịch vụ hỗ trợ tái hòa nhập: reintegration services' },
    WORKERS_RIGHTS: { description: "Bảo đảm quyền của người lao động tại cơ sở kinh doanh dịch vụ: workers' rights at service businesses" },
  },
});

/** A pilot model a district-level unit runs (IND-4.1). */
@Authorized('RECORDS')
@ObjectType({ description: 'A pilot model run by a district-level unit (before 1/7/2025) or a commune-level unit' })
@Entity()
@Index(['districtId', 'startedOn'])
export class PilotModel {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: "The model's name, as the unit calls it" })
  @Column({ length: 200 })
  name: string;

  @Field(() => PilotKind, { description: "What the model does (II.4): prevention, harm reduction, gender-based violence, workers' rights or reintegration" })
  @Column({ type: 'varchar', length: 30 })
  kind: PilotKind;

  @Field(() => ID, {
    nullable: true,
    description: 'The district-level unit that started it (before 1/7/2025; null for a model started after, when there is no district level)',
  })
  @Column({ type: 'varchar', length: 20, nullable: true })
  districtId: string | null;

  @Field(() => ID, { nullable: true, description: 'The commune-level unit that started it (a model started from 1/7/2025)' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  communeId: string | null;

  @Field(() => ID, { nullable: true, description: 'The commune-level unit of 1/7/2025 running it from that date (needed for a model running after 30/6/2025)' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  communeAfterReformId: string | null;

  @Field(() => LocalDateResolver, { description: 'The day it started' })
  @Column({ type: 'date' })
  startedOn: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day it ran (null: still running)' })
  @Column({ type: 'date', nullable: true })
  endedOn: string | null;

  @Field(() => Int, { description: 'Increases with every change; pass it back as expectedVersion' })
  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
