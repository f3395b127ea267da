import {
  DocumentNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLInputType,
  GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  OperationDefinitionNode,
  TypeInfo,
  valueFromAST,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { ComplexityEstimatorArgs, getComplexity } from 'graphql-query-complexity';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * What one request may cost the agencies, checked at the gateway before any subgraph
 * is asked: list arguments of bounded length, a cost that counts the sizes of the
 * lists a query walks, a per-caller rate, and (in server.ts) a cap on the size of the
 * answer. The limits are never echoed to the caller.
 */
export interface GatewayLimits {
  /** Longest list a caller may pass in any argument (ids, codes…). */
  maxListLength: number;
  /** Largest estimated cost of one operation (see `operationCost`). */
  maxCost: number;
  /** Largest answer, in bytes of JSON. */
  maxResponseBytes: number;
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
  /** Requests one caller may send per second (0: no limit). */
  requestsPerSecond: number;
  /** How long the gateway waits for one subgraph fetch before the subgraph's fields get SUBGRAPH_UNAVAILABLE. */
  subgraphTimeoutMs: number;
  /** How long one request may take at the gateway before it answers REQUEST_TIMEOUT. */
  requestTimeoutMs: number;
  /** Tokens of a query document (Apollo Server's parser limit). */
  maxTokens: number;
}

export const DEFAULT_LIMITS: GatewayLimits = {
  maxListLength: 100,
  maxCost: 50000,
  maxResponseBytes: 5 * 1024 * 1024,
  maxBodyBytes: 1024 * 1024,
  requestsPerSecond: 50,
  subgraphTimeoutMs: 10000,
  requestTimeoutMs: 30000,
  maxTokens: 4000,
};

/**
 * How many items a list field gives, where it is known from the plan catalogue and the
 * territory (the largest there is, not an average); any other list counts as
 * DEFAULT_LIST_SIZE, and a paginated field as its `first` or `last` (50 when neither is given).
 */
export const LIST_SIZES: Record<string, number> = {
  'Query.agencies': 16,
  'Query.indicators': 16,
  'Query.tasks': 70,
  'Query.orgUnits': 400,
  'Query.orgUnitSuccessions': 310,
  'OrgUnit.predecessors': 7,
  'OrgUnit.successors': 2,
  'OrgUnit.children': 30,
  'Agency.tasks': 41,
  'Agency.indicators': 16,
  'Task.indicators': 3,
  'Task.coOwners': 3,
  'Indicator.contributors': 16,
  'Indicator.resultsByDistrict': 13,
};
/** graphql-armor's limits against hostile queries, on both runtimes; the numbers are not echoed back to the caller. */
export const ARMOR_LIMITS = {
  maxDepth: { n: 12, exposeLimits: false },
  maxAliases: { n: 30, exposeLimits: false },
  maxDirectives: { n: 30, exposeLimits: false },
  maxTokens: { enabled: false },
  costLimit: { enabled: false },
  blockFieldSuggestion: { enabled: true },
};

export const DEFAULT_LIST_SIZE = 20;
const DEFAULT_PAGE = 50;

function isList(type: unknown): boolean {
  return isListType(getNullableType(type as never));
}

/** One per field, times the number of items for a list: a list of N objects costs N × (1 + its selection). */
function listAwareEstimator({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number {
  const own = 1 + childComplexity;
  // Introspection is answered by the gateway from the schema it holds, never by an agency:
  // its lists cost no more than their selection (IDEs and code generators send it whole).
  if (type.name.startsWith('__') || field.name.startsWith('__')) return own;
  const connection = getNamedType(field.type).name.endsWith('Connection') && 'first' in Object.fromEntries(field.args.map((a) => [a.name, true]));
  if (connection) {
    const size = [args.first, args.last].find((n) => Number.isInteger(n));
    return 1 + (size === undefined ? DEFAULT_PAGE : Number(size)) * childComplexity;
  }
  // A page's nodes are already counted by its `first` or `last`.
  if (!isList(field.type) || (type.name.endsWith('Connection') && field.name === 'nodes')) return own;
  return (LIST_SIZES[`${type.name}.${field.name}`] ?? DEFAULT_LIST_SIZE) * own;
}

function refusal(code: string, message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...(field ? { field } : {}), http: { status: 400 } } });
}

