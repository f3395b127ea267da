import { exportJWK, generateKeyPair, importJWK, importPKCS8, importSPKI, JWK, KeyLike } from 'jose';

/**
 * The keys of the internal tokens (internal-token.ts), one pair per process: the
 * gateway signs with its own private key and every subgraph verifies with the gateway's
 * public key; each subgraph signs its calls to other subgraphs with its own private key,
 * and verifies its callers with their public keys. No process holds another's private key.
 *
 * Configuration, one variable per key (a JWK as JSON, or PEM: PKCS#8 for a private key,
 * SPKI for a public one):
 * - gateway: `QN_GATEWAY_PRIVATE_KEY`;
 * - each subgraph: `QN_GATEWAY_PUBLIC_KEY`, `QN_SERVICE_PRIVATE_KEY` (its own) and
 *   `QN_SERVICE_PUBLIC_KEYS`, a JWKS of the subgraphs it accepts calls from, each key
 *   named by its subgraph (`kid`).
 */
export const INTERNAL_ALGORITHM = 'ES256';

/** An imported key of an internal token. */
export type InternalKey = KeyLike;

/** Every variable an internal key is read from. */
export const INTERNAL_KEY_VARIABLES = ['QN_GATEWAY_PRIVATE_KEY', 'QN_GATEWAY_PUBLIC_KEY', 'QN_SERVICE_PRIVATE_KEY', 'QN_SERVICE_PUBLIC_KEYS'] as const;

/** The variables one process reads its internal keys from (a subset of its environment). */
export type InternalKeyEnvironment = Record<string, string | undefined>;

/** What a subgraph holds: the gateway's public key, its own private key, its callers' public keys. */
export interface SubgraphKeys {
  gateway: KeyLike;
  own: KeyLike;
  services: ReadonlyMap<string, KeyLike>;
}

/** A key set for one deployment, as the variables hold it (JWK JSON). */
export interface InternalKeySet {
  gateway: { privateKey: string; publicKey: string };
  services: Record<string, { privateKey: string; publicKey: string }>;
}

const SERVICE_NAME = /^[a-z]{1,30}$/;

function parseJwk(name: string, text: string): JWK {
  try {
    return JSON.parse(text) as JWK;
  } catch {
    throw new Error(`${name} is neither a JWK (JSON) nor a PEM key`);
  }
}

