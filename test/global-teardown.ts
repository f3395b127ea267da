import { EmbeddedServer } from '@qn/common';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __QN_PG__?: EmbeddedServer }).__QN_PG__;
  if (server) await server.stop();
}
