import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  addDays,
  assertCanErase,
  createOnce,
  assertInScope,
  checkDateOrder,
  checkNotFuture,
  checkText,
  CLIENT_CODE,
  connectionType,
  erasedCode,
  ErasureResult,
  keyFromEnv,
  longLivedPlace,
  notFoundError,
  paginate,
  parsePeriod,
  personLookup,
  pseudonymousCode,
  REFORM_DATE,
  restrictToScope,
  SubgraphContext,
  todayIso,
  updateVersioned,
  userInputError,
  PageArgs,
} from '@qn/common';
import { OrgUnit } from '../../catalogue';
import { NeedAssessment, SupportClient, SupportServiceUse } from '../entities/support';
import { RecordsLoaders } from '../loaders/records.loaders';
import {
  RecordNeedAssessmentInput,
  RecordSupportServiceUseInput,
  RegisterSupportClientInput,
  SupportClientFilter,
  UpdateSupportClientInput,
} from './types/support.input';

const SupportClientConnection = connectionType(SupportClient, 'SupportClient');
type Context = SubgraphContext<RecordsLoaders>;

/** The person a new assessment or service use is for; it is in the person's district, so the caller must be too. */
async function clientFor(code: string, on: string, field: string, { loaders, identity }: Context): Promise<SupportClient> {
  if (!CLIENT_CODE.test(code)) throw userInputError('clientCode', `'${code}' is not a pseudonymous code like QNG-7K2M9XQ4`);
  const client = await loaders.clientByCode.load(code);
  if (!client) throw userInputError('clientCode', `no person registered with code '${code}'`);
  assertInScope(identity, client, 'clientCode');
  checkDateOrder('the registration date', client.registeredOn, field, on);
  // An assessment or service stands where the person is followed on its date: from 1/7/2025 a commune-level unit.
  if (on >= REFORM_DATE && !client.communeAfterReformId) {
    try {
      longLivedPlace(client, addDays(REFORM_DATE, -1), { inUseAfterReform: true, what: 'person' });
    } catch (error) {
      throw userInputError(
        'clientCode',
        `person '${code}' has no commune-level unit of 1/7/2025, where a record dated ${on} stands: set it first with updateSupportClient(communeAfterReformId). ${(error as Error).message}`,
      );
    }
  }
  return client;
}

/** A person's place: where registered, by the one rule, and the unit whose services follow them from 1/7/2025. */
function clientPlace(c: { districtId?: string | null; communeId?: string | null; communeAfterReformId?: string | null }, registeredOn: string) {
  return longLivedPlace(c, registeredOn, { what: 'person' });
}

/** Support to sex workers in need (IND-4.2): persons by pseudonymous code, their assessments and the services they used. */
@Resolver(() => SupportClient)
export class SupportResolver {
  @Authorized('RECORDS')
  @Query(() => SupportClientConnection, { description: 'Persons supported, by pseudonymous code (no names are kept)' })
  supportClients(
    @Ctx() { dataSource, identity }: Context,
    @Arg('filter', () => SupportClientFilter, { nullable: true }) filter?: SupportClientFilter,
    @Args(() => PageArgs) page?: PageArgs,
  ) {
    const query = restrictToScope(dataSource.getRepository(SupportClient).createQueryBuilder('c'), identity, {
      district: 'c.district_id',
      commune: 'c.commune_id',
      communeAfterReform: 'c.commune_after_reform_id',
    });
    if (filter?.districtId) query.andWhere('c.district_id = :districtId', { districtId: filter.districtId });
    if (filter?.communeId) query.andWhere('(c.commune_id = :communeId OR c.commune_after_reform_id = :communeId)', { communeId: filter.communeId });
    if (filter?.inNeedDuring) {
      const period = parsePeriod(filter.inNeedDuring, 'filter.inNeedDuring');
      query.andWhere(
        'EXISTS (SELECT 1 FROM need_assessment a WHERE a.client_id = c.id AND a.in_need AND a.eligible AND a.assessed_on >= :start AND a.assessed_on < :end)',
        period,
      );
    }
    return paginate(query, { ...page, sortColumn: 'code', sortKey: (c) => c.code });
  }

