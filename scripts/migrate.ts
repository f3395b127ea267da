/**
 * Runs the pending migrations of every subgraph (or those named) and exits:
 * `npm run migrate [-- labour police]`. The deployment's one migration job; the services
 * then start with QN_MIGRATE=0 and report /ready once nothing is pending.
 */
import { databaseUrlFor, openDatabase, subgraphDataSource, SUBGRAPHS } from '@qn/common';
import { loadSubgraph } from './subgraphs';

async function main() {
  const names = process.argv.slice(2).length ? process.argv.slice(2) : [...SUBGRAPHS];
  for (const name of names) {
    const dataSource = await openDatabase(subgraphDataSource(loadSubgraph(name), databaseUrlFor(name)));
    const applied = await dataSource.query('SELECT count(*)::int AS n FROM migrations');
    console.log(`${name}: migrations up to date (${applied[0].n} applied)`);
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
