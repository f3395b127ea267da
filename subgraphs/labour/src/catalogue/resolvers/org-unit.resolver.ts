import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { SubgraphContext } from '@qn/common';
import { OrgUnit, OrgUnitLevel, OrgUnitSuccession } from '../entities/org-unit';
import { CatalogueLoaders } from '../catalogue.loaders';

const validOn = (unit: OrgUnit, at: string) => unit.validFrom <= at && (unit.validTo === null || unit.validTo > at);

@Resolver(() => OrgUnit)
export class OrgUnitResolver {
  @Query(() => [OrgUnit], { description: 'Administrative units, optionally of one level, under one parent, valid on one date' })
  async orgUnits(
    @Ctx() { dataSource }: SubgraphContext<CatalogueLoaders>,
    @Arg('level', () => OrgUnitLevel, { nullable: true }) level?: OrgUnitLevel,
    @Arg('parent', () => ID, { nullable: true }) parent?: string,
    @Arg('at', () => LocalDateResolver, { nullable: true, description: 'Only units valid on this date (YYYY-MM-DD)' }) at?: string,
  ) {
    const query = dataSource.getRepository(OrgUnit).createQueryBuilder('u').orderBy('u.level').addOrderBy('u.code').addOrderBy('u.valid_from');
    if (level) query.andWhere('u.level = :level', { level });
    if (parent) query.andWhere('u.parent_id = :parent', { parent });
    if (at) query.andWhere('u.valid_from <= :at AND (u.valid_to IS NULL OR u.valid_to > :at)', { at });
    return query.getMany();
  }

  @Query(() => OrgUnit, { nullable: true })
  orgUnit(@Arg('id', () => ID) id: string, @Ctx() { loaders }: SubgraphContext<CatalogueLoaders>) {
    return loaders.orgUnitById.load(id);
  }

  @Query(() => [OrgUnitSuccession], { description: 'Merges, renames and reclassifications of units' })
  orgUnitSuccessions(@Ctx() { dataSource }: SubgraphContext<CatalogueLoaders>) {
    return dataSource.getRepository(OrgUnitSuccession).find({ order: { date: 'ASC', predecessorId: 'ASC' } });
  }

  @FieldResolver(() => OrgUnit, { nullable: true })
  parent(@Root() unit: OrgUnit, @Ctx() { loaders }: SubgraphContext<CatalogueLoaders>) {
    return unit.parentId ? loaders.orgUnitById.load(unit.parentId) : null;
  }

  @FieldResolver(() => [OrgUnit], { description: 'Units directly below, optionally only those valid on a date' })
  async children(
    @Root() unit: OrgUnit,
    @Ctx() { loaders }: SubgraphContext<CatalogueLoaders>,
    @Arg('at', () => LocalDateResolver, { nullable: true }) at?: string,
  ) {
    const children = await loaders.orgUnitsByParent.load(unit.id);
    return at ? children.filter((c) => validOn(c, at)) : children;
  }
}
