import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { SubgraphContext, SuccessionLink, territory } from '@qn/common';
import { OrgUnit, OrgUnitLevel, OrgUnitLink, OrgUnitSuccession } from '../entities/org-unit';
import { CatalogueLoaders } from '../catalogue.loaders';

const validOn = (unit: OrgUnit, at: string) => unit.validFrom <= at && (unit.validTo === null || unit.validTo > at);

@Resolver(() => OrgUnit)
export class OrgUnitResolver {
  @Query(() => [OrgUnit], { description: 'Administrative units, optionally of one level, under one parent, valid on one date' })
  async orgUnits(
    @Ctx() { dataSource }: SubgraphContext<CatalogueLoaders>,
    @Arg('level', () => OrgUnitLevel, { nullable: true }) level?: OrgUnitLevel,
    @Arg('parent', () => ID, { nullable: true, description: 'Only the units directly under this one (its id)' }) parent?: string,
    @Arg('at', () => LocalDateResolver, { nullable: true, description: 'Only units valid on this date (YYYY-MM-DD)' }) at?: string,
    @Arg('inPlanScope', () => Boolean, {
      nullable: true,
      description: "true: only units of the plan's territory (old Quảng Ngãi); false: only those outside it",
    })
    inPlanScope?: boolean,
  ) {
    const query = dataSource.getRepository(OrgUnit).createQueryBuilder('u').orderBy('u.level').addOrderBy('u.code').addOrderBy('u.valid_from');
    if (level) query.andWhere('u.level = :level', { level });
    if (parent) query.andWhere('u.parent_id = :parent', { parent });
    if (at) query.andWhere('u.valid_from <= :at AND (u.valid_to IS NULL OR u.valid_to > :at)', { at });
    if (inPlanScope !== undefined && inPlanScope !== null) query.andWhere('u.in_plan_scope = :inPlanScope', { inPlanScope });
    return query.getMany();
  }

  @Query(() => OrgUnit, { nullable: true, description: 'One administrative unit by its id (null: no such unit)' })
  orgUnit(@Arg('id', () => ID) id: string, @Ctx() { loaders }: SubgraphContext<CatalogueLoaders>) {
    return loaders.orgUnitById.load(id);
  }

  @Query(() => [OrgUnitSuccession], { description: 'The succession table: merges, splits, renames, reclassifications and abolitions of units' })
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

  @FieldResolver(() => [OrgUnitLink], { description: 'The units this one was formed from (one step back), with how and whether only part of each' })
  predecessors(@Root() unit: OrgUnit, @Ctx() { loaders }: SubgraphContext<CatalogueLoaders>) {
    return links(territory.predecessors(unit.id), loaders);
  }

  @FieldResolver(() => [OrgUnitLink], {
    description: 'The units that took this one over (one step), or with `at` the units valid on that date its territory went to, following later changes',
  })
  successors(
    @Root() unit: OrgUnit,
    @Ctx() { loaders }: SubgraphContext<CatalogueLoaders>,
    @Arg('at', () => LocalDateResolver, { nullable: true }) at?: string,
  ) {
    return links(territory.successors(unit.id, at), loaders);
  }
}

async function links(found: SuccessionLink[], loaders: CatalogueLoaders): Promise<OrgUnitLink[]> {
  const units = await Promise.all(found.map((l) => loaders.orgUnitById.load(l.unit.id)));
  return found.map((l, i) => ({ unit: units[i]!, kind: l.kind, date: l.date, part: l.part }));
}
