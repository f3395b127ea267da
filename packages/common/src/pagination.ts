import { ClassType, Directive, Field, Int, ObjectType } from 'type-graphql';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { userInputError } from './errors';
import { isDataException } from './db/input-errors';

@Directive('@shareable')
@ObjectType({ description: 'Where a page starts and ends and whether more follow (the Relay cursor connections spec)' })
export class PageInfo {
  @Field(() => String, { nullable: true, description: "The first record's cursor on this page" })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page' })
  endCursor: string | null;

  @Field({ description: 'More records follow this page' })
  hasNextPage: boolean;

  @Field({ description: 'Records come before this page (it was asked `after` a cursor)' })
  hasPreviousPage: boolean;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  nodes: T[];
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A `<Name>Connection` type (Relay cursor connections, keeping `nodes` and `totalCount`): `nodes`, `edges { cursor node }`, `pageInfo` and `totalCount`. */
export function connectionType<T extends object>(nodeType: ClassType<T>, name: string, options: { shareable?: boolean } = {}) {
  // Types that several subgraphs return (the audit log's page) must be shareable.
  @(options.shareable ? Directive('@shareable') : () => undefined)
  @ObjectType(`${name}Edge`, { description: `One ${name} record of a page, with its cursor` })
  class EdgeClass implements Edge<T> {
    @Field({ description: 'Pass as `after` to get the records after this one' })
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  @(options.shareable ? Directive('@shareable') : () => undefined)
  @ObjectType(`${name}Connection`, { description: `A page of ${name} records` })
  class ConnectionClass implements Connection<T> {
    @Field(() => [nodeType], { description: "The page's records (the same as edges' nodes)" })
    nodes: T[];

    @Field(() => [EdgeClass], { description: "The page's records, each with its cursor" })
    edges: Edge<T>[];

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
  const cursorOf = (row: T) => Buffer.from(JSON.stringify([options.sortKey(row), row.id])).toString('base64url');
  const edges = nodes.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    nodes,
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: Boolean(options.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
