import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One of the 16 agencies or agency groups of section V of the plan. */
@Directive('@key(fields: "code")')
@ObjectType({ description: 'An agency (or group of agencies) with duties under section V of the plan' })
@Entity()
export class Agency {
  @Field(() => ID, { description: 'Stable code, e.g. LABOUR, POLICE, DISTRICTS' })
  @PrimaryColumn({ length: 30 })
  code: string;

  @Field({ description: 'Section of the plan listing its duties, e.g. V.2' })
  @Column({ length: 10 })
  section: string;

  @Field({ description: 'Name as the plan writes it (Vietnamese)' })
  @Column({ length: 300 })
  nameVi: string;

  @Field()
  @Column({ length: 300 })
  nameEn: string;

  @Field({ description: 'Name in English' })
  name(): string {
    return this.nameEn;
  }

  @Field({ description: 'The subgraph that holds its records and tasks' })
  @Column({ length: 20 })
  subgraph: string;

  @Field({ description: 'ASSIGNED by the plan, or REQUESTED (bodies the province asks to take part)' })
  @Column({ length: 20 })
  mandate: string;

  @Field({ description: "A group of bodies rather than one (e.g. the district-level People's Committees)" })
  @Column({ default: false })
  isGroup: boolean;

  @Field(() => LocalDateResolver)
  @Column({ type: 'date' })
  validFrom: string;

  @Field(() => LocalDateResolver, { nullable: true })
  @Column({ type: 'date', nullable: true })
  validTo: string | null;

  @Field(() => String, { nullable: true, description: 'Code of the agency that took over its duties' })
  @Column({ type: 'varchar', length: 30, nullable: true })
  successorCode: string | null;

  @Field(() => Number, { description: 'Order in the plan' })
  @Column({ type: 'int' })
  ordinal: number;
}
