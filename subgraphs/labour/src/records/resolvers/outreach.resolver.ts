import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  addDays,
  assertInScope,
  checkBusinessLink,
  checkCount,
  checkNotFuture,
  checkText,
  connectionType,
  createOnce,
  findById,
  isUuid,
  longLivedPlace,
  notFoundError,
  paginate,
  parsePeriod,
  recordScope,
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
import { ServiceBusinessRef } from '../entities/service-business';
import { BusinessOutreach, IndustrialZone, ZoneOutreach, ZoneWorkforce } from '../entities/worker-outreach';
import { RecordsLoaders } from '../loaders/records.loaders';
import { FIRST_YEAR, LAST_YEAR } from './checks';
import {
  CreateIndustrialZoneInput,
  OutreachFilter,
  RecordBusinessOutreachInput,
  RecordZoneOutreachInput,
  RecordZoneWorkforceInput,
  UpdateBusinessOutreachInput,
  UpdateIndustrialZoneInput,
  UpdateZoneWorkforceInput,
} from './types/outreach.input';

const ZoneOutreachConnection = connectionType(ZoneOutreach, 'ZoneOutreach');
const BusinessOutreachConnection = connectionType(BusinessOutreach, 'BusinessOutreach');
type Context = SubgraphContext<RecordsLoaders>;

const MAX_WORKERS = 1000000;

/** Reached ≤ employed, both whole numbers ≥ 0. */
function checkHeadcounts(employed: number, reached: number, employedWhat: string): void {
  checkCount('workersEmployed', employed, { max: MAX_WORKERS });
  checkCount('workersReached', reached, { max: MAX_WORKERS });
  if (reached > employed) throw userInputError('workersReached', `${reached} workers reached is more than the ${employed} ${employedWhat}`);
}

/** A zone is a long-lived place: its district until 30/6/2025 and the commune-level unit it is in from 1/7/2025. */
function zonePlace(zone: { districtId: string; communeAfterReformId?: string | null }, inUseAfterReform = false) {
  return longLivedPlace(zone, addDays(REFORM_DATE, -1), { inUseAfterReform, what: 'zone' });
}

@Resolver(() => IndustrialZone)
export class IndustrialZoneResolver {
  @Authorized('RECORDS')
  @Query(() => [IndustrialZone], { description: 'Industrial parks and economic zones (IND-1.3b)' })
  industrialZones(@Ctx() { dataSource, identity }: Context) {
    return restrictToScope(dataSource.getRepository(IndustrialZone).createQueryBuilder('z'), identity, 'z.district_id').orderBy('z.name', 'ASC').getMany();
  }

  @FieldResolver(() => [ZoneWorkforce], { description: 'Workers employed, year by year' })
  workforce(@Root() zone: IndustrialZone, @Ctx() { loaders }: Context) {
    return loaders.workforceByZone.load(zone.id);
  }

  @FieldResolver(() => OrgUnit, { nullable: true })
  district(@Root() zone: IndustrialZone, @Ctx() { loaders }: Context) {
    return loaders.orgUnitById.load(zone.districtId);
  }

  @FieldResolver(() => OrgUnit, { nullable: true, description: 'The commune-level unit it is in from 1/7/2025' })
  communeAfterReform(@Root() zone: IndustrialZone, @Ctx() { loaders }: Context) {
    return zone.communeAfterReformId ? loaders.orgUnitById.load(zone.communeAfterReformId) : null;
  }

  @Authorized('RECORDS')
  @Mutation(() => IndustrialZone, { description: 'Register an industrial park or economic zone' })
  async createIndustrialZone(
    @Arg('input') { idempotencyKey, ...input }: CreateIndustrialZoneInput,
    @Ctx() { dataSource, identity }: Context,
  ): Promise<IndustrialZone> {
    assertInScope(identity, input.districtId);
    checkText('name', input.name, { max: 200, required: true });
    territory.checkDistrict(input.districtId);
    const { communeAfterReformId } = zonePlace(input);
    return createOnce(dataSource, identity, idempotencyKey, 'createIndustrialZone', input, IndustrialZone, async (manager) => {
      const repository = manager.getRepository(IndustrialZone);
      if (await repository.existsBy({ name: input.name.trim() })) throw userInputError('name', `a zone named '${input.name}' exists already`);
      return repository.save(repository.create({ ...input, name: input.name.trim(), communeAfterReformId }));
    });
  }

