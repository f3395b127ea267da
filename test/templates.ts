import { Client } from 'pg';
import { openDatabase, subgraphDataSource, withConnection } from '@qn/common';
import { loadSampleData, loadSubgraph } from '../scripts/subgraphs';

/**
 * Migrated template databases for the tests. Migrating five databases from scratch
 * for every test file was most of the suite's time; instead each subgraph's schema
 * (and, for the tests that ask for it, its generated data) is built once per run in a
 * template database, and every test system clones its databases from the templates
 * with CREATE DATABASE … TEMPLATE. The subgraph still starts as in production: it runs
 * its migrations (none are pending) and loads its reference data.
 *
 * Templates are built on first use, under an advisory lock, so jest workers share them
 * and a run that starts no system builds none. global-setup.ts names them per run
 * (QN_TEST_TEMPLATE_PREFIX); global-teardown.ts drops them.
 */
export const TEMPLATE_PREFIX_ENV = 'QN_TEST_TEMPLATE_PREFIX';

function adminUrl(base: string): string {
  const url = new URL(base);
  url.pathname = '/postgres';
  return url.toString();
}

function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

function withAdmin<T>(base: string, run: (client: Client) => Promise<T>): Promise<T> {
  return withConnection(adminUrl(base), run);
}

/** The template of one subgraph's database (with generated data when `sampleData`), built if this run has none yet. */
async function template(base: string, subgraph: string, sampleData: boolean): Promise<string> {
  const prefix = process.env[TEMPLATE_PREFIX_ENV];
  if (!prefix) throw new Error(`${TEMPLATE_PREFIX_ENV} is not set (test/global-setup.ts names the templates)`);
  const name = `${prefix}${subgraph}${sampleData ? '_sample' : ''}`;
  return withAdmin(base, async (admin) => {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    try {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (!rowCount) {
        const definition = loadSubgraph(subgraph);
        const dataSource = await openDatabase(subgraphDataSource(definition, databaseUrl(base, name)));
        try {
          if (definition.loadReferenceData) await definition.loadReferenceData(dataSource);
          if (sampleData) await loadSampleData(subgraph)?.(dataSource);
        } finally {
          await dataSource.destroy();
        }
      }
      return name;
    } finally {
      await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
    }
  });
}

/** Creates the database `name` as a copy of the subgraph's template. */
export async function cloneTemplate(base: string, subgraph: string, name: string, sampleData: boolean): Promise<void> {
  const source = await template(base, subgraph, sampleData);
  await withAdmin(base, (admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${source}"`));
}

/** Drops this run's templates. */
export async function dropTemplates(base: string, prefix: string): Promise<void> {
  await withAdmin(base, async (admin) => {
    const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}
