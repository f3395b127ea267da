/**
 * Prints a new key set for the internal tokens of one deployment, as .env lines:
 * `npm run -s keys >> .env` (docker compose). The gateway's private key and each
 * subgraph's (`<NAME>_SERVICE_PRIVATE_KEY`) are secrets, each given to its own service
 * only; the public keys (`QN_GATEWAY_PUBLIC_KEY`, `QN_SERVICE_PUBLIC_KEYS`) are given to
 * every subgraph. On Kubernetes the private keys go into the secret qn-secrets and the
 * public keys into the config map qn-public-keys (deploy/k8s/kustomization.yaml).
 * `npm start` and the tests make a set of their own at every start.
 */
import { deploymentKeyVariables, generateInternalKeys, SUBGRAPHS } from '@qn/common';

async function main() {
  const variables = deploymentKeyVariables(await generateInternalKeys(SUBGRAPHS));
  // Single quotes: a .env value taken as written (the JWKs' JSON has double quotes and no single ones).
  for (const [name, value] of Object.entries(variables)) console.log(`${name}='${value}'`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
