import { LocalDateResolver } from 'graphql-scalars';
import { Authorized, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { OrgUnitRef } from '@qn/common';
import { ServiceBusinessRef } from './service-business.ref';

/**
 * A periodic health check of the staff of a service business (plan section V.4).
 * The business is police's: `businessId` is its key in the graph. Health never reads
 * the police database: recording or correcting a check asks police, through the graph
 * (`serviceBusinessDistricts`), that the business is registered, open on the day and, on
 * that day, where the check says it was (district before 1/7/2025, commune-level unit after). Only counts of staff are kept, no names.
 */
@Authorized('RECORDS')
@ObjectType({ description: 'A periodic health check of the staff of a service business prone to prostitution' })
@Entity()
@Index(['checkedOn'])
@Index(['districtId', 'checkedOn'])
@Index(['communeId', 'checkedOn'])
@Index(['businessId', 'checkedOn'])
export class PeriodicHealthCheck {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The ServiceBusiness (police registry) whose staff were checked' })
  @Column('uuid')
  businessId: string;

  @Field(() => ServiceBusinessRef, { nullable: true, description: 'The business, resolved by police' })
  business(): ServiceBusinessRef {
    return { id: this.businessId };
  }

  @Field(() => LocalDateResolver, { description: 'The day of the check' })
  @Column({ type: 'date' })
  checkedOn: string;

  @Field(() => Int, { description: 'Staff examined' })
  @Column({ type: 'int' })
  staffChecked: number;

  @Field(() => Int, { description: 'Of those, staff referred for treatment or further tests' })
  @Column({ type: 'int', default: 0 })
  staffReferred: number;

  @Field(() => ID, { nullable: true, description: 'The district it was held in (before 1/7/2025; null after, when there is no district level)' })
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

  @Field(() => Int, { description: 'Increases with every change; pass it back as expectedVersion' })
  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