  @Authorized('RECORDS')
  @Mutation(() => IndustrialZone, {
    description: 'Name the commune-level unit a zone is in from 1/7/2025; fails with CONFLICT if it changed since you read it',
  })
  async updateIndustrialZone(@Arg('input') input: UpdateIndustrialZoneInput, @Ctx() { dataSource, identity }: Context): Promise<IndustrialZone> {
    const current = await findById(dataSource, IndustrialZone, input.id);
    if (!current) throw notFoundError('IndustrialZone', input.id);
    assertInScope(identity, current.districtId);
    const { communeAfterReformId } = zonePlace({ districtId: current.districtId, communeAfterReformId: input.communeAfterReformId });
    return updateVersioned(dataSource, IndustrialZone, input.id, input.expectedVersion, { communeAfterReformId });
  }

  @Authorized('RECORDS')
  @Mutation(() => ZoneWorkforce, { description: "Record the workers employed in a zone in a year (IND-1.3b's denominator)" })
  async recordZoneWorkforce(
    @Arg('input') { idempotencyKey, ...input }: RecordZoneWorkforceInput,
    @Ctx() { dataSource, loaders, identity }: Context,
  ): Promise<ZoneWorkforce> {
    const zone = await loaders.zoneById.load(input.zoneId);
    if (!zone) throw userInputError('zoneId', `no industrial zone '${input.zoneId}'`);
    assertInScope(identity, zone.districtId, 'zoneId');
    checkCount('year', input.year, { min: FIRST_YEAR, max: LAST_YEAR });
    checkCount('workersEmployed', input.workersEmployed, { max: MAX_WORKERS });
    const reached = await maxReachedInYear(dataSource, input.zoneId, input.year);
    if (reached > input.workersEmployed) {
      throw userInputError('workersEmployed', `${input.workersEmployed} is less than the ${reached} workers an outreach session of ${input.year} reached`);
    }
    return createOnce(dataSource, identity, idempotencyKey, 'recordZoneWorkforce', input, ZoneWorkforce, async (manager) => {
      const repository = manager.getRepository(ZoneWorkforce);
      if (await repository.existsBy({ zoneId: input.zoneId, year: input.year })) {
        throw userInputError('year', `the workforce of ${input.year} is recorded already; update it instead`);
      }
      return repository.save(repository.create(input));
    });
  }

  @Authorized('RECORDS')
  @Mutation(() => ZoneWorkforce, { description: "Correct a zone's workforce; fails with CONFLICT if it changed since you read it" })
  async updateZoneWorkforce(@Arg('input') input: UpdateZoneWorkforceInput, @Ctx() { dataSource, loaders, identity }: Context): Promise<ZoneWorkforce> {
    const current = await findById(dataSource, ZoneWorkforce, input.id);
    if (!current) throw notFoundError('ZoneWorkforce', input.id);
    // A zone's workforce is in the zone's district.
    assertInScope(identity, (await loaders.zoneById.load(current.zoneId))?.districtId, 'zoneId');
    checkCount('workersEmployed', input.workersEmployed, { max: MAX_WORKERS });
    const reached = await maxReachedInYear(dataSource, current.zoneId, current.year);
    if (reached > input.workersEmployed) {
      throw userInputError('workersEmployed', `${input.workersEmployed} is less than the ${reached} workers an outreach session of ${current.year} reached`);
    }
    return updateVersioned(dataSource, ZoneWorkforce, input.id, input.expectedVersion, { workersEmployed: input.workersEmployed });
  }
}

async function maxReachedInYear(dataSource: Context['dataSource'], zoneId: string, year: number): Promise<number> {
  const row = await dataSource
    .getRepository(ZoneOutreach)
    .createQueryBuilder('o')
    .select('coalesce(max(o.workers_reached), 0)', 'reached')
    .where('o.zone_id = :zoneId AND o.held_on >= :start AND o.held_on < :end', { zoneId, start: `${year}-01-01`, end: `${year + 1}-01-01` })
    .getRawOne<{ reached: number }>();
  return Number(row?.reached ?? 0);
}

