import { GraphQLError, Kind, OperationDefinitionNode, parse } from 'graphql';
import { Identity, IDENTITY_HEADER } from './auth';
import { REQUEST_ID_HEADER, requestScope } from './http/request-id';
import { subgraphUrlFor } from './config';
import { supergraphRoutes } from './federation/routes';

/**
 * The one way a subgraph calls another agency's subgraph (labour for police's workforce
 * and health's service users, health and labour for police's business registry…). A
 * subgraph reads only its own database: other agencies' data reaches it only through
 * these calls. Each is made while serving a request, for that request's caller: it
 * carries a token signed with the calling subgraph's own key that passes on the token the
 * request came with (`signServiceToken`), so the callee applies that caller's rights,
 * knows which subgraph asks (`identity.service`, for the fields of access rule SERVICE),
 * and no subgraph can make up a caller.
 *
 * A call is declared once, as an operation (`fieldOperation`, `entityOperation`): what it
 * asks, with the GraphQL types of its arguments and a check of each answer's shape. It
 * never names the agency: the committed supergraph says which subgraph resolves the
 * field or the entity type (`federation/routes.ts`), and `test/graph-operations.test.ts`
 * checks every declared operation against that subgraph's schema, so a schema change
 * that would break a caller fails there and not in production.
 *
 * Every function takes `from`, the calling subgraph, which names it in the log. Use
 * `graphClient(from)` to get them bound to one subgraph.
 */

/**
 * How long a subgraph waits for another agency's subgraph before giving up on the
 * answers that need it: one setting for every cross-agency call, a report's
 * whole-period figures included, and below the gateway's own wait on a subgraph
 * (QN_SUBGRAPH_TIMEOUT_MS, 10 s) so the agency that failed is the one named.
 */
export const SUBGRAPH_TIMEOUT_MS = 8000;

/**
 * The error a field gets when another agency's subgraph cannot answer; it names the
 * agency (`extensions.service`, the same shape the gateway gives when it cannot reach a
 * subgraph) and nothing else. The gateway passes SUBGRAPH_UNAVAILABLE messages to clients
 * as they are, so the detail (the URL, the low-level reason, the agency's own error)
 * goes only to the calling subgraph's (`from`'s) log.
 */
export function subgraphUnavailable(from: string, subgraph: string, detail: string): GraphQLError {
  console.error(`[${from}] the ${subgraph} subgraph is unavailable: ${detail}`);
  return new GraphQLError(`the ${subgraph} subgraph is unavailable`, {
    extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: subgraph },
  });
}

/**
 * Sends one GraphQL request to another agency's subgraph (its URL read at call time, so
 * a test harness can set it after the calling subgraph has started) for the request
 * `from` is serving, whose caller `identity` must be. Returns the JSON body, or
 * SUBGRAPH_UNAVAILABLE naming the agency when it cannot answer; a caller's own mistake
 * (a call outside a request, or for another caller) is thrown.
 */
interface ResponseBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

async function post(
  from: string,
  subgraph: string,
  identity: Identity,
  query: string,
  variables: Record<string, unknown>,
  operation: string,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = SUBGRAPH_TIMEOUT_MS,
): Promise<ResponseBody | GraphQLError> {
  const url = subgraphUrlFor(subgraph);
  // The call serves the request being answered: it carries that request's id and passes its token on.
  const scope = requestScope.getStore();
  if (!scope?.onward || scope.onward.service !== from) throw new Error(`${from} calls ${subgraph} only while serving a request`);
  if (scope.onward.subject !== identity.subject) throw new Error(`${from} calls ${subgraph} only for the caller of the request it serves`);
  const token = await scope.onward.sign(subgraph);
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'apollo-require-preflight': 'true',
        [REQUEST_ID_HEADER]: scope.requestId,
        [IDENTITY_HEADER]: token,
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (cause) {
    const reason = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause);
    return subgraphUnavailable(from, subgraph, `could not reach ${url} for ${operation} (${reason})`);
  }
  if (!response.headers.get('content-type')?.includes('json')) {
    return subgraphUnavailable(from, subgraph, `${url} answered HTTP ${response.status} to ${operation}`);
  }
  return (await response.json()) as ResponseBody;
}

/**
 * One item's answer: `value` when `accepted`, otherwise SUBGRAPH_UNAVAILABLE naming the
 * subgraph, the reason (the error at the item's `path`, or the first) going to the log.
 */
