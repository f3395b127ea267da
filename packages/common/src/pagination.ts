import { ClassType, Directive, Field, Int, ObjectType } from 'type-graphql';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { userInputError } from './errors';
import { isDataException } from './db/input-errors';

@Directive('@shareable')
@ObjectType({ description: 'Where a page ends and whether more follow' })
export class PageInfo {
  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page' })
  endCursor: string | null;

  @Field()
  hasNextPage: boolean;
}

export interface Connection<T> {
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A `<Name>Connection` type: `nodes`, `pageInfo` and `totalCount`. */
export function connectionType<T extends object>(nodeType: ClassType<T>, name: string, options: { shareable?: boolean } = {}) {
  // Types that several subgraphs return (the audit log's page) must be shareable.
  @(options.shareable ? Directive('@shareable') : () => undefined)
  @ObjectType(`${name}Connection`, { description: `A page of ${name} records` })
  class ConnectionClass implements Connection<T> {
    @Field(() => [nodeType])
    nodes: T[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'How many records match the filter, over all pages' })
    totalCount: number;
  }
  return ConnectionClass;
}

export const MAX_PAGE_SIZE = 500;

function decodeCursor(cursor: string): { key: string; id: string } {
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof key !== 'string' || typeof id !== 'string') throw new Error('bad cursor');
    return { key, id };
  } catch {
    throw userInputError('after', 'not a cursor returned by this list');
  }
}

/**
 * Keyset pagination ordered by (`sortColumn`, id): stable while rows are added,
 * two statements per page (the page and the total).
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  options: { first?: number | null; after?: string | null; sortColumn: string; sortKey: (row: T) => string },
): Promise<Connection<T>> {
  const first = options.first ?? 50;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw userInputError('first', `must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  const alias = query.alias;
  const totalCount = await query.clone().getCount();
  const page = query.clone();
  if (options.after) {
    const { key, id } = decodeCursor(options.after);
    page.andWhere(`(${alias}.${options.sortColumn}, ${alias}.id) > (:cursorKey, :cursorId)`, { cursorKey: key, cursorId: id });
  }
  const rows = await page
    .orderBy(`${alias}.${options.sortColumn}`, 'ASC')
    .addOrderBy(`${alias}.id`, 'ASC')
    .take(first + 1)
    .getMany()
    .catch((error: unknown) => {
      // A cursor whose key or id does not fit the columns was not made by this list.
      if (options.after && isDataException(error)) throw userInputError('after', 'not a cursor returned by this list');
      throw error;
    });
  const nodes = rows.slice(0, first);
  const last = nodes[nodes.length - 1];
  return {
    nodes,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > first,
      endCursor: last ? Buffer.from(JSON.stringify([options.sortKey(last), last.id])).toString('base64url') : null,
    },
  };
}
