import { Arg, Authorized, ClassType, Ctx, Directive, Field, FieldResolver, ID, InterfaceType, ObjectType, Resolver, Root } from 'type-graphql';
import { computeByDistrict, computeByUnit, computeResult, computeSeries, MeasureLoader, Readings } from '../indicators';
import type { OrgUnitLevel } from '../territory';
import { TARGET_SELECTION, TargetSpec } from '../status';
import { IndicatorResultData, OrgUnitLevelEnum, Target } from './types';
import { ReferenceResolvers } from './schema';
import type { Identity } from '../auth/identity';

/** What `protectsSmallCounts` says, on every agency's indicator type. */
export const SMALL_COUNTS_DESCRIPTION =
  'The owning agency protects small counts: for callers without a token or with only the ANALYST role, results of 1 or 2 (and the units that would reveal them) are SUPPRESSED (docs/security.md)';

/** What labour's catalogue and every computing agency say of the `Indicator` interface, its concrete types and its fields. */
export const INDICATOR_DESCRIPTION = 'An indicator of the plan with its 2025 target; its concrete type names the agency that computes it';
export const indicatorTypeDescription = (agency: string, codes: string) =>
  `An indicator ${agency} computes (${codes}); its results come from the ${agency} subgraph`;
export const INDICATOR_FIELD_DESCRIPTIONS = {
  code: 'IND-1.1 … IND-5.1b',
  target: "The plan's target for the indicator, from labour's catalogue",
  result: 'The indicator for one period (2024, 2024Q3, 2024S1, 2021-2025) and organisation unit (default: the province)',
  resultsByDistrict: 'The indicator for each district-level unit that existed in the period (none after 30/6/2025: use resultsByUnit)',
  resultsByUnit:
    "The indicator for each unit of a level in the period: the district-level units that existed in it, or the commune-level units of the plan's territory as they stood on its last day",
  series: 'One result per period from `from` to `to` (periods of one kind)',
} as const;

/** The target fields an agency needs from labour's catalogue to judge its results. */
export const TARGET_REQUIRES = `@requires(fields: "target { ${TARGET_SELECTION} }")`;

export interface AgencyIndicatorOptions<C extends { identity: Identity }> {
  /** The concrete type in labour's catalogue this agency resolves, e.g. `PoliceIndicator`. */
  typeName: string;
  /** The type's description, the same as labour's catalogue gives it (`indicatorTypeDescription`). */
  description: string;
  resultType: ClassType;
  /** Indicator codes this agency computes. */
  codes: string[];
  loader(context: C): MeasureLoader;
  /** How the agency reads each of its indicators (the explanation's reading and inputs). */
  readings: Readings;
}

interface AgencyIndicatorShape {
  code: string;
  target: TargetSpec;
}

/**
 * The part of `Indicator` an agency subgraph owns: for its own concrete type it
 * resolves `result`, `resultsByDistrict` and `series` from its own records, taking
 * the target from labour's catalogue through `@requires`.
 */
