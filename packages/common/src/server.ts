import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLSchema } from 'graphql';
import { DataSource, MixedList } from 'typeorm';
import { createDataSource, openDatabase } from './db/database';
import { ensureServiceRole } from './db/roles';
import { AuditEntry } from './audit/audit-entry';
import { AuditTrail } from './audit/trail';
import { COMMON_MIGRATIONS } from './audit/migrations';
import { Identity } from './auth/identity';
import { IDENTITY_HEADER, signServiceToken, verifyInternalToken } from './auth/internal-token';
import { InternalKeyEnvironment, subgraphKeys } from './auth/internal-keys';
import { requestScope } from './http/request-id';
import { Host, Readiness, serveGraphQL } from './http/host';
import { createLogger, Logger } from './http/logger';

export interface SubgraphContext<L = unknown> {
  dataSource: DataSource;
  loaders: L;
  requestId: string;
  /** The caller, as verified by the gateway. */
  identity: Identity;
  /** Record-level reads and changes of this request, written to the audit log at the end. */
  audit: AuditTrail;
}

/** What one agency's subgraph is made of; every subgraph exports one of these from `server.ts`. */
export interface SubgraphDefinition<L> {
  name: string;
  entities: MixedList<Function>;
  migrations: MixedList<Function>;
  buildSchema(): Promise<GraphQLSchema>;
  /** Per-request DataLoaders: a new set for each request, so nothing is cached across callers. */
  createLoaders(dataSource: DataSource, identity: Identity): L;
  /** Reference data the subgraph cannot work without (the plan catalogue); loaded at every start, idempotent. */
  loadReferenceData?(dataSource: DataSource): Promise<void>;
  /** Background work of the service (labour's reminder e-mails), started with it when workers are on; the result stops it. */
  startWorkers?(dataSource: DataSource, logger: Logger): { stop(): Promise<void> };
}

/** A subgraph's data source: its own entities and migrations plus the audit log every subgraph keeps. */
export function subgraphDataSource(definition: SubgraphDefinition<unknown>, url: string): DataSource {
  return createDataSource({
    url,
    entities: [...(definition.entities as Function[]), AuditEntry],
    migrations: [...COMMON_MIGRATIONS, ...(definition.migrations as Function[])],
  });
}

export interface RunningSubgraph {
  name: string;
  url: string;
  dataSource: DataSource;
  server: ApolloServer<SubgraphContext>;
  http: Host;
  logger: Logger;
  stop(): Promise<void>;
}

export interface StartOptions {
  /**
   * The database owner's URL: migrations, reference and sample data run as the owner, at
   * start only. Without it (a deployment whose migration job did that, `npm run migrate`)
   * the process holds only `serviceDatabaseUrl`.
   */
  databaseUrl?: string;
  /**
   * The URL the running service connects with. Without it the subgraph creates its own
   * service role (`<database>_service`, see db/roles.ts) with the owner's connection.
   */
  serviceDatabaseUrl?: string;
  port: number;
  /** Run pending migrations at start (under the database's advisory lock); false when a separate job runs them. */
  migrate?: boolean;
  host?: string;
  logger?: Logger;
  /** Start the subgraph's background workers (`startWorkers`); the tests start them themselves. */
  workers?: boolean;
  /**
   * The subgraph's internal keys (`QN_GATEWAY_PUBLIC_KEY`, `QN_SERVICE_PRIVATE_KEY`,
   * `QN_SERVICE_PUBLIC_KEYS`: auth/internal-keys.ts); the process environment by default.
   */
  internalKeys?: InternalKeyEnvironment;
}

/**
 * Realistic generated records of one subgraph for 2021–2025, loaded only into an empty
 * database: each subgraph's `src/db/sample-data.ts`, a development module that a service
 * never loads (scripts/subgraphs.ts's `loadSampleData`; `npm start`, `npm run migrate` with
 * QN_SAMPLE_DATA=1 and the tests give it here).
 */
export type GenerateSampleData = (dataSource: DataSource) => Promise<void>;

/**
 * Everything done to a subgraph's database as its owner, at a service's start or by the
 * migration job (`npm run migrate`): pending migrations (unless `migrate` is false), the
 * reference data, the generated data when given, and the service role's grants. Returns
 * the URL the service connects with.
 */
