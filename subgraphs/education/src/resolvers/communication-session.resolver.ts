import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  addDays,
  assertInScope,
  checkCount,
  checkNotFuture,
  checkText,
  connectionType,
  createOnce,
  findById,
  Identity,
  longLivedPlace,
  notFoundError,
  paginate,
  parsePeriod,
  recordScope,
  REFORM_DATE,
  saveNew,
  SubgraphContext,
  todayIso,
  updateVersioned,
  userInputError,
  PageArgs,
} from '@qn/common';
import { CommunicationSession } from '../entities/communication-session';
import { Institution } from '../entities/institution';
import { EducationLoaders, enrolmentKey } from '../loaders';
import { parseSchoolYear } from '../school-year';
import { CommunicationSessionFilter, RecordCommunicationSessionInput, UpdateCommunicationSessionInput } from './types/communication-session.input';

const CommunicationSessionConnection = connectionType(CommunicationSession, 'CommunicationSession');

type SessionFields = Pick<CommunicationSession, 'institutionId' | 'schoolYear' | 'heldOn' | 'studentsReached' | 'topic'>;

/** A session must be at a known institution, fall in its school year and reach no more students than were enrolled. */
async function checkSession(s: SessionFields, loaders: EducationLoaders, identity: Identity): Promise<void> {
  const institution = await loaders.institutionById.load(s.institutionId);
  if (!institution) throw userInputError('institutionId', `no institution '${s.institutionId}'`);
  assertInScope(identity, institution.districtId, 'institutionId');
  const year = parseSchoolYear(s.schoolYear);
  if (s.heldOn < year.start || s.heldOn >= year.end) {
    throw userInputError('heldOn', `${s.heldOn} is outside the school year ${year.id} (${year.start} to ${addDays(year.end, -1)})`);
  }
  checkNotFuture('heldOn', s.heldOn, todayIso());
  // A session's place is its institution's on the day: from 1/7/2025 the commune-level unit the institution is in.
  if (s.heldOn >= REFORM_DATE && !institution.communeAfterReformId) {
    try {
      longLivedPlace(institution, addDays(REFORM_DATE, -1), { inUseAfterReform: true, what: 'institution' });
    } catch (error) {
      throw userInputError(
        'institutionId',
        `${institution.name} has no commune-level unit of 1/7/2025, where a session held on ${s.heldOn} stands: set it first with updateInstitution(communeAfterReformId). ${(error as Error).message}`,
      );
    }
  }
  checkCount('studentsReached', s.studentsReached, { min: 1 });
  checkText('topic', s.topic, { max: 300 });
  const enrolment = await loaders.enrolmentByInstitutionYear.load(enrolmentKey(institution.id, year.id));
  if (!enrolment) {
    throw userInputError('schoolYear', `no enrolment of ${institution.name} is recorded for ${year.id}; record it first`);
  }
  if (s.studentsReached > enrolment.students) {
    throw userInputError(
      'studentsReached',
      `${s.studentsReached} is more than the ${enrolment.students} students enrolled at ${institution.name} in ${year.id}`,
    );
  }
}

@Resolver(() => CommunicationSession)
export class CommunicationSessionResolver {
  @Authorized('RECORDS')
  @Query(() => CommunicationSessionConnection, { description: 'Prevention-communication sessions held at institutions (the numerator of IND-1.3c)' })
  communicationSessions(
    @Ctx() { dataSource, identity }: SubgraphContext<EducationLoaders>,
    @Arg('filter', () => CommunicationSessionFilter, { nullable: true }) filter?: CommunicationSessionFilter,
    @Args(() => PageArgs) page?: PageArgs,
  ) {
    const query = dataSource.getRepository(CommunicationSession).createQueryBuilder('s');
    if (filter?.institutionId) query.andWhere('s.institution_id = :institutionId', { institutionId: filter.institutionId });
    if (filter?.form) query.andWhere('s.form = :form', { form: filter.form });
    if (filter?.period) {
      const period = parsePeriod(filter.period, 'filter.period');
      query.andWhere('s.held_on >= :start AND s.held_on < :end', period);
    }
    const scope = recordScope(identity);
    if (scope) query.andWhere('s.institution_id IN (SELECT i.id FROM institution i WHERE i.district_id = :scope)', { scope });
    if (filter?.districtId) {
      query.andWhere('s.held_on < :reform AND s.institution_id IN (SELECT i.id FROM institution i WHERE i.district_id = :districtId)', {
        districtId: filter.districtId,
        reform: REFORM_DATE,
      });
    }
    if (filter?.communeId) {
      // The session's place on its date: the institution's commune before 1/7/2025, its commune-level unit of 1/7/2025 after.
      query.andWhere(
        `s.institution_id IN (SELECT i.id FROM institution i WHERE (s.held_on < :reform AND i.commune_id = :communeId) OR (s.held_on >= :reform AND i.commune_after_reform_id = :communeId))`,
        { communeId: filter.communeId, reform: REFORM_DATE },
      );
    }
    return paginate(query, { ...page, sortColumn: 'held_on', sortKey: (s) => s.heldOn });
  }

  @FieldResolver(() => Institution, { nullable: true })
  institution(@Root() session: CommunicationSession, @Ctx() { loaders }: SubgraphContext<EducationLoaders>) {
    return loaders.institutionById.load(session.institutionId);
  }

  @Authorized('RECORDS')
  @Mutation(() => CommunicationSession, { description: 'Record a prevention-communication session held at an institution' })
  async recordCommunicationSession(
    @Arg('input') { idempotencyKey, ...input }: RecordCommunicationSessionInput,
    @Ctx() { dataSource, loaders, identity }: SubgraphContext<EducationLoaders>,
  ): Promise<CommunicationSession> {
    const session = { ...input, schoolYear: input.schoolYear.trim(), topic: input.topic ?? null };
    await checkSession(session, loaders, identity);
    return createOnce(
      dataSource,
      identity,
      idempotencyKey,
      'recordCommunicationSession',
      session,
      CommunicationSession,
      saveNew(CommunicationSession, session),
    );
  }

  @Authorized('RECORDS')
  @Mutation(() => CommunicationSession, { description: 'Correct a session; fails with CONFLICT if it changed since you read it' })
  async updateCommunicationSession(
    @Arg('input') input: UpdateCommunicationSessionInput,
    @Ctx() { dataSource, loaders, identity }: SubgraphContext<EducationLoaders>,
  ): Promise<CommunicationSession> {
    const { id, expectedVersion, ...changes } = input;
    const current = await findById(dataSource, CommunicationSession, id);
    if (!current) throw notFoundError('CommunicationSession', id);
    await checkSession({ ...current, ...changes }, loaders, identity);
    return updateVersioned(dataSource, CommunicationSession, id, expectedVersion, changes);
  }
}
