import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  assertInScope,
  checkCount,
  checkNotFuture,
  checkText,
  connectionType,
  createOnce,
  findById,
  notFoundError,
  paginate,
  parsePeriod,
  REFORM_DATE,
  restrictToScope,
  saveNew,
  SubgraphContext,
  territory,
  todayIso,
  updateVersioned,
  userInputError,
  PageArgs,
} from '@qn/common';
import { OrgUnit } from '../../catalogue';
import { StaffInPost, StaffLevel, TrainingCourse } from '../entities/training';
import { RecordsLoaders } from '../loaders/records.loaders';
import { checkDistrictInYear, FIRST_YEAR, LAST_YEAR } from './checks';
import {
  RecordStaffInPostInput,
  RecordTrainingCourseInput,
  TrainingCourseFilter,
  UpdateStaffInPostInput,
  UpdateTrainingCourseInput,
} from './types/training.input';

const TrainingCourseConnection = connectionType(TrainingCourse, 'TrainingCourse');
type Context = SubgraphContext<RecordsLoaders>;

/** Provincial records have no district; district and commune records must name one. */
function checkLevelDistrict(level: StaffLevel, districtId: string | null | undefined): void {
  if (level === StaffLevel.PROVINCIAL && districtId) throw userInputError('districtId', 'provincial staff belong to no district; leave it out');
  if (level !== StaffLevel.PROVINCIAL && !districtId) throw userInputError('districtId', `${level} staff need their district`);
}

/**
 * Checks a course and returns its place on its date: none for provincial staff; for district
 * and commune staff by the one rule — before 1/7/2025 the district (and optionally the
 * commune), from 1/7/2025 a commune-level unit and no district, where only commune-level
 * staff remain (there are no district-level staff after 30/6/2025).
 */
function checkCourse(c: Pick<TrainingCourse, 'title' | 'level' | 'districtId' | 'communeId' | 'heldOn' | 'participants' | 'newTrainees'>): {
  districtId: string | null;
  communeId: string | null;
} {
  checkText('title', c.title, { max: 300, required: true });
  checkNotFuture('heldOn', c.heldOn, todayIso());
  checkCount('participants', c.participants, { max: 100000 });
  checkCount('newTrainees', c.newTrainees, { max: c.participants });
  if (c.level === StaffLevel.PROVINCIAL) {
    if (c.districtId) throw userInputError('districtId', 'provincial staff belong to no district; leave it out');
    if (c.communeId) throw userInputError('communeId', 'provincial staff belong to no commune-level unit; leave it out');
    return { districtId: null, communeId: null };
  }
  if (c.level === StaffLevel.DISTRICT && c.heldOn >= REFORM_DATE) {
    throw userInputError(
      'level',
      `there are no district-level staff on ${c.heldOn} (the district level ended on 30/6/2025): a course from 1/7/2025 is for COMMUNE or PROVINCIAL staff`,
    );
  }
  return territory.place(c, c.heldOn, { commune: c.heldOn >= REFORM_DATE ? 'required' : 'optional' });
}

@Resolver(() => TrainingCourse)
export class TrainingCourseResolver {
  @Authorized('RECORDS')
  @Query(() => TrainingCourseConnection, { description: 'Training courses for staff working on prevention (IND-5.1a/b)' })
  trainingCourses(
    @Ctx() { dataSource, identity }: Context,
    @Arg('filter', () => TrainingCourseFilter, { nullable: true }) filter?: TrainingCourseFilter,
    @Args(() => PageArgs) page?: PageArgs,
  ) {
    // Provincial courses have no district: a caller limited to a district does not see them.
    const query = restrictToScope(dataSource.getRepository(TrainingCourse).createQueryBuilder('c'), identity, {
      district: 'c.district_id',
      commune: 'c.commune_id',
    });
    if (filter?.level) query.andWhere('c.level = :level', { level: filter.level });
    if (filter?.districtId) query.andWhere('c.district_id = :districtId', { districtId: filter.districtId });
    if (filter?.communeId) query.andWhere('c.commune_id = :communeId', { communeId: filter.communeId });
    if (filter?.period) {
      const period = parsePeriod(filter.period, 'filter.period');
      query.andWhere('c.held_on >= :start AND c.held_on < :end', period);
    }
    return paginate(query, { ...page, sortColumn: 'held_on', sortKey: (c) => c.heldOn });
  }

  @FieldResolver(() => OrgUnit, { nullable: true })
  district(@Root() course: TrainingCourse, @Ctx() { loaders }: Context) {
    return course.districtId ? loaders.orgUnitById.load(course.districtId) : null;
  }

