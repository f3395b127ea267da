import type { QueryRunner } from 'typeorm';

/**
 * The data version of a subgraph's database: one counter per table in `data_version`,
 * raised by a statement-level trigger in the same transaction as every INSERT, UPDATE,
 * DELETE or TRUNCATE of the table. A counter only ever rises, so their sum rises with
 * every committed write and two snapshots with the same sum saw the same data: results
 * computed from the data can be kept under it (`measureLoader`) and are never stale.
 *
 * One row per table, not one for the database: a writer holds its table's row until it
 * commits, so writers of the same table wait for each other, writers of different
 * tables do not.
 */
export const DATA_VERSION_TABLE = 'data_version';

/**
 * Bookkeeping tables no result is computed from, so writing them changes no version: the
 * audit rows even a read writes, idempotency keys, queued notifications, the migrations
 * and the version table itself. Every other table of every subgraph carries the trigger
 * (test/data-version.test.ts checks it, and `npm run migration` adds it to new tables).
 */
export const UNVERSIONED_TABLES: readonly string[] = ['audit_log', 'idempotency_key', 'notification', 'migrations', DATA_VERSION_TABLE];

const FUNCTION = 'qn_bump_data_version';

export function dataVersionTrigger(table: string): string {
  return `${table}_data_version`.slice(0, 63);
}

function checkTable(table: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`table name '${table}' must be lower-case letters, digits and _`);
  if (UNVERSIONED_TABLES.includes(table)) throw new Error(`${table} is bookkeeping (UNVERSIONED_TABLES): it keeps no data version`);
  return table;
}

/**
 * The statements that give `tables` a data version: the version table and the trigger
 * function (created if missing, so the first migration of each subgraph and any later
 * one can use it alike), each table's counter and its trigger. The function runs as its
 * owner (the database's owner), so the service role needs no right to write the counters.
 */
export function dataVersionSql(tables: readonly string[]): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS "${DATA_VERSION_TABLE}" ("table_name" character varying(63) NOT NULL, "version" bigint NOT NULL DEFAULT 0, CONSTRAINT "PK_data_version" PRIMARY KEY ("table_name"))`,
    `CREATE OR REPLACE FUNCTION ${FUNCTION}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        INSERT INTO ${DATA_VERSION_TABLE} (table_name, version) VALUES (TG_TABLE_NAME, 1)
          ON CONFLICT (table_name) DO UPDATE SET version = ${DATA_VERSION_TABLE}.version + 1;
        RETURN NULL;
      END $$`,
    ...tables
      .map(checkTable)
      .flatMap((table) => [
        `INSERT INTO "${DATA_VERSION_TABLE}" ("table_name", "version") VALUES ('${table}', 0) ON CONFLICT DO NOTHING`,
        `CREATE TRIGGER "${dataVersionTrigger(table)}" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION ${FUNCTION}()`,
      ]),
  ];
}

/** The reverse of `dataVersionSql(tables)` for a migration's `down`: the triggers and counters (the table and function stay while another table uses them). */
export function dropDataVersionSql(tables: readonly string[]): string[] {
  return [
    ...tables
      .map(checkTable)
      .flatMap((table) => [
        `DROP TRIGGER IF EXISTS "${dataVersionTrigger(table)}" ON "${table}"`,
        `DELETE FROM "${DATA_VERSION_TABLE}" WHERE "table_name" = '${table}'`,
      ]),
    `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid WHERE p.proname = '${FUNCTION}') THEN DROP FUNCTION ${FUNCTION}(); DROP TABLE "${DATA_VERSION_TABLE}"; END IF; END $$`,
  ];
}

/** Runs `dataVersionSql(tables)` in a migration's `up`. */
export async function addDataVersion(queryRunner: QueryRunner, tables: readonly string[]): Promise<void> {
  for (const sql of dataVersionSql(tables)) await queryRunner.query(sql);
}

/** Runs `dropDataVersionSql(tables)` in a migration's `down`. */
export async function dropDataVersion(queryRunner: QueryRunner, tables: readonly string[]): Promise<void> {
  for (const sql of dropDataVersionSql(tables)) await queryRunner.query(sql);
}

/** The database's data version as text: one cheap statement over one row per table. */
export const DATA_VERSION_SQL = `SELECT coalesce(sum(version), 0)::text AS version FROM ${DATA_VERSION_TABLE}`;

/** Each table's counter as text, by table name. */
export type TableVersions = Readonly<Record<string, string>>;

/**
 * Every table's counter at once, as one JSON object (`{"tip": "12", …}`, counters as
 * text): what a result computed from some of the tables is kept under (`measure-cache.ts`).
 */
export const TABLE_VERSIONS_SQL = `SELECT coalesce(jsonb_object_agg(table_name, version::text), '{}')::text AS versions FROM ${DATA_VERSION_TABLE}`;

const TABLE_NAMES = new Map<string, RegExp>();

/** A table's name as a whole word of SQL text (table names are checked lower-case identifiers), made once per name. */
function tableName(table: string): RegExp {
  let pattern = TABLE_NAMES.get(table);
  if (!pattern) TABLE_NAMES.set(table, (pattern = new RegExp(`(?<![\\w$])${table}(?![\\w$])`, 'i')));
  return pattern;
}

/** The tables of `versions` a statement's text names (string literals left out), or null when it names a bookkeeping table, which keeps no version. */
export function tablesNamed(sql: string, versions: TableVersions): string[] | null {
  const text = sql.replace(/'(?:[^']|'')*'/g, "''");
  const named = (table: string) => tableName(table).test(text);
  if (UNVERSIONED_TABLES.some(named)) return null;
  return Object.keys(versions).filter(named).sort();
}