async function importKey(name: string, text: string | undefined, kind: 'private' | 'public'): Promise<KeyLike> {
  if (!text || !text.trim()) throw new Error(`${name} must be set (an ${INTERNAL_ALGORITHM} ${kind} key, JWK or PEM)`);
  // A PEM key passed through an .env file may have its line breaks written as \n.
  const value = text.trim().replace(/\\n/g, '\n');
  try {
    if (value.startsWith('-----BEGIN')) {
      if (kind === 'private' && !value.startsWith('-----BEGIN PRIVATE KEY-----')) throw new Error('not a PKCS#8 private key');
      if (kind === 'public' && !value.startsWith('-----BEGIN PUBLIC KEY-----')) throw new Error('not an SPKI public key');
      return kind === 'private' ? await importPKCS8(value, INTERNAL_ALGORITHM) : await importSPKI(value, INTERNAL_ALGORITHM);
    }
    const jwk = parseJwk(name, value);
    if (kind === 'public' && jwk.d !== undefined) throw new Error('it is a private key; give this process the public key only');
    if (kind === 'private' && jwk.d === undefined) throw new Error('it is a public key');
    return (await importJWK(jwk, INTERNAL_ALGORITHM)) as KeyLike;
  } catch (error) {
    throw new Error(`${name}: not an ${INTERNAL_ALGORITHM} ${kind} key (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
}

/** The gateway's signing key (`QN_GATEWAY_PRIVATE_KEY`); a missing or wrong key stops the gateway at start. */
export function gatewaySigningKey(env: InternalKeyEnvironment = process.env): Promise<KeyLike> {
  return importKey('QN_GATEWAY_PRIVATE_KEY', env.QN_GATEWAY_PRIVATE_KEY, 'private');
}

/** A subgraph's keys; a missing or wrong one stops the subgraph at start. */
export async function subgraphKeys(env: InternalKeyEnvironment = process.env): Promise<SubgraphKeys> {
  const gateway = await importKey('QN_GATEWAY_PUBLIC_KEY', env.QN_GATEWAY_PUBLIC_KEY, 'public');
  const own = await importKey('QN_SERVICE_PRIVATE_KEY', env.QN_SERVICE_PRIVATE_KEY, 'private');
  const services = new Map<string, KeyLike>();
  const raw = env.QN_SERVICE_PUBLIC_KEYS;
  if (raw === undefined || raw.trim() === '')
    throw new Error('QN_SERVICE_PUBLIC_KEYS must be set (a JWKS of the subgraphs that call this one, each with its name as kid)');
  const set = parseJwk('QN_SERVICE_PUBLIC_KEYS', raw) as { keys?: JWK[] };
  if (!Array.isArray(set.keys)) throw new Error('QN_SERVICE_PUBLIC_KEYS must be a JWKS: {"keys": [...]}');
  for (const jwk of set.keys) {
    if (typeof jwk.kid !== 'string' || !SERVICE_NAME.test(jwk.kid)) throw new Error('QN_SERVICE_PUBLIC_KEYS: every key names its subgraph in kid');
    if (services.has(jwk.kid)) throw new Error(`QN_SERVICE_PUBLIC_KEYS: two keys for ${jwk.kid}`);
    services.set(jwk.kid, await importKey(`QN_SERVICE_PUBLIC_KEYS (${jwk.kid})`, JSON.stringify(jwk), 'public'));
  }
  return { gateway, own, services };
}

async function keyPair(): Promise<{ privateKey: string; publicKey: string }> {
  const pair = await generateKeyPair(INTERNAL_ALGORITHM, { extractable: true });
  const [privateJwk, publicJwk] = await Promise.all([exportJWK(pair.privateKey), exportJWK(pair.publicKey)]);
  return { privateKey: JSON.stringify(privateJwk), publicKey: JSON.stringify(publicJwk) };
}

/** A new key set: the gateway's pair and one pair per subgraph (`npm start`, the tests, `npm run -s keys`). */
export async function generateInternalKeys(subgraphs: readonly string[]): Promise<InternalKeySet> {
  const services: InternalKeySet['services'] = {};
  for (const name of subgraphs) services[name] = await keyPair();
  return { gateway: await keyPair(), services };
}

/** The JWKS of these subgraphs' public keys, each named by its subgraph (`QN_SERVICE_PUBLIC_KEYS`). */
export function servicePublicKeys(set: InternalKeySet, names: readonly string[]): string {
  return JSON.stringify({ keys: names.map((name) => ({ ...JSON.parse(set.services[name].publicKey), kid: name, alg: INTERNAL_ALGORITHM, use: 'sig' })) });
}

/**
 * The key variables of one process (`gateway` or a subgraph), and only its own: the
 * gateway its private key; a subgraph the gateway's public key, its own private key and
 * the subgraphs' public keys (its own too: a request may come back to it through another).
 */
export function internalKeyEnvironment(set: InternalKeySet, service: string): Record<string, string> {
  if (service === 'gateway') return { QN_GATEWAY_PRIVATE_KEY: set.gateway.privateKey };
  const own = set.services[service];
  if (!own) throw new Error(`no keys for ${service}`);
  return {
    QN_GATEWAY_PUBLIC_KEY: set.gateway.publicKey,
    QN_SERVICE_PRIVATE_KEY: own.privateKey,
    QN_SERVICE_PUBLIC_KEYS: servicePublicKeys(set, Object.keys(set.services)),
  };
}

/** The key variables every process may hold, named for the deployment's .env (compose maps `<NAME>_SERVICE_PRIVATE_KEY` to each service). */
export function deploymentKeyVariables(set: InternalKeySet): Record<string, string> {
  const names = Object.keys(set.services);
  return {
    QN_GATEWAY_PRIVATE_KEY: set.gateway.privateKey,
    QN_GATEWAY_PUBLIC_KEY: set.gateway.publicKey,
    QN_SERVICE_PUBLIC_KEYS: servicePublicKeys(set, names),
    ...Object.fromEntries(names.map((name) => [`${name.toUpperCase()}_SERVICE_PRIVATE_KEY`, set.services[name].privateKey])),
  };
}
