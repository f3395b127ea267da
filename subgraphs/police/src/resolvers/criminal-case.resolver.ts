import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import {
  assertInScope,
  checkCount,
  checkDateOrder,
  checkNotFuture,
  connectionType,
  createOnce,
  findById,
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
import { CriminalCase } from '../entities/criminal-case';
import { PoliceLoaders } from '../loaders';
import { CriminalCaseFilter, DealWithCriminalCaseInput, OpenCriminalCaseInput } from './types/criminal-case.input';

const CriminalCaseConnection = connectionType(CriminalCase, 'CriminalCase');

@Resolver(() => CriminalCase)
export class CriminalCaseResolver {
  @Authorized('RECORDS')
  @Query(() => CriminalCaseConnection, { description: 'Prostitution-related criminal cases' })
  criminalCases(
    @Ctx() { dataSource, identity }: SubgraphContext<PoliceLoaders>,
    @Arg('filter', () => CriminalCaseFilter, { nullable: true }) filter?: CriminalCaseFilter,
    @Args(() => PageArgs) page?: PageArgs,
  ) {
    const query = restrictToScope(dataSource.getRepository(CriminalCase).createQueryBuilder('c'), identity, {
      district: 'c.district_id',
      commune: 'c.commune_id',
    });
    if (filter?.districtId) query.andWhere('c.district_id = :districtId', { districtId: filter.districtId });
    if (filter?.communeId) query.andWhere('c.commune_id = :communeId', { communeId: filter.communeId });
    if (filter?.charge) query.andWhere(':charge = ANY(c.charges)', { charge: filter.charge });
    if (filter?.dealtWithIn) {
      const period = parsePeriod(filter.dealtWithIn, 'filter.dealtWithIn');
      query.andWhere('c.dealt_with_on >= :start AND c.dealt_with_on < :end', period);
    }
    return paginate(query, { ...page, sortColumn: 'opened_on', sortKey: (c) => c.openedOn });
  }

  @Authorized('RECORDS')
  @Mutation(() => CriminalCase, { description: 'Record a prostitution-related criminal case as opened' })
  async openCriminalCase(@Arg('input') input: OpenCriminalCaseInput, @Ctx() { dataSource, identity }: SubgraphContext<PoliceLoaders>): Promise<CriminalCase> {
    const { idempotencyKey, ...fields } = input;
    checkNotFuture('openedOn', fields.openedOn, todayIso());
    // Its place on the day it was opened: district (+ commune) before 1/7/2025, the commune-level unit after.
    const place = territory.place(fields, fields.openedOn);
    assertInScope(identity, place);
    if (fields.charges.length === 0) throw userInputError('charges', 'name at least one charge');
    checkCount('suspects', fields.suspects, { max: 1000 });
    checkCount('victims', fields.victims, { max: 1000 });
    checkCount('minorVictims', fields.minorVictims, { max: fields.victims });
    const opened = { ...fields, ...place, charges: [...new Set(fields.charges)] };
    return createOnce(dataSource, identity, idempotencyKey, 'openCriminalCase', fields, CriminalCase, saveNew(CriminalCase, opened));
  }

  @Authorized('RECORDS')
  @Mutation(() => CriminalCase, { description: 'Record how a case was dealt with; fails with CONFLICT if it changed since you read it' })
  async dealWithCriminalCase(
    @Arg('input') input: DealWithCriminalCaseInput,
    @Ctx() { dataSource, identity }: SubgraphContext<PoliceLoaders>,
  ): Promise<CriminalCase> {
    const { id, expectedVersion, ...changes } = input;
    const current = await findById(dataSource, CriminalCase, id);
    if (!current) throw notFoundError('CriminalCase', id);
    assertInScope(identity, current);
    checkDateOrder('openedOn', current.openedOn, 'dealtWithOn', changes.dealtWithOn);
    checkNotFuture('dealtWithOn', changes.dealtWithOn, todayIso());
    return updateVersioned(dataSource, CriminalCase, id, expectedVersion, changes);
  }
}
