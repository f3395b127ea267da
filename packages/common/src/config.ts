/** Configuration from the environment; a missing or malformed value stops start-up with a message naming it. */

export const SUBGRAPHS = ['labour', 'police', 'health', 'education', 'information'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];

export const DEFAULT_PORTS: Record<SubgraphName | 'gateway', number> = {
  gateway: 4000,
  labour: 4001,
  police: 4002,
  health: 4003,
  education: 4004,
  information: 4005,
};

export function envName(subgraph: string, suffix: string): string {
  return `${subgraph.toUpperCase()}_${suffix}`;
}

/**
 * A whole number from the environment variable `name` (`fallback` when unset or empty),
 * from 0 to `max` (65535 unless said: ports and short intervals); anything else stops the
 * service with a message naming the variable.
 */
export function intFromEnv(name: string, fallback: number, options: { max?: number; env?: NodeJS.ProcessEnv } = {}): number {
  const { max = 65535, env = process.env } = options;
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0 || value > max) {
    throw new Error(`${name} must be a whole number ${max === Number.MAX_SAFE_INTEGER ? '(0 or more)' : `from 0 to ${max}`}, got '${raw}'`);
  }
  return value;
}

/**
 * The database of one subgraph: `<NAME>_DATABASE_URL` when set, otherwise the
 * server of `DATABASE_URL` with the database `qn_<name>`.
 */
export function databaseUrlFor(subgraph: string, env: NodeJS.ProcessEnv = process.env): string {
  const own = env[envName(subgraph, 'DATABASE_URL')];
  if (own) return own;
  const shared = env.DATABASE_URL;
  if (!shared) {
    throw new Error(`${envName(subgraph, 'DATABASE_URL')} or DATABASE_URL must be set (npm start sets it for the embedded PostgreSQL)`);
  }
  let url: URL;
  try {
    url = new URL(shared);
  } catch {
    throw new Error(`DATABASE_URL is not a URL: '${shared}'`);
  }
  url.pathname = `/${env.QN_DATABASE_PREFIX ?? 'qn_'}${subgraph}`;
  return url.toString();
}

export function subgraphUrlFor(subgraph: string, env: NodeJS.ProcessEnv = process.env): string {
  return env[envName(subgraph, 'URL')] ?? `http://localhost:${DEFAULT_PORTS[subgraph as SubgraphName]}/graphql`;
}