  @FieldResolver(() => OrgUnit, { nullable: true })
  commune(@Root() course: TrainingCourse, @Ctx() { loaders }: Context) {
    return course.communeId ? loaders.orgUnitById.load(course.communeId) : null;
  }

  @Authorized('RECORDS')
  @Mutation(() => TrainingCourse, { description: 'Record a training course held' })
  async recordTrainingCourse(
    @Arg('input') { idempotencyKey, ...input }: RecordTrainingCourseInput,
    @Ctx() { dataSource, identity }: Context,
  ): Promise<TrainingCourse> {
    // A provincial course (no district) is outside every district: only province-wide callers record it.
    assertInScope(identity, { districtId: input.districtId ?? null, communeId: input.communeId ?? null });
    const course = { ...input, districtId: input.districtId ?? null, communeId: input.communeId ?? null };
    Object.assign(course, checkCourse(course));
    return createOnce(dataSource, identity, idempotencyKey, 'recordTrainingCourse', course, TrainingCourse, saveNew(TrainingCourse, course));
  }

  @Authorized('RECORDS')
  @Mutation(() => TrainingCourse, { description: 'Correct a training course; fails with CONFLICT if it changed since you read it' })
  async updateTrainingCourse(@Arg('input') input: UpdateTrainingCourseInput, @Ctx() { dataSource, identity }: Context): Promise<TrainingCourse> {
    const { id, expectedVersion, ...changes } = input;
    const current = await findById(dataSource, TrainingCourse, id);
    if (!current) throw notFoundError('TrainingCourse', id);
    assertInScope(identity, current);
    const place = checkCourse({ ...current, ...changes });
    return updateVersioned(dataSource, TrainingCourse, id, expectedVersion, { ...changes, ...place });
  }
}

@Resolver(() => StaffInPost)
export class StaffInPostResolver {
  @Authorized('RECORDS')
  @Query(() => [StaffInPost], { description: "Staff in post in the field by level, district and year (IND-5.1a/b's denominators)" })
  staffInPost(
    @Ctx() { dataSource, identity }: Context,
    @Arg('year', () => Int, { nullable: true }) year?: number,
    @Arg('level', () => StaffLevel, { nullable: true }) level?: StaffLevel,
  ) {
    // Provincial staff have no district: a caller limited to a district does not see them.
    const query = restrictToScope(dataSource.getRepository(StaffInPost).createQueryBuilder('s'), identity, 's.district_id');
    if (year !== undefined && year !== null) query.andWhere('s.year = :year', { year });
    if (level) query.andWhere('s.level = :level', { level });
    return query.orderBy('s.year', 'ASC').addOrderBy('s.level', 'ASC').addOrderBy('s.districtKey', 'ASC').getMany();
  }

  @Authorized('RECORDS')
  @Mutation(() => StaffInPost, { description: 'Record the staff in post at a level (and district) in a year' })
  async recordStaffInPost(@Arg('input') { idempotencyKey, ...input }: RecordStaffInPostInput, @Ctx() { dataSource, identity }: Context): Promise<StaffInPost> {
    assertInScope(identity, input.districtId);
    checkCount('year', input.year, { min: FIRST_YEAR, max: LAST_YEAR });
    checkLevelDistrict(input.level, input.districtId);
    if (input.districtId) checkDistrictInYear(input.districtId, input.year);
    checkCount('staff', input.staff, { max: 100000 });
    const districtKey = input.districtId ?? '';
    return createOnce(dataSource, identity, idempotencyKey, 'recordStaffInPost', input, StaffInPost, async (manager) => {
      const repository = manager.getRepository(StaffInPost);
      if (await repository.existsBy({ level: input.level, districtKey, year: input.year })) {
        throw userInputError('year', `staff in post of ${input.year} at this level are recorded already; update them instead`);
      }
      return repository.save(repository.create({ ...input, districtId: input.districtId ?? null, districtKey }));
    });
  }

  @Authorized('RECORDS')
  @Mutation(() => StaffInPost, { description: 'Correct staff in post; fails with CONFLICT if it changed since you read it' })
  async updateStaffInPost(@Arg('input') input: UpdateStaffInPostInput, @Ctx() { dataSource, identity }: Context): Promise<StaffInPost> {
    const current = await findById(dataSource, StaffInPost, input.id);
    if (!current) throw notFoundError('StaffInPost', input.id);
    assertInScope(identity, current.districtId);
    checkCount('staff', input.staff, { max: 100000 });
    return updateVersioned(dataSource, StaffInPost, input.id, input.expectedVersion, { staff: input.staff });
  }
}
