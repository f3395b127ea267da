import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  assertInScope,
  businessPlaceOn,
  checkCount,
  checkDateOrder,
  checkNotFuture,
  connectionType,
  createOnce,
  findById,
  Identity,
  notFoundError,
  paginate,
  parsePeriod,
  recordScope,
  REFORM_DATE,
  saveNew,
  scopeIsCommune,
  SubgraphContext,
  todayIso,
  updateVersioned,
  userInputError,
  PageArgs,
} from '@qn/common';
import { Inspection } from '../entities/inspection';
import { ServiceBusiness } from '../entities/service-business';
import { PoliceLoaders } from '../loaders';
import { InspectionFilter, RecordInspectionInput, UpdateInspectionInput } from './types/inspection.input';

const InspectionConnection = connectionType(Inspection, 'Inspection');

/** An inspection belongs to a registered business, in the caller's district, while it operated. */
async function checkInspection(
  inspection: Pick<Inspection, 'businessId' | 'inspectedOn' | 'violations'>,
  loaders: PoliceLoaders,
  identity: Identity,
): Promise<void> {
  const business = await loaders.businessById.load(inspection.businessId);
  if (!business) throw userInputError('businessId', `no registered business '${inspection.businessId}'`);
  // Where the business stood on the inspection's date: a district's officers inspect it before 1/7/2025, its unit's after.
  assertInScope(identity, businessPlaceOn(business, inspection.inspectedOn), 'businessId');
  checkNotFuture('inspectedOn', inspection.inspectedOn, todayIso());
  checkDateOrder('the business opening date', business.openedOn, 'inspectedOn', inspection.inspectedOn);
  if (business.closedOn && inspection.inspectedOn > business.closedOn) {
    throw userInputError('inspectedOn', `${inspection.inspectedOn} is after the business closed on ${business.closedOn}`);
  }
  // From 1/7/2025 an inspection stands where its business lies then: the registry must say where that is.
  if (inspection.inspectedOn >= REFORM_DATE && !business.communeAfterReformId) {
    throw userInputError(
      'businessId',
      `the business has no commune-level unit from ${REFORM_DATE} in the registry: name it first (updateServiceBusiness, communeAfterReformId), then record an inspection of ${inspection.inspectedOn}`,
    );
  }
  checkCount('violations', inspection.violations, { max: 1000 });
}

@Resolver(() => Inspection)
export class InspectionResolver {
  @Authorized('RECORDS')
  @Query(() => InspectionConnection, { description: 'Inspections of service businesses, by police or the 178 team' })
  inspections(
    @Ctx() { dataSource, identity }: SubgraphContext<PoliceLoaders>,
    @Arg('filter', () => InspectionFilter, { nullable: true }) filter?: InspectionFilter,
    @Args(() => PageArgs) page?: PageArgs,
  ) {
    const query = dataSource.getRepository(Inspection).createQueryBuilder('i');
    if (filter?.businessId) query.andWhere('i.business_id = :businessId', { businessId: filter.businessId });
    if (filter?.team) query.andWhere('i.team = :team', { team: filter.team });
    if (filter?.period) {
      const period = parsePeriod(filter.period, 'filter.period');
      query.andWhere('i.inspected_on >= :start AND i.inspected_on < :end', period);
    }
    const scope = recordScope(identity);
    if (scope && scopeIsCommune(scope)) {
      query.andWhere(
        'i.business_id IN (SELECT b.id FROM service_business b WHERE CASE WHEN i.inspected_on < :reform THEN NULL ELSE b.commune_after_reform_id END = :scope)',
        { scope, reform: REFORM_DATE },
      );
    } else if (scope) {
      query.andWhere('i.business_id IN (SELECT b.id FROM service_business b WHERE b.district_id = :scope)', { scope });
    }
    if (filter?.districtId) {
      query.andWhere('i.business_id IN (SELECT b.id FROM service_business b WHERE b.district_id = :districtId)', {
        districtId: filter.districtId,
      });
    }
    if (filter?.communeId) {
      // Where the business stood on the inspection's date: its old commune before 1/7/2025, its unit from then.
      query.andWhere(
        `i.business_id IN (SELECT b.id FROM service_business b WHERE CASE WHEN i.inspected_on < :reform THEN b.commune_id ELSE b.commune_after_reform_id END = :communeId)`,
        {
          communeId: filter.communeId,
          reform: REFORM_DATE,
        },
      );
    }
    return paginate(query, { ...page, sortColumn: 'inspected_on', sortKey: (i) => i.inspectedOn });
  }

  @FieldResolver(() => ServiceBusiness, { nullable: true })
  business(@Root() inspection: Inspection, @Ctx() { loaders }: SubgraphContext<PoliceLoaders>) {
    return loaders.businessById.load(inspection.businessId);
  }

  @Authorized('RECORDS')
  @Mutation(() => Inspection, { description: 'Record an inspection of a registered business' })
  async recordInspection(
    @Arg('input') input: RecordInspectionInput,
    @Ctx() { dataSource, loaders, identity }: SubgraphContext<PoliceLoaders>,
  ): Promise<Inspection> {
    const { idempotencyKey, ...fields } = input;
    await checkInspection(fields, loaders, identity);
    return createOnce(dataSource, identity, idempotencyKey, 'recordInspection', fields, Inspection, saveNew(Inspection, fields));
  }

  @Authorized('RECORDS')
  @Mutation(() => Inspection, { description: 'Correct an inspection; fails with CONFLICT if it changed since you read it' })
  async updateInspection(
    @Arg('input') input: UpdateInspectionInput,
    @Ctx() { dataSource, loaders, identity }: SubgraphContext<PoliceLoaders>,
  ): Promise<Inspection> {
    const { id, expectedVersion, ...changes } = input;
    const current = await findById(dataSource, Inspection, id);
    if (!current) throw notFoundError('Inspection', id);
    await checkInspection({ ...current, ...changes }, loaders, identity);
    return updateVersioned(dataSource, Inspection, id, expectedVersion, changes);
  }
}
