import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { maskError } from './errors';
import { ideRoutes } from './ide/page';
import { createLogger, Host, Logger, Readiness, serveGraphQL, signInternalToken } from '@qn/common';
import { authenticate } from './auth';
import { GatewayContext } from './subgraph-source';
import { GatewayConfig } from './config';
import { AgencySubgraphSource, FetchCounter } from './subgraph-source';

export interface RunningGateway {
  url: string;
  fetches: FetchCounter;
  http: Host;
  stop(): Promise<void>;
}

/** The gateway is ready when every subgraph says it is ready (each within two seconds). */
export async function subgraphsReadiness(subgraphUrls: Record<string, string>): Promise<Readiness> {
  const checks: Record<string, string> = {};
  await Promise.all(Object.entries(subgraphUrls).map(async ([name, url]) => {
    try {
      const response = await fetch(new URL('/ready', url), { signal: AbortSignal.timeout(2000) });
      checks[name] = response.ok ? 'ok' : 'not ready';
    } catch {
      checks[name] = 'unreachable';
    }
  }));
  return { ready: Object.values(checks).every((check) => check === 'ok'), checks };
}

/** Builds and starts the gateway over the committed supergraph; index.ts only calls this. */
export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const fetches = new FetchCounter();
  // @apollo/gateway otherwise reports usage to Apollo and probes cloud metadata addresses
  // (169.254.169.254) at construction; the graph sends nothing outside its own network.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const logger: Logger = config.logger ?? createLogger('gateway');
  const gateway = new ApolloGateway({
    supergraphSdl: config.supergraphSdl,
    buildService: ({ name, url }) => new AgencySubgraphSource(name, config.subgraphUrls[name] ?? url!, fetches),
  });
  const armor = new ApolloArmor({
    // Limits against hostile queries; the numbers are not echoed back to the caller.
    maxDepth: { n: 12, exposeLimits: false },
    maxAliases: { n: 30, exposeLimits: false },
    maxDirectives: { n: 30, exposeLimits: false },
    maxTokens: { n: 4000, exposeLimits: false },
    costLimit: { maxCost: 20000, exposeLimits: false },
    blockFieldSuggestion: { enabled: true },
  });
  const protection = armor.protect();
  const production = config.production ?? process.env.NODE_ENV === 'production';
  const server = new ApolloServer<GatewayContext>({
    gateway,
    ...protection,
    // The IDE at / is the gateway's own (ide/), served without any other host.
    plugins: [...protection.plugins, ApolloServerPluginLandingPageDisabled()],
    validationRules: [...protection.validationRules],
    allowBatchedHttpRequests: false,
    introspection: !production,
    // A request that names a caller (authorization) or a preflight header cannot be sent
    // cross-site without a CORS preflight; an anonymous simple GET still is refused (README).
    csrfPrevention: { requestHeaders: ['authorization', 'x-apollo-operation-name', 'apollo-require-preflight'] },
    includeStacktraceInErrorResponses: false,
    formatError: (formatted) => maskError(formatted),
  });
  const http = await serveGraphQL({
    service: 'gateway',
    server,
    logger,
    port: config.port,
    host: config.host,
    ready: () => subgraphsReadiness(config.subgraphUrls),
    routes: ideRoutes,
    context: async (req) => {
      const identity = await authenticate(req.headers.authorization, config.auth);
      return { internalToken: await signInternalToken(identity), requestId: req.requestId };
    },
  });
  return { url: http.url, fetches, http, stop: () => server.stop() };
}
