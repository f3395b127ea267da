import { EmbeddedServer } from '@qn/dev';
import { dropTemplates } from './templates';

export default async function globalTeardown(): Promise<void> {
  // Only the templates this run named (a run inside another leaves them to it: global-setup.ts).
  const prefix = (globalThis as { __QN_TEMPLATES__?: string }).__QN_TEMPLATES__;
  if (process.env.DATABASE_URL && prefix) await dropTemplates(process.env.DATABASE_URL, prefix);
  const server = (globalThis as { __QN_PG__?: EmbeddedServer }).__QN_PG__;
  if (server) await server.stop();
}
