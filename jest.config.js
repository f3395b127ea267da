/** Tests run against a real PostgreSQL: the embedded one (started in globalSetup) or DATABASE_URL. */
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
      },
    ],
    // Hive Gateway's Rust planner is loaded with a dynamic import(), which jest's module
    // sandbox refuses without --experimental-vm-modules: compiled like our code, it is a require().
    '/node_modules/@graphql-hive/router-runtime/.+\\.cjs$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!@graphql-hive/router-runtime/)'],
  testMatch: [
    '<rootDir>/test/**/*.test.ts',
    '<rootDir>/subgraphs/*/test/**/*.test.ts',
    '<rootDir>/packages/*/test/**/*.test.ts',
    '<rootDir>/packages/*/src/**/*.test.ts',
    '<rootDir>/subgraphs/*/src/**/*.test.ts',
    '<rootDir>/gateway/test/**/*.test.ts',
  ],
  // The longest files first, also before jest has their durations (test/sequencer.mjs).
  testSequencer: '<rootDir>/test/sequencer.mjs',
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 120000,
  // Test files run in parallel: each starts its system on free ports and databases named
  // after its worker's pid (test/harness.ts), cloned from templates built once per run.
  maxWorkers: '100%',
};
