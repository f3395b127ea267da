import { LocalDateResolver } from 'graphql-scalars';
import { Authorized, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export enum BlockingReason {
  PROSTITUTION_ADVERTISING = 'PROSTITUTION_ADVERTISING',
  BROKERING = 'BROKERING',
  TRAFFICKING = 'TRAFFICKING',
  PORNOGRAPHY = 'PORNOGRAPHY',
  OTHER = 'OTHER',
}
registerEnumType(BlockingReason, {
  name: 'BlockingReason',
  description: 'What the website carries: advertising of sexual services, brokering, trafficking, pornography…',
  valuesConfig: {
    PROSTITUTION_ADVERTISING: { description: 'Quảng cáo mại dâm: advertising prostitution' },
    BROKERING: { description: 'Môi giới mại dâm: brokering' },
    TRAFFICKING: { description: 'Mua bán người: trafficking' },
    PORNOGRAPHY: { description: 'Văn hóa phẩm đồi trụy: pornography' },
    OTHER: { description: 'Lý do khác: another reason' },
  },
});

/** A website with prostitution content that the department proposed to block (section V.7), and when it was blocked. */
@Authorized('RECORDS')
@ObjectType({ description: 'A website with prostitution content proposed for blocking, and whether it has been blocked' })
@Entity()
@Index(['proposedOn'])
@Index(['domain'])
export class WebsiteBlockingProposal {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'The domain name, e.g. example.com (lower case, no scheme or path)' })
  @Column({ length: 253 })
  domain: string;

  @Field(() => LocalDateResolver, { description: 'The day blocking was proposed' })
  @Column({ type: 'date' })
  proposedOn: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'When access was blocked; null while the proposal is pending' })
  @Column({ type: 'date', nullable: true })
  blockedOn: string | null;

  @Field(() => BlockingReason, { description: 'What the website carries' })
  @Column({ type: 'varchar', length: 30 })
  reason: BlockingReason;

  @Field({ description: 'Blocked already' })
  blocked(): boolean {
    return this.blockedOn !== null;
  }

  @Field(() => Int, { description: 'Increases with every change; pass it back as expectedVersion' })
  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
