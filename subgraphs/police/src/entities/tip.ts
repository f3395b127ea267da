import { LocalDateResolver } from 'graphql-scalars';
import { Authorized, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { EncryptedText, encryptedText, OrgUnitRef } from '@qn/common';

export enum TipKind {
  DENUNCIATION = 'DENUNCIATION',
  CRIME_REPORT = 'CRIME_REPORT',
  PROSECUTION_PETITION = 'PROSECUTION_PETITION',
  COMPLAINT = 'COMPLAINT',
}
registerEnumType(TipKind, {
  name: 'TipKind',
  description: 'Tố giác (denunciation), tin báo (crime report), kiến nghị khởi tố (petition), khiếu nại (complaint)',
  valuesConfig: {
    DENUNCIATION: { description: 'Tố giác tội phạm: denunciation' },
    CRIME_REPORT: { description: 'Tin báo về tội phạm: crime report' },
    COMPLAINT: { description: 'Đơn thư, khiếu nại: complaint' },
    PROSECUTION_PETITION: { description: 'Kiến nghị khởi tố: petition to prosecute' },
  },
});

export enum TipChannel {
  IN_PERSON = 'IN_PERSON',
  PHONE = 'PHONE',
  HOTLINE = 'HOTLINE',
  MAIL = 'MAIL',
  ONLINE = 'ONLINE',
  AGENCY_REFERRAL = 'AGENCY_REFERRAL',
}
registerEnumType(TipChannel, {
  name: 'TipChannel',
  description: 'How a tip reached the police (kênh tiếp nhận)',
  valuesConfig: {
    HOTLINE: { description: 'Đường dây nóng: hotline' },
    PHONE: { description: 'Điện thoại: phone' },
    IN_PERSON: { description: 'Trực tiếp: in person' },
    MAIL: { description: 'Thư, đơn: by mail' },
    ONLINE: { description: 'Trực tuyến: online' },
    AGENCY_REFERRAL: { description: 'Cơ quan, tổ chức chuyển đến: referred by an agency' },
  },
});

export enum TipClassification {
  PROSTITUTION = 'PROSTITUTION',
  BROKERING = 'BROKERING',
  BROTHEL_KEEPING = 'BROTHEL_KEEPING',
  TRAFFICKING = 'TRAFFICKING',
  CHILD_PROSTITUTION = 'CHILD_PROSTITUTION',
  NOT_PROSTITUTION_RELATED = 'NOT_PROSTITUTION_RELATED',
}
registerEnumType(TipClassification, {
  name: 'TipClassification',
  description: 'What a tip is about once classified (phân loại): prostitution, brokering, brothel keeping, trafficking, a minor, or none of these',
  valuesConfig: {
    PROSTITUTION: { description: 'Mại dâm: prostitution' },
    BROKERING: { description: 'Môi giới mại dâm: brokering' },
    BROTHEL_KEEPING: { description: 'Chứa mại dâm: brothel keeping' },
    CHILD_PROSTITUTION: { description: 'Mại dâm người dưới 18 tuổi: prostitution of a minor' },
    TRAFFICKING: { description: 'Mua bán người: trafficking' },
    NOT_PROSTITUTION_RELATED: { description: 'Không liên quan mại dâm: not prostitution-related' },
  },
});

export enum TipVerification {
  PENDING = 'PENDING',
  CONFIRMED = 'CONFIRMED',
  UNFOUNDED = 'UNFOUNDED',
}
registerEnumType(TipVerification, {
  name: 'TipVerification',
  description: 'Where the verification of a tip stands (xác minh)',
  valuesConfig: {
    PENDING: { description: 'Đang xác minh: being verified' },
    CONFIRMED: { description: 'Có căn cứ: confirmed' },
    UNFOUNDED: { description: 'Không có căn cứ: unfounded' },
  },
});

export enum TipOutcome {
  CRIMINAL_CASE_OPENED = 'CRIMINAL_CASE_OPENED',
  ADMINISTRATIVE_SANCTION = 'ADMINISTRATIVE_SANCTION',
  TRANSFERRED = 'TRANSFERRED',
  NO_ACTION = 'NO_ACTION',
}
registerEnumType(TipOutcome, {
  name: 'TipOutcome',
  description: 'How a tip was settled (kết quả giải quyết)',
  valuesConfig: {
    CRIMINAL_CASE_OPENED: { description: 'Khởi tố vụ án: a criminal case opened' },
    ADMINISTRATIVE_SANCTION: { description: 'Xử phạt vi phạm hành chính: administrative sanction' },
    TRANSFERRED: { description: 'Chuyển cơ quan có thẩm quyền: transferred to the competent body' },
    NO_ACTION: { description: 'Không xử lý: no action (e.g. unfounded)' },
  },
});

/**
 * A denunciation, crime report or complaint and its handling. No informant identity
 * is stored: not a name, phone number or address — only what IND-3.1 needs.
 */
@Authorized('RECORDS')
@ObjectType({ description: 'A denunciation, crime report or complaint about prostitution, and how it was handled' })
@Entity()
@Index(['receivedOn'])
@Index(['districtId', 'receivedOn'])
@Index(['communeId', 'receivedOn'])
export class Tip {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => TipKind, { description: 'Tố giác, tin báo, kiến nghị khởi tố or khiếu nại' })
  @Column({ type: 'varchar', length: 30 })
  kind: TipKind;

  @Field(() => LocalDateResolver, { description: 'The day the police received it' })
  @Column({ type: 'date' })
  receivedOn: string;

  @Field(() => TipChannel, { description: 'How it was received' })
  @Column({ type: 'varchar', length: 20 })
  channel: TipChannel;

  @Field(() => TipClassification, { nullable: true, description: 'What it is about (null: not yet classified)' })
  @Column({ type: 'varchar', length: 30, nullable: true })
  classification: TipClassification | null;

  @Field(() => ID, { nullable: true, description: 'The district it was received in (before 1/7/2025; null after, when there is no district level)' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  districtId: string | null;

  @Field(() => OrgUnitRef, { nullable: true })
  district(): OrgUnitRef | null {
    return this.districtId ? { id: this.districtId } : null;
  }

  @Field(() => ID, {
    nullable: true,
    description: 'The commune-level unit valid on the day it was received: always from 1/7/2025, before that where police knows it',
  })
  @Column({ type: 'varchar', length: 20, nullable: true })
  communeId: string | null;

  @Field(() => OrgUnitRef, { nullable: true })
  commune(): OrgUnitRef | null {
    return this.communeId ? { id: this.communeId } : null;
  }

  @Field(() => TipVerification, { description: 'Where its verification stands (PENDING until verified)' })
  @Column({ type: 'varchar', length: 20, default: TipVerification.PENDING })
  verification: TipVerification;

  @Field(() => LocalDateResolver, { description: 'The legal time limit for handling (by default 20 days after receipt)' })
  @Column({ type: 'date' })
  deadlineOn: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The day it was settled (null: still open)' })
  @Column({ type: 'date', nullable: true })
  handledOn: string | null;

  @Field(() => TipOutcome, { nullable: true, description: 'How it was settled (null: still open)' })
  @Column({ type: 'varchar', length: 30, nullable: true })
  outcome: TipOutcome | null;

  /** Case-handling notes, stored encrypted; the field `notes` (TipResolver) decrypts them only when asked for. */
  @Column({ type: 'text', nullable: true, transformer: encryptedText('POLICE_DATA_KEY') })
  notes: EncryptedText | null;

  @Field({ description: 'Handled on or before the deadline' })
  handledInTime(): boolean {
    return this.handledOn !== null && this.handledOn <= this.deadlineOn;
  }

  @Field(() => Int)
  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
