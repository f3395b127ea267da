import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
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
  restrictToScope,
  saveNew,
  SubgraphContext,
  territory,
  todayIso,
  updateVersioned,
  PageArgs,
} from '@qn/common';
import { CommunicationActivity } from '../entities/communication-activity';
import { OrgUnit } from '../../catalogue';
import { RecordsLoaders } from '../loaders/records.loaders';
import { CommunicationActivityFilter, RecordCommunicationActivityInput, UpdateCommunicationActivityInput } from './types/communication.input';

const CommunicationActivityConnection = connectionType(CommunicationActivity, 'CommunicationActivity');

/** Checks an activity and returns its place on its date: district + commune before 1/7/2025, the commune-level unit after. */
function checkActivity(a: Pick<CommunicationActivity, 'heldOn' | 'districtId' | 'communeId' | 'participants' | 'note'>): {
  districtId: string | null;
  communeId: string;
} {
  checkNotFuture('heldOn', a.heldOn, todayIso());
  const place = territory.place(a, a.heldOn, { commune: 'required' });
  checkCount('participants', a.participants, { max: 1000000 });
  checkText('note', a.note, { max: 500 });
  return { districtId: place.districtId, communeId: place.communeId! };
}

@Resolver(() => CommunicationActivity)
export class CommunicationActivityResolver {
  @Authorized('RECORDS')
  @Query(() => CommunicationActivityConnection, { description: 'Prevention communication activities held by commune-level units (IND-1.1)' })
  communicationActivities(
    @Ctx() { dataSource, identity }: SubgraphContext<RecordsLoaders>,
    @Arg('filter', () => CommunicationActivityFilter, { nullable: true }) filter?: CommunicationActivityFilter,
    @Args(() => PageArgs) page?: PageArgs,
  ) {
    const query = restrictToScope(dataSource.getRepository(CommunicationActivity).createQueryBuilder('a'), identity, {
      district: 'a.district_id',
      commune: 'a.commune_id',
    });
    if (filter?.districtId) query.andWhere('a.district_id = :districtId', { districtId: filter.districtId });
    if (filter?.communeId) query.andWhere('a.commune_id = :communeId', { communeId: filter.communeId });
    if (filter?.form) query.andWhere('a.form = :form', { form: filter.form });
    if (filter?.period) {
      const period = parsePeriod(filter.period, 'filter.period');
      query.andWhere('a.held_on >= :start AND a.held_on < :end', period);
    }
    return paginate(query, { ...page, sortColumn: 'held_on', sortKey: (a) => a.heldOn });
  }

  @FieldResolver(() => OrgUnit, { nullable: true })
  district(@Root() activity: CommunicationActivity, @Ctx() { loaders }: SubgraphContext<RecordsLoaders>) {
    return activity.districtId ? loaders.orgUnitById.load(activity.districtId) : null;
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
    const { idempotencyKey, ...fields } = input;
    assertInScope(identity, { districtId: fields.districtId ?? null, communeId: fields.communeId });
    const activity = { ...fields, districtId: fields.districtId ?? null, note: fields.note ?? null };
    Object.assign(activity, checkActivity(activity));
    return createOnce(
      dataSource,
      identity,
      idempotencyKey,
      'recordCommunicationActivity',
      activity,
      CommunicationActivity,
      saveNew(CommunicationActivity, activity),
    );
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
    assertInScope(identity, current);
    const place = checkActivity({ ...current, ...changes });
    return updateVersioned(dataSource, CommunicationActivity, id, expectedVersion, { ...changes, ...place });
  }
}
