import { Client } from 'pg';
import { DATA_VERSION_SQL, dataVersionTrigger, dropDatabase, ensureServiceRole, dropServiceRole, SUBGRAPHS, UNVERSIONED_TABLES } from '@qn/common';
import { cloneTemplate } from './templates';

/**
 * Every table of every subgraph either raises the database's data version on every
 * write (kept measures depend on it: db/data-version.ts) or is bookkeeping on the
 * explicit list UNVERSIONED_TABLES. A new table without the trigger fails here.
 */
const url = (name: string) => {
  const target = new URL(process.env.DATABASE_URL!);
  target.pathname = `/t${process.pid}_dv_${name}`;
  return target.toString();
};

async function withClient<T>(connectionString: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

// AFTER … FOR EACH STATEMENT on INSERT (4), DELETE (8), UPDATE (16) and TRUNCATE (32): pg_trigger.tgtype.
const AFTER_EVERY_WRITE_PER_STATEMENT = 4 + 8 + 16 + 32;

describe.each(SUBGRAPHS.map((name) => [name]))('%s', (name) => {
  const database = url(name);
  beforeAll(() => cloneTemplate(process.env.DATABASE_URL!, name, new URL(database).pathname.slice(1), false));
  afterAll(async () => {
    await dropDatabase(database);
    await dropServiceRole(database);
  });

  test('every table has the data-version trigger or is on the list of bookkeeping tables', async () => {
    const rows = await withClient(
      database,
      async (client) =>
        (
          await client.query<{ table: string; triggers: { name: string; type: number; fn: string }[] }>(`
          SELECT c.relname AS table,
                 coalesce(json_agg(json_build_object('name', t.tgname, 'type', t.tgtype, 'fn', p.proname)) FILTER (WHERE p.proname = 'qn_bump_data_version'), '[]') AS triggers
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
            LEFT JOIN pg_trigger t ON t.tgrelid = c.oid AND NOT t.tgisinternal
            LEFT JOIN pg_proc p ON p.oid = t.tgfoid
           WHERE c.relkind IN ('r', 'p')
           GROUP BY c.relname ORDER BY c.relname`)
        ).rows,
    );
    expect(rows.length).toBeGreaterThan(2);
    const untracked = rows.filter((r) => r.triggers.length === 0).map((r) => r.table);
    expect(untracked.filter((table) => !UNVERSIONED_TABLES.includes(table))).toEqual([]);
    for (const r of rows.filter((row) => !UNVERSIONED_TABLES.includes(row.table))) {
      expect(r.triggers).toEqual([{ name: dataVersionTrigger(r.table), type: AFTER_EVERY_WRITE_PER_STATEMENT, fn: 'qn_bump_data_version' }]);
    }
    // Bookkeeping is left out on purpose: a read writes an audit row, and that must not change any result's version.
    expect(rows.filter((r) => UNVERSIONED_TABLES.includes(r.table) && r.triggers.length)).toEqual([]);
  });

  test("a write raises the version in the writer's transaction, a rolled-back one does not, the service role cannot set it", async () => {
    const serviceUrl = await ensureServiceRole(database);
    const [table] = await withClient(database, async (client) =>
      (await client.query<{ table_name: string }>('SELECT table_name FROM data_version ORDER BY table_name LIMIT 1')).rows.map((r) => r.table_name),
    );
    await withClient(serviceUrl, async (client) => {
      const version = async () => BigInt((await client.query(DATA_VERSION_SQL)).rows[0].version);
      const before = await version();
      // A statement that changes no row still counts as a write: the version only has to rise when data may have changed.
      await client.query('BEGIN');
      await client.query(`DELETE FROM "${table}" WHERE false`);
      expect(await version()).toBe(before + 1n);
      await client.query('ROLLBACK');
      expect(await version()).toBe(before);
      await client.query(`UPDATE "${table}" SET ${await firstColumn(client, table)} = ${await firstColumn(client, table)} WHERE false`);
      expect(await version()).toBe(before + 1n);
      await client.query("INSERT INTO audit_log (subject, action, entity, request_id) VALUES ('test', 'READ', 'Probe', 'test')");
      expect(await version()).toBe(before + 1n);
      await expect(client.query(`UPDATE data_version SET version = 0`)).rejects.toThrow(/permission denied/);
    });
  });
});

async function firstColumn(client: Client, table: string): Promise<string> {
  const { rows } = await client.query(
    "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position LIMIT 1",
    [table],
  );
  return `"${rows[0].column_name}"`;
}
