import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '@qn/common';

/** With no DATABASE_URL, tests get a throwaway embedded PostgreSQL of their own. */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) return;
  const dir = mkdtempSync(path.join(tmpdir(), 'qn-test-'));
  const port = 55000 + Math.floor(Math.random() * 5000);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port, persistent: false });
  process.env.DATABASE_URL = server.url('postgres');
  (globalThis as { __QN_PG__?: unknown }).__QN_PG__ = server;
}
