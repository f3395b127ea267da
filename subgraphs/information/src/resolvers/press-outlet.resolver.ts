import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { checkText, connectionType, createOnce, notFoundError, paginate, SubgraphContext, updateVersioned, userInputError, PageArgs } from '@qn/common';
import { PressOutlet } from '../entities/press-outlet';
import { InformationLoaders } from '../loaders';
import { CreatePressOutletInput, PressOutletFilter, UpdatePressOutletInput } from './types/press-outlet.input';

const PressOutletConnection = connectionType(PressOutlet, 'PressOutlet');

@Resolver(() => PressOutlet)
export class PressOutletResolver {
  @Query(() => PressOutletConnection, { description: 'Provincial and central press outlets that carry prevention information' })
  pressOutlets(
    @Ctx() { dataSource }: SubgraphContext<InformationLoaders>,
    @Arg('filter', () => PressOutletFilter, { nullable: true }) filter?: PressOutletFilter,
    @Args(() => PageArgs) page?: PageArgs,
  ) {
    const query = dataSource.getRepository(PressOutlet).createQueryBuilder('o');
    if (filter?.level) query.andWhere('o.level = :level', { level: filter.level });
    if (filter?.medium) query.andWhere('o.medium = :medium', { medium: filter.medium });
    return paginate(query, { ...page, sortColumn: 'name', sortKey: (o) => o.name });
  }

  @Query(() => PressOutlet, { nullable: true, description: 'One press outlet by its id (null: none with that id)' })
  pressOutlet(@Arg('id', () => ID) id: string, @Ctx() { loaders }: SubgraphContext<InformationLoaders>) {
    return loaders.outletById.load(id);
  }

  @Authorized('RECORDS')
  @Mutation(() => PressOutlet, { description: 'Register a press outlet' })
  async createPressOutlet(
    @Arg('input') { idempotencyKey, ...input }: CreatePressOutletInput,
    @Ctx() { dataSource, identity }: SubgraphContext<InformationLoaders>,
  ): Promise<PressOutlet> {
    const name = input.name.trim();
    checkText('name', name, { max: 200, required: true });
    return createOnce(dataSource, identity, idempotencyKey, 'createPressOutlet', input, PressOutlet, async (manager) => {
      const repository = manager.getRepository(PressOutlet);
      if (await repository.exist({ where: { name } })) throw userInputError('name', `an outlet named '${name}' is already registered`);
      return repository.save(repository.create({ ...input, name }));
    });
  }

  @Authorized('RECORDS')
  @Mutation(() => PressOutlet, { description: 'Change a press outlet; fails with CONFLICT if it changed since you read it' })
  async updatePressOutlet(
    @Arg('input') input: UpdatePressOutletInput,
    @Ctx() { dataSource, loaders }: SubgraphContext<InformationLoaders>,
  ): Promise<PressOutlet> {
    const { id, expectedVersion, ...changes } = input;
    const current = await loaders.outletById.load(id);
    if (!current) throw notFoundError('PressOutlet', id);
    if (changes.name !== undefined) {
      changes.name = changes.name.trim();
      checkText('name', changes.name, { max: 200, required: true });
      const other = await dataSource.getRepository(PressOutlet).findOneBy({ name: changes.name });
      if (other && other.id !== id) throw userInputError('name', `an outlet named '${changes.name}' is already registered`);
    }
    return updateVersioned(dataSource, PressOutlet, id, expectedVersion, changes);
  }
}
