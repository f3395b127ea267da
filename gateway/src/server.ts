import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
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
  const server = new ApolloServer({ gateway, includeStacktraceInErrorResponses: false });
  const { url } = await startStandaloneServer(server, { listen: { port: config.port, host: config.host } });
  return { url, fetches, stop: () => server.stop() };
}
