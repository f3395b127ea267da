import { createHmac } from 'node:crypto';
import { Client } from 'pg';
import { DATA_VERSION_TABLE } from './data-version';
import { withConnection } from './database';

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

/**
 * The advisory lock (per database) held while roles and grants change: two replicas that
 * start at once would otherwise change the same catalogue rows together, which PostgreSQL
 * refuses ("tuple concurrently updated").
 */
const ROLES_LOCK = 1736_2025;

/** Runs `work` on one connection to `url`, holding the roles lock of that database; the lock goes with the connection. */
function withRolesLock<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  return withConnection(url, async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [ROLES_LOCK]);
    return work(client);
  });
}

/** A role's name and password as a connection URL gives them. */
function credentials(url: string): { role: string; password: string } {
  const parsed = new URL(url);
  const role = decodeURIComponent(parsed.username);
  if (!/^[a-z_][a-z0-9_]*$/.test(role)) throw new Error(`role name '${role}' must be lower-case letters, digits and _`);
  return { role, password: decodeURIComponent(parsed.password) };
}

/** The service role and its password: the ones `serviceUrl` names, or `<database>_service` with a password derived from the owner's URL. */
function serviceCredentials(ownerUrl: string, serviceUrl?: string): { role: string; password: string; url: string } {
  if (serviceUrl) {
    if (databaseName(serviceUrl) !== databaseName(ownerUrl)) {
      throw new Error(`the service URL's database '${databaseName(serviceUrl)}' is not the owner's '${databaseName(ownerUrl)}'`);
    }
    return { ...credentials(serviceUrl), url: serviceUrl };
  }
  const role = serviceRoleName(ownerUrl);
  const password = servicePassword(ownerUrl, role);
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = password;
  return { role, password, url: url.toString() };
}

/** Creates `role` (LOGIN, none of the powers) or brings it up to date; `client` must be allowed to manage roles. */
async function defineLoginRole(client: Client, role: string, password: string, options: { inherit: boolean }): Promise<void> {
  const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  if (!rowCount) {
    await client.query(`CREATE ROLE "${role}" LOGIN`).catch((error: { code?: string }) => {
      // Another process created it first.
      if (error.code !== '42710' && error.code !== '23505') throw error;
    });
  }
  await client.query(
    `ALTER ROLE "${role}" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS ${options.inherit ? 'INHERIT' : 'NOINHERIT'} PASSWORD ${client.escapeLiteral(password)}`,
  );
}

/**
 * Creates (or brings up to date) the subgraph's service role and returns the URL the
 * service connects with. The owner creates the role when it may manage roles (npm start's
 * and the tests' superuser); an owner that may not (a deployment's, see
 * `provisionDatabase`) finds it made by the administrator. Either way the owner grants
 * it the rows of every table, again after every migration.
 */
export async function ensureServiceRole(ownerUrl: string, serviceUrl?: string): Promise<string> {
  const database = databaseName(ownerUrl);
  const { role, password, url } = serviceCredentials(ownerUrl, serviceUrl);
  await withRolesLock(ownerUrl, async (client) => {
    const [{ manage }] = (await client.query('SELECT rolsuper OR rolcreaterole AS manage FROM pg_roles WHERE rolname = current_user')).rows;
    if (manage) await defineLoginRole(client, role, password, { inherit: false });
    else if (!(await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount) {
      throw new Error(
        `the service role '${role}' of '${database}' does not exist and its owner may not create roles: ` +
          'run `npm run migrate` with DATABASE_URL set to the server administrator (it makes both roles)',
      );
    }
    await client.query(`GRANT CONNECT ON DATABASE "${database}" TO "${role}"`);
    await client.query(`GRANT USAGE ON SCHEMA public TO "${role}"`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "${role}"`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "${role}"`);
    // The migrations and the data versions (raised only by the tables' triggers, which run as the owner) are read-only to it.
    const { rows: readOnly } = await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename = ANY($1::text[])", [
      ['migrations', DATA_VERSION_TABLE],
    ]);
    for (const { tablename } of readOnly) await client.query(`REVOKE INSERT, UPDATE, DELETE ON "${tablename}" FROM "${role}"`);
  });
  return url;
}

