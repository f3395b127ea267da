import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  addDays,
  assertInScope,
  checkDateOrder,
  checkNotFuture,
  checkText,
  connectionType,
  createOnce,
  findById,
  notFoundError,
  openText,
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
import { Tip } from '../entities/tip';
import { PoliceLoaders } from '../loaders';
import { HandleTipInput, ReceiveTipInput, TipFilter } from './types/tip.input';

const TipConnection = connectionType(Tip, 'Tip');

/** Days the Criminal Procedure Code (art. 147) allows for settling a denunciation or crime report. */
export const DEFAULT_HANDLING_DAYS = 20;

@Resolver(() => Tip)
export class TipResolver {
  @Authorized('RECORDS')
  @Query(() => TipConnection, { description: 'Denunciations, crime reports and complaints and their handling' })
  tips(
    @Ctx() { dataSource, identity }: SubgraphContext<PoliceLoaders>,
    @Arg('filter', () => TipFilter, { nullable: true }) filter?: TipFilter,
    @Args(() => PageArgs) page?: PageArgs,
  ) {
    const query = restrictToScope(dataSource.getRepository(Tip).createQueryBuilder('t'), identity, { district: 't.district_id', commune: 't.commune_id' });
    if (filter?.districtId) query.andWhere('t.district_id = :districtId', { districtId: filter.districtId });
    if (filter?.communeId) query.andWhere('t.commune_id = :communeId', { communeId: filter.communeId });
    if (filter?.classification) query.andWhere('t.classification = :classification', { classification: filter.classification });
    if (filter?.handled !== undefined && filter?.handled !== null) {
      query.andWhere(filter.handled ? 't.handled_on IS NOT NULL' : 't.handled_on IS NULL');
    }
    if (filter?.period) {
      const period = parsePeriod(filter.period, 'filter.period');
      query.andWhere('t.received_on >= :start AND t.received_on < :end', period);
    }
    return paginate(query, { ...page, sortColumn: 'received_on', sortKey: (t) => t.receivedOn });
  }

  // Decrypted here, for the tips whose notes a request asks for: a page without them decrypts nothing.
  @Authorized('RECORDS')
  @FieldResolver(() => String, { nullable: true, description: 'Case-handling notes; stored encrypted (POLICE_DATA_KEY), never a name of an informant' })
  notes(@Root() tip: Tip): string | null {
    return openText(tip.notes);
  }

  @Authorized('RECORDS')
  @Mutation(() => Tip, { description: 'Record a denunciation, crime report or complaint as received' })
  async receiveTip(@Arg('input') input: ReceiveTipInput, @Ctx() { dataSource, identity }: SubgraphContext<PoliceLoaders>): Promise<Tip> {
    const { idempotencyKey, ...fields } = input;
    assertInScope(identity, { districtId: fields.districtId ?? null, communeId: fields.communeId });
    checkNotFuture('receivedOn', fields.receivedOn, todayIso());
    // Its place on the day it was received: district (+ commune) before 1/7/2025, the commune-level unit after.
    const place = territory.place(fields, fields.receivedOn);
    const deadlineOn = fields.deadlineOn ?? addDays(fields.receivedOn, DEFAULT_HANDLING_DAYS);
    checkText('notes', fields.notes, { max: 2000 });
    checkDateOrder('receivedOn', fields.receivedOn, 'deadlineOn', deadlineOn);
    const tip = { ...fields, ...place, classification: fields.classification ?? null, notes: fields.notes ?? null, deadlineOn };
    return createOnce(dataSource, identity, idempotencyKey, 'receiveTip', fields, Tip, saveNew(Tip, tip));
  }

  @Authorized('RECORDS')
  @Mutation(() => Tip, { description: 'Classify, verify and settle a tip; fails with CONFLICT if it changed since you read it' })
  async handleTip(@Arg('input') input: HandleTipInput, @Ctx() { dataSource, identity }: SubgraphContext<PoliceLoaders>): Promise<Tip> {
    const { id, expectedVersion, ...changes } = input;
    const current = await findById(dataSource, Tip, id);
    if (!current) throw notFoundError('Tip', id);
    assertInScope(identity, current);
    const next = { ...current, ...changes };
    checkDateOrder('receivedOn', next.receivedOn, 'deadlineOn', next.deadlineOn);
    checkDateOrder('receivedOn', next.receivedOn, 'handledOn', next.handledOn);
    checkNotFuture('handledOn', next.handledOn, todayIso());
    checkText('notes', changes.notes, { max: 2000 });
    if (next.handledOn && !next.outcome) throw userInputError('outcome', 'a handled tip needs an outcome');
    if (next.outcome && !next.handledOn) throw userInputError('handledOn', 'an outcome needs the date it was handled');
    return updateVersioned(dataSource, Tip, id, expectedVersion, changes);
  }
}
