import { EmbeddedServer } from '@qn/common';
import { dropTemplates, TEMPLATE_PREFIX_ENV } from './templates';

export default async function globalTeardown(): Promise<void> {
  const prefix = process.env[TEMPLATE_PREFIX_ENV];
  if (process.env.DATABASE_URL && prefix) await dropTemplates(process.env.DATABASE_URL, prefix);
  const server = (globalThis as { __QN_PG__?: EmbeddedServer }).__QN_PG__;
  if (server) await server.stop();
}
