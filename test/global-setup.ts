import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '@qn/common';
import { TEMPLATE_PREFIX_ENV } from './templates';

/**
 * With no DATABASE_URL, tests get a throwaway embedded PostgreSQL of their own. Either
 * way, this run's template databases get a name of their own (test/templates.ts).
 */
export default async function globalSetup(): Promise<void> {
  process.env[TEMPLATE_PREFIX_ENV] = `qn_tpl_${process.pid}_`;
  if (process.env.DATABASE_URL) return;
  const dir = mkdtempSync(path.join(tmpdir(), 'qn-test-'));
  const port = 55000 + Math.floor(Math.random() * 5000);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port, persistent: false, durable: false });
  process.env.DATABASE_URL = server.url('postgres');
  (globalThis as { __QN_PG__?: unknown }).__QN_PG__ = server;
}