  @FieldResolver(() => [NeedAssessment], { description: "The person's need assessments" })
  assessments(@Root() client: SupportClient, @Ctx() { loaders }: Context) {
    return loaders.assessmentsByClient.load(client.id);
  }

  @FieldResolver(() => [SupportServiceUse], { description: 'The support services the person used' })
  services(@Root() client: SupportClient, @Ctx() { loaders }: Context) {
    return loaders.servicesByClient.load(client.id);
  }

  @FieldResolver(() => OrgUnit, { nullable: true })
  district(@Root() client: SupportClient, @Ctx() { loaders }: Context) {
    return client.districtId ? loaders.orgUnitById.load(client.districtId) : null;
  }

  @FieldResolver(() => OrgUnit, { nullable: true })
  commune(@Root() client: SupportClient, @Ctx() { loaders }: Context) {
    return client.communeId ? loaders.orgUnitById.load(client.communeId) : null;
  }

  @FieldResolver(() => OrgUnit, { nullable: true, description: 'The commune-level unit whose services follow the person from 1/7/2025' })
  communeAfterReform(@Root() client: SupportClient, @Ctx() { loaders }: Context) {
    return client.communeAfterReformId ? loaders.orgUnitById.load(client.communeAfterReformId) : null;
  }

  @Authorized('RECORDS')
  @Query(() => String, {
    description:
      "The pseudonymous code of a person, from an identifier the agency holds on paper (e.g. an ID-card number) and labour's key; the identifier is neither stored nor logged",
  })
  async pseudonymousCode(
    @Arg('identifier', { description: 'The identifier on paper, e.g. an ID-card number' }) identifier: string,
    @Ctx() context: Context,
  ): Promise<string> {
    checkText('identifier', identifier, { max: 100, required: true });
    // Audited (the argument's name, never the identifier) and limited per caller: no oracle from ID numbers to codes.
    await personLookup(context, { action: 'pseudonymousCode', entity: 'SupportClient', field: 'identifier', districtId: context.identity.orgUnit });
    return pseudonymousCode(identifier, keyFromEnv('LABOUR_PSEUDONYM_KEY'));
  }

  @Authorized('RECORDS')
  @Mutation(() => ErasureResult, {
    description:
      "Erase a person on a lawful request: the records keep counting (reported and live numbers stay as they are) but no longer carry the person's code",
  })
  async eraseSupportClient(
    @Arg('code', { description: "The person's pseudonymous code (SupportClient.code)" }) code: string,
    @Ctx() { dataSource, loaders, identity }: Context,
  ): Promise<ErasureResult> {
    assertCanErase(identity);
    const client = await loaders.clientByCode.load(code.trim().toUpperCase());
    if (!client) throw notFoundError('SupportClient', code, 'code');
    assertInScope(identity, client);
    return dataSource.transaction(async (manager) => {
      await manager.getRepository(SupportClient).update({ id: client.id }, { code: erasedCode() });
      const assessments = await manager.getRepository(NeedAssessment).countBy({ clientId: client.id });
      const services = await manager.getRepository(SupportServiceUse).countBy({ clientId: client.id });
      return { records: 1 + assessments + services, erasedOn: todayIso() };
    });
  }

