import { Directive, Field, ID, InterfaceType, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { INDICATOR_DESCRIPTION, INDICATOR_FIELD_DESCRIPTIONS, indicatorTypeDescription, Target, TargetSpec } from '@qn/common';

/** The concrete GraphQL type of an indicator names the subgraph that computes it. */
export const INDICATOR_TYPE_BY_SUBGRAPH: Record<string, string> = {
  labour: 'LabourIndicator',
  police: 'PoliceIndicator',
  education: 'EducationIndicator',
  information: 'InformationIndicator',
};

/** The concrete GraphQL type of a catalogue row: who asks the agency for its results names this type, never the agency. */
export const indicatorTypeName = (row: Pick<IndicatorRow, 'ownerSubgraph'>): string => INDICATOR_TYPE_BY_SUBGRAPH[row.ownerSubgraph];

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
  description: INDICATOR_DESCRIPTION,
  resolveType: indicatorTypeName,
})
export abstract class Indicator {
  @Field(() => ID, { description: INDICATOR_FIELD_DESCRIPTIONS.code })
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

  @Field(() => Target, { description: INDICATOR_FIELD_DESCRIPTIONS.target })
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
@ObjectType({ implements: Indicator, description: indicatorTypeDescription('police', 'IND-3.x') })
export class PoliceIndicator extends Indicator {}

@Directive('@key(fields: "code")')
@ObjectType({ implements: Indicator, description: indicatorTypeDescription('education', 'IND-1.3c') })
export class EducationIndicator extends Indicator {}

@Directive('@key(fields: "code")')
@ObjectType({ implements: Indicator, description: indicatorTypeDescription('information', 'IND-1.2a/b') })
export class InformationIndicator extends Indicator {}

export const INDICATOR_TYPES = [LabourIndicator, PoliceIndicator, EducationIndicator, InformationIndicator];
