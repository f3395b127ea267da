import { GraphQLError } from 'graphql';
import { Identity, IDENTITY_HEADER } from './auth';
import { REQUEST_ID_HEADER, requestScope } from './http/request-id';
import { subgraphUrlFor } from './config';

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
 * `from` is serving, whose caller `identity` must be. Returns the JSON body; throws
 * SUBGRAPH_UNAVAILABLE naming the agency when it cannot answer.
 */
export async function postToSubgraph<B>(
  from: string,
  subgraph: string,
  identity: Identity,
  query: string,
  variables: Record<string, unknown>,
  operation: string,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = SUBGRAPH_TIMEOUT_MS,
): Promise<B> {
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
    throw subgraphUnavailable(from, subgraph, `could not reach ${url} for ${operation} (${reason})`);
  }
  if (!response.headers.get('content-type')?.includes('json')) {
    throw subgraphUnavailable(from, subgraph, `${url} answered HTTP ${response.status} to ${operation}`);
  }
  return (await response.json()) as B;
}

/** One argument of an aliased field: its GraphQL type and value (left out when null or undefined). */
export interface FieldArgument {
  type: string;
  value: unknown;
}

/** One field to ask for: `field(arg: …)` under its own alias. */
export interface AliasedField {
  args: Record<string, FieldArgument>;
}

interface GraphQLResponseBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

/**
 * The one way a subgraph (`from`) asks another agency's subgraph for something: ONE
 * request to the named subgraph (its URL read at call time, so a test harness can set it
 * after `from` has started) with `field` once per item under aliases `f0`, `f1`…, each with its own
 * variables (and `selection` under each, for an object), for the request `from` is
 * serving (its caller `identity`; see `postToSubgraph`). No subgraph reads another
 * agency's database.
 *
 * Returns, per item in order, the alias's value when `accept` takes it, otherwise a
 * SUBGRAPH_UNAVAILABLE error naming the subgraph (the reason goes to the log): the whole
 * request failing fails every item, an error on one alias fails that item alone.
 */
export async function queryAliased<T>(
  from: string,
  subgraph: string,
  operation: { name: string; field: string; selection?: string },
  items: AliasedField[],
  identity: Identity,
  accept: (value: unknown) => value is T,
  fetchImpl: typeof fetch = fetch,
): Promise<(T | GraphQLError)[]> {
  if (items.length === 0) return [];
  const variables: Record<string, unknown> = {};
  const declarations: string[] = [];
  const fields = items.map((item, i) => {
    const args = Object.entries(item.args)
      .filter(([, arg]) => arg.value !== undefined && arg.value !== null)
      .map(([name, arg]) => {
        variables[`${name}${i}`] = arg.value;
        declarations.push(`$${name}${i}: ${arg.type}`);
        return `${name}: $${name}${i}`;
      });
    return `f${i}: ${operation.field}${args.length ? `(${args.join(', ')})` : ''}${operation.selection ? ` { ${operation.selection} }` : ''}`;
  });
  const query = `query ${operation.name}${declarations.length ? `(${declarations.join(', ')})` : ''} { ${fields.join(' ')} }`;
  let body: GraphQLResponseBody;
  try {
    body = await postToSubgraph<GraphQLResponseBody>(from, subgraph, identity, query, variables, operation.name, fetchImpl);
  } catch (error) {
    return items.map(() => error as GraphQLError);
  }
  return items.map((_, i) => {
    const value = body.data?.[`f${i}`];
    if (accept(value)) return value;
    const error = body.errors?.find((e) => e.path?.[0] === `f${i}`) ?? body.errors?.[0];
    const code = error?.extensions?.code ? ` [${error.extensions.code}]` : '';
    return subgraphUnavailable(from, subgraph, `${operation.name} f${i}: ${operation.field} gave no answer (${error?.message ?? 'no data'}${code})`);
  });
}

export const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** The calls above, bound to the calling subgraph `from` (named in the log). */
export function graphClient(from: string) {
  return {
    subgraphUnavailable: (subgraph: string, detail: string) => subgraphUnavailable(from, subgraph, detail),
    postToSubgraph: <B>(
      subgraph: string,
      identity: Identity,
      query: string,
      variables: Record<string, unknown>,
      operation: string,
      fetchImpl: typeof fetch = fetch,
      timeoutMs = SUBGRAPH_TIMEOUT_MS,
    ) => postToSubgraph<B>(from, subgraph, identity, query, variables, operation, fetchImpl, timeoutMs),
    queryAliased: <T>(
      subgraph: string,
      operation: { name: string; field: string; selection?: string },
      items: AliasedField[],
      identity: Identity,
      accept: (value: unknown) => value is T,
      fetchImpl: typeof fetch = fetch,
    ) => queryAliased<T>(from, subgraph, operation, items, identity, accept, fetchImpl),
  };
}
