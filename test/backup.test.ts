import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { databaseUrlFor, dropDatabase, openDatabase, subgraphDataSource, SUBGRAPHS, withConnection } from '@qn/common';
import { backup } from '../scripts/backup';
import { restore } from '../scripts/restore';
import { loadSampleData, loadSubgraph } from '../scripts/subgraphs';

/**
 * npm run backup / restore round-tripped on a PostgreSQL whose pg_dump is installed:
 * Debian's PostgreSQL 15 (the embedded server is 18, and Debian 12 has no pg_dump 18;
 * .ci/run installs postgresql-15). Every table of every agency must come back identical.
 */
const PG = '/usr/lib/postgresql/15/bin';
let dir: string;
let port: number;
const asPostgres = (command: string, args: string[]) =>
  execFileSync(userInfo().uid === 0 ? 'runuser' : command, userInfo().uid === 0 ? ['-u', 'postgres', '--', command, ...args] : args, { stdio: 'pipe' });

beforeAll(async () => {
  if (!existsSync(path.join(PG, 'initdb'))) throw new Error(`${PG}/initdb not found: apt-get install postgresql-15 (.ci/run does)`);
  dir = mkdtempSync(path.join(tmpdir(), 'qn-backup-'));
  if (userInfo().uid === 0)
    chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  port = 56000 + Math.floor(Math.random() * 3000);
  asPostgres(path.join(PG, 'initdb'), ['-D', path.join(dir, 'data'), '-U', 'postgres', '-A', 'trust', '--no-sync']);
  asPostgres(path.join(PG, 'pg_ctl'), [
    '-D',
    path.join(dir, 'data'),
    '-w',
    '-l',
    path.join(dir, 'log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
    'start',
  ]);
  process.env.DATABASE_URL = `postgres://postgres@127.0.0.1:${port}/postgres`;
  process.env.QN_DATABASE_PREFIX = 'bk_';
  process.env.POLICE_DATA_KEY = 'c'.repeat(64);
  process.env.LABOUR_PSEUDONYM_KEY = 'd'.repeat(64);
  // Every agency migrated; police (encrypted columns) and information with their generated records.
  for (const name of SUBGRAPHS) {
    const definition = loadSubgraph(name);
    const dataSource = await openDatabase(subgraphDataSource(definition, databaseUrlFor(name)));
    if (definition.loadReferenceData) await definition.loadReferenceData(dataSource);
    if (name === 'police' || name === 'information') await loadSampleData(name)!(dataSource);
    await dataSource.destroy();
  }
}, 300000);
afterAll(() => {
  if (dir && existsSync(path.join(dir, 'data', 'PG_VERSION'))) asPostgres(path.join(PG, 'pg_ctl'), ['-D', path.join(dir, 'data'), '-m', 'fast', 'stop']);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every table of a database with its row count and a digest of its rows. */
function contents(name: string): Promise<Record<string, string>> {
  return withConnection(databaseUrlFor(name), async (client) => {
    const { rows: tables } = await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
    const result: Record<string, string> = {};
    for (const { tablename } of tables) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${tablename}" t`,
      );
      result[tablename] = `${rows[0].n}:${rows[0].digest}`;
    }
    return result;
  });
}

test("every agency database comes back identical after backup, loss and restore, police's encrypted columns byte for byte", async () => {
  const before = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (name) => [name, await contents(name)] as const)));
  const policeRows = Number(before.police.service_business?.split(':')[0]);
  expect(policeRows).toBeGreaterThan(0);
  const manifest = await backup(path.join(dir, 'backup'));
  expect(Object.keys(manifest.databases)).toEqual([...SUBGRAPHS]);
  expect(manifest.keys.POLICE_DATA_KEY).toMatch(/^[0-9a-f]{16}$/);
  expect(readFileSync(path.join(dir, 'backup', 'manifest.json'), 'utf8')).not.toContain('c'.repeat(64));

  for (const name of SUBGRAPHS) await dropDatabase(databaseUrlFor(name));
  expect(await restore(path.join(dir, 'backup'))).toEqual([...SUBGRAPHS]);
  for (const name of SUBGRAPHS) expect({ name, tables: await contents(name) }).toEqual({ name, tables: before[name] });
});

test('a restore with another data key, or from a damaged dump, is refused before any database is touched', async () => {
  const before = await contents('police');
  const key = process.env.POLICE_DATA_KEY;
  process.env.POLICE_DATA_KEY = 'e'.repeat(64);
  await expect(restore(path.join(dir, 'backup'))).rejects.toThrow(/POLICE_DATA_KEY is not the key this backup was made with/);
  process.env.POLICE_DATA_KEY = key;
  const file = path.join(dir, 'backup', 'police.dump');
  const dump = readFileSync(file);
  writeFileSync(file, Buffer.concat([dump.subarray(0, dump.length - 10), Buffer.from('damaged!!!')]));
  await expect(restore(path.join(dir, 'backup'))).rejects.toThrow(/police.dump is damaged/);
  expect(await contents('police')).toEqual(before);
});
