import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { maskError } from './errors';
import { randomUUID } from 'node:crypto';
import { signInternalToken } from '@qn/common';
import { authenticate } from './auth';
import { GatewayContext } from './subgraph-source';
import { GatewayConfig } from './config';
import { AgencySubgraphSource, FetchCounter } from './subgraph-source';

export interface RunningGateway {
  url: string;
  fetches: FetchCounter;
  stop(): Promise<void>;
}

/** Builds and starts the gateway over the committed supergraph; index.ts only calls this. */
export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const fetches = new FetchCounter();
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
    plugins: [...protection.plugins],
    validationRules: [...protection.validationRules],
    allowBatchedHttpRequests: false,
    introspection: !production,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted) => maskError(formatted),
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: config.port, host: config.host },
    context: async ({ req }) => {
      const identity = await authenticate(req.headers.authorization, config.auth);
      return { internalToken: await signInternalToken(identity), requestId: randomUUID() };
    },
  });
  return { url, fetches, stop: () => server.stop() };
}
