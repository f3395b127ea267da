import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { isAnonymous, notFoundError, SubgraphContext, unauthenticated } from '@qn/common';
import { RecordsLoaders } from '../records';
import { RegistryLoaders } from '../registry';
import { canRead, ExportFile, PROGRAMME_REVIEW_PERIOD, Report, ReportService } from '../reporting';
import { programmeIssuer } from './issuer';
import { reviewCsv, reviewDocx, reviewXlsx } from './review.export';
import { ProgrammeReview, ReviewContent } from './review.types';

type Context = SubgraphContext<RecordsLoaders & RegistryLoaders>;

@InputType({ description: 'Opens the final review 2021–2025' })
export class CreateProgrammeReviewInput {
  @Field({ description: 'A unique key for this change (retries with the same key get the first answer)' })
  idempotencyKey: string;
}

/** The review as the API gives it: its stored content with the report that carries it. */
export type ProgrammeReviewObject = Omit<ProgrammeReview, 'document' | 'csvFile' | 'workbook' | 'computedAt'> & { content: ReviewContent; computedAt: string };

function toReview(report: Report): ProgrammeReviewObject {
  const content = report.figures.review as unknown as ReviewContent;
  return { ...content, report, content, computedAt: report.figures.computedAt };
}

const FILE = 'bao-cao-tong-ket-phong-chong-mai-dam-2021-2025';

@Resolver(() => ProgrammeReview)
export class ProgrammeReviewResolver {
  @Query(() => ProgrammeReview, {
    nullable: true,
    description: 'The final review 2021–2025 (latest revision, or the one named), as drafted, submitted or approved; null before it is opened',
  })
  async programmeReview(@Ctx() context: Context, @Arg('id', () => ID, { nullable: true }) id?: string): Promise<ProgrammeReviewObject | null> {
    if (isAnonymous(context.identity)) throw unauthenticated('the final review needs a signed-in caller');
    const repository = context.dataSource.getRepository(Report);
    const report = id
      ? await repository.findOneBy({ id, period: PROGRAMME_REVIEW_PERIOD }).catch(() => null)
      : await repository.findOne({ where: { period: PROGRAMME_REVIEW_PERIOD }, order: { revision: 'DESC' } });
    if (!report) {
      if (id) throw notFoundError('ProgrammeReview', id);
      return null;
    }
    if (!canRead(context.identity, report.unitId)) throw notFoundError('ProgrammeReview', report.id);
    return toReview(report);
  }

  @Mutation(() => ProgrammeReview, {
    description:
      'Opens the final review 2021–2025 as a draft of the standing agency, drafted from the graph; then updateReportNarrative, submitReport (the numbers are taken again), returnReport, approveReport and correctReport as for any report',
  })
  async createProgrammeReview(@Arg('input') input: CreateProgrammeReviewInput, @Ctx() context: Context): Promise<ProgrammeReviewObject> {
    if (isAnonymous(context.identity)) throw unauthenticated('the final review needs a signed-in caller');
    const [report] = await new ReportService(context).createDrafts(PROGRAMME_REVIEW_PERIOD, [programmeIssuer().issuer.code], input.idempotencyKey);
    return toReview(report);
  }

  @FieldResolver(() => ExportFile)
  async document(@Root() review: ProgrammeReviewObject): Promise<ExportFile> {
    const buffer = await reviewDocx(review.content, review.report);
    return { filename: `${FILE}.docx`, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', base64: buffer.toString('base64') };
  }

  @FieldResolver(() => ExportFile)
  csvFile(@Root() review: ProgrammeReviewObject): ExportFile {
    return { filename: `${FILE}.csv`, mimeType: 'text/csv; charset=utf-8', base64: reviewCsv(review.content).toString('base64') };
  }

  @FieldResolver(() => ExportFile)
  async workbook(@Root() review: ProgrammeReviewObject): Promise<ExportFile> {
    const buffer = await reviewXlsx(review.content);
    return { filename: `${FILE}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: buffer.toString('base64') };
  }
}
