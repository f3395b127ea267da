import { createHmac } from 'node:crypto';
import { Client } from 'pg';
import { DATA_VERSION_TABLE } from './data-version';

/**
 * The running service never connects as the database's owner: migrations, reference
 * data and sample data run as the owner at start, and every request's SQL runs as a
 * role of its own for the subgraph's database (`<database>_service`) that is neither a
 * superuser nor the owner of any table. It may read and write rows (SELECT, INSERT,
 * UPDATE, DELETE; the migrations and data_version tables read-only); it cannot change a table, turn a
 * trigger off (`ALTER TABLE … DISABLE TRIGGER`), set `session_replication_role` or
 * TRUNCATE, so the triggers that keep the audit log and submitted reports as they
 * were hold for it.
 */

function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name '${name}' must be lower-case letters, digits and _`);
  return name;
}

export function serviceRoleName(ownerUrl: string): string {
  return `${databaseName(ownerUrl)}_service`.slice(0, 63);
}

/**
 * The service role's password, derived from the owner's URL (which holds the owner's
 * password): every process of the subgraph computes the same one, and it is as secret
 * as the owner's credentials.
 */
function servicePassword(ownerUrl: string, role: string): string {
  return createHmac('sha256', ownerUrl).update(`qn-service-role:${role}`).digest('hex');
}

/** Creates (or brings up to date) the subgraph's service role and returns the URL the service connects with. */
export async function ensureServiceRole(ownerUrl: string): Promise<string> {
  const database = databaseName(ownerUrl);
  const role = serviceRoleName(ownerUrl);
  const password = servicePassword(ownerUrl, role);
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    if (!rowCount) {
      await client
        .query(`CREATE ROLE "${role}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT`)
        .catch((error: { code?: string }) => {
          // Another process of the same subgraph created it first.
          if (error.code !== '42710' && error.code !== '23505') throw error;
        });
    }
    await client.query(`ALTER ROLE "${role}" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '${password}'`);
    await client.query(`GRANT CONNECT ON DATABASE "${database}" TO "${role}"`);
    await client.query(`GRANT USAGE ON SCHEMA public TO "${role}"`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "${role}"`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "${role}"`);
    // The migrations and the data versions (raised only by the tables' triggers, which run as the owner) are read-only to it.
    const { rows: readOnly } = await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename = ANY($1::text[])", [
      ['migrations', DATA_VERSION_TABLE],
    ]);
    for (const { tablename } of readOnly) await client.query(`REVOKE INSERT, UPDATE, DELETE ON "${tablename}" FROM "${role}"`);
  } finally {
    await client.end();
  }
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = password;
  return url.toString();
}

/** Drops a service role (test databases are thrown away with theirs). */
export async function dropServiceRole(ownerUrl: string): Promise<void> {
  const admin = new URL(ownerUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP ROLE IF EXISTS "${serviceRoleName(ownerUrl)}"`);
  } finally {
    await client.end();
  }
}
