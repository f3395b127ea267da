import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildClientSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema } from 'graphql';
import { auditServer } from 'graphql-http';
import { mintDevToken } from '@qn/dev';
import { caller, dataOf, startSystem, TestSystem } from './harness';

/** What a client of the gateway relies on: the committed client schema, generated types, GraphQL over HTTP. */
const root = path.resolve(__dirname, '..');
let system: TestSystem;
beforeAll(async () => {
  system = await startSystem({ as: caller('LABOUR', 'COORDINATOR') });
});
afterAll(() => system.stop());

test('schema/client.graphql is exactly what the gateway serves by introspection: no federation internals', async () => {
  const data = dataOf(await system.query(getIntrospectionQuery()));
  const served = `${printSchema(lexicographicSortSchema(buildClientSchema(data))).trim()}\n`;
  const committed = readFileSync(path.join(root, 'schema', 'client.graphql'), 'utf8');
  expect(served).toBe(committed);
  expect(committed).not.toMatch(/_entities|_service|join__|link__|_Any\b|@key|@external/);
});

test("codegen.ts's output for the saved operations type-checks, with the date scalars as strings", () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'qn-codegen-'));
  try {
    execFileSync(path.join(root, 'node_modules', '.bin', 'graphql-codegen'), ['--config', 'codegen.ts', '--silent'], {
      cwd: root,
      env: { ...process.env, CODEGEN_OUT: path.join(dir, 'graphql.ts') },
      stdio: 'pipe',
    });
    // A client's use of the types: each line type-checks only if the generated types are right.
    writeFileSync(
      path.join(dir, 'usage.ts'),
      `
import type { DashboardQuery, CompletenessQuery, OpenDraftsMutationVariables, IndicatorStatus } from './graphql';
const answer: DashboardQuery = { indicators: [], progress: [], byDistrict: null };
const code: string = answer.indicators[0]?.code ?? '';
const status: IndicatorStatus | undefined = answer.indicators[0]?.result?.status;
type Submitted = CompletenessQuery['reports'][number]['submittedAt'];
const at: Submitted = '2024-09-14T02:00:00.000Z';
const never: Submitted = null;
// @ts-expect-error a DateTimeISO is a string, never a Date
const wrong: Submitted = new Date();
// @ts-expect-error the period of OpenDrafts is required
const missing: OpenDraftsMutationVariables = {};
export { code, status, at, never, wrong, missing };
`,
    );
    execFileSync(
      process.execPath,
      [
        path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
        '--noEmit',
        '--strict',
        '--skipLibCheck',
        '--target',
        'es2022',
        '--moduleResolution',
        'node',
        path.join(dir, 'usage.ts'),
        path.join(dir, 'graphql.ts'),
      ],
      { stdio: 'pipe' },
    );
  } catch (error) {
    const failure = error as { stdout?: Buffer; stderr?: Buffer; message: string };
    throw new Error(`${failure.message}\n${failure.stdout?.toString() ?? ''}${failure.stderr?.toString() ?? ''}`, { cause: error });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('GraphQL over HTTP', () => {
  const get = (query: string, headers: Record<string, string>) =>
    fetch(`${system.gateway.url}?query=${encodeURIComponent(query)}`, { headers: { accept: 'application/graphql-response+json', ...headers } });

  test('a GET query with a bearer token (as urql sends it) is answered as application/graphql-response+json', async () => {
    const response = await get('{ agencies { code } }', { authorization: `Bearer ${await mintDevToken(caller('LABOUR', 'COORDINATOR'))}` });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(((await response.json()) as { data: { agencies: unknown[] } }).data.agencies).toHaveLength(18); // section V's 16 and the two that took over duties in 2025
  });

  test('a mutation by GET is refused (405) and changes nothing; an anonymous simple GET needs a preflight header', async () => {
    const token = await mintDevToken(caller('LABOUR', 'COORDINATOR'));
    const mutation = await get('mutation { createReportDrafts(input: { period: "2024Q3", idempotencyKey: "by-get" }) { id } }', {
      authorization: `Bearer ${token}`,
    });
    expect(mutation.status).toBe(405);
    const reports = dataOf(await system.query('{ reports(period: "2024Q3") { id } }'));
    expect(reports.reports).toEqual([]);
    // A cross-site page can send this without the browser asking first: CSRF prevention refuses it.
    expect((await get('{ agencies { code } }', {})).status).toBe(400);
    expect((await get('{ agencies { code } }', { 'apollo-require-preflight': 'true' })).status).toBe(200);
  });

  // README ("GraphQL over HTTP") gives the reason for each warning left.
  const JUSTIFIED_WARNINGS = new Set(['572B', 'FDE2', '7B9B']);

  test("graphql-http's audit finds no error and no warning other than the ones README justifies", async () => {
    const results = await auditServer({ url: system.gateway.url });
    const failed = results.filter((result) => result.status === 'error').map((result) => `${result.id} ${result.name}`);
    expect(failed).toEqual([]);
    const warned = results.filter((result) => result.status === 'warn').map((result) => result.id);
    expect(warned.filter((id) => !JUSTIFIED_WARNINGS.has(id))).toEqual([]);
    expect(results.filter((result) => result.status === 'ok').length).toBeGreaterThanOrEqual(53);
  });
});