function answerOf<T>(
  from: string,
  subgraph: string,
  body: ResponseBody,
  path: (string | number)[],
  value: unknown,
  accepted: boolean,
  label: string,
): T | GraphQLError {
  if (accepted) return value as T;
  const error = body.errors?.find((e) => path.every((step, n) => e.path?.[n] === step)) ?? body.errors?.[0];
  const code = error?.extensions?.code ? ` [${error.extensions.code}]` : '';
  return subgraphUnavailable(from, subgraph, `${label} gave no answer (${error?.message ?? 'no data'}${code})`);
}

export const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** An entity (or object) answered, whatever its fields: the check of operations that read what they asked for as it comes. */
export const isEntity = <T>(value: unknown): value is T => typeof value === 'object' && value !== null;

/** Whether a call's answer for an item is one: not null (nothing to ask) and not the agency's failure. */
export const answered = <T>(answer: T | GraphQLError | null): answer is T => answer !== null && !(answer instanceof GraphQLError);

/** A root field of another agency's subgraph, asked once per item under its own alias (`ask`). */
export interface FieldOperation<T> {
  readonly kind: 'field';
  /** The operation's name, in both subgraphs' logs. */
  readonly name: string;
  readonly field: string;
  /** Each argument's GraphQL type; an item's argument is left out when null or undefined. */
  readonly args: Readonly<Record<string, string>>;
  /** The fields to read under `field`, for an object. */
  readonly selection?: string;
  /** Whether one alias's value is an answer (to the item that asked it). */
  readonly accept: (value: unknown, item: Readonly<Record<string, unknown>>) => value is T;
}

/** Fields of entities another agency resolves, fetched by their keys (`entities`). */
export interface EntityOperation<T> {
  readonly kind: 'entity';
  readonly name: string;
  /** The interface (or type) the entities asked for implement: the selection is checked on each of its types. */
  readonly on: string;
  /** The fields to read on each entity; `$name` variables are declared in `variables`. */
  readonly selection: string;
  readonly variables: Readonly<Record<string, string>>;
  readonly accept: (value: unknown) => value is T;
  /** The selection's top-level fields: the subgraph that resolves them all is asked. */
  readonly fields: readonly string[];
}

export type GraphOperation = FieldOperation<unknown> | EntityOperation<unknown>;

const declared = new Map<string, GraphOperation>();

function declare<O extends GraphOperation>(operation: O): O {
  const known = declared.get(operation.name);
  if (known && JSON.stringify(known) !== JSON.stringify(operation)) throw new Error(`two cross-agency operations are named ${operation.name}`);
  declared.set(operation.name, operation);
  return operation;
}

/** Every operation declared by the modules loaded so far. */
export function declaredOperations(): GraphOperation[] {
  return [...declared.values()];
}

/** Declares a call of another agency's root field `field` (see `ask`). */
export function fieldOperation<T>(operation: Omit<FieldOperation<T>, 'kind'>): FieldOperation<T> {
  return declare({ kind: 'field', ...operation });
}

/** Declares a read of fields of entities another agency resolves (see `entities`). */
export function entityOperation<T>(
  operation: Omit<EntityOperation<T>, 'kind' | 'fields' | 'variables'> & { variables?: Record<string, string> },
): EntityOperation<T> {
  const [definition] = parse(`{ ${operation.selection} }`, { noLocation: true }).definitions as OperationDefinitionNode[];
  const fields = definition.selectionSet.selections.map((s) => {
    if (s.kind !== Kind.FIELD) throw new Error(`${operation.name}: the selection's top level must be fields, not fragments`);
    return s.name.value;
  });
  return declare({ kind: 'entity', variables: {}, ...operation, fields: [...new Set(fields)].filter((f) => f !== '__typename') });
}

/** The document of an entity operation for the concrete types asked of one subgraph. */
export function entitiesDocument(operation: EntityOperation<unknown>, types: string[]): string {
  const declarations = ['$representations: [_Any!]!', ...Object.entries(operation.variables).map(([name, type]) => `$${name}: ${type}`)];
  const fragments = [...types].sort().map((type) => `... on ${type} { ${operation.selection} }`);
  return `query ${operation.name}(${declarations.join(', ')}) { _entities(representations: $representations) { ${fragments.join(' ')} } }`;
}

/**
 * The document `ask` sends for `items`: `field` once per item under aliases `f0`, `f1`…,
 * each with its own variables (an argument left out when the item's value is null or
 * undefined), and `selection` under each, for an object.
 */
