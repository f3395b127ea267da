import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkInternalSecret, DEFAULT_PORTS, intFromEnv, Logger, SUBGRAPHS, subgraphUrlFor } from '@qn/common';
import { AuthConfig, authConfigFromEnv } from './auth';

export interface GatewayConfig {
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
}

export const SUPERGRAPH_PATH = path.resolve(__dirname, '..', '..', 'schema', 'supergraph.graphql');

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const file = env.SUPERGRAPH_PATH ?? SUPERGRAPH_PATH;
  let supergraphSdl: string;
  try {
    supergraphSdl = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`SUPERGRAPH_PATH: cannot read the supergraph at ${file} (run npm run schema)`);
  }
  checkInternalSecret();
  const production = env.NODE_ENV === 'production';
  return {
    production,
    auth: authConfigFromEnv(env, production),
    port: intFromEnv('GATEWAY_PORT', DEFAULT_PORTS.gateway),
    host: env.HOST ?? '127.0.0.1',
    supergraphSdl,
    subgraphUrls: Object.fromEntries(SUBGRAPHS.map((name) => [name, subgraphUrlFor(name, env)])),
  };
}
