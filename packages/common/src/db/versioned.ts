import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { conflictError, notFoundError } from '../errors';

/**
 * Applies `changes` only if the row still has `expectedVersion`
 * (`UPDATE … WHERE id = $1 AND version = $2`), so two editors cannot silently
 * overwrite each other: the second gets a CONFLICT error. Returns the new row.
 */
export async function updateVersioned<T extends ObjectLiteral & { id: string; version: number }>(
  dataSource: DataSource | EntityManager,
  entity: EntityTarget<T>,
  id: string,
  expectedVersion: number,
  changes: Partial<T>,
): Promise<T> {
  const repository = dataSource.getRepository(entity);
  const name = repository.metadata.name;
  const result = await repository
    .createQueryBuilder()
    .update()
    .set({ ...changes, version: () => 'version + 1' } as never)
    .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
    .execute();
  if (!result.affected) {
    const current = await repository.findOneBy({ id } as never);
    if (!current) throw notFoundError(name, id);
    throw conflictError(
      `${name} '${id}' was changed by someone else (now version ${current.version}, you sent ${expectedVersion}); reload it and apply your change again`,
      'expectedVersion',
    );
  }
  return repository.findOneByOrFail({ id } as never);
}
