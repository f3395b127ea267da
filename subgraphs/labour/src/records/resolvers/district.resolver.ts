import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  assertInScope,
  checkDateOrder,
  checkNotFuture,
  checkText,
  connectionType,
  createOnce,
  findById,
  longLivedPlace,
  notFoundError,
  paginate,
  parsePeriod,
  REFORM_DATE,
  restrictToScope,
  saveNew,
  SubgraphContext,
  todayIso,
  updateVersioned,
  userInputError,
  PageArgs,
} from '@qn/common';
import { DistrictPlan, ProgrammeIntegration } from '../entities/district-plan';
import { OrgUnit } from '../../catalogue';
import { PilotModel } from '../entities/pilot-model';
import { RecordsLoaders } from '../loaders/records.loaders';
import { checkDistrictInYear, checkDistrictOn } from './checks';
import {
  AdoptDistrictPlanInput,
  DistrictRecordFilter,
  PilotModelFilter,
  RecordProgrammeIntegrationInput,
  StartPilotModelInput,
  UpdateDistrictPlanInput,
  UpdatePilotModelInput,
} from './types/district.input';

const DistrictPlanConnection = connectionType(DistrictPlan, 'DistrictPlan');
const ProgrammeIntegrationConnection = connectionType(ProgrammeIntegration, 'ProgrammeIntegration');
const PilotModelConnection = connectionType(PilotModel, 'PilotModel');
type Context = SubgraphContext<RecordsLoaders>;

function yearsOf(periodId: string) {
  const period = parsePeriod(periodId, 'filter.period');
  return { firstYear: Number(period.start.slice(0, 4)), lastYear: period.year };
}

function checkPlan(plan: Pick<DistrictPlan, 'districtId' | 'year' | 'adoptedOn' | 'documentNumber'>): void {
  checkDistrictInYear(plan.districtId, plan.year);
  checkNotFuture('adoptedOn', plan.adoptedOn, todayIso());
  if (plan.adoptedOn >= `${plan.year + 1}-01-01`) throw userInputError('adoptedOn', `${plan.adoptedOn} is after the year ${plan.year} the plan is for`);
  // A district's yearly plan is adopted while the district exists; commune-level units make no plan of this kind.
  if (plan.adoptedOn >= REFORM_DATE)
    throw userInputError(
      'adoptedOn',
      `${plan.adoptedOn}: a district-level plan is adopted while the district exists (to 30/6/2025); from ${REFORM_DATE} there is no district level, and commune-level units adopt no plan under IND-2.1`,
    );
  checkDistrictOn(plan.districtId, plan.adoptedOn);
  checkText('documentNumber', plan.documentNumber, { max: 100 });
}

@Resolver(() => DistrictPlan)
export class DistrictPlanResolver {
  @Authorized('RECORDS')
  @Query(() => DistrictPlanConnection, { description: 'Prevention plans adopted by district-level units, one per year (IND-2.1)' })
  districtPlans(
    @Ctx() { dataSource, identity }: Context,
    @Arg('filter', () => DistrictRecordFilter, { nullable: true }) filter?: DistrictRecordFilter,
    @Args(() => PageArgs) page?: PageArgs,
  ) {
    const query = restrictToScope(dataSource.getRepository(DistrictPlan).createQueryBuilder('p'), identity, 'p.district_id');
    if (filter?.districtId) query.andWhere('p.district_id = :districtId', { districtId: filter.districtId });
    if (filter?.period) query.andWhere('p.year BETWEEN :firstYear AND :lastYear', yearsOf(filter.period));
    return paginate(query, { ...page, sortColumn: 'adopted_on', sortKey: (p) => p.adoptedOn });
  }

  @FieldResolver(() => OrgUnit, { nullable: true })
  district(@Root() plan: DistrictPlan, @Ctx() { loaders }: Context) {
    return loaders.orgUnitById.load(plan.districtId);
  }

