import { jwtVerify, SignJWT } from 'jose';
import { Identity, identityClaims, identityFromClaims, ANONYMOUS, unauthenticated } from './identity';

/** The header on which the gateway hands the verified caller to a subgraph. */
export const IDENTITY_HEADER = 'x-qn-identity';
const ISSUER = 'qn-gateway';
const AUDIENCE = 'qn-subgraphs';
const LIFETIME_SECONDS = 60;

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

/**
 * A short-lived token the gateway signs for each subgraph request, carrying the
 * caller it verified (or the anonymous caller). Subgraphs accept nothing else.
 */
export async function signInternalToken(identity: Identity): Promise<string> {
  return new SignJWT({ ...identityClaims(identity), anonymous: identity.roles.length === 0 })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${LIFETIME_SECONDS}s`)
    .sign(secretKey());
}

/** The caller a subgraph request carries; refuses a request without a valid gateway token. */
export async function verifyInternalToken(token: string | undefined): Promise<Identity> {
  if (!token) throw unauthenticated('subgraphs answer only requests that come through the gateway');
  try {
    const { payload } = await jwtVerify(token, secretKey(), { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
    if (payload.anonymous === true) return ANONYMOUS;
    return identityFromClaims(payload);
  } catch (error) {
    if (error instanceof Error && 'extensions' in error) throw error;
    throw unauthenticated('the gateway token is not valid');
  }
}
