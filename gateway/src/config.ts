import { DEFAULT_PORTS, InternalKeyEnvironment, intFromEnv, Logger, readSupergraph, SUBGRAPHS, subgraphUrlFor } from '@qn/common';
import { AuthConfig, authConfigFromEnv } from './auth';
import { DEFAULT_LIMITS, GatewayLimits } from './limits';

/** The gateway's runtimes over the same supergraph (QN_GATEWAY_RUNTIME): @apollo/gateway, or Hive Gateway with its Rust planner. */
export const GATEWAY_RUNTIMES = ['apollo', 'hive'] as const;
export type GatewayRuntime = (typeof GATEWAY_RUNTIMES)[number];

export function runtimeFromEnv(env: NodeJS.ProcessEnv): GatewayRuntime {
  const runtime = env.QN_GATEWAY_RUNTIME || 'apollo';
  if (!(GATEWAY_RUNTIMES as readonly string[]).includes(runtime))
    throw new Error(`QN_GATEWAY_RUNTIME must be one of ${GATEWAY_RUNTIMES.join(', ')}, got '${runtime}'`);
  return runtime as GatewayRuntime;
}

/** @apollo/gateway's own default: 30 MiB of plans, measured as their JSON length (a plan of the 16-indicator dashboard is a few KiB). */
export const DEFAULT_QUERY_PLAN_CACHE_MIB = 30;

export interface GatewayConfig {
  /** The runtime that plans and runs queries; `apollo` when unset. */
  runtime?: GatewayRuntime;
  /** The bound of @apollo/gateway's query-plan cache (an LRU by approximate size), in MiB (QN_QUERY_PLAN_CACHE_MIB). */
  queryPlanCacheMiB?: number;
  port: number;
  host: string;
  supergraphSdl: string;
  /** Where each subgraph listens; overrides the URLs written in the supergraph. */
  subgraphUrls: Record<string, string>;
  /** Production mode: no introspection. Defaults to NODE_ENV === 'production'. */
  production?: boolean;
  auth: AuthConfig;
  /** JSON logs; one of the gateway's own by default. */
  logger?: Logger;
  /** Limits on what one request may cost (limits.ts); unset ones take DEFAULT_LIMITS. */
  limits?: Partial<GatewayLimits>;
  /** Where the gateway's private key is read (`QN_GATEWAY_PRIVATE_KEY`); the process environment by default. */
  internalKeys?: InternalKeyEnvironment;
}

/** The environment variable of each limit; each is a whole number. */
export const LIMIT_VARIABLES: Record<keyof GatewayLimits, string> = {
  maxListLength: 'QN_MAX_LIST_LENGTH',
  maxCost: 'QN_MAX_COST',
  maxResponseBytes: 'QN_MAX_RESPONSE_BYTES',
  maxBodyBytes: 'QN_MAX_BODY_BYTES',
  requestsPerSecond: 'QN_REQUESTS_PER_SECOND',
  subgraphTimeoutMs: 'QN_SUBGRAPH_TIMEOUT_MS',
  requestTimeoutMs: 'QN_REQUEST_TIMEOUT_MS',
  maxTokens: 'QN_MAX_TOKENS',
};

export function limitsFromEnv(env: NodeJS.ProcessEnv): GatewayLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const [key, name] of Object.entries(LIMIT_VARIABLES) as [keyof GatewayLimits, string][]) {
    limits[key] = intFromEnv(name, limits[key], { max: Number.MAX_SAFE_INTEGER, env });
  }
  return limits;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const supergraphSdl = readSupergraph(env);
  const production = env.NODE_ENV === 'production';
  return {
    runtime: runtimeFromEnv(env),
    queryPlanCacheMiB: intFromEnv('QN_QUERY_PLAN_CACHE_MIB', DEFAULT_QUERY_PLAN_CACHE_MIB, { max: 1024, env }),
    production,
    limits: limitsFromEnv(env),
    auth: authConfigFromEnv(env, production),
    port: intFromEnv('GATEWAY_PORT', DEFAULT_PORTS.gateway),
    host: env.HOST ?? '127.0.0.1',
    supergraphSdl,
    subgraphUrls: Object.fromEntries(SUBGRAPHS.map((name) => [name, subgraphUrlFor(name, env)])),
  };
}
