/**
 * What development and the tests need and a deployment never runs: the embedded PostgreSQL,
 * the seeded generator behind the generated 2021–2025 data and the development key's tokens.
 * Production code (subgraphs' and the gateway's src) never imports it (eslint.config.mjs), and
 * the release (scripts/release.sh, the Dockerfile) neither copies nor installs it.
 */
export * from './embedded';
export * from './random';
export * from './seeding';
export * from './tokens';
