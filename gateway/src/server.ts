import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError } from 'graphql';
import { maskError } from './errors';
import { queryExportRoute } from './export';
import { ideRoutes } from './ide/page';
import { createLogger, gatewaySigningKey, Host, HostedRequest, Logger, serveGraphQL } from '@qn/common';
import { downloadRoutes } from './downloads';
import { authenticate } from './auth';
import { GatewayContext } from './subgraph-source';
import { DEFAULT_QUERY_PLAN_CACHE_MIB, GatewayConfig } from './config';
import { AgencySubgraphSource, FetchCounter } from './subgraph-source';
import { ARMOR_LIMITS, CallerRateLimit, checkCost, checkArguments, DEFAULT_LIMITS, GatewayLimits } from './limits';
import { subgraphsReadiness } from './readiness';
import { startHiveGateway } from './hive';

export { subgraphsReadiness };

export interface RunningGateway {
  url: string;
  fetches: FetchCounter;
  limits: GatewayLimits;
  http: Host;
  stop(): Promise<void>;
}

/** Refuses a request before any subgraph is asked when its lists or its cost are too large, and an answer that is too large. */
function limitsPlugin(limits: GatewayLimits, logger: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) {
            throw new GraphQLError(
              request.operationName
                ? `the document has no operation named '${request.operationName}'`
                : 'the document has several operations: name one in operationName',
              {
                extensions: { code: 'BAD_REQUEST', field: 'operationName', http: { status: 400 } },
              },
            );
          }
          checkArguments(schema, document, operation, request.variables, limits);
          checkCost(schema, document, request.variables, request.operationName, limits);
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const size = Buffer.byteLength(JSON.stringify(response.body.singleResult));
          if (size <= limits.maxResponseBytes) return;
          logger.warn({ requestId: contextValue.requestId, bytes: size }, 'answer refused: larger than the response limit');
          response.body.singleResult = {
            errors: [
              {
                message: 'the answer is too large; ask for fewer fields or smaller pages',
                extensions: { code: 'RESPONSE_TOO_LARGE', correlationId: contextValue.requestId },
              },
            ],
          };
          if (response.http) response.http.status = 400;
        },
      };
    },
  };
}

/**
 * Builds and starts the gateway over the committed supergraph on the runtime the config names
 * (QN_GATEWAY_RUNTIME: `apollo`, the default, or `hive`: hive.ts); index.ts only calls this.
 */
export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  return config.runtime === 'hive' ? startHiveGateway(config) : startApolloGateway(config);
}

/** The gateway on @apollo/gateway and Apollo Server. */
async function startApolloGateway(config: GatewayConfig): Promise<RunningGateway> {
  const limits: GatewayLimits = { ...DEFAULT_LIMITS, ...config.limits };
  const fetches = new FetchCounter();
  const signingKey = await gatewaySigningKey(config.internalKeys ?? process.env);
  // @apollo/gateway otherwise reports usage to Apollo and probes cloud metadata addresses
  // (169.254.169.254) at construction; the graph sends nothing outside its own network.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const logger: Logger = config.logger ?? createLogger('gateway');
  const gateway = new ApolloGateway({
    supergraphSdl: config.supergraphSdl,
    // Plans are kept per query text and operation name, least recently used out first, up to this size.
    experimental_approximateQueryPlanStoreMiB: config.queryPlanCacheMiB ?? DEFAULT_QUERY_PLAN_CACHE_MIB,
    buildService: ({ name, url }) => new AgencySubgraphSource(name, config.subgraphUrls[name] ?? url!, fetches, limits.subgraphTimeoutMs, signingKey),
  });
  // Tokens are counted by Apollo Server's parser (parseOptions), the cost in limits.ts.
  const armor = new ApolloArmor(ARMOR_LIMITS);
  const protection = armor.protect();
  const production = config.production ?? process.env.NODE_ENV === 'production';
  const rate = new CallerRateLimit(limits.requestsPerSecond);
  const server = new ApolloServer<GatewayContext>({
    gateway,
    ...protection,
    // The IDE at / is the gateway's own (ide/), served without any other host.
    plugins: [...protection.plugins, limitsPlugin(limits, logger), ApolloServerPluginLandingPageDisabled()],
    validationRules: [...protection.validationRules],
    parseOptions: { maxTokens: limits.maxTokens },
    allowBatchedHttpRequests: false,
    introspection: !production,
    // A request that names a caller (authorization) or a preflight header cannot be sent
    // cross-site without a CORS preflight; an anonymous simple GET still is refused (README).
    csrfPrevention: { requestHeaders: ['authorization', 'x-apollo-operation-name', 'apollo-require-preflight'] },
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, original) => maskError(formatted, original),
  });
  const context = async (req: HostedRequest): Promise<GatewayContext> => {
    const identity = await authenticate(req.headers.authorization, config.auth);
    await rate.take(identity.roles.length ? `sub:${identity.subject}` : `ip:${req.socket.remoteAddress ?? ''}`);
    return { identity, requestId: req.requestId };
  };
  const downloads = downloadRoutes(server, context);
  const queryExport = queryExportRoute(server, context, limits.maxBodyBytes);
  const http = await serveGraphQL({
    service: 'gateway',
    server,
    logger,
    port: config.port,
    host: config.host,
    ready: () => subgraphsReadiness(config.subgraphUrls),
    routes: async (req, res, path) => ideRoutes(req, res, path) || (await downloads(req, res, path)) || queryExport(req, res, path),
    bodyLimit: limits.maxBodyBytes,
    requestTimeoutMs: limits.requestTimeoutMs,
    context,
  });
  return { url: http.url, fetches, limits, http, stop: () => server.stop() };
}