export function fieldDocument(
  operation: FieldOperation<unknown>,
  items: readonly Record<string, unknown>[],
): { query: string; variables: Record<string, unknown> } {
  const variables: Record<string, unknown> = {};
  const declarations: string[] = [];
  const fields = items.map((item, i) => {
    const args = Object.entries(operation.args)
      .filter(([name]) => item[name] !== undefined && item[name] !== null)
      .map(([name, type]) => {
        variables[`${name}${i}`] = item[name];
        declarations.push(`$${name}${i}: ${type}`);
        return `${name}: $${name}${i}`;
      });
    return `f${i}: ${operation.field}${args.length ? `(${args.join(', ')})` : ''}${operation.selection ? ` { ${operation.selection} }` : ''}`;
  });
  return { query: `query ${operation.name}${declarations.length ? `(${declarations.join(', ')})` : ''} { ${fields.join(' ')} }`, variables };
}

/**
 * Asks, in ONE request to the subgraph that resolves `operation.field` (by the supergraph;
 * its URL read at call time, so a test harness can set it after `from` has started), for
 * the field once per item, each item giving the arguments' values (`fieldDocument`), for
 * the request `from` is serving (its caller `identity`; see `post`). Per item in
 * order: the answer when `accept` takes it, otherwise SUBGRAPH_UNAVAILABLE naming the
 * subgraph (the reason goes to the log): the whole request failing fails every item, an
 * error on one alias fails that item alone.
 */
export async function ask<T>(
  from: string,
  operation: FieldOperation<T>,
  items: readonly Record<string, unknown>[],
  identity: Identity,
  fetchImpl: typeof fetch = fetch,
): Promise<(T | GraphQLError)[]> {
  if (items.length === 0) return [];
  const subgraph = supergraphRoutes().rootField(operation.field);
  const { query, variables } = fieldDocument(operation, items);
  const body = await post(from, subgraph, identity, query, variables, operation.name, fetchImpl);
  if (body instanceof GraphQLError) return items.map(() => body);
  return items.map((item, i) => {
    const value = body.data?.[`f${i}`];
    return answerOf<T>(from, subgraph, body, [`f${i}`], value, operation.accept(value, item), `${operation.name} f${i}: ${operation.field}`);
  });
}

/** An entity's key fields, with the concrete type that names the agency's subgraph. */
export type Representation = { __typename: string } & Record<string, unknown>;

/**
 * Reads `operation`'s fields of each entity from the subgraph the supergraph says resolves
 * them for its type — ONE `_entities` request per subgraph, the subgraphs asked at once —
 * as the gateway would, for the request `from` is serving (its caller `identity`). Per
 * representation in order: the answer; null when no subgraph resolves those fields of
 * that type (nothing to ask); or SUBGRAPH_UNAVAILABLE naming the subgraph that could not
 * answer (the whole request, or that entity).
 */
export async function entities<T>(
  from: string,
  operation: EntityOperation<T>,
  representations: Representation[],
  variables: Record<string, unknown>,
  identity: Identity,
  fetchImpl: typeof fetch = fetch,
): Promise<(T | GraphQLError | null)[]> {
  const out: (T | GraphQLError | null)[] = representations.map(() => null);
  const bySubgraph = new Map<string, number[]>();
  representations.forEach((representation, i) => {
    const subgraph = supergraphRoutes().entityFields(representation.__typename, [...operation.fields]);
    if (subgraph) bySubgraph.set(subgraph, [...(bySubgraph.get(subgraph) ?? []), i]);
  });
  await Promise.all(
    [...bySubgraph.entries()].map(async ([subgraph, indices]) => {
      const asked = indices.map((i) => representations[i]);
      const query = entitiesDocument(operation, [...new Set(asked.map((r) => r.__typename))]);
      const body = await post(from, subgraph, identity, query, { ...variables, representations: asked }, operation.name, fetchImpl);
      indices.forEach((i, n) => {
        if (body instanceof GraphQLError) {
          out[i] = body;
          return;
        }
        const value = (body.data?._entities as unknown[] | null | undefined)?.[n];
        out[i] = answerOf<T>(from, subgraph, body, ['_entities', n], value, operation.accept(value), `${operation.name} _entities[${n}]`);
      });
    }),
  );
  return out;
}

/** The calls above, bound to the calling subgraph `from` (named in the log). */
export function graphClient(from: string) {
  return {
    subgraphUnavailable: (subgraph: string, detail: string) => subgraphUnavailable(from, subgraph, detail),
    ask: <T>(operation: FieldOperation<T>, items: readonly Record<string, unknown>[], identity: Identity, fetchImpl: typeof fetch = fetch) =>
      ask<T>(from, operation, items, identity, fetchImpl),
    entities: <T>(
      operation: EntityOperation<T>,
      representations: Representation[],
      variables: Record<string, unknown>,
      identity: Identity,
      fetchImpl: typeof fetch = fetch,
    ) => entities<T>(from, operation, representations, variables, identity, fetchImpl),
  };
}
