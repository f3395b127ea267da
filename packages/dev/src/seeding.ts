import { DataSource, DeepPartial, EntityTarget, ObjectLiteral } from 'typeorm';

/** Inserts generated rows in chunks of 500 and returns them with their ids. */
export async function insertChunks<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, rows: DeepPartial<T>[]): Promise<T[]> {
  const repository = dataSource.getRepository(entity);
  const out: T[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    out.push(
      ...(await repository.save(
        rows.slice(i, i + 500).map((r) => repository.create(r)),
        { chunk: 500 },
      )),
    );
  }
  return out;
}
