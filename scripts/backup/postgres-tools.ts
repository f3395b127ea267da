import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

/** The major version of the PostgreSQL server at `url`. */
export async function serverMajor(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SHOW server_version_num');
    return Math.floor(Number(rows[0].server_version_num) / 10000);
  } finally {
    await client.end();
  }
}

/**
 * pg_dump or pg_restore of the server's own major version (pg_dump refuses a newer
 * server): from PG_BIN, else Debian's /usr/lib/postgresql/<major>/bin, else PATH.
 */
export function postgresTool(tool: 'pg_dump' | 'pg_restore', major: number): string {
  const candidates = [process.env.PG_BIN && path.join(process.env.PG_BIN, tool), `/usr/lib/postgresql/${major}/bin/${tool}`, tool].filter((c): c is string =>
    Boolean(c),
  );
  for (const candidate of candidates) {
    if (candidate !== tool && !existsSync(candidate)) continue;
    try {
      const version = execFileSync(candidate, ['--version'], { encoding: 'utf8' });
      if (Number(/(\d+)\.\d+/.exec(version)?.[1]) === major) return candidate;
    } catch {
      // not on PATH
    }
  }
  throw new Error(
    `${tool} ${major} not found (the server is PostgreSQL ${major}): set PG_BIN, install postgresql-client-${major}, or run it inside the database's container`,
  );
}

/** What identifies a key without revealing it: the first 16 hex digits of its SHA-256. */
export function fingerprint(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

export function sha256File(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}
