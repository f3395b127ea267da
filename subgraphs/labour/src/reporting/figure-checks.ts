import { DataSource } from 'typeorm';
import { Arg, Authorized, Ctx, Field, FieldResolver, Float, ID, InputType, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { GraphQLError } from 'graphql';
import { checkText, clockNow, conflictError, IDEMPOTENCY_KEY_DESCRIPTION, idempotent, notFoundError, SubgraphContext } from '@qn/common';
import { checkReportFigures, FigureViolation } from '../registry';
import { Report, ReportingUnitKind, ReportStatus } from './entities';
import { ReportFigures } from './figures.types';
import { assertHeadOf } from './units';

/** A unit's explanation of one violation of its report (checks before submission). */
@Entity('figure_comment')
export class FigureComment {
  @PrimaryColumn('uuid')
  reportId: string;

  @PrimaryColumn({ length: 200 })
  violationKey: string;

  @Column({ type: 'text' })
  comment: string;

  @Column({ length: 200 })
  commentedBy: string;

  @Column({ type: 'timestamptz' })
  commentedAt: Date;
}

@ObjectType('FigureViolation', {
  description: "A figure of a report that breaks a validation rule or stands out from the unit's own history, with the unit's comment",
})
export class FigureViolationType {
  @Field({ description: 'What a comment names (rule:task:measure:unit)' })
  key: string;

  @Field({ description: 'The rule (registry/data/validation-rules.json), or OUTLIER' })
  rule: string;

  @Field(() => ID, { nullable: true, description: 'The task of a registry figure (null: an indicator figure)' })
  taskId: string | null;

  @Field(() => ID, { nullable: true, description: 'The indicator of an indicator figure (null: a registry figure)' })
  indicator: string | null;

  @Field(() => String, { nullable: true, description: "The task's measure (null: an indicator figure)" })
  measure: string | null;

  @Field(() => ID, {
    description: 'The unit the figure is for: an organisation unit, or for a registry entry its reporting unit (an agency code or a district id)',
  })
  orgUnitId: string;

  @Field(() => Float, { description: "The figure checked (an indicator figure's numerator)" })
  value: number;

  @Field(() => Float, { nullable: true, description: 'The bound broken, or the median of the earlier periods for an outlier' })
  limit: number | null;

  @Field({ description: 'What is wrong, in English' })
  message: string;

  @Field({ description: 'What is wrong, in Vietnamese' })
  messageVi: string;

  @Field(() => String, { nullable: true, description: "The unit's comment; a report with an uncommented violation cannot be submitted" })
  comment: string | null;
}

@InputType({ description: 'Explains a violation of a report before it is submitted (the head of the unit)' })
export class CommentFigureViolationInput {
  @Field(() => ID, { description: 'The report (Report.id)' })
  reportId: string;

  @Field({ description: 'FigureViolation.key' })
  key: string;

  @Field({ description: "The unit's explanation of the figure" })
  comment: string;

  @Field({ description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey: string;
}

/** A report's violations with the comments made on them. */
export async function reportViolations(dataSource: DataSource, report: Report, figures: ReportFigures = report.figures): Promise<FigureViolationType[]> {
  const district = report.unitKind === ReportingUnitKind.DISTRICT;
  const violations: FigureViolation[] = await checkReportFigures(
    dataSource,
    { period: report.period, unitId: report.unitId, agencyCode: district ? 'DISTRICTS' : report.unitId, district },
    figures.indicators,
  );
  const comments = await dataSource.getRepository(FigureComment).findBy({ reportId: report.id });
  const byKey = new Map(comments.map((c) => [c.violationKey, c.comment]));
  return violations.map((v) => ({ ...v, comment: byKey.get(v.key) ?? null }));
}

/** Refuses a submission while a violation has no comment, listing each (BAD_USER_INPUT, field `violations`). */
export async function assertViolationsCommented(dataSource: DataSource, report: Report, figures: ReportFigures): Promise<void> {
  const open = (await reportViolations(dataSource, report, figures)).filter((v) => !v.comment);
  if (!open.length) return;
  throw new GraphQLError(
    `violations: ${open.length} figure${open.length === 1 ? '' : 's'} break${open.length === 1 ? 's' : ''} a check; comment on each with commentFigureViolation before submitting: ${open.map((v) => `${v.key} — ${v.message}`).join('; ')}`,
    { extensions: { code: 'BAD_USER_INPUT', field: 'violations', problems: open.map((v) => ({ field: v.key, rule: v.rule, message: v.message })) } },
  );
}

type Context = SubgraphContext;

@Resolver(() => Report)
export class ReportChecksResolver {
  @FieldResolver(() => [FigureViolationType], {
    description:
      "Figures that break a validation rule or are outliers against the unit's own history (registry entries as they are now; indicator figures as the report carries them), with the unit's comments",
  })
  violations(@Root() report: Report, @Ctx() { dataSource }: Context) {
    return reportViolations(dataSource, report);
  }

  @Authorized('REPORT_SUBMIT')
  @Mutation(() => FigureViolationType, { description: 'Comments on a violation of a draft or returned report; submitting needs a comment on each' })
  async commentFigureViolation(@Arg('input') input: CommentFigureViolationInput, @Ctx() { dataSource, identity }: Context): Promise<FigureViolationType> {
    checkText('comment', input.comment, { max: 2000, required: true });
    const report = await dataSource.getRepository(Report).findOneBy({ id: input.reportId });
    if (!report) throw notFoundError('Report', input.reportId, 'reportId');
    assertHeadOf(identity, report.unitId);
    if (report.status !== ReportStatus.DRAFT && report.status !== ReportStatus.RETURNED)
      throw conflictError(`report ${report.id} is ${report.status}: comments are made before submission`, 'reportId');
    const violation = (await reportViolations(dataSource, report)).find((v) => v.key === input.key);
    if (!violation) throw notFoundError('FigureViolation', input.key, 'key');
    await idempotent(
      dataSource,
      identity,
      input.idempotencyKey,
      'commentFigureViolation',
      { reportId: input.reportId, key: input.key, comment: input.comment },
      async (manager) => {
        await manager
          .getRepository(FigureComment)
          .upsert({ reportId: report.id, violationKey: input.key, comment: input.comment.trim(), commentedBy: identity.subject, commentedAt: clockNow() }, [
            'reportId',
            'violationKey',
          ]);
        return { ok: true };
      },
    );
    return { ...violation, comment: input.comment.trim() };
  }
}
