import { Client, types } from 'pg';

// DATE columns stay ISO strings (YYYY-MM-DD): no time zone can shift a reporting date.
types.setTypeParser(1082, (value: string) => value);
import { DataSource, EntitySchema, Logger, MixedList } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';

/**
 * Counts the SQL statements a data source sends. Tests read `statements` before and
 * after a request to assert that a request's statement count does not grow with
 * the length of its lists.
 */
export class StatementCounter implements Logger {
  statements = 0;
  constructor(private readonly echo = process.env.QN_LOG_SQL === '1') {}
  logQuery(query: string, parameters?: unknown[]): void {
    this.statements += 1;
    if (this.echo) console.log(`[sql] ${query} ${parameters ? JSON.stringify(parameters) : ''}`);
  }
  logQueryError(error: string | Error, query: string): void {
    if (this.echo) console.error(`[sql error] ${String(error)} in ${query}`);
  }
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    if (this.echo) console.log(`[migration] ${message}`);
  }
  log(): void {}
}

export interface DataSourceOptions {
  url: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  poolSize?: number;
}

export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    logging: true,
    logger: new StatementCounter(),
    extra: { max: options.poolSize ?? 10 },
  });
}

export function statementCounter(dataSource: DataSource): StatementCounter {
  return dataSource.logger as StatementCounter;
}

/** Runs `work` on one plain connection to `url` (no pool, no TypeORM), closed whatever happens. */
export async function withConnection<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates the database named in `url` when it does not exist yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name '${name}' must be lower-case letters, digits and _`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  await withConnection(admin.toString(), async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      // Another replica may create it at the same moment: that is as good.
      await client.query(`CREATE DATABASE "${name}"`).catch((error: { code?: string }) => {
        if (error.code !== '42P04' && error.code !== '23505') throw error;
      });
    }
  });
}

export async function dropDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  await withConnection(admin.toString(), (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** The advisory lock (per database) held while a subgraph's migrations run. */
export const MIGRATION_LOCK = 1736_2021;

/**
 * Brings the database's schema up to date by migrations, one process at a time: every
 * replica that starts takes the database's advisory lock first, so the first migrates
 * and the others wait, then find nothing pending.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<void> {
  const lock = new Client({ connectionString: (dataSource.options as { url: string }).url });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    // Ending the session releases the lock even if the unlock is never reached.
    await lock.end();
  }
}

/** Opens the data source and, unless told not to, brings its schema up to date by migrations. */
export async function openDatabase(dataSource: DataSource, options: { migrate?: boolean } = {}): Promise<DataSource> {
  const url = (dataSource.options as { url: string }).url;
  await ensureDatabase(url);
  if (!dataSource.isInitialized) await dataSource.initialize();
  if (options.migrate !== false) await runMigrationsLocked(dataSource);
  return dataSource;
}