  @Authorized('RECORDS')
  @Mutation(() => DistrictPlan, { description: 'Record that a district-level unit adopted its prevention plan for a year' })
  async adoptDistrictPlan(@Arg('input') { idempotencyKey, ...input }: AdoptDistrictPlanInput, @Ctx() { dataSource, identity }: Context): Promise<DistrictPlan> {
    assertInScope(identity, input.districtId);
    const plan = { ...input, documentNumber: input.documentNumber ?? null };
    checkPlan(plan);
    return createOnce(dataSource, identity, idempotencyKey, 'adoptDistrictPlan', plan, DistrictPlan, async (manager) => {
      const repository = manager.getRepository(DistrictPlan);
      if (await repository.existsBy({ districtId: plan.districtId, year: plan.year })) {
        throw userInputError('year', `district '${plan.districtId}' has a plan for ${plan.year} already; update it instead`);
      }
      return repository.save(repository.create(plan));
    });
  }

  @Authorized('RECORDS')
  @Mutation(() => DistrictPlan, { description: 'Correct a district plan; fails with CONFLICT if it changed since you read it' })
  async updateDistrictPlan(@Arg('input') input: UpdateDistrictPlanInput, @Ctx() { dataSource, identity }: Context): Promise<DistrictPlan> {
    const { id, expectedVersion, ...changes } = input;
    const current = await findById(dataSource, DistrictPlan, id);
    if (!current) throw notFoundError('DistrictPlan', id);
    assertInScope(identity, current.districtId);
    checkPlan({ ...current, ...changes });
    return updateVersioned(dataSource, DistrictPlan, id, expectedVersion, changes);
  }
}

@Resolver(() => ProgrammeIntegration)
export class ProgrammeIntegrationResolver {
  @Authorized('RECORDS')
  @Query(() => ProgrammeIntegrationConnection, { description: 'Programmes district-level units integrated prevention into, per year (IND-2.2)' })
  programmeIntegrations(
    @Ctx() { dataSource, identity }: Context,
    @Arg('filter', () => DistrictRecordFilter, { nullable: true }) filter?: DistrictRecordFilter,
    @Args(() => PageArgs) page?: PageArgs,
  ) {
    const query = restrictToScope(dataSource.getRepository(ProgrammeIntegration).createQueryBuilder('i'), identity, 'i.district_id');
    if (filter?.districtId) query.andWhere('i.district_id = :districtId', { districtId: filter.districtId });
    if (filter?.period) query.andWhere('i.year BETWEEN :firstYear AND :lastYear', yearsOf(filter.period));
    return paginate(query, { ...page, sortColumn: 'district_id', sortKey: (i) => i.districtId });
  }

  @FieldResolver(() => OrgUnit, { nullable: true })
  district(@Root() integration: ProgrammeIntegration, @Ctx() { loaders }: Context) {
    return loaders.orgUnitById.load(integration.districtId);
  }

  @Authorized('RECORDS')
  @Mutation(() => ProgrammeIntegration, { description: 'Record that a district-level unit integrated prevention into a programme in a year' })
  async recordProgrammeIntegration(
    @Arg('input') { idempotencyKey, ...input }: RecordProgrammeIntegrationInput,
    @Ctx() { dataSource, identity }: Context,
  ): Promise<ProgrammeIntegration> {
    assertInScope(identity, input.districtId);
    checkDistrictInYear(input.districtId, input.year);
    if (input.year > Number(todayIso().slice(0, 4))) throw userInputError('year', `${input.year} is in the future`);
    checkText('note', input.note, { max: 500 });
    return createOnce(dataSource, identity, idempotencyKey, 'recordProgrammeIntegration', input, ProgrammeIntegration, async (manager) => {
      const repository = manager.getRepository(ProgrammeIntegration);
      if (await repository.existsBy({ districtId: input.districtId, programme: input.programme, year: input.year })) {
        throw userInputError('programme', `district '${input.districtId}' has ${input.programme} recorded for ${input.year} already`);
      }
      return repository.save(repository.create({ ...input, note: input.note ?? null }));
    });
  }
}

/**
 * A pilot model is a long-lived place: the unit that started it, by the one rule on its
 * start date (a district before 1/7/2025, a commune-level unit after), and, when it runs
 * after 30/6/2025, the commune-level unit of 1/7/2025 running it (optional: without it, a
 * model of an old district still counts for the province, by that district, but for no
 * commune-level unit).
 */
