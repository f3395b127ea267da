import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { assertInScope, checkNotFuture, restrictToScope, connectionType, notFoundError, paginate, parsePeriod, SubgraphContext, territory, todayIso, updateVersioned, userInputError } from '@qn/common';
import { CLIENT_CODE, HarmReductionContact } from '../entities/harm-reduction-contact';
import { HealthLoaders } from '../loaders';
import { HarmReductionContactFilter, RecordHarmReductionContactInput, UpdateHarmReductionContactInput } from './types/harm-reduction-contact.input';

const HarmReductionContactConnection = connectionType(HarmReductionContact, 'HarmReductionContact');

export function normaliseClientCode(raw: string, field = 'clientCode'): string {
  const code = raw.trim().toUpperCase();
  if (!CLIENT_CODE.test(code)) {
    throw userInputError(field, 'must be a pseudonymous code: QNG- followed by 8 letters or digits (never a name)');
  }
  return code;
}

function checkContact(c: Pick<HarmReductionContact, 'contactedOn' | 'districtId'>): void {
  territory.checkDistrict(c.districtId);
  checkNotFuture('contactedOn', c.contactedOn, todayIso());
}

@Resolver(() => HarmReductionContact)
export class HarmReductionContactResolver {
  @Authorized('RECORDS')
  @Query(() => HarmReductionContactConnection, { description: 'Harm-reduction HIV/AIDS services given to clients known by pseudonymous codes' })
  harmReductionContacts(
    @Ctx() { dataSource, identity }: SubgraphContext<HealthLoaders>,
    @Arg('filter', () => HarmReductionContactFilter, { nullable: true }) filter?: HarmReductionContactFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
  ) {
    const query = restrictToScope(dataSource.getRepository(HarmReductionContact).createQueryBuilder('c'), identity, 'c.district_id');
    if (filter?.districtId) query.andWhere('c.district_id = :districtId', { districtId: filter.districtId });
    if (filter?.service) query.andWhere('c.service = :service', { service: filter.service });
    if (filter?.clientCode) query.andWhere('c.client_code = :clientCode', { clientCode: normaliseClientCode(filter.clientCode, 'filter.clientCode') });
    if (filter?.period) {
      const period = parsePeriod(filter.period, 'filter.period');
      query.andWhere('c.contacted_on >= :start AND c.contacted_on < :end', period);
    }
    return paginate(query, { first, after, sortColumn: 'contacted_on', sortKey: (c) => c.contactedOn });
  }

  @Authorized('RECORDS')
  @Mutation(() => HarmReductionContact, { description: 'Record a harm-reduction service given to a client' })
  async recordHarmReductionContact(
    @Arg('input') input: RecordHarmReductionContactInput,
    @Ctx() { dataSource, identity }: SubgraphContext<HealthLoaders>,
  ): Promise<HarmReductionContact> {
    const contact = { ...input, clientCode: normaliseClientCode(input.clientCode) };
    checkContact(contact);
    assertInScope(identity, contact.districtId);
    const repository = dataSource.getRepository(HarmReductionContact);
    return repository.save(repository.create(contact));
  }

  @Authorized('RECORDS')
  @Mutation(() => HarmReductionContact, { description: 'Correct a contact; fails with CONFLICT if it changed since you read it' })
  async updateHarmReductionContact(
    @Arg('input') input: UpdateHarmReductionContactInput,
    @Ctx() { dataSource, loaders, identity }: SubgraphContext<HealthLoaders>,
  ): Promise<HarmReductionContact> {
    const { id, expectedVersion, ...changes } = input;
    const current = await loaders.contactById.load(id);
    if (!current) throw notFoundError('HarmReductionContact', id);
    assertInScope(identity, current.districtId);
    checkContact({ ...current, ...changes });
    assertInScope(identity, changes.districtId ?? current.districtId);
    return updateVersioned(dataSource, HarmReductionContact, id, expectedVersion, changes);
  }
}
