import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  assertInScope,
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
  userInputError,
  PageArgs,
} from '@qn/common';
import { PressOutlet } from '../entities/press-outlet';
import { Publication } from '../entities/publication';
import { InformationLoaders } from '../loaders';
import { PublicationFilter, RecordPublicationInput, UpdatePublicationInput } from './types/publication.input';

const PublicationConnection = connectionType(Publication, 'Publication');

/**
 * Checks a piece and returns its place on its date by the one rule: none (the whole
 * province), or before 1/7/2025 a district (and optionally its commune), from 1/7/2025 a
 * commune-level unit and no district.
 */
function checkPublication(p: Pick<Publication, 'publishedOn' | 'title' | 'url' | 'districtId' | 'communeId'>): {
  districtId: string | null;
  communeId: string | null;
} {
  checkNotFuture('publishedOn', p.publishedOn, todayIso());
  checkText('title', p.title, { max: 500, required: true });
  checkText('url', p.url, { max: 500 });
  if (p.url && !/^https?:\/\/\S+$/i.test(p.url)) throw userInputError('url', `'${p.url}' is not an http(s) address`);
  if (!p.districtId && !p.communeId) return { districtId: null, communeId: null };
  return territory.place(p, p.publishedOn, { commune: 'optional' });
}

@Resolver(() => Publication)
export class PublicationResolver {
  @Authorized('RECORDS')
  @Query(() => PublicationConnection, { description: 'Pieces on prostitution prevention carried by the press (the evidence for IND-1.2a and IND-1.2b)' })
  publications(
    @Ctx() { dataSource, identity }: SubgraphContext<InformationLoaders>,
    @Arg('filter', () => PublicationFilter, { nullable: true }) filter?: PublicationFilter,
    @Args(() => PageArgs) page?: PageArgs,
  ) {
    const query = restrictToScope(dataSource.getRepository(Publication).createQueryBuilder('p'), identity, 'p.district_id');
    if (filter?.outletId) query.andWhere('p.outlet_id = :outletId', { outletId: filter.outletId });
    if (filter?.districtId) query.andWhere('p.district_id = :districtId', { districtId: filter.districtId });
    if (filter?.communeId) query.andWhere('p.commune_id = :communeId', { communeId: filter.communeId });
    if (filter?.kind) query.andWhere('p.kind = :kind', { kind: filter.kind });
    if (filter?.period) {
      const period = parsePeriod(filter.period, 'filter.period');
      query.andWhere('p.published_on >= :start AND p.published_on < :end', period);
    }
    if (filter?.level) {
      query.andWhere('p.outlet_id IN (SELECT o.id FROM press_outlet o WHERE o.level = :level)', { level: filter.level });
    }
    return paginate(query, { ...page, sortColumn: 'published_on', sortKey: (p) => p.publishedOn });
  }

  @FieldResolver(() => PressOutlet, { nullable: true })
  outlet(@Root() publication: Publication, @Ctx() { loaders }: SubgraphContext<InformationLoaders>) {
    return loaders.outletById.load(publication.outletId);
  }

  @Authorized('RECORDS')
  @Mutation(() => Publication, { description: 'Record a piece on prostitution prevention carried by a press outlet' })
  async recordPublication(
    @Arg('input') { idempotencyKey, ...input }: RecordPublicationInput,
    @Ctx() { dataSource, loaders, identity }: SubgraphContext<InformationLoaders>,
  ): Promise<Publication> {
    const outlet = await loaders.outletById.load(input.outletId);
    if (!outlet) throw userInputError('outletId', `no press outlet '${input.outletId}'`);
    const publication = {
      ...input,
      title: input.title.trim(),
      url: input.url ?? null,
      districtId: input.districtId ?? null,
      communeId: input.communeId ?? null,
    };
    Object.assign(publication, checkPublication(publication));
    assertInScope(identity, publication.districtId);
    return createOnce(dataSource, identity, idempotencyKey, 'recordPublication', publication, Publication, saveNew(Publication, publication));
  }

  @Authorized('RECORDS')
  @Mutation(() => Publication, { description: 'Correct a publication; fails with CONFLICT if it changed since you read it' })
  async updatePublication(
    @Arg('input') input: UpdatePublicationInput,
    @Ctx() { dataSource, identity }: SubgraphContext<InformationLoaders>,
  ): Promise<Publication> {
    const { id, expectedVersion, ...changes } = input;
    const current = await findById(dataSource, Publication, id);
    if (!current) throw notFoundError('Publication', id);
    assertInScope(identity, current.districtId);
    const place = checkPublication({ ...current, ...changes });
    assertInScope(identity, place.districtId);
    return updateVersioned(dataSource, Publication, id, expectedVersion, { ...changes, ...place });
  }
}
