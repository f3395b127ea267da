import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  addDays,
  assertInScope,
  checkText,
  connectionType,
  createOnce,
  longLivedPlace,
  LongLivedPlace,
  notFoundError,
  paginate,
  REFORM_DATE,
  saveNew,
  SubgraphContext,
  territory,
  updateVersioned,
  PageArgs,
} from '@qn/common';
import { Enrolment } from '../entities/enrolment';
import { Institution } from '../entities/institution';
import { EducationLoaders, enrolmentKey } from '../loaders';
import { parseSchoolYear } from '../school-year';
import { CreateInstitutionInput, InstitutionFilter, UpdateInstitutionInput } from './types/institution.input';

const InstitutionConnection = connectionType(Institution, 'Institution');

/**
 * An institution is a long-lived place: its district (and commune) as registered before
 * the district level ended — placed by the one rule on the last day its commune (or the
 * district level) existed — and the commune-level unit it is in from 1/7/2025. One
 * registered with no district is placed by the one rule as from 1/7/2025: its commune-level
 * unit only.
 */
function checkInstitution(i: Pick<Institution, 'name' | 'districtId' | 'communeId' | 'communeAfterReformId'>): LongLivedPlace {
  checkText('name', i.name, { max: 200, required: true });
  if (!i.districtId) return longLivedPlace(i, REFORM_DATE, { what: 'institution' });
  const commune = i.communeId ? territory.get(i.communeId) : undefined;
  const on = commune && commune.validTo && commune.validTo <= REFORM_DATE ? addDays(commune.validTo, -1) : addDays(REFORM_DATE, -1);
  return longLivedPlace(i, on, { what: 'institution' });
}

@Resolver(() => Institution)
export class InstitutionResolver {
  @Query(() => InstitutionConnection, { description: 'Upper-secondary schools, universities, vocational and continuing-education institutions' })
  institutions(
    @Ctx() { dataSource }: SubgraphContext<EducationLoaders>,
    @Arg('filter', () => InstitutionFilter, { nullable: true }) filter?: InstitutionFilter,
    @Args(() => PageArgs) page?: PageArgs,
  ) {
    const query = dataSource.getRepository(Institution).createQueryBuilder('i');
    if (filter?.districtId) query.andWhere('i.district_id = :districtId', { districtId: filter.districtId });
    if (filter?.communeId) query.andWhere('i.commune_id = :communeId', { communeId: filter.communeId });
    if (filter?.communeAfterReformId) query.andWhere('i.commune_after_reform_id = :after', { after: filter.communeAfterReformId });
    if (filter?.kind) query.andWhere('i.kind = :kind', { kind: filter.kind });
    return paginate(query, { ...page, sortColumn: 'name', sortKey: (i) => i.name });
  }

  @Query(() => Institution, { nullable: true, description: 'One institution by its id (null: none with that id)' })
  institution(@Arg('id', () => ID) id: string, @Ctx() { loaders }: SubgraphContext<EducationLoaders>) {
    return loaders.institutionById.load(id);
  }

  @Authorized('RECORDS')
  @FieldResolver(() => Enrolment, { nullable: true, description: 'Students enrolled in one school year, e.g. 2023-2024' })
  enrolment(
    @Root() institution: Institution,
    @Arg('schoolYear', { description: 'A school year, e.g. 2023-2024' }) schoolYear: string,
    @Ctx() { loaders, identity }: SubgraphContext<EducationLoaders>,
  ) {
    // Enrolment has no district of its own: it is the institution's.
    assertInScope(identity, institution, 'institution');
    return loaders.enrolmentByInstitutionYear.load(enrolmentKey(institution.id, parseSchoolYear(schoolYear).id));
  }

  @Authorized('RECORDS')
  @Mutation(() => Institution, { description: 'Register an institution whose students the plan reaches' })
  async createInstitution(
    @Arg('input') { idempotencyKey, ...input }: CreateInstitutionInput,
    @Ctx() { dataSource, identity }: SubgraphContext<EducationLoaders>,
  ): Promise<Institution> {
    const institution = {
      ...input,
      districtId: input.districtId ?? null,
      communeId: input.communeId ?? null,
      communeAfterReformId: input.communeAfterReformId ?? null,
    };
    Object.assign(institution, checkInstitution(institution));
    assertInScope(identity, institution);
    return createOnce(dataSource, identity, idempotencyKey, 'createInstitution', institution, Institution, saveNew(Institution, institution));
  }

  @Authorized('RECORDS')
  @Mutation(() => Institution, { description: 'Change an institution (e.g. rename it); fails with CONFLICT if it changed since you read it' })
  async updateInstitution(
    @Arg('input') input: UpdateInstitutionInput,
    @Ctx() { dataSource, loaders, identity }: SubgraphContext<EducationLoaders>,
  ): Promise<Institution> {
    const { id, expectedVersion, ...changes } = input;
    const current = await loaders.institutionById.load(id);
    if (!current) throw notFoundError('Institution', id);
    assertInScope(identity, current);
    checkInstitution({ ...current, ...changes });
    return updateVersioned(dataSource, Institution, id, expectedVersion, changes);
  }
}
