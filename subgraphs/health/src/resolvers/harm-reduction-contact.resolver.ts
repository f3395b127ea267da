import { Arg, Args, Authorized, Ctx, Directive, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import {
  assertCanErase,
  assertInScope,
  checkNotFuture,
  CLIENT_CODE,
  connectionType,
  createOnce,
  erasedCode,
  ErasureResult,
  notFoundError,
  paginate,
  parsePeriod,
  personLookup,
  recordScope,
  restrictToScope,
  saveNew,
  scopeIsCommune,
  serviceFrom,
  SubgraphContext,
  territory,
  todayIso,
  updateVersioned,
  userInputError,
  PageArgs,
} from '@qn/common';
import { HarmReductionContact } from '../entities/harm-reduction-contact';
import { HealthLoaders } from '../loaders';
import { HarmReductionContactFilter, RecordHarmReductionContactInput, UpdateHarmReductionContactInput } from './types/harm-reduction-contact.input';

const HarmReductionContactConnection = connectionType(HarmReductionContact, 'HarmReductionContact');

/** Most codes one `healthServiceUsers` field takes; a subgraph asking about more splits them over several fields. */
export const MAX_SERVICE_USER_CODES = 5000;

export function normaliseClientCode(raw: string, field = 'clientCode'): string {
  const code = raw.trim().toUpperCase();
  if (!CLIENT_CODE.test(code)) {
    throw userInputError(field, 'must be a pseudonymous code: QNG- followed by 8 letters or digits (never a name)');
  }
  return code;
}

/** Checks a contact and returns its place on its date: district (+ commune) before 1/7/2025, the commune-level unit after. */
function checkContact(c: Pick<HarmReductionContact, 'contactedOn' | 'districtId' | 'communeId'>): { districtId: string | null; communeId: string | null } {
  checkNotFuture('contactedOn', c.contactedOn, todayIso());
  return territory.place(c, c.contactedOn);
}

@Resolver(() => HarmReductionContact)
export class HarmReductionContactResolver {
  @Authorized('RECORDS')
  @Mutation(() => ErasureResult, {
    description:
      "Erase a client on a lawful request: the contacts keep counting (reported and live numbers stay as they are) but no longer carry the client's code",
  })
  async eraseHarmReductionClient(
    @Arg('code', { description: "The client's pseudonymous code, as on their contacts (HarmReductionContact.clientCode)" }) code: string,
    @Ctx() { dataSource, identity }: SubgraphContext<HealthLoaders>,
  ): Promise<ErasureResult> {
    assertCanErase(identity);
    const clientCode = normaliseClientCode(code, 'code');
    // A head limited to a district erases that district's contacts of the client.
    const scope = recordScope(identity);
    const where = { clientCode, ...(scope ? (scopeIsCommune(scope) ? { communeId: scope } : { districtId: scope }) : {}) };
    const result = await dataSource.getRepository(HarmReductionContact).update(where, { clientCode: erasedCode() });
    if (!result.affected) throw notFoundError('HarmReductionContact', clientCode, 'code');
    return { records: result.affected ?? 0, erasedOn: todayIso() };
  }

  @Authorized('RECORDS')
  @Query(() => HarmReductionContactConnection, { description: 'Harm-reduction HIV/AIDS services given to clients known by pseudonymous codes' })
  async harmReductionContacts(
    @Ctx() { dataSource, identity, audit }: SubgraphContext<HealthLoaders>,
    @Arg('filter', () => HarmReductionContactFilter, { nullable: true }) filter?: HarmReductionContactFilter,
    @Args(() => PageArgs) page?: PageArgs,
  ) {
    const query = restrictToScope(dataSource.getRepository(HarmReductionContact).createQueryBuilder('c'), identity, {
      district: 'c.district_id',
      commune: 'c.commune_id',
    });
    if (filter?.districtId) query.andWhere('c.district_id = :districtId', { districtId: filter.districtId });
    if (filter?.communeId) query.andWhere('c.commune_id = :communeId', { communeId: filter.communeId });
    if (filter?.service) query.andWhere('c.service = :service', { service: filter.service });
    if (filter?.clientCode) {
      query.andWhere('c.client_code = :clientCode', { clientCode: normaliseClientCode(filter.clientCode, 'filter.clientCode') });
      // Even a bare count of one person's services is a look-up of that person: audited and limited per caller.
      await personLookup(
        { identity, audit },
        { action: 'harmReductionContacts', entity: 'HarmReductionContact', field: 'filter.clientCode', districtId: identity.orgUnit },
      );
    }
    if (filter?.period) {
      const period = parsePeriod(filter.period, 'filter.period');
      query.andWhere('c.contacted_on >= :start AND c.contacted_on < :end', period);
    }
    return paginate(query, { ...page, sortColumn: 'contacted_on', sortKey: (c) => c.contactedOn });
  }

  /**
   * For IND-4.2, which labour owns: of the codes labour asks about (its clients in need
   * and eligible whom labour itself has not served in the period), how many had at
   * least one health service that counts as social support in the period — the referral
   * to a social service (SUPPORT_SERVICES; harm-reduction supplies and tests do not); when
   * `orgUnit` is given, only services given in that unit, where they
   * stood on their date (`scopeFilter`). A count, never which codes:
   * health learns the codes labour asks about, labour learns one number. One SQL
   * statement for all the fields of a request (`serviceUsersLoader`). Only labour calls it (rule SERVICE), never a person.
   */
  @Authorized(serviceFrom('labour'))
  // Service-only: in the subgraph's schema for labour, left out of the graph clients see.
  @Directive('@inaccessible')
  @Query(() => Int, {
    description:
      'For other subgraphs only (IND-4.2): how many of the given client codes had a social-support health service (referral to a social service) in the period (and unit)',
  })
  async healthServiceUsers(
    @Arg('period') periodId: string,
    @Arg('clientCodes', () => [String]) clientCodes: string[],
    @Ctx() { loaders }: SubgraphContext<HealthLoaders>,
    @Arg('orgUnit', () => ID, { nullable: true }) orgUnitId?: string,
  ): Promise<number> {
    const period = parsePeriod(periodId);
    const orgUnit = territory.resolve(orgUnitId);
    if (clientCodes.length > MAX_SERVICE_USER_CODES) {
      throw userInputError('clientCodes', `at most ${MAX_SERVICE_USER_CODES} codes per call, got ${clientCodes.length}; split them over several calls`);
    }
    const codes = [...new Set(clientCodes.map((c) => normaliseClientCode(c, 'clientCodes')))].sort();
    if (codes.length === 0) return 0;
    return loaders.serviceUsers.load({ period, orgUnit, codes });
  }

  @Authorized('RECORDS')
  @Mutation(() => HarmReductionContact, { description: 'Record a harm-reduction service given to a client' })
  async recordHarmReductionContact(
    @Arg('input') input: RecordHarmReductionContactInput,
    @Ctx() { dataSource, identity }: SubgraphContext<HealthLoaders>,
  ): Promise<HarmReductionContact> {
    const { idempotencyKey, ...fields } = input;
    const contact = {
      ...fields,
      districtId: fields.districtId ?? null,
      communeId: fields.communeId ?? null,
      clientCode: normaliseClientCode(fields.clientCode),
    };
    Object.assign(contact, checkContact(contact));
    assertInScope(identity, contact);
    return createOnce(dataSource, identity, idempotencyKey, 'recordHarmReductionContact', fields, HarmReductionContact, saveNew(HarmReductionContact, contact));
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
    assertInScope(identity, current);
    const place = checkContact({ ...current, ...changes });
    assertInScope(identity, place);
    return updateVersioned(dataSource, HarmReductionContact, id, expectedVersion, { ...changes, ...place });
  }
}
