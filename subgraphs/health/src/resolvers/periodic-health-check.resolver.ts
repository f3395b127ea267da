import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import {
  assertInScope,
  checkBusinessLink,
  checkCount,
  checkNotFuture,
  connectionType,
  createOnce,
  isUuid,
  notFoundError,
  paginate,
  parsePeriod,
  restrictToScope,
  saveNew,
  SubgraphContext,
  territory,
  todayIso,
  updateVersioned,
  userInputError,
  PageArgs,
} from '@qn/common';
import { PeriodicHealthCheck } from '../entities/periodic-health-check';
import { HealthLoaders } from '../loaders';
import { HealthCheckFilter, RecordHealthCheckInput, UpdateHealthCheckInput } from './types/periodic-health-check.input';

const PeriodicHealthCheckConnection = connectionType(PeriodicHealthCheck, 'PeriodicHealthCheck');

/** Staff a single business could plausibly have; a larger number is a typing error. */
const MAX_STAFF = 2000;

/** Checks a health check and returns its place on its date: district (+ commune) before 1/7/2025, the commune-level unit after. */
function checkHealthCheck(c: Pick<PeriodicHealthCheck, 'checkedOn' | 'staffChecked' | 'staffReferred' | 'districtId' | 'communeId'>): {
  districtId: string | null;
  communeId: string | null;
} {
  checkNotFuture('checkedOn', c.checkedOn, todayIso());
  const place = territory.place(c, c.checkedOn);
  checkCount('staffChecked', c.staffChecked, { min: 1, max: MAX_STAFF });
  checkCount('staffReferred', c.staffReferred, { max: c.staffChecked });
  return place;
}

@Resolver(() => PeriodicHealthCheck)
export class PeriodicHealthCheckResolver {
  @Authorized('RECORDS')
  @Query(() => PeriodicHealthCheckConnection, { description: 'Periodic health checks of the staff of service businesses' })
  periodicHealthChecks(
    @Ctx() { dataSource, identity }: SubgraphContext<HealthLoaders>,
    @Arg('filter', () => HealthCheckFilter, { nullable: true }) filter?: HealthCheckFilter,
    @Args(() => PageArgs) page?: PageArgs,
  ) {
    const query = restrictToScope(dataSource.getRepository(PeriodicHealthCheck).createQueryBuilder('h'), identity, {
      district: 'h.district_id',
      commune: 'h.commune_id',
    });
    if (filter?.districtId) query.andWhere('h.district_id = :districtId', { districtId: filter.districtId });
    if (filter?.communeId) query.andWhere('h.commune_id = :communeId', { communeId: filter.communeId });
    if (filter?.businessId) {
      if (!isUuid(filter.businessId)) throw userInputError('filter.businessId', `'${filter.businessId}' is not a ServiceBusiness id`);
      query.andWhere('h.business_id = :businessId', { businessId: filter.businessId });
    }
    if (filter?.period) {
      const period = parsePeriod(filter.period, 'filter.period');
      query.andWhere('h.checked_on >= :start AND h.checked_on < :end', period);
    }
    return paginate(query, { ...page, sortColumn: 'checked_on', sortKey: (h) => h.checkedOn });
  }

  @Authorized('RECORDS')
  @Mutation(() => PeriodicHealthCheck, { description: 'Record a periodic health check of the staff of a service business' })
  async recordHealthCheck(
    @Arg('input') input: RecordHealthCheckInput,
    @Ctx() { dataSource, loaders, identity }: SubgraphContext<HealthLoaders>,
  ): Promise<PeriodicHealthCheck> {
    const { idempotencyKey, ...fields } = input;
    if (!isUuid(fields.businessId)) throw userInputError('businessId', `'${fields.businessId}' is not a ServiceBusiness id`);
    const place = checkHealthCheck({ ...fields, districtId: fields.districtId ?? null, communeId: fields.communeId ?? null });
    assertInScope(identity, place);
    // Police's registry, through the graph: the business exists, is open that day and stood there on that day.
    await checkBusinessLink(loaders.businessDistricts, { businessId: fields.businessId, ...place, date: fields.checkedOn, dateField: 'checkedOn' });
    return createOnce(
      dataSource,
      identity,
      idempotencyKey,
      'recordHealthCheck',
      fields,
      PeriodicHealthCheck,
      saveNew(PeriodicHealthCheck, { ...fields, ...place }),
    );
  }

  @Authorized('RECORDS')
  @Mutation(() => PeriodicHealthCheck, { description: 'Correct a health check; fails with CONFLICT if it changed since you read it' })
  async updateHealthCheck(
    @Arg('input') input: UpdateHealthCheckInput,
    @Ctx() { dataSource, loaders, identity }: SubgraphContext<HealthLoaders>,
  ): Promise<PeriodicHealthCheck> {
    const { id, expectedVersion, ...changes } = input;
    const current = await loaders.healthCheckById.load(id);
    if (!current) throw notFoundError('PeriodicHealthCheck', id);
    assertInScope(identity, current);
    const changed = { ...current, ...changes };
    const place = checkHealthCheck(changed);
    assertInScope(identity, place);
    await checkBusinessLink(loaders.businessDistricts, { businessId: changed.businessId, ...place, date: changed.checkedOn, dateField: 'checkedOn' });
    return updateVersioned(dataSource, PeriodicHealthCheck, id, expectedVersion, { ...changes, ...place });
  }
}
