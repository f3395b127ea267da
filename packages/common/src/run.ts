import { databaseUrlFor, DEFAULT_PORTS, envName, intFromEnv, SubgraphName } from './config';
import { createLogger } from './http/logger';
import { RunningSubgraph, startSubgraph, SubgraphDefinition } from './server';
import { stopTelemetry } from './telemetry';

/** Stops on SIGINT/SIGTERM, closing the HTTP server and the database pool, then sending the spans still buffered. */
export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) return;
    stopping = true;
    stop()
      .then(() => stopTelemetry())
      .then(() => process.exit(0))
      .catch((error) => {
        console.error(`error while stopping on ${signal}:`, error);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => handler('SIGINT'));
  process.on('SIGTERM', () => handler('SIGTERM'));
}

/** Entry point of every subgraph process: configuration from the environment, fail fast, stop cleanly. */
export function runSubgraphFromEnv<L>(definition: SubgraphDefinition<L>): void {
  const logger = createLogger(definition.name);
  const start = async (): Promise<RunningSubgraph> => {
    const port = intFromEnv(envName(definition.name, 'PORT'), DEFAULT_PORTS[definition.name as SubgraphName]);
    // The service role's URL: provisioned by `npm run migrate` (or the database's administrator), or made by the owner at start.
    const serviceDatabaseUrl = process.env[envName(definition.name, 'SERVICE_DATABASE_URL')] || undefined;
    const ownerGiven = Boolean(process.env[envName(definition.name, 'DATABASE_URL')] || process.env.DATABASE_URL);
    const running = await startSubgraph(definition, {
      // A deployment gives a service only its service role's URL when its migration job prepared the database.
      databaseUrl: ownerGiven || !serviceDatabaseUrl ? databaseUrlFor(definition.name) : undefined,
      serviceDatabaseUrl,
      port,
      migrate: process.env.QN_MIGRATE !== '0',
      host: process.env.HOST ?? '127.0.0.1',
      logger,
      workers: process.env.QN_WORKERS !== '0',
    });
    logger.info({ url: running.url, port: running.http.port }, `${definition.name} subgraph ready at ${running.url}`);
    return running;
  };
  start()
    .then((running) => stopOnSignals(() => running.stop()))
    .catch((error) => {
      logger.fatal(`${definition.name} subgraph failed to start: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
}