  @Authorized('RECORDS')
  @Mutation(() => SupportClient, { description: 'Register a person by pseudonymous code' })
  async registerSupportClient(@Arg('input') { idempotencyKey, ...input }: RegisterSupportClientInput, @Ctx() context: Context): Promise<SupportClient> {
    assertInScope(context.identity, { districtId: input.districtId ?? null, communeId: input.communeId ?? null });
    if (!CLIENT_CODE.test(input.code)) throw userInputError('code', `'${input.code}' is not a pseudonymous code like QNG-7K2M9XQ4 (never a name)`);
    checkNotFuture('registeredOn', input.registeredOn, todayIso());
    const place = clientPlace(input, input.registeredOn);
    return createOnce(context.dataSource, context.identity, idempotencyKey, 'registerSupportClient', input, SupportClient, async (manager) => {
      const repository = manager.getRepository(SupportClient);
      if (await repository.existsBy({ code: input.code })) throw userInputError('code', `code '${input.code}' is registered already`);
      return repository.save(repository.create({ code: input.code, registeredOn: input.registeredOn, ...place }));
    });
  }

  @Authorized('RECORDS')
  @Mutation(() => SupportClient, {
    description:
      'Name the commune-level unit of 1/7/2025 whose services follow a person registered before; fails with CONFLICT if it changed since you read it',
  })
  async updateSupportClient(@Arg('input') input: UpdateSupportClientInput, @Ctx() { dataSource, loaders, identity }: Context): Promise<SupportClient> {
    const client = await loaders.clientByCode.load(input.code.trim().toUpperCase());
    if (!client) throw notFoundError('SupportClient', input.code, 'code');
    assertInScope(identity, client);
    const place = clientPlace({ ...client, communeAfterReformId: input.communeAfterReformId }, client.registeredOn);
    return updateVersioned(dataSource, SupportClient, client.id, input.expectedVersion, { communeAfterReformId: place.communeAfterReformId });
  }

  @Authorized('RECORDS')
  @Mutation(() => NeedAssessment, { description: "Record an assessment of a person's need for, and eligibility to, support" })
  async recordNeedAssessment(@Arg('input') { idempotencyKey, ...input }: RecordNeedAssessmentInput, @Ctx() context: Context): Promise<NeedAssessment> {
    checkNotFuture('assessedOn', input.assessedOn, todayIso());
    const client = await clientFor(input.clientCode, input.assessedOn, 'assessedOn', context);
    return createOnce(context.dataSource, context.identity, idempotencyKey, 'recordNeedAssessment', input, NeedAssessment, (manager) =>
      manager
        .getRepository(NeedAssessment)
        .save(
          manager.getRepository(NeedAssessment).create({ clientId: client.id, assessedOn: input.assessedOn, inNeed: input.inNeed, eligible: input.eligible }),
        ),
    );
  }

  @Authorized('RECORDS')
  @Mutation(() => SupportServiceUse, { description: 'Record that a person used a support or reintegration service' })
  async recordSupportServiceUse(@Arg('input') { idempotencyKey, ...input }: RecordSupportServiceUseInput, @Ctx() context: Context): Promise<SupportServiceUse> {
    checkNotFuture('usedOn', input.usedOn, todayIso());
    const client = await clientFor(input.clientCode, input.usedOn, 'usedOn', context);
    return createOnce(context.dataSource, context.identity, idempotencyKey, 'recordSupportServiceUse', input, SupportServiceUse, (manager) =>
      manager
        .getRepository(SupportServiceUse)
        .save(manager.getRepository(SupportServiceUse).create({ clientId: client.id, serviceKind: input.serviceKind, usedOn: input.usedOn })),
    );
  }
}

@Resolver(() => NeedAssessment)
export class NeedAssessmentResolver {
  @FieldResolver(() => SupportClient, { nullable: true })
  client(@Root() assessment: NeedAssessment, @Ctx() { loaders }: Context) {
    return loaders.clientById.load(assessment.clientId);
  }
}

@Resolver(() => SupportServiceUse)
export class SupportServiceUseResolver {
  @FieldResolver(() => SupportClient, { nullable: true })
  client(@Root() use: SupportServiceUse, @Ctx() { loaders }: Context) {
    return loaders.clientById.load(use.clientId);
  }
}
