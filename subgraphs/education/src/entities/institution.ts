import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { OrgUnitRef } from '@qn/common';

export enum InstitutionKind {
  UPPER_SECONDARY = 'UPPER_SECONDARY',
  UNIVERSITY = 'UNIVERSITY',
  VOCATIONAL = 'VOCATIONAL',
  CONTINUING_EDUCATION = 'CONTINUING_EDUCATION',
}
registerEnumType(InstitutionKind, {
  name: 'InstitutionKind',
  description:
    'Trường THPT (upper-secondary), cơ sở giáo dục đại học (university), cơ sở giáo dục nghề nghiệp (vocational school or college), trung tâm GDNN-GDTX (continuing education)',
  valuesConfig: {
    UPPER_SECONDARY: { description: 'Trường trung học phổ thông: upper-secondary school' },
    UNIVERSITY: { description: 'Trường đại học, cao đẳng: university or college' },
    VOCATIONAL: { description: 'Cơ sở giáo dục nghề nghiệp: vocational institution' },
    CONTINUING_EDUCATION: { description: 'Trung tâm giáo dục thường xuyên: continuing-education centre' },
  },
});

/** A school, university or vocational institution whose students IND-1.3c counts; public reference data (names are public), changed only by education. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'An upper-secondary school, university, vocational or continuing-education institution in the province' })
@Entity()
@Index(['districtId'])
@Index(['communeAfterReformId'])
export class Institution {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Official name, e.g. Trường THPT Trần Quốc Tuấn' })
  @Column({ length: 200 })
  name: string;

  @Field(() => InstitutionKind, { description: 'Upper-secondary school, university or college, vocational institution or continuing-education centre' })
  @Column({ type: 'varchar', length: 30 })
  kind: InstitutionKind;

  @Field(() => OrgUnitRef, { nullable: true, description: 'The district it was registered in; none for one registered from 1/7/2025' })
  district(): OrgUnitRef | null {
    return this.districtId ? { id: this.districtId } : null;
  }

  @Field(() => ID, { nullable: true })
  @Column({ type: 'varchar', length: 20, nullable: true })
  districtId: string | null;

  @Field(() => OrgUnitRef, { nullable: true })
  commune(): OrgUnitRef | null {
    return this.communeId ? { id: this.communeId } : null;
  }

  @Field(() => ID, { nullable: true })
  @Column({ type: 'varchar', length: 20, nullable: true })
  communeId: string | null;

  @Field(() => OrgUnitRef, { nullable: true, description: 'The commune-level unit the institution is in from 1/7/2025, when there is no district level' })
  communeAfterReform(): OrgUnitRef | null {
    return this.communeAfterReformId ? { id: this.communeAfterReformId } : null;
  }

  @Field(() => ID, {
    nullable: true,
    description: "The commune-level unit the institution is in from 1/7/2025 (one of the plan's 56); sessions held from that date are placed there",
  })
  @Column({ type: 'varchar', length: 20, nullable: true })
  communeAfterReformId: string | null;

  @Field(() => Int, { description: 'Increases with every change; pass it back as expectedVersion' })
  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