function checkPilot(m: Pick<PilotModel, 'name' | 'districtId' | 'communeId' | 'communeAfterReformId' | 'startedOn' | 'endedOn'>) {
  checkText('name', m.name, { max: 200, required: true });
  checkNotFuture('startedOn', m.startedOn, todayIso());
  checkDateOrder('startedOn', m.startedOn, 'endedOn', m.endedOn);
  return longLivedPlace(m, m.startedOn, {
    commune: m.startedOn >= REFORM_DATE ? 'required' : undefined,
    what: 'pilot model',
  });
}

@Resolver(() => PilotModel)
export class PilotModelResolver {
  @Authorized('RECORDS')
  @Query(() => PilotModelConnection, { description: 'Pilot models run by district-level units (IND-4.1)' })
  pilotModels(
    @Ctx() { dataSource, identity }: Context,
    @Arg('filter', () => PilotModelFilter, { nullable: true }) filter?: PilotModelFilter,
    @Args(() => PageArgs) page?: PageArgs,
  ) {
    const query = restrictToScope(dataSource.getRepository(PilotModel).createQueryBuilder('m'), identity, {
      district: 'm.district_id',
      commune: 'm.commune_id',
      communeAfterReform: 'm.commune_after_reform_id',
    });
    if (filter?.districtId) query.andWhere('m.district_id = :districtId', { districtId: filter.districtId });
    if (filter?.communeId) query.andWhere('(m.commune_id = :communeId OR m.commune_after_reform_id = :communeId)', { communeId: filter.communeId });
    if (filter?.kind) query.andWhere('m.kind = :kind', { kind: filter.kind });
    if (filter?.activeIn) {
      const period = parsePeriod(filter.activeIn, 'filter.activeIn');
      query.andWhere('m.started_on < :end AND (m.ended_on IS NULL OR m.ended_on >= :start)', period);
    }
    return paginate(query, { ...page, sortColumn: 'started_on', sortKey: (m) => m.startedOn });
  }

  @FieldResolver(() => OrgUnit, { nullable: true })
  district(@Root() model: PilotModel, @Ctx() { loaders }: Context) {
    return model.districtId ? loaders.orgUnitById.load(model.districtId) : null;
  }

  @FieldResolver(() => OrgUnit, { nullable: true })
  commune(@Root() model: PilotModel, @Ctx() { loaders }: Context) {
    return model.communeId ? loaders.orgUnitById.load(model.communeId) : null;
  }

  @FieldResolver(() => OrgUnit, { nullable: true, description: 'The commune-level unit running it from 1/7/2025' })
  communeAfterReform(@Root() model: PilotModel, @Ctx() { loaders }: Context) {
    return model.communeAfterReformId ? loaders.orgUnitById.load(model.communeAfterReformId) : null;
  }

  @Authorized('RECORDS')
  @Mutation(() => PilotModel, { description: 'Record a pilot model a district-level unit started' })
  async startPilotModel(@Arg('input') { idempotencyKey, ...input }: StartPilotModelInput, @Ctx() { dataSource, identity }: Context): Promise<PilotModel> {
    assertInScope(identity, {
      districtId: input.districtId ?? null,
      communeId: input.communeId ?? null,
      communeAfterReformId: input.communeAfterReformId ?? null,
    });
    const model = {
      ...input,
      districtId: input.districtId ?? null,
      communeId: input.communeId ?? null,
      communeAfterReformId: input.communeAfterReformId ?? null,
      endedOn: input.endedOn ?? null,
    };
    Object.assign(model, checkPilot(model));
    return createOnce(dataSource, identity, idempotencyKey, 'startPilotModel', model, PilotModel, saveNew(PilotModel, model));
  }

  @Authorized('RECORDS')
  @Mutation(() => PilotModel, { description: 'Change a pilot model (e.g. end it); fails with CONFLICT if it changed since you read it' })
  async updatePilotModel(@Arg('input') input: UpdatePilotModelInput, @Ctx() { dataSource, identity }: Context): Promise<PilotModel> {
    const { id, expectedVersion, ...changes } = input;
    const current = await findById(dataSource, PilotModel, id);
    if (!current) throw notFoundError('PilotModel', id);
    assertInScope(identity, current);
    const place = checkPilot({ ...current, ...changes });
    return updateVersioned(dataSource, PilotModel, id, expectedVersion, { ...changes, ...place });
  }
}
