import { Directive, Field, ID, InterfaceType, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Target, TargetSpec } from '@qn/common';

/** The concrete GraphQL type of an indicator names the subgraph that computes it. */
export const INDICATOR_TYPE_BY_SUBGRAPH: Record<string, string> = {
  labour: 'LabourIndicator',
  police: 'PoliceIndicator',
  education: 'EducationIndicator',
  information: 'InformationIndicator',
};

/** A row of the plan's indicator catalogue (section II, "a) Chỉ tiêu"). */
@Entity('indicator')
export class IndicatorRow {
  @PrimaryColumn({ length: 20 })
  code: string;

  @Column({ length: 10 })
  group: string;

  @Column({ type: 'int' })
  ordinal: number;

  @Column({ type: 'text' })
  titleVi: string;

  @Column({ type: 'text' })
  sentenceVi: string;

  @Column({ type: 'text' })
  titleEn: string;

  @Column({ length: 30 })
  ownerCode: string;

  @Column({ length: 20 })
  ownerSubgraph: string;

  @Column({ type: 'text', array: true, default: '{}' })
  contributorCodes: string[];

  @Column({ type: 'jsonb' })
  target: TargetSpec & { unit: string; per: string; direction: string; deadline: string; cumulative: boolean };

  @Column({ type: 'text' })
  numeratorEn: string;

  @Column({ type: 'text' })
  denominatorEn: string;
}

@Directive('@key(fields: "code")')
@InterfaceType('Indicator', {
  description: 'An indicator of the plan with its 2025 target; its concrete type names the agency that computes it',
  resolveType: (row: IndicatorRow) => INDICATOR_TYPE_BY_SUBGRAPH[row.ownerSubgraph],
})
export abstract class Indicator {
  @Field(() => ID, { description: 'IND-1.1 … IND-5.1b' })
  code: string;

  @Field({ description: 'Group of section II, e.g. II.3' })
  group: string;

  @Field({ description: 'Title in English' })
  title: string;

  @Field({ description: "The plan's own words for this indicator (Vietnamese, verbatim)" })
  titleVi: string;

  @Field({ description: 'The whole sentence of the plan this indicator comes from' })
  sentenceVi: string;

  @Field()
  titleEn: string;

  @Field(() => Target)
  target: Target;

  @Field({ description: 'What is counted' })
  numeratorDescription: string;

  @Field({ description: 'What it is divided by' })
  denominatorDescription: string;
}

@Directive('@key(fields: "code")')
@ObjectType({ implements: Indicator, description: 'An indicator labour computes from its own records' })
export class LabourIndicator extends Indicator {}

@Directive('@key(fields: "code")')
@ObjectType({ implements: Indicator, description: 'An indicator police computes (IND-3.x); its results come from the police subgraph' })
export class PoliceIndicator extends Indicator {}

@Directive('@key(fields: "code")')
@ObjectType({ implements: Indicator, description: 'An indicator education computes (IND-1.3c); its results come from the education subgraph' })
export class EducationIndicator extends Indicator {}

@Directive('@key(fields: "code")')
@ObjectType({ implements: Indicator, description: 'An indicator information computes (IND-1.2a/b); its results come from the information subgraph' })
export class InformationIndicator extends Indicator {}

export const INDICATOR_TYPES = [LabourIndicator, PoliceIndicator, EducationIndicator, InformationIndicator];
