import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  addDays,
  assertInScope,
  checkCount,
  connectionType,
  createOnce,
  findById,
  notFoundError,
  paginate,
  parsePeriod,
  recordScope,
  SubgraphContext,
  updateVersioned,
  userInputError,
  PageArgs,
} from '@qn/common';
import { CommunicationSession } from '../entities/communication-session';
import { Enrolment } from '../entities/enrolment';
import { Institution } from '../entities/institution';
import { EducationLoaders } from '../loaders';
import { parseSchoolYear, schoolYearOf } from '../school-year';
import { EnrolmentFilter, RecordEnrolmentInput, UpdateEnrolmentInput } from './types/enrolment.input';

const EnrolmentConnection = connectionType(Enrolment, 'Enrolment');

/** No institution in the province comes near this many students. */
const MAX_STUDENTS = 100000;

@Resolver(() => Enrolment)
export class EnrolmentResolver {
  @Authorized('RECORDS')
  @Query(() => EnrolmentConnection, { description: 'Students enrolled per institution and school year (the denominator of IND-1.3c)' })
  enrolments(
    @Ctx() { dataSource, identity }: SubgraphContext<EducationLoaders>,
    @Arg('filter', () => EnrolmentFilter, { nullable: true }) filter?: EnrolmentFilter,
    @Args(() => PageArgs) page?: PageArgs,
  ) {
    const query = dataSource.getRepository(Enrolment).createQueryBuilder('e');
    if (filter?.institutionId) query.andWhere('e.institution_id = :institutionId', { institutionId: filter.institutionId });
    if (filter?.schoolYear) query.andWhere('e.school_year = :schoolYear', { schoolYear: parseSchoolYear(filter.schoolYear, 'filter.schoolYear').id });
    if (filter?.period) {
      const period = parsePeriod(filter.period, 'filter.period');
      query.andWhere('e.school_year >= :firstYear AND e.school_year <= :lastYear', {
        firstYear: schoolYearOf(period.start),
        lastYear: schoolYearOf(addDays(period.end, -1)),
      });
    }
    const scope = recordScope(identity);
    if (scope) query.andWhere('e.institution_id IN (SELECT i.id FROM institution i WHERE i.district_id = :scope)', { scope });
    if (filter?.districtId) {
      query.andWhere('e.institution_id IN (SELECT i.id FROM institution i WHERE i.district_id = :districtId)', { districtId: filter.districtId });
    }
    return paginate(query, { ...page, sortColumn: 'school_year', sortKey: (e) => e.schoolYear });
  }

  @FieldResolver(() => Institution, { nullable: true })
  institution(@Root() enrolment: Enrolment, @Ctx() { loaders }: SubgraphContext<EducationLoaders>) {
    return loaders.institutionById.load(enrolment.institutionId);
  }

  @Authorized('RECORDS')
  @Mutation(() => Enrolment, { description: 'Record how many students an institution has in a school year' })
  async recordEnrolment(
    @Arg('input') { idempotencyKey, ...input }: RecordEnrolmentInput,
    @Ctx() { dataSource, loaders, identity }: SubgraphContext<EducationLoaders>,
  ): Promise<Enrolment> {
    const institution = await loaders.institutionById.load(input.institutionId);
    if (!institution) throw userInputError('institutionId', `no institution '${input.institutionId}'`);
    assertInScope(identity, institution.districtId, 'institutionId');
    const schoolYear = parseSchoolYear(input.schoolYear).id;
    checkCount('students', input.students, { max: MAX_STUDENTS });
    return createOnce(dataSource, identity, idempotencyKey, 'recordEnrolment', { ...input, schoolYear }, Enrolment, async (manager) => {
      const existing = await manager.getRepository(Enrolment).findOneBy({ institutionId: institution.id, schoolYear });
      if (existing) {
        throw userInputError(
          'schoolYear',
          `the enrolment of ${institution.name} in ${schoolYear} is already recorded (id ${existing.id}); change it with updateEnrolment`,
        );
      }
      return manager.getRepository(Enrolment).save(manager.getRepository(Enrolment).create({ ...input, schoolYear }));
    });
  }

  @Authorized('RECORDS')
  @Mutation(() => Enrolment, { description: 'Correct an enrolment; fails with CONFLICT if it changed since you read it' })
  async updateEnrolment(
    @Arg('input') input: UpdateEnrolmentInput,
    @Ctx() { dataSource, loaders, identity }: SubgraphContext<EducationLoaders>,
  ): Promise<Enrolment> {
    const { id, expectedVersion, students } = input;
    const current = await findById(dataSource, Enrolment, id);
    if (!current) throw notFoundError('Enrolment', id);
    assertInScope(identity, (await loaders.institutionById.load(current.institutionId))?.districtId, 'institutionId');
    checkCount('students', students, { max: MAX_STUDENTS });
    const { largest } = await dataSource
      .getRepository(CommunicationSession)
      .createQueryBuilder('s')
      .select('max(s.students_reached)', 'largest')
      .where('s.institution_id = :institutionId AND s.school_year = :schoolYear', current)
      .getRawOne();
    if (largest !== null && students < Number(largest)) {
      throw userInputError('students', `a session in ${current.schoolYear} already reached ${largest} students; enrolment cannot be less`);
    }
    return updateVersioned(dataSource, Enrolment, id, expectedVersion, { students });
  }
}