/**
 * What a deployment's administrator does once per agency, run by `npm run migrate` with
 * the server's administrator in DATABASE_URL: the agency's owner role (the user of
 * `ownerUrl`: it may log in, and do nothing but own its database), its database, owned by
 * it and closed to every other role (no CONNECT for PUBLIC), and its service role. So one
 * agency's owner or service credentials open no other agency's database, and no process
 * but the migration job holds the administrator's. A database made before (owned by the
 * administrator, as docker compose made them) is handed over whole: the database and
 * every table, sequence, view, function and type in it, its rows untouched.
 */
export async function provisionDatabase(adminUrl: string, ownerUrl: string, serviceUrl?: string): Promise<void> {
  const admin = new URL(adminUrl);
  const target = new URL(ownerUrl);
  if (admin.host !== target.host) throw new Error(`DATABASE_URL's server '${admin.host}' is not the one of '${databaseName(ownerUrl)}' ('${target.host}')`);
  const database = databaseName(ownerUrl);
  const owner = credentials(ownerUrl);
  const service = serviceCredentials(ownerUrl, serviceUrl);
  if (owner.role === credentials(adminUrl).role) throw new Error(`the owner of '${database}' must be a role of its own, not the administrator '${owner.role}'`);
  admin.pathname = '/postgres';
  await withRolesLock(admin.toString(), async (client) => {
    await defineLoginRole(client, owner.role, owner.password, { inherit: true });
    await defineLoginRole(client, service.role, service.password, { inherit: false });
    const { rows } = await client.query('SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1', [database]);
    if (!rows.length) {
      await client.query(`CREATE DATABASE "${database}" OWNER "${owner.role}"`).catch((error: { code?: string }) => {
        if (error.code !== '42P04' && error.code !== '23505') throw error;
      });
    } else if (rows[0].owner !== owner.role) {
      await client.query(`ALTER DATABASE "${database}" OWNER TO "${owner.role}"`);
    }
    await client.query(`REVOKE ALL ON DATABASE "${database}" FROM PUBLIC`);
  });
  admin.pathname = `/${database}`;
  await withRolesLock(admin.toString(), async (client) => {
    const to = `OWNER TO "${owner.role}"`;
    /** The condition "`column`'s role is not the owner" ($1: the owner). */
    const notOwner = (column: string) => `pg_get_userbyid(${column}) <> $1`;
    // Tables first: a table takes the sequences it owns (serial, identity) with it.
    const relations = await client.query(
      `SELECT c.relname AS name, c.relkind AS kind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ${notOwner('c.relowner')}`,
      [owner.role],
    );
    for (const { name, kind } of relations.rows) {
      const what = kind === 'v' ? 'VIEW' : kind === 'm' ? 'MATERIALIZED VIEW' : kind === 'f' ? 'FOREIGN TABLE' : 'TABLE';
      await client.query(`ALTER ${what} public."${name}" ${to}`);
    }
    const sequences = await client.query(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'S' AND ${notOwner('c.relowner')}`,
      [owner.role],
    );
    for (const { name } of sequences.rows) await client.query(`ALTER SEQUENCE public."${name}" ${to}`);
    const functions = await client.query(
      `SELECT p.proname AS name, pg_get_function_identity_arguments(p.oid) AS args, p.prokind AS kind FROM pg_proc p
       JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND ${notOwner('p.proowner')}`,
      [owner.role],
    );
    for (const { name, args, kind } of functions.rows) {
      await client.query(`ALTER ${kind === 'p' ? 'PROCEDURE' : kind === 'a' ? 'AGGREGATE' : 'FUNCTION'} public."${name}"(${args}) ${to}`);
    }
    // Enum, domain and composite types (a table's own row type went with the table).
    const types = await client.query(
      `SELECT t.typname AS name, t.typtype AS kind FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'c', 'r') AND t.typelem = 0
         AND (t.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c') AND ${notOwner('t.typowner')}`,
      [owner.role],
    );
    for (const { name, kind } of types.rows) await client.query(`ALTER ${kind === 'd' ? 'DOMAIN' : 'TYPE'} public."${name}" ${to}`);
  });
}

/** Drops a service role (test databases are thrown away with theirs). */
export async function dropServiceRole(ownerUrl: string): Promise<void> {
  const admin = new URL(ownerUrl);
  admin.pathname = '/postgres';
  await withRolesLock(admin.toString(), (client) => client.query(`DROP ROLE IF EXISTS "${serviceRoleName(ownerUrl)}"`));
}
