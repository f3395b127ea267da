import { Arg, Args, Authorized, Ctx, Directive, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import {
  assertInScope,
  businessPlace,
  checkCount,
  checkDateOrder,
  checkNotFuture,
  checkText,
  connectionType,
  createOnce,
  MAX_BUSINESS_DISTRICT_IDS,
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
import { ServiceBusiness, ServiceBusinessDistrict } from '../entities/service-business';
import { WORKFORCE } from '../indicators/evidence';
import { PoliceLoaders } from '../loaders';
import { CreateServiceBusinessInput, ServiceBusinessFilter, UpdateServiceBusinessInput } from './types/service-business.input';

const ServiceBusinessConnection = connectionType(ServiceBusiness, 'ServiceBusiness');

type BusinessFields = Omit<ServiceBusiness, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'district' | 'commune' | 'communeAfterReform'>;

/**
 * Checks a business and returns its place: registered before 1/7/2025, its district (and
 * old commune) on the day it opened and, if it operates on or after 1/7/2025, the
 * commune-level unit it lies in from then (given, or derived when its old commune went
 * whole to one unit); opened after the reform, that unit (`businessPlace`).
 */
function checkBusiness(b: BusinessFields): Pick<ServiceBusiness, 'districtId' | 'communeId' | 'communeAfterReformId'> {
  checkText('name', b.name, { max: 200, required: true });
  checkNotFuture('openedOn', b.openedOn, todayIso());
  checkDateOrder('openedOn', b.openedOn, 'closedOn', b.closedOn);
  const place = businessPlace(b);
  checkCount('employees', b.employees, { max: 100000 });
  return place;
}

@Resolver(() => ServiceBusiness)
export class ServiceBusinessResolver {
  @Authorized('RECORDS')
  @Query(() => ServiceBusinessConnection, { description: 'The registry of service businesses prone to prostitution' })
  serviceBusinesses(
    @Ctx() { dataSource, identity }: SubgraphContext<PoliceLoaders>,
    @Arg('filter', () => ServiceBusinessFilter, { nullable: true }) filter?: ServiceBusinessFilter,
    @Args(() => PageArgs) page?: PageArgs,
  ) {
    const query = restrictToScope(dataSource.getRepository(ServiceBusiness).createQueryBuilder('b'), identity, {
      district: 'b.district_id',
      commune: 'b.commune_id',
      communeAfterReform: 'b.commune_after_reform_id',
    });
    if (filter?.districtId) query.andWhere('b.district_id = :districtId', { districtId: filter.districtId });
    if (filter?.communeId) query.andWhere('(b.commune_id = :communeId OR b.commune_after_reform_id = :communeId)', { communeId: filter.communeId });
    if (filter?.kind) query.andWhere('b.kind = :kind', { kind: filter.kind });
    if (filter?.operatingIn) {
      const period = parsePeriod(filter.operatingIn, 'filter.operatingIn');
      query.andWhere('b.opened_on < :end AND (b.closed_on IS NULL OR b.closed_on >= :start)', period);
    }
    return paginate(query, { ...page, sortColumn: 'opened_on', sortKey: (b) => b.openedOn });
  }

  @Authorized('AGGREGATES')
  @Query(() => Int, {
    description: 'Workers employed at registered businesses operating in the period (the denominator of IND-1.3a, which labour computes)',
  })
  async serviceBusinessWorkforce(
    @Arg('period') periodId: string,
    @Ctx() { loaders }: SubgraphContext<PoliceLoaders>,
    @Arg('orgUnit', () => ID, { nullable: true }) orgUnitId?: string,
  ): Promise<number> {
    // A measure like the indicators', so every unit and period one request asks is one statement.
    const measure = await loaders.measures.load({ code: WORKFORCE, period: parsePeriod(periodId), orgUnit: territory.resolve(orgUnitId) });
    return measure.numerator ?? 0;
  }

  @Authorized('SERVICE')
  // Service-only: in the subgraph's schema for labour and health, left out of the graph clients see.
  @Directive('@inaccessible')
  @Query(() => [ServiceBusinessDistrict], {
    nullable: 'items',
    description:
      "For other subgraphs only (health, labour): per id in order, the business's district and opening and closing dates, or null when no business has that id",
  })
  async serviceBusinessDistricts(
    @Arg('ids', () => [ID]) ids: string[],
    @Ctx() { loaders }: SubgraphContext<PoliceLoaders>,
  ): Promise<(ServiceBusinessDistrict | null)[]> {
    if (ids.length > MAX_BUSINESS_DISTRICT_IDS) {
      throw userInputError('ids', `at most ${MAX_BUSINESS_DISTRICT_IDS} ids per call, got ${ids.length}; split them over several calls`);
    }
    // One statement for the whole list (the loader batches and skips ids that are not uuids).
    const businesses = await loaders.businessById.loadMany(ids);
    return businesses.map((b) => {
      if (b instanceof Error) throw b;
      return b
        ? {
            id: b.id,
            districtId: b.districtId,
            communeId: b.communeId,
            communeAfterReformId: b.communeAfterReformId,
            openedOn: b.openedOn,
            closedOn: b.closedOn,
          }
        : null;
    });
  }

  @Authorized('RECORDS')
  @Query(() => ServiceBusiness, { nullable: true, description: 'One registered business by its id (null: none with that id)' })
  serviceBusiness(@Arg('id', () => ID) id: string, @Ctx() { loaders }: SubgraphContext<PoliceLoaders>) {
    return loaders.businessById.load(id);
  }

  @Authorized('RECORDS')
  @Mutation(() => ServiceBusiness, { description: 'Register a service business prone to prostitution' })
  async createServiceBusiness(
    @Arg('input') input: CreateServiceBusinessInput,
    @Ctx() { dataSource, identity }: SubgraphContext<PoliceLoaders>,
  ): Promise<ServiceBusiness> {
    const { idempotencyKey, ...fields } = input;
    const business = {
      ...fields,
      districtId: fields.districtId ?? null,
      communeId: fields.communeId ?? null,
      communeAfterReformId: fields.communeAfterReformId ?? null,
      closedOn: fields.closedOn ?? null,
    };
    Object.assign(business, checkBusiness(business));
    // A district's officers register their district's businesses, a commune-level unit's those of their unit (named or derived).
    assertInScope(identity, business);
    return createOnce(dataSource, identity, idempotencyKey, 'createServiceBusiness', fields, ServiceBusiness, saveNew(ServiceBusiness, business));
  }

  @Authorized('RECORDS')
  @Mutation(() => ServiceBusiness, { description: 'Change a registered business (e.g. close it); fails with CONFLICT if it changed since you read it' })
  async updateServiceBusiness(
    @Arg('input') input: UpdateServiceBusinessInput,
    @Ctx() { dataSource, loaders, identity }: SubgraphContext<PoliceLoaders>,
  ): Promise<ServiceBusiness> {
    const { id, expectedVersion, ...changes } = input;
    const current = await loaders.businessById.load(id);
    if (!current) throw notFoundError('ServiceBusiness', id);
    assertInScope(identity, current);
    const next = { ...current, ...changes };
    // Closed before the reform: the unit it had from 1/7/2025 goes, unless the change names one (which is then refused).
    if (next.closedOn && next.closedOn < REFORM_DATE && changes.communeAfterReformId === undefined) next.communeAfterReformId = null;
    const place = checkBusiness(next);
    return updateVersioned(dataSource, ServiceBusiness, id, expectedVersion, { ...changes, ...place });
  }
}
