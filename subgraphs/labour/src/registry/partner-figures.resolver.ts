import { Arg, Authorized, Ctx, Field, FieldResolver, Float, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { SubgraphContext, TaskStatus } from '@qn/common';
import { CatalogueLoaders, Indicator, IndicatorObject, MeasureUnit, ProgressSource, TASK_MEASURES } from '../catalogue';
import { RegistryProgressLoader } from './registry.progress';

@ObjectType({ description: "A figure another agency entered in the registry for a task serving this indicator, shown beside the owner's result" })
export class PartnerFigure {
  @Field(() => ID, { description: 'The task the figure was entered for (Task.id)' })
  taskId: string;

  @Field(() => ID, { description: 'The agency that entered it' })
  agency: string;

  @Field({ description: "The measure's code (Task.measures), e.g. CASES_TRIED" })
  measure: string;

  @Field(() => MeasureUnit, { description: 'What the value is counted in (VND, persons, cases …)' })
  unit: MeasureUnit;

  @Field({ description: "The measure's label in Vietnamese" })
  labelVi: string;

  @Field({ description: "The measure's label in English" })
  labelEn: string;

  @Field(() => Float, { description: "The value entered, in the measure's unit" })
  value: number;

  @Field(() => TaskStatus, { nullable: true, description: 'Where the task stands, as the agency entered it (null: not entered)' })
  status: TaskStatus | null;
}

type Context = SubgraphContext<CatalogueLoaders & { registryProgress: RegistryProgressLoader }>;

/**
 * What agencies without a subgraph report for the tasks serving an indicator — for IND-3.2,
 * the Procuracy and Court's cases prosecuted and tried and the Border Guard's trafficking
 * cases detected — beside the owning agency's result. Labour contributes this field to every
 * Indicator type; the gateway composes it with police's `result`, so police's ownership
 * and computation of IND-3.2 stay as they are and no subgraph reads another's database.
 */
@Resolver(() => Indicator)
export class PartnerFiguresResolver {
  @Authorized('AGGREGATES')
  @FieldResolver(() => [PartnerFigure], {
    description:
      "Figures of other agencies' registry entries for the tasks serving this indicator, province-wide or for one unit (e.g. IND-3.2: cases prosecuted and tried beside police's cases dealt with)",
  })
  async partnerFigures(
    @Root() indicator: IndicatorObject,
    @Arg('period') period: string,
    @Arg('orgUnit', () => ID, { nullable: true }) orgUnit: string | undefined,
    @Ctx() { loaders }: Context,
  ): Promise<PartnerFigure[]> {
    const tasks = (await loaders.tasksServingIndicator.load(indicator.code)).filter(
      (t) => t.ownerCode !== indicator.ownerCode && TASK_MEASURES.get(t.code)?.[0]?.source === ProgressSource.REGISTRY,
    );
    const answers = await Promise.all(tasks.map((t) => loaders.registryProgress.load({ taskCode: t.code, period, orgUnit: orgUnit ?? null })));
    return tasks.flatMap((t, i) => {
      const progress = answers[i];
      if (!progress) return [];
      return progress.values.map((v) => {
        const m = TASK_MEASURES.get(t.code)!.find((x) => x.code === v.measure)!;
        return {
          taskId: t.code,
          agency: t.ownerCode,
          measure: v.measure,
          unit: m.unit,
          labelVi: m.labelVi,
          labelEn: m.labelEn,
          value: v.value,
          status: progress.status ?? null,
        };
      });
    });
  }
}