export function agencyIndicator<C extends { identity: Identity }>(options: AgencyIndicatorOptions<C>) {
  @InterfaceType('Indicator', { description: INDICATOR_DESCRIPTION, resolveType: () => options.typeName })
  abstract class Indicator {
    @Field(() => ID, { description: INDICATOR_FIELD_DESCRIPTIONS.code })
    code: string;

    @Field(() => options.resultType, { nullable: true, description: INDICATOR_FIELD_DESCRIPTIONS.result })
    result(@Arg('period') _period: string, @Arg('orgUnit', () => ID, { nullable: true }) _orgUnit?: string): IndicatorResultData | null {
      return null;
    }

    @Field(() => [options.resultType], { nullable: true, description: INDICATOR_FIELD_DESCRIPTIONS.resultsByDistrict })
    resultsByDistrict(@Arg('period') _period: string): IndicatorResultData[] | null {
      return null;
    }

    @Field(() => [options.resultType], { nullable: true, description: INDICATOR_FIELD_DESCRIPTIONS.resultsByUnit })
    resultsByUnit(@Arg('period') _period: string, @Arg('level', () => OrgUnitLevelEnum) _level: OrgUnitLevel): IndicatorResultData[] | null {
      return null;
    }

    @Field({ description: SMALL_COUNTS_DESCRIPTION })
    protectsSmallCounts(): boolean {
      return false;
    }

    @Field(() => [options.resultType], { nullable: true, description: INDICATOR_FIELD_DESCRIPTIONS.series })
    series(@Arg('from') _from: string, @Arg('to') _to: string, @Arg('orgUnit', () => ID, { nullable: true }) _orgUnit?: string): IndicatorResultData[] | null {
      return null;
    }
  }

  @Directive('@key(fields: "code")')
  @ObjectType(options.typeName, { implements: Indicator, description: options.description })
  class AgencyIndicator extends Indicator implements AgencyIndicatorShape {
    @Directive('@external')
    @Field(() => Target, { description: INDICATOR_FIELD_DESCRIPTIONS.target })
    target: TargetSpec;
  }

  @Resolver(() => AgencyIndicator)
  class AgencyIndicatorResolver {
    @Authorized('AGGREGATES')
    @Directive(TARGET_REQUIRES)
    @FieldResolver(() => options.resultType, { nullable: true, description: INDICATOR_FIELD_DESCRIPTIONS.result })
    result(
      @Root() indicator: AgencyIndicatorShape,
      @Arg('period') period: string,
      @Arg('orgUnit', () => ID, { nullable: true }) orgUnit: string | undefined,
      @Ctx() context: C,
    ): Promise<IndicatorResultData> {
      return computeResult(options.loader(context), indicator.code, indicator.target, period, orgUnit, options.readings[indicator.code], context.identity);
    }

    @Authorized('AGGREGATES')
    @Directive(TARGET_REQUIRES)
    @FieldResolver(() => [options.resultType], { nullable: true, description: INDICATOR_FIELD_DESCRIPTIONS.resultsByDistrict })
    resultsByDistrict(@Root() indicator: AgencyIndicatorShape, @Arg('period') period: string, @Ctx() context: C) {
      return computeByDistrict(options.loader(context), indicator.code, indicator.target, period, options.readings[indicator.code], context.identity);
    }

    @Authorized('AGGREGATES')
    @Directive(TARGET_REQUIRES)
    @FieldResolver(() => [options.resultType], { nullable: true, description: INDICATOR_FIELD_DESCRIPTIONS.resultsByUnit })
    resultsByUnit(
      @Root() indicator: AgencyIndicatorShape,
      @Arg('period') period: string,
      @Arg('level', () => OrgUnitLevelEnum) level: OrgUnitLevel,
      @Ctx() context: C,
    ) {
      return computeByUnit(options.loader(context), indicator.code, indicator.target, period, level, options.readings[indicator.code], context.identity);
    }

    @Authorized('AGGREGATES')
    @Directive(TARGET_REQUIRES)
    @FieldResolver(() => [options.resultType], { nullable: true, description: INDICATOR_FIELD_DESCRIPTIONS.series })
    series(
      @Root() indicator: AgencyIndicatorShape,
      @Arg('from') from: string,
      @Arg('to') to: string,
      @Arg('orgUnit', () => ID, { nullable: true }) orgUnit: string | undefined,
      @Ctx() context: C,
    ) {
      return computeSeries(options.loader(context), indicator.code, indicator.target, from, to, orgUnit, options.readings[indicator.code], context.identity);
    }

    @FieldResolver(() => Boolean, { description: SMALL_COUNTS_DESCRIPTION })
    protectsSmallCounts(@Root() indicator: AgencyIndicatorShape): boolean {
      return Boolean(options.readings[indicator.code]?.protectSmallCounts);
    }
  }

  const codes = new Set(options.codes);
  const references: ReferenceResolvers = {
    [options.typeName]: {
      __resolveReference: (reference: AgencyIndicatorShape) => (codes.has(reference.code) ? reference : null),
    },
  };
  return { resolvers: [AgencyIndicatorResolver] as const, orphanedTypes: [AgencyIndicator], references };
}
