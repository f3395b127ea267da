/**
 * `npm start`: the whole system on one machine. Without DATABASE_URL it runs an
 * embedded PostgreSQL (data kept in .data/postgres, so a restart loses nothing); then
 * the migration job with the generated data (`npm run migrate`, QN_SAMPLE_DATA=1, unless
 * QN_SAMPLE_DATA=0), and every subgraph and the gateway as processes of their own.
 * Ctrl-C stops all.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { DATA_KEYS, databaseUrlFor, DEFAULT_PORTS, envName, environmentFor, generateInternalKeys, intFromEnv, SUBGRAPHS, withConnection } from '@qn/common';
import { EmbeddedServer, startEmbeddedPostgres } from '@qn/dev';

const root = path.resolve(__dirname, '..');
const children: ChildProcess[] = [];
let database: EmbeddedServer | undefined;
let stopping = false;

/** One log line for a terminal: services log JSON, shown here as `level message {fields}`. */
function readable(line: string): { text: string; entry?: Record<string, unknown> } {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line);
  } catch {
    return { text: line };
  }
  if (typeof entry !== 'object' || entry === null || typeof entry.msg !== 'string') return { text: line };
  const { level, msg, time: _time, service: _service, pid: _pid, hostname: _hostname, ...fields } = entry;
  const rest = Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : '';
  return { text: `${String(level)} ${msg}${rest}`, entry };
}

/** Runs a TypeScript file as a process of its own, its lines shown as `[name] …`; `onEntry` sees each JSON log entry. */
function spawnScript(name: string, args: string[], env: NodeJS.ProcessEnv, onEntry: (entry: Record<string, unknown>) => void = () => undefined): ChildProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const relay = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) => {
    let buffer = '';
    stream.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        const { text, entry } = readable(line);
        out.write(`[${name}] ${text}\n`);
        if (entry) onEntry(entry);
      }
    });
  };
  relay(child.stdout!, process.stdout);
  relay(child.stderr!, process.stderr);
  return child;
}

/** Starts one service and resolves with the URL it reports once it listens. */
function startProcess(name: string, entry: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawnScript(name, [entry], env, (line) => {
      if (typeof line.url === 'string' && String(line.msg).includes('ready at')) resolve(line.url);
    });
    child.on('exit', (code) => {
      if (!stopping) reject(new Error(`${name} exited with code ${code} while starting`));
    });
  });
}

/** The database's identity (its server's OID for it), or null when it cannot be reached (not made yet). */
async function databaseIdentity(name: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  try {
    return await withConnection(databaseUrlFor(name, env), async (client) => {
      const { rows } = await client.query<{ oid: string }>('SELECT oid::text AS oid FROM pg_database WHERE datname = current_database()');
      return rows[0]?.oid ?? null;
    });
  } catch {
    return null;
  }
}

/**
 * `npm run migrate <name>` with the generated data (loaded into an empty database only);
 * resolves once it succeeded. A database the job has already filled (the same database:
 * its OID, kept in .data/generated/<name>) is left to its service, which migrates it on
 * start, so a restart spends no process on it; a database made again is filled again.
 */
async function loadGeneratedData(name: string, env: NodeJS.ProcessEnv): Promise<void> {
  const marker = path.join(root, '.data', 'generated', name);
  const before = await databaseIdentity(name, env);
  if (before && existsSync(marker) && readFileSync(marker, 'utf8') === before) return;
  await new Promise<void>((resolve, reject) => {
    const child = spawnScript(name, ['scripts/migrate.ts', name], { ...env, QN_SAMPLE_DATA: '1' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${name}: the migration job exited with code ${code}`))));
  });
  const after = await databaseIdentity(name, env);
  if (after) {
    mkdirSync(path.dirname(marker), { recursive: true });
    writeFileSync(marker, after);
  }
}

async function stopAll(): Promise<void> {
  stopping = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  if (database) await database.stop();
}

/**
 * The agencies' data keys must survive restarts (encrypted data and pseudonymous codes
 * depend on them): created once in .data/keys.env unless the environment gives them.
 */
function ensureDataKeys(env: NodeJS.ProcessEnv): void {
  const file = path.join(root, '.data', 'keys.env');
  const stored = existsSync(file)
    ? Object.fromEntries(
        readFileSync(file, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => line.split('=') as [string, string]),
      )
    : {};
  for (const key of DATA_KEYS) stored[key] ??= randomBytes(32).toString('hex');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    `${Object.entries(stored)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n')}\n`,
    { mode: 0o600 },
  );
  for (const key of DATA_KEYS) env[key] ??= stored[key];
}

async function main() {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'development' };
  ensureDataKeys(env);
  // The internal tokens' keys: a new set every run (nothing depends on them after a stop), and each
  // process gets only its own private key: the gateway its own, each subgraph its own (and the public keys).
  const keys = await generateInternalKeys(SUBGRAPHS);
  const own = (service: string) => environmentFor(service, env, keys);
  if (!env.DATABASE_URL) {
    const port = intFromEnv('QN_PG_PORT', 5433);
    console.log(`starting embedded PostgreSQL on port ${port} (data in .data/postgres)`);
    database = await startEmbeddedPostgres({ dataDir: path.join(root, '.data', 'postgres'), port });
    env.DATABASE_URL = database.url('postgres');
  }
  // Each service listens on <NAME>_PORT (GATEWAY_PORT) or its default; the others find it there.
  for (const name of SUBGRAPHS) {
    env[envName(name, 'URL')] ??= `http://localhost:${intFromEnv(envName(name, 'PORT'), DEFAULT_PORTS[name])}/graphql`;
  }
  // The generated data (on the first run: into empty databases) comes from the development package (@qn/dev), which
  // the services never load: the migration job loads it first, one job per subgraph side by side, for the databases
  // it has not filled before.
  if (env.QN_SAMPLE_DATA !== '0') await Promise.all(SUBGRAPHS.map((name) => loadGeneratedData(name, environmentFor(name, env))));
  const urls: Record<string, string> = {};
  // The subgraphs start side by side: each migrates its own database (nothing is pending after the job) and loads
  // its reference data; none needs another to start (their addresses are set above). Each process gets only its own
  // agency's data key and its own internal keys; the gateway no data key, and no database URL.
  await Promise.all(
    SUBGRAPHS.map(async (name) => {
      urls[name] = await startProcess(name, `subgraphs/${name}/src/index.ts`, own(name));
    }),
  );
  const gatewayEnv = own('gateway');
  delete gatewayEnv.DATABASE_URL;
  urls.gateway = await startProcess('gateway', 'gateway/src/index.ts', gatewayEnv);
  const gateway = urls.gateway;
  console.log(`
The graph is up (the ports actually listened on):
  gateway      ${gateway}  (all agencies in one graph; open it in a browser for the IDE)
${SUBGRAPHS.map((name) => `  ${name.padEnd(12)} ${urls[name]}graphql`).join('\n')}
Every service also answers /health, /ready and /metrics.
Try: curl -s ${gateway} -H 'content-type: application/json' \\
       -d '{"query":"{ indicators { code title result(period: \\"2024\\") { value status } } }"}'
Ctrl-C stops everything.`);
}

process.on('SIGINT', () => stopAll().then(() => process.exit(0)));
process.on('SIGTERM', () => stopAll().then(() => process.exit(0)));
main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await stopAll();
  process.exit(1);
});