@Resolver(() => ZoneOutreach)
export class ZoneOutreachResolver {
  @Authorized('RECORDS')
  @Query(() => ZoneOutreachConnection, { description: 'Communication sessions for workers of industrial and economic zones (IND-1.3b)' })
  zoneOutreach(
    @Ctx() { dataSource, identity }: Context,
    @Arg('filter', () => OutreachFilter, { nullable: true }) filter?: OutreachFilter,
    @Args(() => PageArgs) page?: PageArgs,
  ) {
    const query = dataSource.getRepository(ZoneOutreach).createQueryBuilder('o');
    if (filter?.targetId) query.andWhere('o.zone_id = :zoneId', { zoneId: isUuid(filter.targetId) ? filter.targetId : null });
    // A session is in its zone's district.
    const scope = recordScope(identity);
    if (scope) query.andWhere('o.zone_id IN (SELECT z.id FROM industrial_zone z WHERE z.district_id = :scope)', { scope });
    if (filter?.districtId) {
      // A session stands in the zone's district only while there was one.
      query.andWhere('o.held_on < :reform AND o.zone_id IN (SELECT z.id FROM industrial_zone z WHERE z.district_id = :districtId)', {
        districtId: filter.districtId,
        reform: REFORM_DATE,
      });
    }
    if (filter?.communeId) {
      // From 1/7/2025 a session stands in the zone's unit.
      query.andWhere('o.held_on >= :reform AND o.zone_id IN (SELECT z.id FROM industrial_zone z WHERE z.commune_after_reform_id = :communeId)', {
        communeId: filter.communeId,
        reform: REFORM_DATE,
      });
    }
    if (filter?.period) {
      const period = parsePeriod(filter.period, 'filter.period');
      query.andWhere('o.held_on >= :start AND o.held_on < :end', period);
    }
    return paginate(query, { ...page, sortColumn: 'held_on', sortKey: (o) => o.heldOn });
  }

  @FieldResolver(() => IndustrialZone, { nullable: true })
  zone(@Root() outreach: ZoneOutreach, @Ctx() { loaders }: Context) {
    return loaders.zoneById.load(outreach.zoneId);
  }

  @Authorized('RECORDS')
  @Mutation(() => ZoneOutreach, { description: "Record a session reaching workers of a zone; the zone's workforce of that year must be recorded first" })
  async recordZoneOutreach(
    @Arg('input') { idempotencyKey, ...input }: RecordZoneOutreachInput,
    @Ctx() { dataSource, loaders, identity }: Context,
  ): Promise<ZoneOutreach> {
    const zone = await loaders.zoneById.load(input.zoneId);
    if (!zone) throw userInputError('zoneId', `no industrial zone '${input.zoneId}'`);
    assertInScope(identity, zone.districtId, 'zoneId');
    checkNotFuture('heldOn', input.heldOn, todayIso());
    // A session stands where its zone is on the day: from 1/7/2025 the zone's commune-level unit.
    if (input.heldOn >= REFORM_DATE && !zone.communeAfterReformId) {
      try {
        zonePlace({ districtId: zone.districtId }, true);
      } catch (error) {
        throw userInputError(
          'zoneId',
          `${zone.name} has no commune-level unit of 1/7/2025, where a session held on ${input.heldOn} stands: set it first with updateIndustrialZone(communeAfterReformId). ${(error as Error).message}`,
        );
      }
    }
    checkCount('workersReached', input.workersReached, { max: MAX_WORKERS });
    const year = Number(input.heldOn.slice(0, 4));
    const workforce = (await loaders.workforceByZone.load(input.zoneId)).find((w) => w.year === year);
    if (!workforce) throw userInputError('heldOn', `no workforce recorded for the zone in ${year}; record it with recordZoneWorkforce first`);
    checkHeadcounts(workforce.workersEmployed, input.workersReached, `workers employed in the zone in ${year}`);
    return createOnce(dataSource, identity, idempotencyKey, 'recordZoneOutreach', input, ZoneOutreach, saveNew(ZoneOutreach, input));
  }
}

@Resolver(() => BusinessOutreach)
export class BusinessOutreachResolver {
  @Authorized('RECORDS')
  @Query(() => BusinessOutreachConnection, { description: 'Communication sessions for workers of service businesses (IND-1.3a)' })
  businessOutreach(
    @Ctx() { dataSource, identity }: Context,
    @Arg('filter', () => OutreachFilter, { nullable: true }) filter?: OutreachFilter,
    @Args(() => PageArgs) page?: PageArgs,
  ) {
    const query = restrictToScope(dataSource.getRepository(BusinessOutreach).createQueryBuilder('o'), identity, {
      district: 'o.district_id',
      commune: 'o.commune_id',
    });
    if (filter?.targetId) query.andWhere('o.business_id = :businessId', { businessId: isUuid(filter.targetId) ? filter.targetId : null });
    if (filter?.districtId) query.andWhere('o.district_id = :districtId', { districtId: filter.districtId });
    if (filter?.communeId) query.andWhere('o.commune_id = :communeId', { communeId: filter.communeId });
    if (filter?.period) {
      const period = parsePeriod(filter.period, 'filter.period');
      query.andWhere('o.held_on >= :start AND o.held_on < :end', period);
    }
    return paginate(query, { ...page, sortColumn: 'held_on', sortKey: (o) => o.heldOn });
  }

