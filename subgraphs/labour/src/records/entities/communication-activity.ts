import { LocalDateResolver } from 'graphql-scalars';
import { Authorized, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

export enum CommunicationForm {
  MEETING = 'MEETING',
  LOUDSPEAKER = 'LOUDSPEAKER',
  LEAFLET = 'LEAFLET',
  BANNER = 'BANNER',
  CLUB = 'CLUB',
  CONTEST = 'CONTEST',
  SOCIAL_MEDIA = 'SOCIAL_MEDIA',
  HOME_VISIT = 'HOME_VISIT',
  PERFORMANCE = 'PERFORMANCE',
  OTHER = 'OTHER',
}
registerEnumType(CommunicationForm, {
  name: 'CommunicationForm',
  description: 'Hình thức tuyên truyền: meeting, commune loudspeaker, leaflets, banners, clubs, contests, social media…',
  valuesConfig: {
    MEETING: { description: 'Họp, hội nghị: meeting' },
    LOUDSPEAKER: { description: 'Loa truyền thanh: loudspeaker broadcast' },
    LEAFLET: { description: 'Tờ rơi: leaflets' },
    BANNER: { description: 'Băng rôn, pa nô: banners and posters' },
    PERFORMANCE: { description: 'Văn nghệ: performance' },
    CONTEST: { description: 'Hội thi: contest' },
    CLUB: { description: 'Câu lạc bộ: club' },
    HOME_VISIT: { description: 'Thăm hộ gia đình: home visit' },
    SOCIAL_MEDIA: { description: 'Mạng xã hội: social media' },
    OTHER: { description: 'Hình thức khác: another form' },
  },
});

export enum CommunicationAudience {
  GENERAL_PUBLIC = 'GENERAL_PUBLIC',
  YOUTH = 'YOUTH',
  WOMEN = 'WOMEN',
  ETHNIC_MINORITIES = 'ETHNIC_MINORITIES',
  SERVICE_WORKERS = 'SERVICE_WORKERS',
  ZONE_WORKERS = 'ZONE_WORKERS',
  BUSINESS_OWNERS = 'BUSINESS_OWNERS',
  OFFICIALS = 'OFFICIALS',
}
registerEnumType(CommunicationAudience, {
  name: 'CommunicationAudience',
  description: 'Who a communication activity was aimed at',
  valuesConfig: {
    GENERAL_PUBLIC: { description: 'Người dân: the public' },
    YOUTH: { description: 'Thanh thiếu niên: young people' },
    WOMEN: { description: 'Phụ nữ: women' },
    ETHNIC_MINORITIES: { description: 'Đồng bào dân tộc thiểu số: ethnic minorities' },
    SERVICE_WORKERS: { description: 'Người lao động tại cơ sở kinh doanh dịch vụ: workers at service businesses' },
    BUSINESS_OWNERS: { description: 'Chủ cơ sở kinh doanh dịch vụ: business owners' },
    ZONE_WORKERS: { description: 'Người lao động tại khu công nghiệp, khu kinh tế: zone workers' },
    OFFICIALS: { description: 'Cán bộ, công chức: officials' },
  },
});

/** A prevention communication activity a commune-level unit held (the evidence of IND-1.1). */
@Authorized('RECORDS')
@ObjectType({ description: 'A prostitution-prevention communication activity held by a commune-level unit' })
@Entity()
@Index(['communeId', 'heldOn'])
@Index(['districtId', 'heldOn'])
export class CommunicationActivity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => CommunicationForm, { description: 'How it communicated (họp, loa truyền thanh, tờ rơi …)' })
  @Column({ type: 'varchar', length: 20 })
  form: CommunicationForm;

  @Field(() => LocalDateResolver)
  @Column({ type: 'date' })
  heldOn: string;

  @Field(() => ID, { nullable: true, description: 'The district it was held in (before 1/7/2025; null after, when there is no district level)' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  districtId: string | null;

  @Field(() => ID, { description: 'The commune-level unit valid on the day it was held' })
  @Column({ length: 20 })
  communeId: string;

  @Field(() => CommunicationAudience, { description: 'Who it was aimed at' })
  @Column({ type: 'varchar', length: 20 })
  audience: CommunicationAudience;

  @Field(() => Int, { description: 'People who took part or were reached' })
  @Column({ type: 'int', default: 0 })
  participants: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Field(() => Int, { description: 'Increases with every change; pass it back as expectedVersion' })
  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
