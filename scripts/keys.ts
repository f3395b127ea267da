/**
 * Prints a new key set for the internal tokens of one deployment, and the database
 * passwords, as .env lines: `npm run -s keys >> .env` (docker compose). The gateway's private key and each
 * subgraph's (`<NAME>_SERVICE_PRIVATE_KEY`) are secrets, each given to its own service
 * only; the public keys (`QN_GATEWAY_PUBLIC_KEY`, `QN_SERVICE_PUBLIC_KEYS`) are given to
 * every subgraph. On Kubernetes the private keys go into the secret qn-secrets and the
 * public keys into the config map qn-public-keys (deploy/k8s/kustomization.yaml).
 * The passwords: the PostgreSQL administrator's (`POSTGRES_PASSWORD`, the postgres
 * service and the migration job only), and each agency's owner's
 * (`<NAME>_DATABASE_PASSWORD`, the migration job only) and service role's
 * (`<NAME>_SERVICE_DATABASE_PASSWORD`, the migration job and that agency's subgraph);
 * on Kubernetes, where every agency has a server of its own, `<NAME>_POSTGRES_PASSWORD`
 * too. `npm run migrate` sets the owners' and service roles' passwords at every run, so a
 * new one takes effect with the next deployment; the administrator's is the server's own
 * (set once, when its data directory is made).
 * `npm start` and the tests make a set of their own at every start.
 */
import { randomBytes } from 'node:crypto';
import { deploymentKeyVariables, generateInternalKeys, SUBGRAPHS } from '@qn/common';

/** Hex: a password that needs no escaping in the connection URLs it is written into. */
const password = () => randomBytes(24).toString('hex');

function databasePasswords(): Record<string, string> {
  const variables: Record<string, string> = { POSTGRES_PASSWORD: password() };
  for (const name of SUBGRAPHS) {
    const NAME = name.toUpperCase();
    variables[`${NAME}_POSTGRES_PASSWORD`] = password();
    variables[`${NAME}_DATABASE_PASSWORD`] = password();
    variables[`${NAME}_SERVICE_DATABASE_PASSWORD`] = password();
  }
  return variables;
}

async function main() {
  const variables = { ...deploymentKeyVariables(await generateInternalKeys(SUBGRAPHS)), ...databasePasswords() };
  // Single quotes: a .env value taken as written (the JWKs' JSON has double quotes and no single ones).
  for (const [name, value] of Object.entries(variables)) console.log(`${name}='${value}'`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
