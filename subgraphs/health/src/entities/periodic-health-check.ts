import { LocalDateResolver } from 'graphql-scalars';
import { Authorized, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { OrgUnitRef } from '@qn/common';
import { ServiceBusinessRef } from './service-business.ref';

/**
 * A periodic health check of the staff of a service business (plan section V.4).
 * The business is police's: `businessId` is its key in the graph. Health never reads
 * the police database: recording or correcting a check asks police, through the graph
 * (`serviceBusinessDistricts`), that the business is registered, in the check's district
 * and open on the day. Only counts of staff are kept, no names.
 */
@Authorized('RECORDS')
@ObjectType({ description: 'A periodic health check of the staff of a service business prone to prostitution' })
@Entity()
@Index(['checkedOn'])
@Index(['districtId', 'checkedOn'])
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

  @Field(() => LocalDateResolver)
  @Column({ type: 'date' })
  checkedOn: string;

  @Field(() => Int, { description: 'Staff examined' })
  @Column({ type: 'int' })
  staffChecked: number;

  @Field(() => Int, { description: 'Of those, staff referred for treatment or further tests' })
  @Column({ type: 'int', default: 0 })
  staffReferred: number;

  @Field(() => ID)
  @Column({ length: 20 })
  districtId: string;

  @Field(() => OrgUnitRef)
  district(): OrgUnitRef {
    return { id: this.districtId };
  }

  @Field(() => Int, { description: 'Increases with every change; pass it back as expectedVersion' })
  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