export async function prepareDatabase<L>(
  definition: SubgraphDefinition<L>,
  options: { ownerUrl: string; serviceUrl?: string; migrate?: boolean; sampleData?: GenerateSampleData },
): Promise<string> {
  const owner = await openDatabase(subgraphDataSource(definition, options.ownerUrl), { migrate: options.migrate });
  try {
    if (definition.loadReferenceData) await definition.loadReferenceData(owner);
    if (options.sampleData) await options.sampleData(owner);
  } finally {
    await owner.destroy();
  }
  return ensureServiceRole(options.ownerUrl, options.serviceUrl);
}

/** Ready when the database answers and no migration of this subgraph is pending. */
export async function databaseReadiness(dataSource: DataSource): Promise<Readiness> {
  // A database that does not answer within two seconds is as good as down for a probe.
  const timeout = <T>(work: Promise<T>) =>
    Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref())]);
  try {
    await timeout(dataSource.query('SELECT 1'));
  } catch {
    return { ready: false, checks: { database: 'unreachable' } };
  }
  const pending = await timeout(dataSource.showMigrations());
  return { ready: !pending, checks: { database: 'ok', migrations: pending ? 'pending' : 'ok' } };
}

export async function startSubgraph<L>(definition: SubgraphDefinition<L>, options: StartOptions): Promise<RunningSubgraph> {
  const keys = await subgraphKeys(options.internalKeys ?? process.env);
  const logger = options.logger ?? createLogger(definition.name);
  let serviceUrl: string;
  if (options.databaseUrl) {
    serviceUrl = await prepareDatabase(definition, {
      ownerUrl: options.databaseUrl,
      serviceUrl: options.serviceDatabaseUrl,
      migrate: options.migrate,
    });
  } else if (!options.serviceDatabaseUrl) {
    throw new Error(`${definition.name}: the database owner's URL or the service's must be given`);
  } else if (options.migrate !== false) {
    throw new Error(`${definition.name}: migrations need the database owner's URL (or \`npm run migrate\`)`);
  } else {
    serviceUrl = options.serviceDatabaseUrl;
  }
  // Every request's SQL runs as the service role, never as the owner.
  const dataSource = await subgraphDataSource(definition, serviceUrl).initialize();
  const schema = await definition.buildSchema();
  const server = new ApolloServer<SubgraphContext<L>>({
    schema,
    // Subgraphs sit behind the gateway; the gateway decides what a client may see of an error.
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      {
        async requestDidStart() {
          return {
            async willSendResponse({ contextValue }) {
              // A request refused before it had a caller has nothing to record.
              await contextValue?.audit?.flush(dataSource);
            },
          };
        },
      },
    ],
  });
  const http = await serveGraphQL({
    service: definition.name,
    server,
    logger,
    port: options.port,
    host: options.host ?? '127.0.0.1',
    ready: () => databaseReadiness(dataSource),
    // Only the gateway and other subgraphs call a subgraph; their bodies (entity batches) may exceed a caller's.
    bodyLimit: '5mb',
    // Every request, _entities and _service included, must carry the gateway's token (or a calling subgraph's that carries it).
    context: async (req) => {
      const header = req.headers[IDENTITY_HEADER];
      const token = Array.isArray(header) ? header[0] : header;
      const identity = await verifyInternalToken(token, { audience: definition.name, requestId: req.requestId }, keys);
      // Calls to other subgraphs for this request pass this request's token on, signed as this subgraph.
      const scope = requestScope.getStore();
      if (scope) {
        scope.onward = {
          service: definition.name,
          subject: identity.subject,
          sign: (audience) => signServiceToken(definition.name, token!, { audience, requestId: req.requestId }, keys.own),
        };
      }
      return {
        dataSource,
        identity,
        audit: new AuditTrail(identity, req.requestId),
        loaders: definition.createLoaders(dataSource, identity),
        requestId: req.requestId,
      };
    },
  });
  const workers = options.workers && definition.startWorkers ? definition.startWorkers(dataSource, logger) : null;
  return {
    name: definition.name,
    url: http.url,
    dataSource,
    server: server as ApolloServer<SubgraphContext>,
    http,
    logger,
    async stop() {
      await workers?.stop();
      await server.stop();
      await dataSource.destroy();
    },
  };
}
