import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  createLogger,
  dropDatabase,
  dropServiceRole,
  envName,
  gatewaySigningKey,
  generateInternalKeys,
  Identity,
  IDENTITY_HEADER,
  internalKeyEnvironment,
  InternalTokenScope,
  RunningSubgraph,
  signGatewayToken,
  signServiceToken,
  subgraphKeys,
  startSubgraph,
  statementCounter,
  SUBGRAPHS,
  DATA_KEYS,
  environmentFor,
  withConnection,
} from '@qn/common';
import { mintDevToken } from '@qn/dev';
import { authConfigFromEnv } from '../gateway/src/auth';
import { startGateway, RunningGateway } from '../gateway/src/server';
import type { GatewayLimits } from '../gateway/src/limits';
import { GatewayRuntime, runtimeFromEnv } from '../gateway/src/config';
import { loadSubgraph } from '../scripts/subgraphs';
import { cloneTemplate } from './templates';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

/** Who a test request is sent as: a caller (a development token is minted), or raw headers. */
export interface RequestOptions {
  as?: Identity | null;
  headers?: Record<string, string>;
}

export interface TestSystem {
  gateway: RunningGateway;
  /** The supergraph the gateway serves. */
  supergraphSdl: string;
  /** Another gateway over the same subgraphs, with its own limits or subgraph URLs (stopped with the system). */
  startGateway(options?: {
    limits?: Partial<GatewayLimits>;
    subgraphUrls?: Record<string, string>;
    production?: boolean;
    runtime?: GatewayRuntime;
  }): Promise<RunningGateway>;
  subgraphs: Record<string, RunningSubgraph>;
  /** POSTs a GraphQL request to the gateway over HTTP, as the system's default caller unless told otherwise. */
  query<T = any>(query: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<GraphQLResponse<T>>;
  /**
   * POSTs straight to one subgraph, bypassing the gateway; `as` signs the gateway's token for that caller
   * (with `service`: that subgraph's call for the caller, carrying the gateway's token it received).
   */
  querySubgraph<T = any>(name: string, query: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<GraphQLResponse<T>>;
  /** A token as the gateway signs it (with the system's gateway key), for a test that calls a subgraph itself. */
  gatewayToken(identity: Identity, scope: InternalTokenScope): Promise<string>;
  /** The keys one service's process is given (its internal keys and its data key), by the function `npm start` gives them with. */
  environment(service: string): Record<string, string>;
  /** Runs SQL on one subgraph's database as its owner (the services connect as their non-owner role). */
  ownerQuery(name: string, sql: string): Promise<any[]>;
  /** SQL statements each subgraph has sent so far. */
  statements(): Record<string, number>;
  /** Stops one subgraph (to test a failing agency). */
  stopSubgraph(name: string): Promise<void>;
  stop(): Promise<void>;
}

let systems = 0;

/** POSTs a JSON body over HTTP and returns the parsed answer (whatever its status). */
export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<GraphQLResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return (await response.json()) as GraphQLResponse;
}

/** Callers the tests use; `caller(agency, role, orgUnit)` makes others. */
export function caller(agency: string | null, role: Identity['roles'][number], orgUnit: string | null = null): Identity {
  return { subject: `test-${(agency ?? 'none').toLowerCase()}-${role.toLowerCase()}${orgUnit ? `-${orgUnit}` : ''}`, agency, roles: [role], orgUnit };
}

/**
 * The committed supergraph, as production serves it. test/schema.test.ts fails when it
 * is not what the code composes, so the tests need not compose it again.
 */
const SUPERGRAPH = path.resolve(__dirname, '..', 'schema', 'supergraph.graphql');

/**
 * The whole system for a test: every subgraph on a fresh database of its own (on the
 * test PostgreSQL, cloned from a migrated template: test/templates.ts), listening on a
 * free port, and the gateway over the committed supergraph.
 */
export async function startSystem(
  options: {
    sampleData?: boolean;
    production?: boolean;
    as?: Identity | null;
    /** Collects every service's JSON log lines (silent otherwise). */
    logs?: string[];
    /** The gateway's runtime; QN_GATEWAY_RUNTIME's (apollo by default) unless told. */
    runtime?: GatewayRuntime;
  } = {},
): Promise<TestSystem> {
  for (const key of DATA_KEYS) process.env[key] ??= randomBytes(32).toString('hex');
  // A key set of the system's own: each service (all in this process) is given only its own keys.
  const keys = await generateInternalKeys(SUBGRAPHS);
  const gatewayKey = await gatewaySigningKey(internalKeyEnvironment(keys, 'gateway'));
  const gatewayToken = (identity: Identity, scope: InternalTokenScope) => signGatewayToken(identity, scope, gatewayKey);
  /** The token a subgraph request carries: the gateway's for the caller, or for a caller with `service`, that subgraph's call passing on the gateway's token it received. */
  const internalToken = async ({ service, ...identity }: Identity, scope: InternalTokenScope) => {
    if (!service) return gatewayToken(identity, scope);
    const received = await gatewayToken(identity, { audience: service, requestId: scope.requestId });
    return signServiceToken(service, received, scope, (await subgraphKeys(internalKeyEnvironment(keys, service))).own);
  };
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('DATABASE_URL is not set (test/global-setup.ts starts an embedded PostgreSQL)');
  systems += 1;
  const prefix = `t${process.pid}_${systems}_`;
  const database = (name: string) => `${prefix}${name}`;
  const databaseUrl = (name: string) => {
    const url = new URL(base);
    url.pathname = `/${database(name)}`;
    return url.toString();
  };
  const logger = (service: string) => (options.logs ? createLogger(service, { write: (line: string) => options.logs!.push(line) }) : undefined);
  const subgraphs: Record<string, RunningSubgraph> = {};
  let gateway: RunningGateway;
  let supergraphSdl: string;
  try {
    // The subgraphs start side by side, as they do in production: none needs another to start.
    const outcomes = await Promise.allSettled(
      SUBGRAPHS.map(async (name) => {
        await cloneTemplate(base, name, database(name), Boolean(options.sampleData));
        subgraphs[name] = await startSubgraph(loadSubgraph(name), {
          databaseUrl: databaseUrl(name),
          port: 0,
          logger: logger(name),
          internalKeys: internalKeyEnvironment(keys, name),
        });
        process.env[envName(name, 'URL')] = subgraphs[name].url;
      }),
    );
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed) throw failed.reason;
    supergraphSdl = readFileSync(SUPERGRAPH, 'utf8');
    gateway = await startGateway({
      runtime: options.runtime ?? runtimeFromEnv(process.env),
      port: 0,
      host: '127.0.0.1',
      supergraphSdl,
      subgraphUrls: Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.url])),
      production: options.production,
      auth: authConfigFromEnv({}, false),
      internalKeys: internalKeyEnvironment(keys, 'gateway'),
      // A test sends requests faster than any person as one caller, and a busy CI machine
      // may answer slower than production: the per-caller rate and the timeouts are tested
      // on a gateway of its own (gateway-limits.test.ts), so here they do not depend on speed.
      limits: { requestsPerSecond: 0, subgraphTimeoutMs: 120000, requestTimeoutMs: 240000 },
      logger: logger('gateway'),
    });
  } catch (error) {
    // Nothing may keep running, and no database or role stay behind, when the system fails to start.
    for (const subgraph of Object.values(subgraphs)) await subgraph.stop();
    for (const name of SUBGRAPHS) {
      await dropDatabase(databaseUrl(name));
      await dropServiceRole(databaseUrl(name));
    }
    throw error;
  }
  const stopped = new Set<string>();
  const extraGateways: RunningGateway[] = [];
  return {
    gateway,
    supergraphSdl,
    async startGateway(extra = {}) {
      const started = await startGateway({
        runtime: extra.runtime ?? options.runtime ?? runtimeFromEnv(process.env),
        port: 0,
        host: '127.0.0.1',
        supergraphSdl,
        subgraphUrls: { ...Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.url])), ...extra.subgraphUrls },
        production: extra.production ?? options.production,
        auth: authConfigFromEnv({}, false),
        internalKeys: internalKeyEnvironment(keys, 'gateway'),
        limits: extra.limits,
      });
      extraGateways.push(started);
      return started;
    },
    subgraphs,
    gatewayToken,
    environment: (service) => environmentFor(service, Object.fromEntries(DATA_KEYS.map((key) => [key, process.env[key]])), keys) as Record<string, string>,
    ownerQuery: (name, sql) => withConnection(databaseUrl(name), async (client) => (await client.query(sql)).rows),
    async query(query, variables, requestOptions = {}) {
      const as = requestOptions.as === undefined ? options.as : requestOptions.as;
      const headers: Record<string, string> = as ? { authorization: `Bearer ${await mintDevToken(as)}` } : {};
      return post(gateway.url, { query, variables }, { ...headers, ...requestOptions.headers });
    },
    async querySubgraph(name, query, variables, requestOptions = {}) {
      const requestId = randomUUID();
      const headers: Record<string, string> =
        requestOptions.as !== undefined
          ? {
              'x-request-id': requestId,
              [IDENTITY_HEADER]: await internalToken(requestOptions.as ?? { subject: 'anonymous', agency: null, roles: [], orgUnit: null }, {
                audience: name,
                requestId,
              }),
            }
          : {};
      return post(subgraphs[name].url, { query, variables }, { ...headers, ...requestOptions.headers });
    },
    statements: () => Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, statementCounter(s.dataSource).statements])),
    async stopSubgraph(name) {
      stopped.add(name);
      await subgraphs[name].stop();
    },
    async stop() {
      for (const extra of extraGateways) await extra.stop();
      await gateway.stop();
      for (const [name, subgraph] of Object.entries(subgraphs)) {
        if (!stopped.has(name)) await subgraph.stop();
        await dropDatabase(databaseUrl(name));
        await dropServiceRole(databaseUrl(name));
      }
    },
  };
}

/** Fails with the errors' messages when a response has errors; returns its data. */
export function dataOf<T = any>(response: GraphQLResponse<T>): T {
  if (response.errors?.length) throw new Error(`GraphQL errors: ${response.errors.map((e) => `${e.message} [${e.extensions?.code}]`).join('; ')}`);
  return response.data as T;
}
