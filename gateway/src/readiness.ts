import { Readiness } from '@qn/common';

/** The gateway is ready when every subgraph says it is ready (each within two seconds). */
export async function subgraphsReadiness(subgraphUrls: Record<string, string>): Promise<Readiness> {
  const checks: Record<string, string> = {};
  await Promise.all(
    Object.entries(subgraphUrls).map(async ([name, url]) => {
      try {
        const response = await fetch(new URL('/ready', url), { signal: AbortSignal.timeout(2000) });
        checks[name] = response.ok ? 'ok' : 'not ready';
      } catch {
        checks[name] = 'unreachable';
      }
    }),
  );
  return { ready: Object.values(checks).every((check) => check === 'ok'), checks };
}
