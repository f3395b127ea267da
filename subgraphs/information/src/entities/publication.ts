import { LocalDateResolver } from 'graphql-scalars';
import { Authorized, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { OrgUnitRef } from '@qn/common';
import { PressOutlet } from './press-outlet';

export enum PublicationKind {
  ARTICLE = 'ARTICLE',
  NEWS = 'NEWS',
  REPORTAGE = 'REPORTAGE',
  PROGRAMME = 'PROGRAMME',
  BROADCAST = 'BROADCAST',
}
registerEnumType(PublicationKind, {
  name: 'PublicationKind',
  description: 'Bài viết (article), tin (news), phóng sự (reportage), chuyên mục / chương trình (programme), phát sóng (broadcast)',
  valuesConfig: {
    NEWS: { description: 'Tin: news item' },
    ARTICLE: { description: 'Bài viết: article' },
    REPORTAGE: { description: 'Phóng sự: reportage' },
    PROGRAMME: { description: 'Chuyên mục, chương trình: programme or column' },
    BROADCAST: { description: 'Phát sóng: broadcast' },
  },
});

/** One piece on prostitution prevention carried by a press outlet: the evidence for IND-1.2a and IND-1.2b. */
@Authorized('RECORDS')
@ObjectType({ description: 'A piece on prostitution prevention published or broadcast by a press outlet' })
@Entity()
@Index(['publishedOn'])
@Index(['outletId', 'publishedOn'])
@Index(['districtId', 'publishedOn'])
@Index(['communeId', 'publishedOn'])
export class Publication {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The press outlet that carried it (PressOutlet.id)' })
  @Column('uuid')
  outletId: string;

  @ManyToOne(() => PressOutlet, { onDelete: 'RESTRICT' })
  outlet: PressOutlet;

  @Field(() => LocalDateResolver, { description: 'The day it was published or broadcast' })
  @Column({ type: 'date' })
  publishedOn: string;

  @Field(() => PublicationKind, { description: 'News, article, reportage, programme or broadcast' })
  @Column({ type: 'varchar', length: 20 })
  kind: PublicationKind;

  @Field({ description: 'Its title, as published' })
  @Column({ length: 500 })
  title: string;

  @Field(() => String, { nullable: true, description: 'Where it can be read, watched or heard' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  url: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The district-level unit the piece is about (before 1/7/2025; there is no district level after); null when it concerns the whole province',
  })
  @Column({ type: 'varchar', length: 20, nullable: true })
  districtId: string | null;

  @Field(() => OrgUnitRef, { nullable: true })
  district(): OrgUnitRef | null {
    return this.districtId ? { id: this.districtId } : null;
  }

  @Field(() => ID, {
    nullable: true,
    description:
      'The commune-level unit the piece is about, valid on its date (from 1/7/2025 the only place a piece names; before, optional within its district); null when it concerns a whole district or the province',
  })
  @Column({ type: 'varchar', length: 20, nullable: true })
  communeId: string | null;

  @Field(() => OrgUnitRef, { nullable: true })
  commune(): OrgUnitRef | null {
    return this.communeId ? { id: this.communeId } : null;
  }

  @Field(() => Int, { description: 'Increases with every change; pass it back as expectedVersion' })
  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
