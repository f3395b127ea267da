import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  assertInScope, checkCount, checkNotFuture, checkText, connectionType, findById, notFoundError, paginate, parsePeriod, restrictToScope, SubgraphContext,
  territory, todayIso, updateVersioned,
} from '@qn/common';
import { CommunicationActivity } from '../entities/communication-activity';
import { OrgUnit } from '../../catalogue';
import { RecordsLoaders } from '../loaders/records.loaders';
import { checkDistrictOn } from './checks';
import { CommunicationActivityFilter, RecordCommunicationActivityInput, UpdateCommunicationActivityInput } from './types/communication.input';

const CommunicationActivityConnection = connectionType(CommunicationActivity, 'CommunicationActivity');

function checkActivity(a: Pick<CommunicationActivity, 'heldOn' | 'districtId' | 'communeId' | 'participants' | 'note'>): void {
  checkNotFuture('heldOn', a.heldOn, todayIso());
  checkDistrictOn(a.districtId, a.heldOn);
  territory.checkCommune(a.communeId, a.districtId, a.heldOn);
  checkCount('participants', a.participants, { max: 1000000 });
  checkText('note', a.note, { max: 500 });
}

@Resolver(() => CommunicationActivity)
export class CommunicationActivityResolver {
  @Authorized('RECORDS')
  @Query(() => CommunicationActivityConnection, { description: 'Prevention communication activities held by commune-level units (IND-1.1)' })
  communicationActivities(
    @Ctx() { dataSource, identity }: SubgraphContext<RecordsLoaders>,
    @Arg('filter', () => CommunicationActivityFilter, { nullable: true }) filter?: CommunicationActivityFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
  ) {
    const query = restrictToScope(dataSource.getRepository(CommunicationActivity).createQueryBuilder('a'), identity, 'a.district_id');
    if (filter?.districtId) query.andWhere('a.district_id = :districtId', { districtId: filter.districtId });
    if (filter?.communeId) query.andWhere('a.commune_id = :communeId', { communeId: filter.communeId });
    if (filter?.form) query.andWhere('a.form = :form', { form: filter.form });
    if (filter?.period) {
      const period = parsePeriod(filter.period, 'filter.period');
      query.andWhere('a.held_on >= :start AND a.held_on < :end', period);
    }
    return paginate(query, { first, after, sortColumn: 'held_on', sortKey: (a) => a.heldOn });
  }

  @FieldResolver(() => OrgUnit, { nullable: true })
  district(@Root() activity: CommunicationActivity, @Ctx() { loaders }: SubgraphContext<RecordsLoaders>) {
    return loaders.orgUnitById.load(activity.districtId);
  }

  @FieldResolver(() => OrgUnit, { nullable: true })
  commune(@Root() activity: CommunicationActivity, @Ctx() { loaders }: SubgraphContext<RecordsLoaders>) {
    return loaders.orgUnitById.load(activity.communeId);
  }

  @Authorized('RECORDS')
  @Mutation(() => CommunicationActivity, { description: 'Record a communication activity a commune held' })
  async recordCommunicationActivity(
    @Arg('input') input: RecordCommunicationActivityInput,
    @Ctx() { dataSource, identity }: SubgraphContext<RecordsLoaders>,
  ): Promise<CommunicationActivity> {
    assertInScope(identity, input.districtId);
    const activity = { ...input, note: input.note ?? null };
    checkActivity(activity);
    const repository = dataSource.getRepository(CommunicationActivity);
    return repository.save(repository.create(activity));
  }

  @Authorized('RECORDS')
  @Mutation(() => CommunicationActivity, { description: 'Correct a communication activity; fails with CONFLICT if it changed since you read it' })
  async updateCommunicationActivity(
    @Arg('input') input: UpdateCommunicationActivityInput,
    @Ctx() { dataSource, identity }: SubgraphContext<RecordsLoaders>,
  ): Promise<CommunicationActivity> {
    const { id, expectedVersion, ...changes } = input;
    const current = await findById(dataSource, CommunicationActivity, id);
    if (!current) throw notFoundError('CommunicationActivity', id);
    assertInScope(identity, current.districtId);
    checkActivity({ ...current, ...changes });
    return updateVersioned(dataSource, CommunicationActivity, id, expectedVersion, changes);
  }
}
