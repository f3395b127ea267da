import { LocalDateResolver } from 'graphql-scalars';
import { Authorized, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, VersionColumn } from 'typeorm';

/** A district-level unit's prostitution-prevention plan for one year (IND-2.1). */
@Authorized('RECORDS')
@ObjectType({ description: "A prevention plan a district-level People's Committee adopted for a year" })
@Entity()
@Unique(['districtId', 'year'])
export class DistrictPlan {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ length: 20 })
  districtId: string;

  @Field(() => Int, { description: 'The year the plan is for' })
  @Column({ type: 'int' })
  year: number;

  @Field(() => LocalDateResolver, { description: "The day the People's Committee adopted it" })
  @Column({ type: 'date' })
  adoptedOn: string;

  @Field(() => String, { nullable: true, description: 'Number of the decision or plan document, e.g. 45/KH-UBND' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  documentNumber: string | null;

  @Field(() => Int, { description: 'Increases with every change; pass it back as expectedVersion' })
  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

export enum IntegratedProgramme {
  SOCIO_ECONOMIC = 'SOCIO_ECONOMIC',
  SOCIAL_SECURITY = 'SOCIAL_SECURITY',
  DRUG_PREVENTION = 'DRUG_PREVENTION',
  HIV_AIDS = 'HIV_AIDS',
}
registerEnumType(IntegratedProgramme, {
  name: 'IntegratedProgramme',
  description:
    'Programmes prevention is integrated into (II.2): socio-economic development, social security and assistance, drug prevention, HIV/AIDS prevention',
  valuesConfig: {
    SOCIO_ECONOMIC: { description: 'Phát triển kinh tế - xã hội: socio-economic development' },
    SOCIAL_SECURITY: { description: 'An sinh xã hội: social security' },
    DRUG_PREVENTION: { description: 'Phòng, chống ma túy: drug prevention' },
    HIV_AIDS: { description: 'Phòng, chống HIV/AIDS: HIV/AIDS prevention' },
  },
});

/** A district-level unit integrated prevention into another programme in a year (IND-2.2). */
@Authorized('RECORDS')
@ObjectType({ description: 'Prevention integrated into another programme of a district-level unit in a year' })
@Entity()
@Unique(['districtId', 'programme', 'year'])
export class ProgrammeIntegration {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ length: 20 })
  districtId: string;

  @Field(() => IntegratedProgramme, { description: 'The programme prevention was integrated into (kinh tế - xã hội, an sinh xã hội, ma túy, HIV/AIDS)' })
  @Column({ type: 'varchar', length: 20 })
  programme: IntegratedProgramme;

  @Field(() => Int)
  @Column({ type: 'int' })
  year: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Field(() => Int)
  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
