/**
 * `npm run restore -- <dir>`: puts every database of a backup (scripts/backup.ts) back,
 * each in one transaction (pg_restore --single-transaction --clean), after checking each
 * dump's SHA-256 and that the data keys in the environment are the ones the backup was
 * made with — restoring data the running keys cannot read would lose it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { DATA_KEYS, databaseUrlFor, ensureDatabase } from '@qn/common';
import type { BackupManifest } from './backup';
import { fingerprint, postgresTool, serverMajor, sha256File } from './backup/postgres-tools';

/** The latest migration applied to a database, by name (names end in their timestamp), or null when it has none. */
async function latestMigration(url: string): Promise<string | null> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT to_regclass('public.migrations') IS NOT NULL AS present");
    if (!rows[0].present) return null;
    const latest = await client.query('SELECT name, timestamp FROM migrations ORDER BY timestamp DESC LIMIT 1');
    return latest.rows[0]?.name ?? null;
  } finally {
    await client.end();
  }
}

export async function restore(dir: string): Promise<string[]> {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
  for (const key of DATA_KEYS) {
    const expected = manifest.keys[key];
    const actual = process.env[key] ? fingerprint(process.env[key]!) : null;
    if (expected !== actual) throw new Error(`${key} is not the key this backup was made with (fingerprint ${expected ?? 'none'}); set it before restoring`);
  }
  for (const entry of Object.values(manifest.databases)) {
    if (sha256File(readFileSync(path.join(dir, entry.file))) !== entry.sha256) throw new Error(`${entry.file} is damaged: its SHA-256 is not the manifest's`);
  }
  const restored: string[] = [];
  for (const [name, entry] of Object.entries(manifest.databases)) {
    const url = databaseUrlFor(name);
    await ensureDatabase(url);
    const newer = await latestMigration(url);
    const stamp = (migration: string) => Number(/(\d+)$/.exec(migration)?.[1] ?? 0);
    if (newer && entry.latestMigration && stamp(newer) > stamp(entry.latestMigration)) {
      throw new Error(`${name}: the database is at migration ${newer}, newer than the backup's ${entry.latestMigration}; restore into an empty database`);
    }
    const tool = postgresTool('pg_restore', await serverMajor(url));
    execFileSync(tool, ['--single-transaction', '--clean', '--if-exists', '--no-owner', '--no-privileges', `--dbname=${url}`, path.join(dir, entry.file)], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    restored.push(name);
  }
  return restored;
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: npm run restore -- <dir> (with the data keys the backup was made with)');
    process.exit(1);
  }
  restore(path.resolve(dir))
    .then((names) => console.log(`restored ${names.join(', ')} from ${dir}`))
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
