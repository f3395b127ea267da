import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '@qn/dev';
import { TEMPLATE_PREFIX_ENV } from './templates';

/**
 * With no DATABASE_URL, tests get a throwaway embedded PostgreSQL of their own. Either
 * way, this run's template databases get a name of their own (test/templates.ts), unless
 * the run is started by a test of another run (test/new-agency.test.ts runs jest in a copy
 * of the repository): it then shares that run's templates, on that run's server, and leaves
 * dropping them to it (global-teardown.ts).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env[TEMPLATE_PREFIX_ENV] && process.env.DATABASE_URL) return;
  process.env[TEMPLATE_PREFIX_ENV] = `qn_tpl_${process.pid}_`;
  (globalThis as { __QN_TEMPLATES__?: string }).__QN_TEMPLATES__ = process.env[TEMPLATE_PREFIX_ENV];
  if (process.env.DATABASE_URL) return;
  const dir = mkdtempSync(path.join(tmpdir(), 'qn-test-'));
  const port = 55000 + Math.floor(Math.random() * 5000);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port, persistent: false, durable: false });
  process.env.DATABASE_URL = server.url('postgres');
  (globalThis as { __QN_PG__?: unknown }).__QN_PG__ = server;
}
