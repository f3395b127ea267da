import { ArgsType, ClassType, Directive, Field, Int, ObjectType } from 'type-graphql';
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

  @Field({ description: 'Records come before this page (pass startCursor as `before` with `last` to get them)' })
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
  /** Counted when first read (a request that does not select it sends no count). */
  readonly totalCount: Promise<number>;
}

/** A `<Name>Connection` type (Relay cursor connections, keeping `nodes` and `totalCount`): `nodes`, `edges { cursor node }`, `pageInfo` and `totalCount`. */
export function connectionType<T extends object>(nodeType: ClassType<T>, name: string, options: { shareable?: boolean } = {}) {
  // Types that several subgraphs return (the audit log's page) must be shareable.
  @(options.shareable ? Directive('@shareable') : () => undefined)
  @ObjectType(`${name}Edge`, { description: `One ${name} record of a page, with its cursor` })
  class EdgeClass implements Edge<T> {
    @Field({ description: 'Pass as `after` (or `before`) to get the records after (or before) this one' })
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
    totalCount: Promise<number>;
  }
  return ConnectionClass;
}

export const MAX_PAGE_SIZE = 500;
const DEFAULT_PAGE_SIZE = 50;

/**
 * The page a list is asked for (the Relay cursor connections spec): forward with `first`
 * (after a cursor), or backward with `last` (before one) — the last records of the list, or
 * those just before the cursor, in the list's order.
 */
@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `How many records from the start (or after \`after\`), 1 to ${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} unless \`last\` is given`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'A cursor of this list (endCursor of the previous page): records after it' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `How many records from the end (or before \`before\`), 1 to ${MAX_PAGE_SIZE}; not with \`first\`` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'A cursor of this list (startCursor of the next page): records before it' })
  before?: string | null;
}

function decodeCursor(cursor: string, field: 'after' | 'before'): { key: string; id: string } {
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof key !== 'string' || typeof id !== 'string') throw new Error('bad cursor');
    return { key, id };
  } catch {
    throw userInputError(field, 'not a cursor returned by this list');
  }
}

function pageSize(value: number | null | undefined, field: 'first' | 'last'): number {
  const size = value ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) throw userInputError(field, `must be between 1 and ${MAX_PAGE_SIZE}`);
  return size;
}

/**
 * Keyset pagination ordered by (`sortColumn`, id): stable while rows are added, forward
 * or backward. One statement for the page, and one for the total only if it is read
 * (`totalCount` is selected). A page read backward is the rows just before `before` (or
 * the list's last rows), in the list's order.
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  options: PageArgs & { sortColumn: string; sortKey: (row: T) => string },
): Promise<Connection<T>> {
  if (options.first != null && options.last != null) throw userInputError('last', 'ask for `first` (forward) or `last` (backward), not both');
  const backward = options.last != null;
  const size = backward ? pageSize(options.last, 'last') : pageSize(options.first, 'first');
  const alias = query.alias;
  const key = `(${alias}.${options.sortColumn}, ${alias}.id)`;
  const counting = query.clone();
  let totalCount: Promise<number> | undefined;
  const page = query.clone();
  const bounds = (['after', 'before'] as const).filter((f) => options[f]);
  for (const field of bounds) {
    const cursor = decodeCursor(options[field]!, field);
    page.andWhere(`${key} ${field === 'after' ? '>' : '<'} (:${field}Key, :${field}Id)`, { [`${field}Key`]: cursor.key, [`${field}Id`]: cursor.id });
  }
  const direction = backward ? 'DESC' : 'ASC';
  const rows = await page
    .orderBy(`${alias}.${options.sortColumn}`, direction)
    .addOrderBy(`${alias}.id`, direction)
    .take(size + 1)
    .getMany()
    .catch((error: unknown) => {
      // A cursor whose key or id does not fit the columns was not made by this list.
      if (bounds.length && isDataException(error)) throw userInputError(bounds[0], 'not a cursor returned by this list');
      throw error;
    });
  const more = rows.length > size;
  const nodes = backward ? rows.slice(0, size).reverse() : rows.slice(0, size);
  const cursorOf = (row: T) => Buffer.from(JSON.stringify([options.sortKey(row), row.id])).toString('base64url');
  const edges = nodes.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    nodes,
    edges,
    get totalCount() {
      return (totalCount ??= counting.getCount());
    },
    pageInfo: {
      hasNextPage: backward ? Boolean(options.before) : more,
      hasPreviousPage: backward ? more : Boolean(options.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
