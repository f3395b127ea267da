import { jwtVerify, SignJWT } from 'jose';
import { Identity, identityClaims, identityFromClaims, ANONYMOUS, unauthenticated } from './identity';

/** The header on which the gateway hands the verified caller to a subgraph. */
export const IDENTITY_HEADER = 'x-qn-identity';
const ISSUER = 'qn-gateway';
/** Each subgraph is its own audience: a token made for police is refused by health. */
export const internalAudience = (subgraph: string): string => `qn-subgraph:${subgraph}`;
const LIFETIME_SECONDS = 15;

/** What an internal token is for: the one subgraph it is sent to, within the one request it serves. */
export interface InternalTokenScope {
  audience: string;
  requestId: string;
}

function secretKey(secret: string | undefined = process.env.QN_INTERNAL_SECRET): Uint8Array {
  if (!secret || secret.length < 32) {
    throw new Error('QN_INTERNAL_SECRET must be set to at least 32 characters (shared by the gateway and every subgraph)');
  }
  return new TextEncoder().encode(secret);
}

/** Checks the secret is configured; services call this at start so they fail fast. */
export function checkInternalSecret(): void {
  secretKey();
}

/** The `service` claim: a subgraph name, lower-case letters only. */
const SERVICE_NAME = /^[a-z]{1,30}$/;

/**
 * A short-lived token the gateway signs for each subgraph request, carrying the
 * caller it verified (or the anonymous caller). Subgraphs accept nothing else.
 * A subgraph calling another one signs the same token for the caller it serves; with
 * `service` set (claim `service`) it also says which subgraph is asking, for the
 * fields only subgraphs may use (access rule `SERVICE`).
 */
export async function signInternalToken(identity: Identity, scope: InternalTokenScope): Promise<string> {
  if (identity.service !== undefined && !SERVICE_NAME.test(identity.service)) throw new Error(`'${identity.service}' is not a service name`);
  const service = identity.service ? { service: identity.service } : {};
  return new SignJWT({ ...identityClaims(identity), anonymous: identity.roles.length === 0, ...service, rid: scope.requestId })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(internalAudience(scope.audience))
    .setIssuedAt()
    .setExpirationTime(`${LIFETIME_SECONDS}s`)
    .sign(secretKey());
}

/** The caller a subgraph request carries; refuses a request without a valid gateway token. */
export async function verifyInternalToken(token: string | undefined, expected: InternalTokenScope): Promise<Identity> {
  if (!token) throw unauthenticated('subgraphs answer only requests that come through the gateway');
  try {
    const { payload } = await jwtVerify(token, secretKey(), {
      issuer: ISSUER,
      audience: internalAudience(expected.audience),
      algorithms: ['HS256'],
      requiredClaims: ['exp', 'iat'],
    });
    // Bound to the request it was made for: replayed under another x-request-id it is refused.
    if (payload.rid !== expected.requestId) throw unauthenticated('the gateway token was made for another request');
    const service = typeof payload.service === 'string' && SERVICE_NAME.test(payload.service) ? { service: payload.service } : {};
    if (payload.anonymous === true) return { ...ANONYMOUS, ...service };
    return { ...identityFromClaims(payload), ...service };
  } catch (error) {
    if (error instanceof Error && 'extensions' in error) throw error;
    throw unauthenticated('the gateway token is not valid');
  }
}
