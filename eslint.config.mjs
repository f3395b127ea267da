// The import rules are the point: they keep agencies apart and labour's rooms in order.
// Style is Prettier's business (`npm run format:check`), not the linter's.
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const SUBGRAPHS = ['labour', 'police', 'health', 'education', 'information'];
const LABOUR = './subgraphs/labour/src';

/** Each subgraph reads only its own code and the shared packages. */
const agencyZones = SUBGRAPHS.map((name) => ({
  target: `./subgraphs/${name}`,
  from: './subgraphs',
  except: [`./${name}`],
  message: 'a subgraph never imports another: cross-agency data goes through the graph',
}));

/**
 * Labour's rooms, bottom to top: catalogue → records → registry → notifications → reporting → budget → review. A room may
 * import the rooms below it, only through their index.ts, and never a room above it
 * or the subgraph's top-level files (schema.ts, server.ts, loaders.ts, index.ts).
 */
const ROOMS = ['catalogue', 'records', 'registry', 'notifications', 'reporting', 'budget', 'review'];
const TOP_LEVEL = ['schema.ts', 'server.ts', 'loaders.ts', 'index.ts'].map((f) => `${LABOUR}/${f}`);
const roomZones = ROOMS.flatMap((room, i) => [
  ...ROOMS.slice(i + 1).map((above) => ({
    target: `${LABOUR}/${room}`,
    from: `${LABOUR}/${above}`,
    message: `labour's ${room} sits below ${above}: imports run downward only`,
  })),
  ...ROOMS.slice(0, i).map((below) => ({
    target: `${LABOUR}/${room}`,
    from: `${LABOUR}/${below}`,
    except: ['./index.ts'],
    message: `enter ${below} through its index.ts`,
  })),
  { target: `${LABOUR}/${room}`, from: TOP_LEVEL, message: "a room does not import the subgraph's assembly" },
]);

/**
 * Production code: what the release compiles and the services run. It never imports the
 * development package (@qn/dev: embedded PostgreSQL, the generated data's generator,
 * development tokens), which production images do not install, nor a subgraph's generated
 * data. The generated data (`src/**\/*sample-data.ts`) is development code kept beside the
 * entities it fills: scripts/subgraphs.ts's `loadSampleData` loads it for `npm start`,
 * `npm run migrate` with QN_SAMPLE_DATA=1 and the tests.
 */
const PRODUCTION = ['packages/common/src/**/*.ts', 'subgraphs/*/src/**/*.ts', 'gateway/src/**/*.ts'];
const SAMPLE_DATA = ['subgraphs/*/src/**/*sample-data.ts'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', 'coverage/**', 'schema/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly' } },
  },
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...agencyZones,
            { target: './packages', from: ['./subgraphs', './gateway'], message: 'shared packages know no subgraph and no gateway' },
            { target: './packages/common', from: './packages/dev', message: 'production code never imports the development package (@qn/dev)' },
            { target: './gateway', from: './subgraphs', message: 'the gateway knows subgraphs only by their SDL and URL' },
            ...['./test', './packages/*/test/**', './subgraphs/*/test/**', './gateway/test'].map((from) => ({
              target: ['./packages/*/src/**', './subgraphs/*/src/**', './gateway/src/**'],
              from,
              message: 'product code never imports test code',
            })),
            {
              target: './subgraphs/*/src/**/entities/**',
              from: [
                './subgraphs/*/src/**/resolvers/**',
                './subgraphs/*/src/**/loaders/**',
                './subgraphs/*/src/**/*.loaders.ts',
                './subgraphs/*/src/**/*.resolver.ts',
              ],
              message: 'entities sit below resolvers and loaders',
            },
            ...roomZones,
          ],
        },
      ],
      // type-graphql's and TypeORM's APIs take `Function` (class lists) and `any`.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: PRODUCTION,
    ignores: [...SAMPLE_DATA, '**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^@qn/dev(/|$)|/packages/dev(/|$)', message: 'production code never imports the development package (@qn/dev)' },
            { regex: 'sample-data$', message: "production code never imports generated data: it is the development package's" },
          ],
        },
      ],
    },
  },
);