/** The estimated cost of the operation the request names. */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): number {
  try {
    return getComplexity({ schema, query: document, variables, operationName: operationName ?? undefined, estimators: [listAwareEstimator] });
  } catch (error) {
    if (error instanceof GraphQLError) throw refusal('BAD_USER_INPUT', error.message);
    throw error;
  }
}

export function checkCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | null | undefined,
  limits: GatewayLimits,
): void {
  const cost = operationCost(schema, document, variables, operationName);
  if (cost > limits.maxCost) {
    throw refusal('COST_LIMIT_EXCEEDED', 'the query asks for too much at once (lists within lists); ask for fewer fields or smaller pages, or split it');
  }
}

type Fault = { path: string; problem: string };

/**
 * Finds the first list longer than `max`, or string holding a NUL byte (which no
 * database column can store), in a value of `type`; names it by its path (`input.unitIds`).
 */
function badValue(value: unknown, type: GraphQLInputType, path: string, field: string, max: number): Fault | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.includes('\u0000') ? { path, problem: 'must not contain NUL bytes' } : null;
  const nullable = isNonNullType(type) ? type.ofType : type;
  if (isListType(nullable)) {
    if (!Array.isArray(value)) return badValue(value, nullable.ofType, path, field, max);
    if (value.length > max) return { path, problem: `${field} takes at most ${max} items at once, got ${value.length}` };
    for (const item of value) {
      const found = badValue(item, nullable.ofType, path, field, max);
      if (found) return found;
    }
    return null;
  }
  if (isInputObjectType(nullable) && typeof value === 'object') {
    const fields = nullable.getFields();
    for (const [name, inner] of Object.entries(value as Record<string, unknown>)) {
      if (!fields[name]) continue;
      const found = badValue(inner, fields[name].type, `${path}.${name}`, field, max);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Refuses any argument (inline or in variables) holding a list longer than
 * `maxListLength` or a string with a NUL byte, naming the argument.
 */
export function checkArguments(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  limits: GatewayLimits,
): void {
  const typeInfo = new TypeInfo(schema);
  const holder: { found?: Fault } = {};
  const fragments = document.definitions.filter((d) => d.kind === 'FragmentDefinition');
  for (const definition of [operation, ...fragments]) {
    visit(
      definition,
      visitWithTypeInfo(typeInfo, {
        Argument(node) {
          if (holder.found) return;
          const argument = typeInfo.getArgument();
          if (!argument) return;
          const value = node.value.kind === 'Variable' ? variables?.[node.value.name.value] : valueFromAST(node.value, argument.type, variables ?? {});
          holder.found = badValue(value, argument.type, argument.name, typeInfo.getFieldDef()?.name ?? argument.name, limits.maxListLength) ?? undefined;
        },
      }),
    );
  }
  if (holder.found) throw refusal('BAD_USER_INPUT', `${holder.found.path}: ${holder.found.problem}`, holder.found.path);
}

/** Requests per caller per second: a token's subject, or the client's address without one. */
export class CallerRateLimit {
  private readonly limiter: RateLimiterMemory | null;

  constructor(requestsPerSecond: number) {
    this.limiter = requestsPerSecond > 0 ? new RateLimiterMemory({ points: requestsPerSecond, duration: 1 }) : null;
  }

  async take(caller: string): Promise<void> {
    if (!this.limiter) return;
    try {
      await this.limiter.consume(caller);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      // Apollo Server reads the headers as a Map's entries, Hive Gateway (Yoga) as an object's keys: this is both.
      const headers = Object.assign(new Map([['retry-after', String(seconds)]]), { 'retry-after': String(seconds) }) as unknown as Record<string, string>;
      throw new GraphQLError(`too many requests; try again in ${seconds} s`, {
        extensions: { code: 'RATE_LIMITED', http: { status: 429, headers } },
      });
    }
  }
}
