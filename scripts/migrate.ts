/**
 * Prepares the database of every subgraph (or those named) and exits:
 * `npm run migrate [-- labour police]`. The deployment's one migration job; the services
 * then start with QN_MIGRATE=0 and report /ready once nothing is pending.
 *
 * For each subgraph, as its owner (`<NAME>_DATABASE_URL`, or DATABASE_URL's server with
 * the database qn_<name>): the pending migrations, the reference data, the generated data
 * with QN_SAMPLE_DATA=1 (from a checkout only: the release has none), and the grants of
 * its service role (`<NAME>_SERVICE_DATABASE_URL`, or `<database>_service`). When `<NAME>_DATABASE_URL` names an owner of its own and
 * DATABASE_URL the server's administrator, the administrator first makes the owner, the
 * service role and the database, closed to every other role (`provisionDatabase`): then
 * each service can be given its service role's URL only.
 */
import { databaseUrlFor, envName, prepareDatabase, provisionDatabase, SUBGRAPHS, withConnection } from '@qn/common';
import { loadSampleData, loadSubgraph } from './subgraphs';

const userOf = (url: string) => decodeURIComponent(new URL(url).username);

const countMigrations = (url: string) =>
  withConnection(url, async (client) => (await client.query('SELECT count(*)::int AS n FROM migrations')).rows[0].n as number);

async function main() {
  const names = process.argv.slice(2).length ? process.argv.slice(2) : [...SUBGRAPHS];
  const admin = process.env.DATABASE_URL;
  for (const name of names) {
    const definition = loadSubgraph(name);
    const sampleData = process.env.QN_SAMPLE_DATA === '1' ? loadSampleData(name) : undefined;
    const ownerUrl = databaseUrlFor(name);
    const serviceUrl = process.env[envName(name, 'SERVICE_DATABASE_URL')] || undefined;
    const provisioned = Boolean(admin && process.env[envName(name, 'DATABASE_URL')] && userOf(admin) !== userOf(ownerUrl));
    if (provisioned) await provisionDatabase(admin!, ownerUrl, serviceUrl);
    const grantedUrl = await prepareDatabase(definition, { ownerUrl, serviceUrl, sampleData });
    const applied = await countMigrations(ownerUrl);
    const made = provisioned ? `; owner ${userOf(ownerUrl)} and ` : '; ';
    console.log(`${name}: migrations up to date (${applied} applied)${made}service role ${userOf(grantedUrl)} granted its rows`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
