import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertInScope, checkCount, recordScope, checkDateOrder, checkNotFuture, connectionType, paginate, parsePeriod, SubgraphContext, todayIso, userInputError } from '@qn/common';
import { Inspection } from '../entities/inspection';
import { ServiceBusiness } from '../entities/service-business';
import { PoliceLoaders } from '../loaders';
import { InspectionFilter, RecordInspectionInput } from './types/inspection.input';

const InspectionConnection = connectionType(Inspection, 'Inspection');

@Resolver(() => Inspection)
export class InspectionResolver {
  @Authorized('RECORDS')
  @Query(() => InspectionConnection, { description: 'Inspections of service businesses, by police or the 178 team' })
  inspections(
    @Ctx() { dataSource, identity }: SubgraphContext<PoliceLoaders>,
    @Arg('filter', () => InspectionFilter, { nullable: true }) filter?: InspectionFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
  ) {
    const query = dataSource.getRepository(Inspection).createQueryBuilder('i');
    if (filter?.businessId) query.andWhere('i.business_id = :businessId', { businessId: filter.businessId });
    if (filter?.team) query.andWhere('i.team = :team', { team: filter.team });
    if (filter?.period) {
      const period = parsePeriod(filter.period, 'filter.period');
      query.andWhere('i.inspected_on >= :start AND i.inspected_on < :end', period);
    }
    const scope = recordScope(identity);
    if (scope) query.andWhere('i.business_id IN (SELECT b.id FROM service_business b WHERE b.district_id = :scope)', { scope });
    if (filter?.districtId) {
      query.andWhere('i.business_id IN (SELECT b.id FROM service_business b WHERE b.district_id = :districtId)', {
        districtId: filter.districtId,
      });
    }
    return paginate(query, { first, after, sortColumn: 'inspected_on', sortKey: (i) => i.inspectedOn });
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
    const business = await loaders.businessById.load(input.businessId);
    if (!business) throw userInputError('businessId', `no registered business '${input.businessId}'`);
    assertInScope(identity, business.districtId, 'businessId');
    checkNotFuture('inspectedOn', input.inspectedOn, todayIso());
    checkDateOrder('the business opening date', business.openedOn, 'inspectedOn', input.inspectedOn);
    if (business.closedOn && input.inspectedOn > business.closedOn) {
      throw userInputError('inspectedOn', `${input.inspectedOn} is after the business closed on ${business.closedOn}`);
    }
    checkCount('violations', input.violations, { max: 1000 });
    const repository = dataSource.getRepository(Inspection);
    return repository.save(repository.create(input));
  }
}
