import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The import rules of eslint.config.mjs refuse what they promise to refuse: each case is
 * a file that would sit at `file` in the tree (it is linted as text, never written).
 * ESLint loads its config with a dynamic import, which jest's module sandbox cannot run,
 * so every case is linted in one child process.
 */
const root = path.resolve(__dirname, '..');
const LINT = `
const { ESLint } = require('eslint');
const cases = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
const eslint = new ESLint({ cwd: process.cwd() });
Promise.all(cases.map(async ({ file, code }) => {
  const [result] = await eslint.lintText(code, { filePath: require('node:path').resolve(file) });
  return result.messages.filter((m) => ['import-x/no-restricted-paths', 'no-restricted-imports'].includes(m.ruleId)).map((m) => m.message);
})).then((errors) => process.stdout.write(JSON.stringify(errors)));
`;

const refused: [string, string, string, string][] = [
  ['a subgraph importing another', 'subgraphs/police/src/probe.ts', "import { labour } from '../../labour/src/server';", 'a subgraph never imports another'],
  [
    'product code importing test code',
    'subgraphs/labour/src/probe.ts',
    "import { startSystem } from '../../../test/harness';",
    'product code never imports test code',
  ],
  ['the gateway importing test code', 'gateway/src/probe.ts', "import { startSystem } from '../../test/harness';", 'product code never imports test code'],
  [
    'common importing a subgraph',
    'packages/common/src/probe.ts',
    "import { labour } from '../../../subgraphs/labour/src/server';",
    'shared packages know no subgraph',
  ],
  [
    'the catalogue importing records',
    'subgraphs/labour/src/catalogue/probe.ts',
    "import { RECORD_ENTITIES } from '../records';",
    'catalogue sits below records',
  ],
  [
    'records importing reporting',
    'subgraphs/labour/src/records/probe.ts',
    "import { REPORTING_ENTITIES } from '../reporting';",
    'records sits below reporting',
  ],
  ['reporting importing budget', 'subgraphs/labour/src/reporting/probe.ts', "import { BUDGET_ENTITIES } from '../budget';", 'reporting sits below budget'],
  [
    'a room importing the assembly',
    'subgraphs/labour/src/catalogue/probe.ts',
    "import { labour } from '../server';",
    "does not import the subgraph's assembly",
  ],
  [
    'a room entered past its index',
    'subgraphs/labour/src/records/probe.ts',
    "import { Agency } from '../catalogue/entities/agency';",
    'enter catalogue through its index.ts',
  ],
  [
    'an entity importing a loader',
    'subgraphs/labour/src/catalogue/entities/probe.ts',
    "import { byKey } from '../catalogue.loaders';",
    'entities sit below resolvers and loaders',
  ],
  [
    'an entity importing a resolver',
    'subgraphs/police/src/entities/probe.ts',
    "import { x } from '../resolvers/service-business.reference';",
    'entities sit below resolvers and loaders',
  ],
  [
    'a subgraph importing the development package',
    'subgraphs/health/src/probe.ts',
    "import { SeededRandom } from '@qn/dev';",
    'production code never imports the development package',
  ],
  [
    'the gateway importing the development package',
    'gateway/src/probe.ts',
    "import { mintDevToken } from '@qn/dev';",
    'production code never imports the development package',
  ],
  [
    'common importing the development package by path',
    'packages/common/src/probe.ts',
    "import { startEmbeddedPostgres } from '../../dev/src/embedded';",
    'production code never imports the development package',
  ],
  [
    "a subgraph's assembly importing its generated data",
    'subgraphs/police/src/server.ts',
    "import { generateSampleData } from './db/sample-data';",
    'production code never imports generated data',
  ],
  [
    'a room importing its generated data',
    'subgraphs/labour/src/records/probe.ts',
    "import { generateRecordsSampleData } from './records.sample-data';",
    'production code never imports generated data',
  ],
];

const allowed: [string, string, string][] = [
  ['a room importing a room below through its index', 'subgraphs/labour/src/budget/probe.ts', "import { TaskRow } from '../catalogue';"],
  ['a subgraph importing common', 'subgraphs/police/src/probe.ts', "import { territory } from '@qn/common';"],
  ['a subgraph test importing its own code', 'subgraphs/labour/test/probe.test.ts', "import { reportingPeriod } from '../src/reporting/calendar';"],
  ["a subgraph's generated data importing the development package", 'subgraphs/police/src/db/sample-data.ts', "import { SeededRandom } from '@qn/dev';"],
  [
    "labour's generated data gathering its rooms'",
    'subgraphs/labour/src/db/sample-data.ts',
    "import { generateRecordsSampleData } from '../records/records.sample-data';",
  ],
  ['a script importing the development package', 'scripts/probe.ts', "import { startEmbeddedPostgres } from '@qn/dev';"],
  ['a test importing the development package', 'test/probe.test.ts', "import { mintDevToken } from '@qn/dev';"],
];

const cases = [...refused, ...allowed].map(([, file, line]) => ({ file, code: `${line}\nexport const probe = 1;\n` }));
let results: string[][];

beforeAll(() => {
  results = JSON.parse(execFileSync(process.execPath, ['-e', LINT], { cwd: root, input: JSON.stringify(cases), encoding: 'utf8' }));
});

test.each(refused.map((c, i) => [...c, i] as const))('refuses %s', (_case, _file, _line, message, i) => {
  expect(results[i]).toHaveLength(1);
  expect(results[i][0]).toContain(message);
});

test.each(allowed.map((c, i) => [...c, refused.length + i] as const))('allows %s', (_case, _file, _line, i) => {
  expect(results[i]).toEqual([]);
});

test("CODEOWNERS names an owner for every subgraph, every room of labour's and every shared package", () => {
  const owned = new Set(
    readFileSync(path.join(root, 'CODEOWNERS'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('#'))
      .map((line) => line.split(/\s+/)[0]),
  );
  const folders = (dir: string) =>
    readdirSync(path.join(root, dir), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `/${dir}/${entry.name}/`);
  const rooms = folders('subgraphs/labour/src').filter((room) => !room.endsWith('/db/'));
  const expected = [...folders('subgraphs'), ...rooms, '/packages/', '/gateway/', '/schema/'];
  expect(expected.filter((folder) => !owned.has(folder))).toEqual([]);
});
