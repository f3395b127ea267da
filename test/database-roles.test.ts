import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { dropDatabase, ensureServiceRole, generateInternalKeys, internalKeyEnvironment, provisionDatabase, startSubgraph, withConnection } from '@qn/common';
import { loadSubgraph } from '../scripts/subgraphs';

/**
 * A deployment's databases (issue 11): each agency's owner and service role open its own
 * database only, the migration job is the only process that holds the server
 * administrator's URL, and a service runs given its service role's URL alone.
 */
const root = path.resolve(__dirname, '..');
const admin = process.env.DATABASE_URL!;
const prefix = `qn_roles_${process.pid}_`;
const url = (database: string, user: string, password: string) => {
  const u = new URL(admin);
  u.username = user;
  u.password = password;
  u.pathname = `/${database}`;
  return u.toString();
};
/** An agency's URLs in a deployment: its owner's and its service role's, each with a password of its own. */
const agency = (name: string) => ({
  owner: url(`${prefix}${name}`, `${prefix}${name}`, `owner-${name}-secret`),
  service: url(`${prefix}${name}`, `${prefix}${name}_service`, `service-${name}-secret`),
});
/** The same role's URL for another agency's database. */
const otherDatabase = (connection: string, database: string) => {
  const u = new URL(connection);
  u.pathname = `/${prefix}${database}`;
  return u.toString();
};
const police = agency('police');
const information = agency('information');
const legacy = agency('legacy');

const query = <T = Record<string, unknown>>(connection: string, sql: string, params: unknown[] = []): Promise<T[]> =>
  withConnection(connection, async (client) => (await client.query(sql, params)).rows as T[]);

afterAll(async () => {
  for (const { owner } of [police, information, legacy]) await dropDatabase(owner);
  const roles = await query<{ rolname: string }>(admin, 'SELECT rolname FROM pg_roles WHERE rolname LIKE $1', [`${prefix}%`]);
  for (const { rolname } of roles) await query(admin, `DROP ROLE "${rolname}"`);
});

describe('npm run migrate with the administrator in DATABASE_URL and each agency its own owner', () => {
  beforeAll(async () => {
    // The migration job as docker compose and Kubernetes run it.
    await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', 'scripts/migrate.ts', 'police', 'information'], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: admin,
        POLICE_DATABASE_URL: police.owner,
        POLICE_SERVICE_DATABASE_URL: police.service,
        INFORMATION_DATABASE_URL: information.owner,
        INFORMATION_SERVICE_DATABASE_URL: information.service,
        QN_SAMPLE_DATA: '0',
      },
    });
  }, 120_000);

  test('each owner may do nothing but own its database, and owns every table in it', async () => {
    for (const name of ['police', 'information']) {
      const role = `${prefix}${name}`;
      const [powers] = await query(admin, 'SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles WHERE rolname = $1', [role]);
      expect(powers).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false });
      const [{ dba }] = await query(admin, 'SELECT pg_get_userbyid(datdba) AS dba FROM pg_database WHERE datname = $1', [role]);
      expect(dba).toBe(role);
      const owners = await query(agency(name).owner, "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'");
      expect(owners).toEqual([{ tableowner: role }]);
    }
  });

  test("no agency's owner or service role can connect to another agency's database", async () => {
    await expect(query(otherDatabase(information.owner, 'police'), 'SELECT 1')).rejects.toThrow(/permission denied for database/);
    await expect(query(otherDatabase(information.service, 'police'), 'SELECT 1')).rejects.toThrow(/permission denied for database/);
    await expect(query(otherDatabase(police.service, 'information'), 'SELECT 1')).rejects.toThrow(/permission denied for database/);
    // Each opens its own.
    expect(await query(police.service, 'SELECT count(*)::int AS n FROM tip')).toEqual([{ n: 0 }]);
  });

  test('the service role reads and writes rows, and cannot switch the audit triggers off', async () => {
    await expect(query(police.service, 'ALTER TABLE audit_log DISABLE TRIGGER USER')).rejects.toThrow(/must be owner/);
    await expect(query(police.service, 'SET session_replication_role = replica')).rejects.toThrow(/permission denied/);
    await expect(query(police.service, 'CREATE TABLE intruder (id int)')).rejects.toThrow(/permission denied for schema public/);
  });

  test('a subgraph given only its service role URL starts and is ready (the owner is not in its environment)', async () => {
    const keys = await generateInternalKeys(['police']);
    const running = await startSubgraph(loadSubgraph('police'), {
      serviceDatabaseUrl: police.service,
      migrate: false,
      port: 0,
      internalKeys: internalKeyEnvironment(keys, 'police'),
      logger: undefined,
    });
    try {
      const [{ user }] = await running.dataSource.query('SELECT current_user AS user');
      expect(user).toBe(`${prefix}police_service`);
      const ready = await fetch(new URL('/ready', running.url));
      expect(ready.status).toBe(200);
    } finally {
      await running.stop();
    }
  });

  test('a service role the owner may not create is an error naming the role and what to run', async () => {
    const missing = url(`${prefix}police`, `${prefix}police_reader`, 'x');
    await expect(ensureServiceRole(police.owner, missing)).rejects.toThrow(
      new RegExp(`service role '${prefix}police_reader' of '${prefix}police' does not exist .*npm run migrate`),
    );
  });
});

test('a database the administrator owned (as docker compose made them before) is handed to its new owner whole, rows kept', async () => {
  const database = `${prefix}legacy`;
  const asAdmin = url(database, decodeURIComponent(new URL(admin).username), decodeURIComponent(new URL(admin).password));
  await query(admin, `CREATE DATABASE "${database}"`);
  await query(
    asAdmin,
    `CREATE TYPE mood AS ENUM ('calm', 'busy');
     CREATE TABLE note (id serial PRIMARY KEY, body text NOT NULL, feeling mood);
     CREATE FUNCTION shout(t text) RETURNS text LANGUAGE sql AS $$ SELECT upper(t) $$;
     CREATE VIEW loud AS SELECT shout(body) AS body FROM note;
     INSERT INTO note (body, feeling) VALUES ('one', 'calm'), ('two', 'busy');`,
  );
  await provisionDatabase(admin, legacy.owner, legacy.service);
  const role = `${prefix}legacy`;
  const notOwned = await query(
    legacy.owner,
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND pg_get_userbyid(c.relowner) <> $1
     UNION ALL SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> $1
     UNION ALL SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND pg_get_userbyid(t.typowner) <> $1`,
    [role],
  );
  expect(notOwned).toEqual([]);
  // The rows are as they were, and the new owner goes on where the administrator stopped (the sequence came with its table).
  await query(legacy.owner, "INSERT INTO note (body, feeling) VALUES ('three', 'calm')");
  expect(await query(legacy.owner, 'SELECT body FROM loud ORDER BY body')).toEqual([{ body: 'ONE' }, { body: 'THREE' }, { body: 'TWO' }]);
  expect(await query(legacy.owner, 'SELECT id, body FROM note ORDER BY id')).toEqual([
    { id: 1, body: 'one' },
    { id: 2, body: 'two' },
    { id: 3, body: 'three' },
  ]);
  // Every other role is shut out of it, and the administrator cannot be the owner.
  await expect(query(otherDatabase(police.service, 'legacy'), 'SELECT 1')).rejects.toThrow(/permission denied for database/);
  await expect(provisionDatabase(admin, asAdmin)).rejects.toThrow(/must be a role of its own/);
});
