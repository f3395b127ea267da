import { Arg, Args, Ctx, Field, ID, InputType, Mutation, Query, Resolver } from 'type-graphql';
import {
  connectionType,
  forbidden,
  IDEMPOTENCY_KEY_DESCRIPTION,
  idempotent,
  Identity,
  isAnonymous,
  paginate,
  SubgraphContext,
  unauthenticated,
  userInputError,
  PageArgs,
} from '@qn/common';
import { Notification, ReportingContact } from '../notifications';
import { canRead, isCoordinator, ownUnit, programmeReportingUnits } from './units';

const NotificationConnection = connectionType(Notification, 'Notification');

@InputType({ description: 'A role mailbox of a reporting unit' })
export class ReportingContactInput {
  @Field({ description: 'A work address (role mailbox), e.g. vanthu.syt@quangngai.gov.vn' })
  address: string;

  @Field({ description: 'What the mailbox is, e.g. "Văn thư"' })
  label: string;
}

@InputType({ description: "The mailboxes a reporting unit's reminders and report messages go to (its head or a coordinator sets them)" })
export class SetReportingContactsInput {
  @Field(() => ID, { description: 'The reporting unit: an agency code, a district id (to 30/6/2025) or a commune-level unit id' })
  unitId: string;

  @Field(() => [ReportingContactInput], { description: "The unit's mailboxes; they replace the ones it had (at most 10; an empty list stops its messages)" })
  contacts: ReportingContactInput[];

  @Field({ description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey: string;
}

export const MAX_CONTACTS = 10;
// A work address: local part and domain, no spaces, no display name.
const ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** The unit whose messages a caller reads: their own, or any for the standing agency's coordinators (`canRead`). */
function readableUnit(identity: Identity, unitId: string | undefined): string {
  if (isAnonymous(identity)) throw unauthenticated('messages need a signed-in caller');
  const unit = unitId ?? ownUnit(identity);
  if (!unit) throw forbidden('your token names no reporting unit');
  if (!canRead(identity, unit)) throw forbidden(`you read the messages of your own unit (${ownUnit(identity) ?? 'none'}), not those of '${unit}'`);
  return unit;
}

@Resolver()
export class NotificationResolver {
  @Query(() => NotificationConnection, {
    description: "Messages sent (or queued) to the caller's reporting unit, oldest first; coordinators may name any unit",
  })
  async myNotifications(
    @Ctx() { dataSource, identity }: SubgraphContext,
    @Arg('unitId', () => ID, { nullable: true, description: 'Coordinators only: another unit' }) unitId?: string,
    @Args(() => PageArgs) page?: PageArgs,
  ) {
    const unit = readableUnit(identity, unitId);
    const query = dataSource.getRepository(Notification).createQueryBuilder('n').where('n.unit_id = :unit', { unit });
    return paginate(query, { ...page, sortColumn: 'created_at', sortKey: (n) => n.createdAt.toISOString() });
  }

  @Query(() => [ReportingContact], { description: "A reporting unit's mailboxes (the unit itself, or the standing agency's coordinators)" })
  async reportingContacts(@Ctx() { dataSource, identity }: SubgraphContext, @Arg('unitId', () => ID, { nullable: true }) unitId?: string) {
    const unit = readableUnit(identity, unitId);
    return dataSource.getRepository(ReportingContact).find({ where: { unitId: unit }, order: { address: 'ASC' } });
  }

  @Mutation(() => [ReportingContact], { description: "Replaces a unit's mailboxes (its head, or a coordinator of the standing agency)" })
  async setReportingContacts(@Arg('input') input: SetReportingContactsInput, @Ctx() { dataSource, identity }: SubgraphContext) {
    if (isAnonymous(identity)) throw unauthenticated('mailboxes are set by a signed-in caller');
    const head = identity.roles.includes('AGENCY_HEAD') && ownUnit(identity) === input.unitId;
    if (!head && !isCoordinator(identity)) throw forbidden(`only the head of '${input.unitId}' or a coordinator of the standing agency sets its mailboxes`);
    if (!(await programmeReportingUnits(dataSource)).some((u) => u.id === input.unitId))
      throw userInputError(
        'unitId',
        `'${input.unitId}' is not a unit that reports in the programme (an agency code such as POLICE, a district id such as 522, or a commune-level unit id of 1/7/2025 such as 21040-2025-07, xã Bình Sơn)`,
      );
    if (input.contacts.length > MAX_CONTACTS) throw userInputError('contacts', `at most ${MAX_CONTACTS} mailboxes`);
    const contacts = input.contacts.map((c, i) => {
      const address = c.address.trim().toLowerCase();
      const label = c.label.trim();
      if (address.length > 254 || !ADDRESS.test(address))
        throw userInputError(`contacts[${i}].address`, `'${c.address}' is not an e-mail address (name@domain)`);
      if (!label || label.length > 200) throw userInputError(`contacts[${i}].label`, 'says what the mailbox is, 1 to 200 characters');
      return { unitId: input.unitId, address, label };
    });
    const repeated = contacts.find((c, i) => contacts.findIndex((d) => d.address === c.address) !== i);
    if (repeated) throw userInputError('contacts', `'${repeated.address}' is listed twice`);
    const stored = await idempotent(dataSource, identity, input.idempotencyKey, 'setReportingContacts', { unitId: input.unitId, contacts }, async (manager) => {
      await manager.getRepository(ReportingContact).delete({ unitId: input.unitId });
      if (contacts.length) await manager.getRepository(ReportingContact).insert(contacts);
      return { id: input.unitId, contacts };
    });
    return stored.contacts.map((c) => Object.assign(new ReportingContact(), c)).sort((a, b) => a.address.localeCompare(b.address));
  }
}