  @FieldResolver(() => ServiceBusinessRef, { description: "The business in police's registry (resolved by police)" })
  business(@Root() outreach: BusinessOutreach): ServiceBusinessRef {
    return { id: outreach.businessId };
  }

  @FieldResolver(() => OrgUnit, { nullable: true })
  district(@Root() outreach: BusinessOutreach, @Ctx() { loaders }: Context) {
    return outreach.districtId ? loaders.orgUnitById.load(outreach.districtId) : null;
  }

  @FieldResolver(() => OrgUnit, { nullable: true })
  commune(@Root() outreach: BusinessOutreach, @Ctx() { loaders }: Context) {
    return outreach.communeId ? loaders.orgUnitById.load(outreach.communeId) : null;
  }

  @Authorized('RECORDS')
  @Mutation(() => BusinessOutreach, { description: 'Record a session reaching workers of a registered service business' })
  async recordBusinessOutreach(@Arg('input') input: RecordBusinessOutreachInput, @Ctx() { dataSource, loaders, identity }: Context): Promise<BusinessOutreach> {
    const { idempotencyKey, ...fields } = input;
    assertInScope(identity, { districtId: fields.districtId ?? null, communeId: fields.communeId });
    const outreach = { ...fields, districtId: fields.districtId ?? null, communeId: fields.communeId ?? null };
    Object.assign(outreach, checkBusinessOutreach(outreach));
    await checkRegisteredBusiness(loaders, outreach);
    return createOnce(dataSource, identity, idempotencyKey, 'recordBusinessOutreach', fields, BusinessOutreach, saveNew(BusinessOutreach, outreach));
  }

  @Authorized('RECORDS')
  @Mutation(() => BusinessOutreach, { description: 'Correct a session; fails with CONFLICT if it changed since you read it' })
  async updateBusinessOutreach(@Arg('input') input: UpdateBusinessOutreachInput, @Ctx() { dataSource, loaders, identity }: Context): Promise<BusinessOutreach> {
    const { id, expectedVersion, ...changes } = input;
    const current = await findById(dataSource, BusinessOutreach, id);
    if (!current) throw notFoundError('BusinessOutreach', id);
    assertInScope(identity, current);
    const changed = { ...current, ...changes };
    const place = checkBusinessOutreach(changed);
    await checkRegisteredBusiness(loaders, { ...changed, ...place });
    return updateVersioned(dataSource, BusinessOutreach, id, expectedVersion, { ...changes, ...place });
  }
}

/**
 * Police's registry, through the graph (labour never reads police's database): the
 * business is registered, was open on the day, and the session's place is the business's
 * place on that day (district before 1/7/2025, commune-level unit after). Fails with
 * SUBGRAPH_UNAVAILABLE when police cannot answer.
 */
async function checkRegisteredBusiness(
  loaders: RecordsLoaders,
  o: Pick<BusinessOutreach, 'businessId' | 'districtId' | 'communeId' | 'heldOn'>,
): Promise<void> {
  await checkBusinessLink(loaders.businessDistricts, {
    businessId: o.businessId,
    districtId: o.districtId,
    communeId: o.communeId,
    date: o.heldOn,
    dateField: 'heldOn',
  });
}

/** Checks a session and returns its place on its date (`territory.place`): district (+ commune) before 1/7/2025, the commune-level unit after. */
function checkBusinessOutreach(o: Pick<BusinessOutreach, 'businessId' | 'districtId' | 'communeId' | 'heldOn' | 'workersEmployed' | 'workersReached'>): {
  districtId: string | null;
  communeId: string | null;
} {
  if (!isUuid(o.businessId)) throw userInputError('businessId', `'${o.businessId}' is not the id of a business in police's registry`);
  checkNotFuture('heldOn', o.heldOn, todayIso());
  const place = territory.place(o, o.heldOn);
  checkHeadcounts(o.workersEmployed, o.workersReached, 'workers employed at the business');
  return place;
}
