import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * `npm run new-agency -- culture` in a copy of the repository (this one is left as it is):
 * the new subgraph must type-check, pass the linter, migrate, compose into the supergraph,
 * pass its generated test through the gateway, and be in SUBGRAPHS (which npm start runs).
 */
const root = path.resolve(__dirname, '..');
let copy: string;

function inCopy(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { cwd: copy, env: { ...process.env, LOG_LEVEL: 'silent' }, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${failure.message}\n${failure.stdout ?? ''}${failure.stderr ?? ''}`, { cause: error });
  }
}
const node = (...args: string[]) => inCopy(process.execPath, ['-r', '@swc-node/register', ...args]);

beforeAll(() => {
  copy = mkdtempSync(path.join(tmpdir(), 'qn-new-agency-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    try {
      cpSync(path.join(root, file), path.join(copy, file));
    } catch {
      // A file deleted in the working tree but not yet in the index.
    }
  }
  // The installed packages, except that the workspaces point at the copy's own folders.
  mkdirSync(path.join(copy, 'node_modules', '@qn'), { recursive: true });
  for (const entry of readdirSync(path.join(root, 'node_modules'))) {
    if (entry !== '@qn') symlinkSync(path.join(root, 'node_modules', entry), path.join(copy, 'node_modules', entry));
  }
  for (const name of readdirSync(path.join(copy, 'packages'))) {
    symlinkSync(path.join(copy, 'packages', name), path.join(copy, 'node_modules', '@qn', name));
    // A workspace's own versions of a package (npm nests them where the root has another version).
    const nested = path.join('packages', name, 'node_modules');
    if (existsSync(path.join(root, nested))) symlinkSync(path.join(root, nested), path.join(copy, nested));
  }
  symlinkSync(path.join(copy, 'gateway'), path.join(copy, 'node_modules', '@qn', 'gateway'));
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

test('npm run new-agency -- culture writes a subgraph that migrates, composes, passes its test and is started with the others', () => {
  const output = node('scripts/new-agency.ts', 'culture', '--skip-install');
  expect(output).toContain('Left to you');
  const migrations = path.join(copy, 'subgraphs', 'culture', 'src', 'db', 'migrations');
  const init = readdirSync(migrations).find((file) => /^\d+-Init\.ts$/.test(file));
  expect(init).toBeDefined();
  // Its table raises the data version its kept results depend on (test/data-version.test.ts checks it below).
  expect(readFileSync(path.join(migrations, init!), 'utf8')).toMatch(
    /CREATE TRIGGER \\?"culture_activity_data_version\\?" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE/,
  );

  // Composed: the supergraph joins it, and the client schema carries its fields.
  expect(readFileSync(path.join(copy, 'schema', 'supergraph.graphql'), 'utf8')).toMatch(
    /CULTURE @join__graph\(name: "culture", url: "http:\/\/localhost:4006\/graphql"\)/,
  );
  expect(readFileSync(path.join(copy, 'schema', 'client.graphql'), 'utf8')).toContain('cultureActivities(');
  node('scripts/schema.ts', '--check');
  expect(node('-e', "console.log(JSON.stringify(require('@qn/common').SUBGRAPHS))").trim()).toBe(
    JSON.stringify(['labour', 'police', 'health', 'education', 'information', 'culture']),
  );

  inCopy(process.execPath, [path.join(copy, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', 'subgraphs/culture/tsconfig.json']);
  inCopy(process.execPath, [path.join(copy, 'node_modules', 'eslint', 'bin', 'eslint.js'), 'subgraphs/culture', 'packages/common/src/config.ts']);
  // Laid out as the rest of the repository (CI runs format:check).
  inCopy(process.execPath, [
    path.join(copy, 'node_modules', 'prettier', 'bin', 'prettier.cjs'),
    '--check',
    'subgraphs/culture',
    'packages/common/src/config.ts',
    'eslint.config.mjs',
  ]);
  // Its generated test, against the test PostgreSQL, through the gateway of all six (a failure throws).
  // And the deployment's checks, now over six subgraphs: its Kubernetes objects and the gateway's URL for it;
  // that every table of the six, culture's included, keeps a data version; and that everything it adds
  // to the client schema has a description.
  inCopy(process.execPath, [
    path.join(copy, 'node_modules', 'jest', 'bin', 'jest.js'),
    '--runInBand',
    'subgraphs/culture/test',
    'test/deploy.test.ts',
    'test/data-version.test.ts',
    'test/schema.test.ts',
  ]);
  expect(readFileSync(path.join(copy, 'docker-compose.yml'), 'utf8')).toContain('command: ["node", "subgraphs/culture/src/index.js"]');
});
