/**
 * `npm run backup -- <dir>`: one pg_dump (custom format) of each agency's database into
 * <dir>, and manifest.json with each dump's SHA-256 and its latest migration, and a
 * fingerprint of each data key. The keys themselves are not written: encrypted columns
 * and pseudonymous codes can be read back only with the same keys, kept apart from the
 * dumps (`npm run restore` refuses other keys).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { DATA_KEYS, databaseUrlFor, SUBGRAPHS } from '@qn/common';
import { fingerprint, postgresTool, serverMajor, sha256File } from './backup/postgres-tools';

export interface BackupManifest {
  createdAt: string;
  postgres: number;
  databases: Record<string, { file: string; sha256: string; latestMigration: string | null }>;
  keys: Record<string, string | null>;
}

export async function backup(dir: string, names: readonly string[] = SUBGRAPHS): Promise<BackupManifest> {
  mkdirSync(dir, { recursive: true });
  const manifest: BackupManifest = { createdAt: new Date().toISOString(), postgres: 0, databases: {}, keys: {} };
  for (const name of names) {
    const url = databaseUrlFor(name);
    const major = await serverMajor(url);
    manifest.postgres = major;
    const client = new Client({ connectionString: url });
    await client.connect();
    const latest = await client.query('SELECT name FROM migrations ORDER BY timestamp DESC LIMIT 1').finally(() => client.end());
    const file = `${name}.dump`;
    execFileSync(postgresTool('pg_dump', major), ['--format=custom', '--no-owner', '--no-privileges', `--file=${path.join(dir, file)}`, url], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    manifest.databases[name] = { file, sha256: sha256File(readFileSync(path.join(dir, file))), latestMigration: latest.rows[0]?.name ?? null };
  }
  for (const key of DATA_KEYS) manifest.keys[key] = process.env[key] ? fingerprint(process.env[key]!) : null;
  writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: npm run backup -- <dir> (DATABASE_URL or <SUBGRAPH>_DATABASE_URL, and the data keys, as for the services)');
    process.exit(1);
  }
  backup(path.resolve(dir))
    .then((manifest) => console.log(`backed up ${Object.keys(manifest.databases).join(', ')} to ${dir} (PostgreSQL ${manifest.postgres})`))
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
