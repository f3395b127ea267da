import { Authorized, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Institution } from './institution';

/** Students enrolled at one institution in one school year: the denominator of IND-1.3c. */
@Authorized('RECORDS')
@ObjectType({ description: 'Students enrolled at an institution in a school year' })
@Entity()
@Index(['institutionId', 'schoolYear'], { unique: true })
@Index(['schoolYear'])
export class Enrolment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The institution (Institution.id)' })
  @Column('uuid')
  institutionId: string;

  @ManyToOne(() => Institution, { onDelete: 'RESTRICT' })
  institution: Institution;

  @Field({ description: 'The school year, e.g. 2023-2024 (1 September to 31 August)' })
  @Column({ length: 9 })
  schoolYear: string;

  @Field(() => Int, { description: 'Students enrolled' })
  @Column({ type: 'int' })
  students: number;

  @Field(() => Int, { description: 'Increases with every change; pass it back as expectedVersion' })
  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
